package ui

import (
	"testing"

	"unionbook/i18n"
)

// A status line goes with the next key, on every screen: the "fix the
// problems" line of a form saved too early stayed on while she typed the
// fix and through the file chooser that followed, and a line stayed on
// over the tab she switched to.
func TestAKeyClearsTheStatusLine(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		a := onMembers(t, lang, 100, 30)
		keys(a, "n", "ctrl+s") // the new member's form, saved empty
		if a.footer.Status().Text == "" {
			t.Fatalf("%s: no status after saving an empty form", lang.Code())
		}
		typeText(a, "张")
		if got := a.footer.Status().Text; got != "" {
			t.Errorf("%s: typing into the form left the status %q", lang.Code(), got)
		}
		keys(a, "ctrl+s")
		if a.footer.Status().Text == "" {
			t.Fatalf("%s: no status after saving an incomplete form", lang.Code())
		}
		keys(a, "esc", "y") // leave the form (it asks first)
		if !a.page().Capturing() {
			keys(a, "2") // the same tab: a switch key
			if got := a.footer.Status().Text; got != "" {
				t.Errorf("%s: switching tabs left the status %q", lang.Code(), got)
			}
		}
	}
}
