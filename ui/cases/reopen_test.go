package cases

import (
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/uitest"
)

// Reopening a case to correct its amount keeps what its closing note said:
// the detail shows it, and the closing form starts from it.
func TestReopenedCaseKeepsItsClosingNote(t *testing.T) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) {
		hs, fx := newHarness(t, lang, 100, 30, true)
		note := "厂方分两期支付，第二期于本月底前到账，职工电话确认"
		if _, err := hs.C.Store.CloseCase(op, fx.ins.ID, model.CaseClosing{Date: 20261104, Outcome: model.OutcomeMediated,
			Recovered: model.Yuan(3_000), Note: note}); err != nil {
			t.Fatal(err)
		}
		hs.open(fx.ins.ID)
		hs.Keys("o")
		hs.Type("追回金额录错")
		hs.Keys("ctrl+s")
		if _, ok := hs.P.Top().(*caseDetail); !ok {
			t.Fatalf("not reopened:\n%s", hs.Screen())
		}
		uitest.Contains(t, hs.Screen(), lang.T("cases.earlier_close_note"), note)
		hs.Keys("c")
		if got := hs.form().Value(fCloseNote); got != note {
			t.Errorf("the closing form starts from %q, want the earlier note", got)
		}
	})
}
