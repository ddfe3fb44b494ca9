package dues

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/roster"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// Golden screens of the Dues tab's screens the app's goldens do not show
// (the arrears, a member's dues and the payment form are in ui/testdata).
// Regenerate with: go test ./ui/dues -update

// harness is the tab of newPage's union, with 张三's payment for 2026-09,
// at w x h in lang, its lists loaded.
func harness(t *testing.T, lang i18n.Lang, w, h int) (*uitest.PageHarness[*Page], []model.Member) {
	t.Helper()
	p, ms := newPage(t)
	c := uitest.NewCommon(p.data.c.Store, lang, uitest.FixedNow)
	pay := model.DuesPayment{MemberID: ms[0].ID, From: 202609, To: 202609, Amount: 1540, Method: model.PayCash, Date: 20261005}
	if err := c.Store.RecordPayment("李", &pay); err != nil {
		t.Fatal(err)
	}
	hs := uitest.NewPageHarness(t, c, w, h, New)
	hs.Driver().Run(hs.P.Load())
	return hs, ms
}

func TestGoldenDuesUnits(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := harness(t, lang, w, h)
		hs.Keys("c")
		hs.RequireGolden()
	})
}

func TestGoldenDuesBatchPreview(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := harness(t, lang, w, h)
		hs.Keys("c", "b", "tab", "ctrl+u")
		hs.Type("2026-09")
		hs.Keys("ctrl+s", "space")
		hs.RequireGolden()
	})
}

func TestGoldenDuesReverseForm(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, ms := harness(t, lang, w, h)
		hs.P.ShowMember(ms[0].ID)
		hs.Keys("r")
		hs.RequireGolden()
	})
}

func TestGoldenDuesWageForm(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, ms := harness(t, lang, w, h)
		hs.P.ShowMember(ms[1].ID)
		hs.Keys("w", "tab", "ctrl+u")
		hs.Type("-5")
		hs.Keys("ctrl+s")
		hs.RequireGolden()
	})
}

// rich adds to the harness's union a unit that collects its own dues
// (with one quarter reported), a member who is exempt and a reminder.
func rich(t *testing.T, hs *uitest.PageHarness[*Page], ms []model.Member) {
	t.Helper()
	s := hs.P.data.c.Store
	u := model.Unit{Name: "青山镇宏达机械制造有限公司工会", Kind: 170}
	if err := s.CreateUnit("李", &u); err != nil {
		t.Fatal(err)
	}
	m := model.Member{Name: "王五", Gender: model.Male, IDNumber: "34052419800101001X", UnitID: u.ID, JoinDate: 20150301}
	if err := s.CreateMember("李", &m); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetWageBase("李", m.ID, model.WageBase{From: 202609, Base: 600000}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetUnitDuesTerm("李", u.ID, model.UnitDuesTerm{From: 202609, Handling: model.HandlingSelf, Scheme: model.SchemeWage, Note: "单独建账"}); err != nil {
		t.Fatal(err)
	}
	r := model.CollectionReport{UnitID: u.ID, From: 202609, To: 202609, Members: 1, Paid: 3000, Date: 20261010, Note: "按月报送"}
	if err := s.AddCollectionReport("李", &r); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetMemberDuesTerm("李", ms[1].ID, model.MemberDuesTerm{From: 202611, Kind: model.MemberExempt, Reason: "长期病休"}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddReminder("李", &model.Reminder{MemberID: ms[1].ID, Date: 20261105, How: model.RemindPhone, Note: "答应月底补缴"}); err != nil {
		t.Fatal(err)
	}
	hs.Send(common.DataChangedMsg{Entity: model.EntityReport})
}

func TestGoldenDuesAllArrears(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, ms := harness(t, lang, w, h)
		rich(t, hs, ms)
		hs.Keys("t")
		hs.RequireGolden()
	})
}

func TestGoldenDuesUnitsWithReports(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, ms := harness(t, lang, w, h)
		rich(t, hs, ms)
		hs.Keys("c")
		hs.RequireGolden()
	})
}

func TestGoldenDuesUnitScreen(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, ms := harness(t, lang, w, h)
		rich(t, hs, ms)
		hs.Keys("c", "j", "enter") // the unit that collects its own
		hs.RequireGolden()
	})
}

func TestGoldenDuesHandlingForm(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := harness(t, lang, w, h)
		hs.Keys("c", "h", "tab", "tab", "right", "tab", "ctrl+u")
		hs.Type("0")
		hs.Keys("ctrl+s")
		hs.RequireGolden()
	})
}

func TestGoldenDuesReportForm(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, ms := harness(t, lang, w, h)
		rich(t, hs, ms)
		hs.Keys("c", "j", "r", "tab", "tab")
		hs.Type("1")
		hs.Keys("ctrl+s")
		hs.RequireGolden()
	})
}

func TestGoldenDuesExceptionForm(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, ms := harness(t, lang, w, h)
		hs.P.ShowMember(ms[0].ID)
		hs.Keys("e", "tab", "left", "ctrl+s")
		hs.RequireGolden()
	})
}

func TestGoldenDuesReminderForm(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, ms := harness(t, lang, w, h)
		hs.P.ShowMember(ms[0].ID)
		hs.Keys("f", "tab", "right", "tab")
		hs.Type("已电话提醒")
		hs.RequireGolden()
	})
}

func TestGoldenDuesMemberWithShortfall(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, ms := harness(t, lang, w, h)
		rich(t, hs, ms)
		pay := model.DuesPayment{MemberID: ms[1].ID, From: 202609, To: 202610, Amount: 1500, Method: model.PayCash, Date: 20261105}
		if err := hs.P.data.c.Store.RecordPayment("李", &pay); err != nil {
			t.Fatal(err)
		}
		hs.Send(common.DataChangedMsg{Entity: model.EntityPayment})
		hs.P.ShowMember(ms[1].ID)
		hs.RequireGolden()
	})
}

func TestGoldenDuesPreviewWithAShortLine(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := harness(t, lang, w, h)
		hs.Keys("c", "b", "tab", "ctrl+u")
		hs.Type("2026-10")
		hs.Keys("ctrl+s", "j", "e", "ctrl+u")
		hs.Type("15")
		hs.Keys("ctrl+s")
		hs.RequireGolden()
	})
}

func TestGoldenDuesImportPreview(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := harness(t, lang, w, h)
		path := filepath.Join(t.TempDir(), "wages.csv")
		os.WriteFile(path, []byte("会员编号,姓名,缴费基数,起始月份\n000001,张三,4000,2026-12\n000002,李四,-5,2026-12\n000009,赵六,3000,2026-12\n"), 0o600)
		plan, err := roster.LoadWages(context.Background(), path, "", hs.P.data.c.Store, roster.WageOptions{Today: hs.P.data.c.Today()})
		if err != nil {
			t.Fatal(err)
		}
		hs.Send(hs.P.Push(newImportPreview(hs.P.data, hs.P.Stack, plan, path)))
		hs.RequireGolden()
	})
}
