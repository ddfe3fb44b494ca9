package hardship

import (
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/uitest"
)

const op = uitest.Operator

type fixture struct {
	zs, ls model.Member
	file   model.HardshipFile // 李四's active file with aid
}

// seed: a union with 低保 850, two members, and 李四 filed (active since
// 2025, reviewed in 2025, given 送温暖 in January 2026).
func seed(t *testing.T, s *storage.Store) fixture {
	t.Helper()
	var fx fixture
	p := model.DefaultProfile()
	p.UnionName, p.MinLiving, p.Operator = "青山镇总工会", model.Yuan(850), op
	if err := s.SaveProfile(op, p); err != nil {
		t.Fatal(err)
	}
	u := &model.Unit{Name: "青山镇宏达机械制造有限公司工会", Kind: 170, Employees: 320}
	if err := s.CreateUnit(op, u); err != nil {
		t.Fatal(err)
	}
	fx.zs = model.Member{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", UnitID: u.ID, JoinDate: 20150301}
	fx.ls = model.Member{Name: "李四", Gender: model.Male, IDNumber: "110101198505051238", UnitID: u.ID, JoinDate: 20120301}
	for _, m := range []*model.Member{&fx.zs, &fx.ls} {
		if err := s.CreateMember(op, m); err != nil {
			t.Fatal(err)
		}
	}
	fx.file = model.HardshipFile{MemberID: fx.ls.ID, Status: model.HardshipActive, Category: model.CategoryRelative,
		MainCause: model.CauseLaidOff, HouseholdSize: 3, YearlyIncome: model.Yuan(43200), Health: "高血压",
		BankName: "中国农业银行", BankAccount: "6228480012345678901", AppliedDate: 20250310,
		Household: []model.HouseholdMember{{Name: "王芳", Relation: "配偶", MonthlyIncome: model.Yuan(1200), SchoolOrWork: "灵活就业"}}}
	if err := s.CreateHardshipFile(op, &fx.file); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReviewHardshipFile(op, fx.file.ID, model.HardshipReview{Date: 20251105, Reviewer: "王主席", Finding: "情况未变，继续在档"}); err != nil {
		t.Fatal(err)
	}
	a := model.AidRecord{FileID: fx.file.ID, Type: model.AidWarmth, Date: 20260120, Cash: model.Yuan(800), Goods: "米、油", GoodsValue: model.Yuan(200),
		Fund: model.FundHigher, Approver: "王主席"}
	if _, err := s.RecordAid(op, &a); err != nil {
		t.Fatal(err)
	}
	return fx
}

// newHarness drives the page at w x h as the app does, on a store seeded
// when withData is set.
func newHarness(t *testing.T, lang i18n.Lang, w, h int, withData bool) (*uitest.PageHarness[*Page], fixture) {
	t.Helper()
	s := uitest.OpenStore(t, uitest.FixedNow)
	var fx fixture
	if withData {
		fx = seed(t, s)
	}
	return uitest.NewPageHarness(t, uitest.NewCommon(s, lang, uitest.FixedNow), w, h, New), fx
}

// top is the screen in front as a T, if it is one.
func top[T common.Screen](hs *uitest.PageHarness[*Page]) (T, bool) {
	s, ok := hs.P.Top().(T)
	return s, ok
}

// onForm reports a form in front.
func onForm(hs *uitest.PageHarness[*Page]) bool {
	_, ok := hs.P.Top().(interface{ theForm() *form.Form })
	return ok
}

// formOf is the form in front; the test stops without one.
func formOf(t *testing.T, hs *uitest.PageHarness[*Page]) *form.Form {
	t.Helper()
	f, ok := hs.P.Top().(interface{ theForm() *form.Form })
	if !ok {
		t.Fatalf("no form in front (%T):\n%s", hs.P.Top(), hs.Screen())
	}
	return f.theForm()
}

// detailOf is the file detail in front; the test stops without one.
func detailOf(t *testing.T, hs *uitest.PageHarness[*Page]) *detail {
	t.Helper()
	d, ok := top[*detail](hs)
	if !ok {
		t.Fatalf("no file detail in front (%T):\n%s", hs.P.Top(), hs.Screen())
	}
	return d
}

// refresh tells the page the store changed, as the app does after a write
// in another tab.
func refresh(hs *uitest.PageHarness[*Page]) {
	hs.Send(common.DataChangedMsg{Entity: model.EntityHardship})
}
