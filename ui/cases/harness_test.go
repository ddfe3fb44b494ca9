package cases

import (
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/form"
	"unionbook/ui/uitest"
)

const op = uitest.Operator

// fixture: two units, three members; a collective wage dispute mediated,
// an insurance call still open at an employer outside the register, a
// case entered by mistake; a high risk still open and a resolved one.
type fixture struct {
	u1, u2          model.Unit
	members         []model.Member // 张三 李四 (u1), 王芳 (u2)
	wages, ins, bad model.Case
	high, low       model.RiskCheck
}

func seedRoster(t *testing.T, s *storage.Store) fixture {
	t.Helper()
	var fx fixture
	if err := s.SaveProfile(op, model.Profile{UnionName: "青山镇总工会", DuesRateBP: 50, Operator: op}); err != nil {
		t.Fatal(err)
	}
	fx.u1 = model.Unit{Name: "青山镇宏达机械制造有限公司工会", Kind: 170, Employees: 320}
	fx.u2 = model.Unit{Name: "青山镇中心小学工会", Kind: 400, Employees: 80}
	for _, u := range []*model.Unit{&fx.u1, &fx.u2} {
		if err := s.CreateUnit(op, u); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range []struct {
		name, id string
		unit     uint64
	}{
		{"张三", "110101199003078670", fx.u1.ID},
		{"李四", "440308199901101512", fx.u1.ID},
		{"王芳", "500154199804106120", fx.u2.ID},
	} {
		m := model.Member{Name: p.name, IDNumber: p.id, UnitID: p.unit, JoinDate: 20150301, Phone: "13800138000"}
		if err := s.CreateMember(op, &m); err != nil {
			t.Fatal(err)
		}
		fx.members = append(fx.members, m)
	}
	return fx
}

func seedCases(t *testing.T, s *storage.Store, fx *fixture) {
	t.Helper()
	fx.high = model.RiskCheck{Date: 20260305, UnitID: fx.u1.ID, Inspector: op, Level: model.RiskHigh,
		Area: model.CaseWages, Findings: "两个月未按时发放工资，无工资台账"}
	fx.low = model.RiskCheck{Date: 20260410, UnitID: fx.u2.ID, Inspector: op, Level: model.RiskLow,
		Area: model.CaseContract, Findings: "三名临聘人员未签劳动合同", Resolved: 20260501, Resolution: "已补签"}
	for _, r := range []*model.RiskCheck{&fx.high, &fx.low} {
		if err := s.CreateRiskCheck(op, r); err != nil {
			t.Fatal(err)
		}
	}
	fx.wages = model.Case{Received: 20260310, Channel: model.ChannelVisit, Type: model.CaseWages,
		Workers:   []model.CaseWorker{{MemberID: fx.members[0].ID}, {Name: "欧阳小明", Phone: "13905912345", IDNumber: "350303199002033073"}},
		Headcount: 12, UnitID: fx.u1.ID, Claimed: model.Yuan(86_400), Summary: "拖欠一、二月工资", RiskCheckID: fx.high.ID,
		Steps: []model.CaseStep{
			{Date: 20260311, Kind: model.StepInvestigate, Who: op, Note: "到厂核对考勤和工资表"},
			{Date: 20260315, Kind: model.StepMediate, Who: op, Note: "厂方同意月底前补发"},
		},
		Closed: 20260331, Outcome: model.OutcomeMediated, Recovered: model.Yuan(86_400), CloseNote: "已全额补发"}
	fx.ins = model.Case{Received: 20261102, Channel: model.ChannelCall, Type: model.CaseInsurance,
		Workers:   []model.CaseWorker{{Name: "赵六", Phone: "13600001111", IDNumber: "430302199312194239"}},
		Headcount: 1, Employer: "青山建筑劳务有限公司", Claimed: model.Yuan(3_600), Summary: "未缴社保"}
	fx.bad = model.Case{Received: 20261105, Channel: model.ChannelVisit, Type: model.CaseOtherType,
		Workers: []model.CaseWorker{{MemberID: fx.members[2].ID}}, Headcount: 1, UnitID: fx.u2.ID,
		Steps: []model.CaseStep{{Date: 20261105, Kind: model.StepInvestigate}}}
	for _, c := range []*model.Case{&fx.wages, &fx.ins, &fx.bad} {
		if _, err := s.CreateCase(op, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.VoidCase(op, fx.bad.ID, "与 1 号案件重复登记"); err != nil {
		t.Fatal(err)
	}
}

// harness drives the page as the app does (see uitest.PageHarness); a
// page drawing more lines than it has fails, and so does a golden screen
// with an ambiguous-width glyph.
type harness struct {
	*uitest.PageHarness[*Page]
}

func newHarness(t *testing.T, lang i18n.Lang, w, h int, withCases bool) (*harness, fixture) {
	t.Helper()
	s := uitest.OpenStore(t, uitest.FixedNow)
	fx := seedRoster(t, s)
	if withCases {
		seedCases(t, s, &fx)
	}
	hs := &harness{uitest.NewPageHarness(t, uitest.NewCommon(s, lang, uitest.FixedNow), w, h, New)}
	hs.StrictHeight = true
	hs.Glyphs = []string{"“", "”", "…", "·", "─", "①", "→"}
	return hs, fx
}

// list is the root screen.
func (hs *harness) list() *caseList { return hs.P.Root().(*caseList) }

// form is the form of the screen in front.
func (hs *harness) form() *form.Form {
	hs.TB.Helper()
	switch s := hs.P.Top().(type) {
	case *caseForm:
		return s.form
	case *stepForm:
		return s.form
	case *closeForm:
		return s.form
	case *form.Screen:
		return s.Form()
	case *workerForm:
		return s.form
	case *riskForm:
		return s.form
	}
	hs.TB.Fatalf("no form in front: %T\n%s", hs.P.Top(), hs.Screen())
	return nil
}

// focus tabs to a form field.
func (hs *harness) focus(key string) {
	hs.TB.Helper()
	for range 20 {
		if hs.form().Focused() == key {
			return
		}
		hs.Keys("tab")
	}
	hs.TB.Fatalf("no field %s", key)
}

// fill replaces a text field's content.
func (hs *harness) fill(key, text string) {
	hs.TB.Helper()
	hs.focus(key)
	hs.Keys("ctrl+u")
	hs.Type(text)
}

// open shows the detail of case id.
func (hs *harness) open(id uint64) {
	hs.TB.Helper()
	hs.list().selectID(id)
	hs.Keys("enter")
	if _, ok := hs.P.Top().(*caseDetail); !ok {
		hs.TB.Fatalf("case %d did not open:\n%s", id, hs.Screen())
	}
}
