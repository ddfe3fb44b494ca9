package settings

import (
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/ui/uitest"
)

// On the chart of accounts a click puts the cursor on the account under
// the pointer (the third account, then the first), not the line below
// it.
func TestClickSelectsTheAccountUnderThePointer(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := harness(t, lang, w, h)
		hs.Keys("c")
		ch, ok := hs.P.Top().(*chart)
		if !ok {
			t.Fatalf("c did not open the chart:\n%s", hs.Screen())
		}
		lines := strings.Split(hs.Screen(), "\n")
		for _, row := range []int{2, 0} {
			code := strings.TrimSpace(ch.table.Cell(row, 0))
			y := -1
			for i, l := range lines {
				if f := strings.Fields(l); len(f) > 0 && f[0] == code {
					y = i
					break
				}
			}
			if y < 0 {
				t.Fatalf("no line starts with %s:\n%s", code, hs.Screen())
			}
			hs.Click(3, y)
			if got := ch.table.Cursor(); got != row {
				t.Errorf("a click on %s selected row %d, not %d", code, got, row)
			}
		}
	})
}
