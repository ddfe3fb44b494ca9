package cases

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/uitest"
)

// The Overview's line on cases keeps every figure whole on a narrow
// screen: the demo's year at 80 columns in Chinese used to lose the count
// of open cases past the edge.
func TestOverviewSectionFitsItsWidth(t *testing.T) {
	c := uitest.NewCommon(uitest.OpenStore(t, uitest.FixedNow), i18n.ZH, uitest.FixedNow)
	f := model.CaseFigures{To: 20261206, CollectiveMin: 5, Cases: 166, Workers: 1226, Collective: 17,
		Closed: 154, Mediated: 146, Open: 12}
	for _, w := range []int{120, 80, 50} {
		lines := OverviewSection().Render(c, f, w)
		for _, l := range lines {
			if ansi.StringWidth(l) > w {
				t.Errorf("at %d: %d cells: %q", w, ansi.StringWidth(l), ansi.Strip(l))
			}
		}
		text := ansi.Strip(strings.Join(lines, "\n"))
		uitest.Contains(t, text, "2026年维权案件 166", "涉及职工 1226", "集体争议(5人+) 17", "调解成功率 94.80%", "办理中 12")
		if w == 120 && len(lines) != 1 {
			t.Errorf("one line at 120: %q", text)
		}
	}
}
