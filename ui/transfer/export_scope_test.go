package transfer

import (
	"testing"

	"unionbook/i18n"
	"unionbook/ui/uitest"
)

// The export form's choice of records: this period's (the default) or
// every record; the preview says which.
func TestGoldenExportFormScope(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := open(t, exportStore(t), lang, w, h)
		hs.Keys("E")
		f := setField(t, hs, exScope, "")
		if f.whole || f.job().opts.Whole {
			t.Fatal("the form starts with every record")
		}
		uitest.Contains(t, hs.Screen(), hs.C.T("period.scope_period"))
		hs.Keys("space")
		if !f.whole || !f.job().opts.Whole {
			t.Fatal("space does not choose every record")
		}
		out := hs.Screen()
		uitest.CheckGlyphs(t, out, "“", "”", "…", "·", "→", "↑", "↓", "█", "░", "─")
		uitest.Contains(t, out, hs.C.T("period.scope_whole"))
		if w >= 120 {
			uitest.Contains(t, out, hs.C.T("period.scope_note_whole"))
		}
		if cur := hs.P.Cursor(); cur != nil {
			t.Errorf("a caret on a choice: %+v", cur)
		}
		hs.RequireGolden()
		hs.Keys("left")
		if f.whole {
			t.Error("left does not go back to the period's records")
		}
	})
}
