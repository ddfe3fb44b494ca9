package units

import (
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/storage"
	"unionbook/ui/uitest"
)

// New books have no employers and no employees: the rates are not there
// to be had ("-", as the dues rate with nothing due), not 0.00%.
func TestOverviewRatesOfNothingAreADash(t *testing.T) {
	for lang, want := range map[i18n.Lang][]string{
		i18n.ZH: {"2026 年建会率 -（0/0）", "入会率 -（0/0）", "到期应换届 0"},
		i18n.EN: {"Union formation rate 2026 - (0/0)", "membership rate - (0/0)", "elections due 0"},
	} {
		c := uitest.NewCommon(uitest.OpenStore(t, uitest.FixedNow), lang, uitest.FixedNow)
		g, err := OverviewSection().Compute(c.Store, c.Today())
		if err != nil {
			t.Fatal(err)
		}
		if g.(storage.OrgGlance).Rates.Period != "2026" {
			t.Fatalf("period %+v", g)
		}
		var out []string
		for _, cards := range OverviewSection().Render(c, g) {
			out = append(out, uitest.Screen(cards.String()))
		}
		uitest.Contains(t, strings.Join(out, "\n"), want...)
	}
}
