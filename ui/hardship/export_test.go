package hardship

import (
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/ui/filechooser"
)

// E takes the files out as listed: the file chooser opens with a name
// made of the list shown and the date.
func TestEOpensTheExportOfTheList(t *testing.T) {
	hs, _ := newHarness(t, i18n.EN, 100, 30, true)
	hs.Keys("E")
	if _, ok := hs.P.Top().(*filechooser.Screen); !ok || !strings.Contains(hs.Screen(), "Open and applied files-2026-11-21.xlsx") {
		t.Errorf("E did not open the export's file chooser:\n%s", hs.Screen())
	}
}
