package settings

import (
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/uitest"
)

// Golden screens of the Settings tab's screens the app's goldens do not
// show (the summary is in ui/testdata). Regenerate with:
// go test ./ui/settings -update

func harness(t *testing.T, lang i18n.Lang, w, h int) *uitest.PageHarness[*Page] {
	t.Helper()
	s := uitest.OpenStore(t, uitest.FixedNow)
	p := model.DefaultProfile()
	p.UnionName, p.Operator = "青山镇总工会", uitest.Operator
	p.CustomAccounts = []model.Account{{Code: "50190", Name: "职工书屋", Direction: model.Out}}
	if err := s.SaveProfile(uitest.Operator, p); err != nil {
		t.Fatal(err)
	}
	return uitest.NewPageHarness(t, uitest.NewCommon(s, lang, uitest.FixedNow), w, h, New)
}

func TestGoldenSettingsChart(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := harness(t, lang, w, h)
		hs.Keys("c")
		hs.RequireGolden()
	})
}

func TestGoldenSettingsAccountFormWithErrors(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := harness(t, lang, w, h)
		hs.Keys("c", "n", "tab")
		hs.Type("50190") // not under the first parent, and taken
		hs.Keys("ctrl+s")
		hs.RequireGolden()
	})
}

func TestGoldenSettingsHardshipForm(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := harness(t, lang, w, h)
		hs.Keys("h")
		hs.RequireGolden()
	})
}

func TestGoldenSettingsAuditLog(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := harness(t, lang, w, h)
		hs.Keys("l")
		hs.RequireGolden()
	})
}

func TestGoldenSettingsBooks(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := harness(t, lang, w, h)
		hs.Keys("k")
		hs.RequireGolden()
	})
}

func TestGoldenSettingsOpenings(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := harness(t, lang, w, h)
		hs.Keys("o", "tab")
		for range len("0.00") {
			hs.Keys("backspace")
		}
		hs.Type("-1")
		hs.RequireGolden()
	})
}

// The dues form with a rate change from 2027-01 in place: the form shows
// that rate and its month, and its intro says a rate starts from a month.
func TestGoldenSettingsDuesRateFromAMonth(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := harness(t, lang, w, h)
		s := hs.C.Store
		p, _, _ := s.Profile()
		p.SetDuesRate(model.DuesRate{From: 202701, RateBP: 80, TruncUnit: model.Yuan(10)})
		if err := s.SaveProfile(uitest.Operator, p); err != nil {
			t.Fatal(err)
		}
		hs.Keys("d")
		hs.RequireGolden()
	})
}

// The summary with a rate change: the rate in force now, and the rate's
// periods one a line under "Rate changes".
func TestGoldenSettingsSummaryWithRateChange(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		s := uitest.OpenStore(t, uitest.FixedNow)
		p := model.DefaultProfile()
		p.UnionName, p.Operator = "青山镇总工会", uitest.Operator
		p.SetDuesRate(model.DuesRate{From: 202611, RateBP: 80, TruncUnit: model.Yuan(10)})
		if err := s.SaveProfile(uitest.Operator, p); err != nil {
			t.Fatal(err)
		}
		hs := uitest.NewPageHarness(t, uitest.NewCommon(s, lang, uitest.FixedNow), w, h, New)
		hs.RequireGolden()
	})
}
