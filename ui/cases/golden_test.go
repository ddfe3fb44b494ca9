package cases

import (
	"testing"

	"unionbook/i18n"
	"unionbook/ui/uitest"
)

func TestGoldenCasesList(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.RequireGolden()
	})
}

func TestGoldenCasesEmpty(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, false)
		hs.RequireGolden()
	})
}

// Searching by the pinyin initials of the unit: 宏达 by "hd".
func TestGoldenCasesSearchPinyin(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("/")
		hs.Type("hd")
		hs.RequireGolden()
	})
}

func TestGoldenCaseDetail(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, fx := newHarness(t, lang, w, h, true)
		hs.open(fx.wages.ID)
		hs.RequireGolden()
	})
}

func TestGoldenCaseFormWithErrors(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("n")
		hs.fill(fReceived, "2026-11-31")
		hs.fill(fHeadcount, "十二")
		hs.fill(fClaimed, "-5")
		hs.Keys("ctrl+s")
		hs.RequireGolden()
	})
}

func TestGoldenCaseWorkers(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, fx := newHarness(t, lang, w, h, true)
		hs.open(fx.ins.ID)
		hs.Keys("e")
		hs.focus(fWorkers)
		hs.Keys("enter")
		hs.RequireGolden()
	})
}

func TestGoldenCaseStepForm(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, fx := newHarness(t, lang, w, h, true)
		hs.open(fx.ins.ID)
		hs.Keys("a")
		hs.fill(fStepDate, "2026-11-01") // before the call came in
		hs.Keys("ctrl+s")
		hs.RequireGolden()
	})
}

// The close form warns, while typed, of an amount above the one in dispute.
func TestGoldenCaseCloseForm(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, fx := newHarness(t, lang, w, h, true)
		hs.open(fx.ins.ID)
		hs.Keys("c")
		hs.focus(fOutcome)
		hs.Keys("space")
		hs.fill(fRecovered, "4000")
		hs.RequireGolden()
	})
}

func TestGoldenCaseFigures(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("f")
		hs.RequireGolden()
	})
}

func TestGoldenRiskChecks(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("r")
		hs.RequireGolden()
	})
}

func TestGoldenRiskForm(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("r", "n")
		hs.focus("rk_level")
		hs.Keys("right", "right")
		hs.Keys("ctrl+s")
		hs.RequireGolden()
	})
}

// The chooser of a case's workers: the case's unit (中心小学) first, ID
// numbers masked, then the same searched by a name's initials.
func TestGoldenMemberChooser(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, false)
		hs.Keys("n")
		hs.focus(fUnit)
		hs.Type("zxxx")
		hs.Keys("enter")
		hs.focus(fWorkers)
		hs.Keys("enter", "m")
		hs.RequireGolden()
	})
}

func TestGoldenMemberChooserSearch(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, false)
		hs.Keys("n")
		hs.focus(fWorkers)
		hs.Keys("enter", "m")
		hs.Type("ls")
		hs.RequireGolden()
	})
}
