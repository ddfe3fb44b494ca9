package auditlog

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/ui/uitest"
)

// A click selects the entry under the pointer and a second click opens
// it: the entry of 10:12 (单丽华's change of status), not the line above
// or below, at both sizes.
func TestClickOpensTheEntryUnderThePointer(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		v := newViewAt(t, lang, w, h, nil)
		click := func(y int) {
			uitest.RunCmd(v.Stack.Update(tea.MouseClickMsg{X: 3, Y: y, Button: tea.MouseLeft}), v.Stack.Update)
		}
		for _, at := range []string{"10:12", "09:44"} {
			y := -1
			for i, line := range strings.Split(uitest.Screen(v.Stack.View()), "\n") {
				if strings.Contains(line, at) {
					y = i
					break
				}
			}
			if y < 0 {
				t.Fatalf("no entry of %s:\n%s", at, uitest.Screen(v.Stack.View()))
			}
			click(y)
			if got := v.List.table.Cell(v.List.table.Cursor(), 0); !strings.HasSuffix(got, at) {
				t.Fatalf("a click on the entry of %s selected the one of %s", at, got)
			}
			click(y)
			if _, ok := v.Stack.Top().(*detail); !ok {
				t.Fatalf("a second click on the entry of %s did not open it:\n%s", at, uitest.Screen(v.Stack.View()))
			}
			v.Stack.Update(uitest.Key("esc"))
		}
	})
}
