package units

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// orgStore is a township with a single union that keeps its register (two
// committees, a congress, a wage agreement, a county 职工之家, an election
// due next month), a village joint union, members, an honour, and two
// unorganised employers: one visited, one not.
func orgStore(t *testing.T) *storage.Store {
	t.Helper()
	s := uitest.OpenStore(t, uitest.FixedNow)
	op := uitest.Operator
	p := model.DefaultProfile()
	p.UnionName, p.Operator, p.MinLiving = "青山镇总工会", op, model.Yuan(850)
	if err := s.SaveProfile(op, p); err != nil {
		t.Fatal(err)
	}
	u := model.Unit{Name: "青山镇宏达机械制造有限公司工会", CreditCode: "91350100M000100Y43", Kind: 170, Form: model.FormSingle,
		Employees: 320, Women: 120, MigrantWorkers: 150, Chair: "王建国", Phone: "0591-87654321",
		RegionCode: "350111", StatCode: "3501110001", FormedOn: 20080315,
		Committees:      []model.Committee{{Kind: model.CommitteeWomen, Formed: 20100301, Chair: "林秀英", Members: 5}, {Kind: model.CommitteeMediation, Formed: 20150601, Members: 3}},
		WorkersCongress: true, CongressLast: 20260310, CongressDelegates: 40, CongressWomen: 15, OpenAffairs: true,
		ContractSigned: 20240301, ContractExpires: 20270228, ContractCovered: 300,
		WageSigned: 20260115, WageExpires: 20261231, WageCovered: 290, WageRaiseBP: 350,
		HomeLevel: model.HomeCounty, HomeYear: 2022, Bookhouse: true, StaffPart: 5, ElectedOn: 20211215}
	v := model.Unit{Name: "青山镇重庆村联合工会", Form: model.FormVillage, Employees: 80, Women: 30, Chair: "单志强", CoveredEmployers: 9, ElectedOn: 20230601}
	for _, x := range []*model.Unit{&u, &v} {
		if err := s.CreateUnit(op, x); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range []model.Member{
		{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", UnitID: u.ID, JoinDate: 20150301},
		{Name: "李四", Gender: model.Male, IDNumber: "350303199002033073", UnitID: v.ID, JoinDate: 20200101},
	} {
		if err := s.CreateMember(op, &m); err != nil {
			t.Fatal(err)
		}
	}
	h := model.Honour{UnitID: u.ID, Title: model.HonourPioneer, Level: model.LevelCity, Year: 2025, Body: "福州市总工会"}
	if err := s.CreateHonour(op, &h); err != nil {
		t.Fatal(err)
	}
	for _, e := range []model.Employer{
		{Name: "青山镇鑫源物流有限公司", Kind: 170, Employees: 45, Women: 10, Contact: "陈经理", Phone: "13800138000", Registered: 20260110},
		{Name: "青山镇万家超市有限公司", Kind: 170, Employees: 30, Registered: 20260301},
	} {
		if err := s.CreateEmployer(op, &e); err != nil {
			t.Fatal(err)
		}
		if e.Employees == 45 {
			if _, err := s.VisitEmployer(op, e.ID, model.OrganisingVisit{Date: 20260305, By: "王主席", Outcome: "负责人同意研究建会", Next: 20260405}); err != nil {
				t.Fatal(err)
			}
		}
	}
	return s
}

func orgHarness(t *testing.T, s *storage.Store, lang i18n.Lang, w, h int) *uitest.PageHarness[*Page] {
	return uitest.NewPageHarness(t, uitest.NewCommon(s, lang, uitest.FixedNow), w, h, func(c *common.Common) *Page { return New(c) })
}

// The screens of the organisation register, at both sizes in both
// languages.
func TestGoldenOrgScreens(t *testing.T) {
	s := orgStore(t)
	screens := []struct {
		name string
		keys []string
	}{
		{"Summary", []string{"enter"}},
		{"Organisation", []string{"enter", "tab"}},
		{"Committees", []string{"enter", "tab", "enter"}},
		{"Agreements", []string{"enter", "tab", "down", "down", "enter"}},
		{"Honours", []string{"enter", "H"}},
		{"Employers", []string{"u"}},
		{"EmployerDetail", []string{"u", "enter"}},
		{"FormedForm", []string{"u", "enter", "b"}},
		{"Elections", []string{"r"}},
		{"Figures", []string{"f"}},
	}
	for _, sc := range screens {
		t.Run(sc.name, func(t *testing.T) {
			uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
				hs := orgHarness(t, s, lang, w, h)
				hs.Keys(sc.keys...)
				hs.RequireGolden()
			})
		})
	}
}

// A new user's way through: register an unorganised employer, visit it,
// then record that it formed its union — the unit appears in the list with
// the employer's data, and the employer keeps its record and visit.
func TestRegisterAnEmployerThenItsUnion(t *testing.T) {
	s := orgStore(t)
	hs := orgHarness(t, s, i18n.ZH, 100, 30)
	hs.Keys("u", "n")
	hs.Type("青山镇恒通汽车维修有限公司")
	hs.Keys("tab", "tab", "tab")
	hs.Type("26")
	hs.Keys("ctrl+s")
	if !strings.Contains(hs.Status.Text, "已保存") {
		t.Fatalf("employer not saved: %q\n%s", hs.Status.Text, hs.Screen())
	}
	hs.Keys("/")
	hs.Type("恒通")
	hs.Keys("enter", "enter", "v")
	// a visit before the registration is refused next to its field
	hs.Keys("end")
	for range 10 {
		hs.Keys("backspace")
	}
	hs.Type("2025-01-01")
	hs.Keys("tab")
	hs.Keys("tab")
	hs.Type("说明建会意义，同意筹建")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "早于登记日期")
	es, _ := s.Employers()
	for _, e := range es {
		if strings.Contains(e.Name, "恒通") && len(e.Visits) != 0 {
			t.Fatal("a refused visit was written")
		}
	}
	// the refusal put the caret back in the date, the field with the problem
	hs.Keys("end")
	for range 10 {
		hs.Keys("backspace")
	}
	hs.Type("2026-11-21")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "说明建会意义，同意筹建", "跟进中")
	hs.Keys("b")
	uitest.Contains(t, hs.Screen(), "青山镇恒通汽车维修有限公司工会")
	hs.Keys("tab", "tab", "tab", "tab")
	hs.Type("赵敏")
	hs.Keys("ctrl+s")
	if !strings.Contains(hs.Status.Text, "已建会") {
		t.Fatalf("not formed: %q\n%s", hs.Status.Text, hs.Screen())
	}
	uitest.Contains(t, hs.Screen(), "青山镇恒通汽车维修有限公司工会", "赵敏", "由未建会单位建会转来")
	us, _ := s.Units()
	var formed model.Unit
	for _, u := range us {
		if u.Name == "青山镇恒通汽车维修有限公司工会" {
			formed = u
		}
	}
	if formed.ID == 0 || formed.Employees != 26 || formed.FormedOn != model.DateOf(uitest.FixedNow) || formed.FromEmployer == 0 {
		t.Fatalf("unit %+v", formed)
	}
	e, _ := s.Employer(formed.FromEmployer)
	if e.Status != model.EmployerFormed || len(e.Visits) != 1 || e.UnitID != formed.ID {
		t.Errorf("employer after forming: %+v", e)
	}
}

// The wage agreement and a committee typed in their forms reach the unit
// and the survey figures; bad input names its field and writes nothing.
func TestRecordAWageAgreementAndACommittee(t *testing.T) {
	s := orgStore(t)
	hs := orgHarness(t, s, i18n.EN, 100, 30)
	hs.Keys("down", "enter", "tab", "down", "down", "enter") // the village union's agreements
	hs.Keys("tab", "tab", "tab")
	hs.Type("2026-01-10")
	hs.Keys("tab")
	hs.Type("2026-01-01") // expires before it is signed
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "must be after the signing date")
	if u, _ := s.Unit(2); u.WageSigned != 0 {
		t.Fatal("a refused agreement was written")
	}
	for range 10 {
		hs.Keys("backspace")
	}
	hs.Type("2026-12-31")
	hs.Keys("tab")
	hs.Type("60")
	hs.Keys("tab")
	hs.Type("4.5")
	hs.Keys("ctrl+s")
	u, _ := s.Unit(2)
	if u.WageSigned != 20260110 || u.WageExpires != 20261231 || u.WageCovered != 60 || u.WageRaiseBP != 450 {
		t.Fatalf("wage agreement %+v", u)
	}
	uitest.Contains(t, hs.Screen(), "wage agreement until 2026-12-31")
	hs.Keys("up", "up", "enter", "down", "down", "enter") // committees: law supervision
	hs.Type("2026-11-01")
	hs.Keys("tab")
	hs.Type("周平")
	hs.Keys("ctrl+s")
	u, _ = s.Unit(2)
	if c, ok := u.Committee(model.CommitteeLawWatch); !ok || c.Formed != 20261101 || c.Chair != "周平" {
		t.Fatalf("committees %+v", u.Committees)
	}
	st, _ := s.OrgStats(model.DateOf(uitest.FixedNow))
	if st.Survey.Committees["law_watch"] != 1 || st.Survey.WageAgreements != 2 {
		t.Errorf("survey %+v", st.Survey)
	}
}

// Between 96 and 120 columns the unit's facts stand in two columns: the
// left one takes the room its figures need (the staff counts were cut
// after 农民~ at 100 columns), the right one keeps its own.
func TestUnitFactsAreNotCutInTwoColumns(t *testing.T) {
	s := orgStore(t)
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		for _, w := range []int{96, 100, 110} {
			hs := orgHarness(t, s, lang, w, 30)
			hs.Keys("enter")
			lines := strings.Split(hs.Screen(), "\n")
			if len(lines) < 12 {
				t.Fatalf("%s %d: no detail:\n%s", lang.Code(), w, hs.Screen())
			}
			for _, l := range lines[2:10] {
				if strings.Contains(l, "~") {
					t.Errorf("%s %d: a fact is cut: %q\n%s", lang.Code(), w, l, hs.Screen())
				}
			}
			uitest.CheckGeometry(t, hs.Screen(), w, 28) // the framed page: H-2 lines
		}
	}
}

// The survey items under the figures wrap between clauses, never between
// a label and its figure (at 100 columns 劳动保护监督检查委员会 stood at the
// end of a line and its 0 alone on the next).
func TestFiguresWrapBetweenClauses(t *testing.T) {
	s := orgStore(t)
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		for _, w := range []int{80, 100, 120} {
			hs := orgHarness(t, s, lang, w, 30)
			hs.Keys("f")
			if strings.Contains(hs.Screen(), "~") { // the rule beside the title was cut at 80 in English
				t.Errorf("%s %d: something is cut:\n%s", lang.Code(), w, hs.Screen())
			}
			lines := strings.Split(hs.Screen(), "\n")
			title := strings.Fields(hs.C.T("figures.survey_title", "x"))[0]
			first := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, title) })
			if first < 0 {
				t.Fatalf("%s %d: no survey items:\n%s", lang.Code(), w, hs.Screen())
			}
			for i := first + 2; i < len(lines); i++ {
				prev, l := strings.TrimRight(lines[i-1], " "), strings.TrimSpace(lines[i])
				if startsWithFigure.MatchString(l) && prev != "" && !endsAClause.MatchString(prev) {
					t.Errorf("%s %d: a label and its figure parted at %q / %q:\n%s", lang.Code(), w, prev, l, hs.Screen())
				}
			}
			uitest.CheckGeometry(t, hs.Screen(), w, 28)
		}
	}
}

var (
	startsWithFigure = regexp.MustCompile(`^\d`)
	endsAClause      = regexp.MustCompile(`[，；,;:：)）]$`)
)

// The agreed raise is a percentage: a word typed there is told so, not
// that it is no amount of money.
func TestAgreedRaiseThatIsNoNumberIsToldItIsAPercentage(t *testing.T) {
	s := orgStore(t)
	for lang, want := range map[i18n.Lang]string{i18n.ZH: "「三」不是百分比", i18n.EN: `"three" is not a percentage`} {
		hs := orgHarness(t, s, lang, 100, 30)
		hs.Keys("down", "enter", "tab", "down", "down", "enter") // the village union's agreements
		hs.Keys("tab", "tab", "tab")
		hs.Type("2026-01-10")
		hs.Keys("tab", "tab", "tab")
		hs.Type(map[i18n.Lang]string{i18n.ZH: "三", i18n.EN: "three"}[lang])
		hs.Keys("ctrl+s")
		out := hs.Screen()
		uitest.Contains(t, out, want)
		if strings.Contains(out, "金额") || strings.Contains(out, "amount") {
			t.Errorf("%s: the raise is called an amount:\n%s", lang.Code(), out)
		}
		if u, _ := s.Unit(2); u.WageSigned != 0 {
			t.Fatal("a refused agreement was written")
		}
	}
}

// At 80 columns every screen of the tab shows its keys whole, ending with
// ? and q where they work: the list's footer was cut after 建会率/入会率.
func TestFootersFitAt80Columns(t *testing.T) {
	s := orgStore(t)
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		for _, keys := range [][]string{nil, {"enter"}, {"enter", "tab"}, {"u"}, {"u", "enter"}, {"r"}, {"f"}} {
			hs := orgHarness(t, s, lang, 80, 24)
			hs.Keys(keys...)
			lines := strings.Split(hs.Screen(), "\n")
			footer := lines[len(lines)-1]
			if strings.HasSuffix(strings.TrimRight(footer, " "), "~") {
				t.Errorf("%s %v: the keys are cut: %q", lang.Code(), keys, footer)
			}
		}
	}
}

// An employer that formed its union says so once, naming the union, and
// at 80 columns the line is whole (it read 已建会  已建会为「…」（2026-~).
func TestFormedEmployerNamesItsUnionOnce(t *testing.T) {
	s := orgStore(t)
	es, err := s.Employers()
	if err != nil {
		t.Fatal(err)
	}
	e := es[0]
	u := model.UnitFromEmployer(&e, 20261101)
	if _, err := s.EmployerFormed(uitest.Operator, e.ID, &u); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[i18n.Lang]string{
		i18n.ZH: "状态             已建会为「" + u.Name + "」（2026-11-01）",
		i18n.EN: "Status      union formed: " + u.Name + " (2026-11-01)",
	} {
		hs := orgHarness(t, s, lang, 80, 24)
		hs.Keys("u", "end", "enter")
		out := hs.Screen()
		uitest.Contains(t, out, want)
		if strings.Contains(out, "已建会  已建会") || strings.Contains(out, "formed  formed") {
			t.Errorf("%s: the status is said twice:\n%s", lang.Code(), out)
		}
	}
}

// The 换届 list's days left are whole at 80 columns, however overdue (超期
// 311 天 was cut to 超期 311 ~).
func TestElectionDaysLeftAreWhole(t *testing.T) {
	s := orgStore(t)
	u, err := s.Unit(2)
	if err != nil {
		t.Fatal(err)
	}
	u.ElectedOn = 20210101 // term ended 2026-01-01, 324 days before 2026-11-21
	if err := s.UpdateUnit(uitest.Operator, &u); err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[i18n.Lang]string{i18n.ZH: "超期 324 天", i18n.EN: "324 days late"} {
		hs := orgHarness(t, s, lang, 80, 24)
		hs.Keys("r")
		uitest.Contains(t, hs.Screen(), want)
	}
}

// The organisation pane names each section whole, in both languages
// (Workers' congress and ope~ even at 120 columns).
func TestOrganisationSectionNamesAreWhole(t *testing.T) {
	s := orgStore(t)
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		for _, w := range []int{80, 120} {
			hs := orgHarness(t, s, lang, w, 24)
			hs.Keys("down", "enter", "tab")
			for _, k := range []string{"committees", "congress", "agreements", "home", "election", "honours"} {
				name := hs.C.T("sections." + k)
				if !strings.Contains(hs.Screen(), " "+name+" ") {
					t.Errorf("%s %d: section %q is not whole:\n%s", lang.Code(), w, name, hs.Screen())
				}
			}
		}
	}
}

// A committee's form is titled with a capital, as every other form.
func TestCommitteeFormTitleIsCapitalised(t *testing.T) {
	s := orgStore(t)
	hs := orgHarness(t, s, i18n.EN, 100, 30)
	hs.Keys("down", "enter", "tab", "enter", "enter") // the village union's committees: women's
	uitest.Contains(t, hs.Screen(), "Women workers' committee: ")
}
