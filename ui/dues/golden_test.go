package dues

import (
	"testing"

	"unionbook/i18n"
	"unionbook/model"
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
