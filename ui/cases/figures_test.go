package cases

import (
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/ui/uitest"
)

// At 80x24 every figure the screen has is within reach: the amounts by
// type and channel, and the cases by month below them (the month table
// used to give way without a word, and the amounts with it).
func TestFiguresReachEveryBreakdownAt80x24(t *testing.T) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) {
		hs, _ := newHarness(t, lang, 80, 24, true)
		hs.Keys("f")
		first := hs.Screen()
		seen := first
		for range 30 {
			hs.Keys("down")
			seen += "\n" + hs.Screen()
		}
		uitest.Contains(t, seen, lang.T("cases.by_type"), lang.T("cases.by_channel"), lang.T("cases.by_month"), "2026-11")
		wages := false // the wage dispute's row with its amount
		for _, l := range strings.Split(seen, "\n") {
			wages = wages || strings.HasPrefix(l, lang.T("cases.type.wages")) && strings.Contains(l, "86,400.00")
		}
		if !wages {
			t.Errorf("no amount by type:\n%s", seen)
		}
		hs.Keys("home")
		if hs.Screen() != first {
			t.Errorf("home goes back to the top:\n%s", hs.Screen())
		}
	})
}
