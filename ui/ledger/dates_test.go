package ledger

import (
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// The entry form's date reads what every date field reads: 2026.11 is the
// first of November, 2026年11月5日 the fifth.
func TestEntryDateReadsAsTheImportDoes(t *testing.T) {
	for _, c := range []struct {
		typed string
		want  model.Date
	}{{"2026.11", 20261101}, {"2026年11月5日", 20261105}, {"2026-11", 20261101}} {
		hs, _ := newHarness(t, i18n.ZH, 100, 30, true)
		hs.Keys("n")
		hs.clear(len("2026-11-21"))
		hs.Type(c.typed)
		hs.Keys("tab", "tab", "enter")
		hs.Type("wt")
		hs.Keys("enter", "tab")
		hs.Type("10")
		hs.Keys("tab")
		hs.Type("青山镇文化站")
		hs.Keys("tab")
		hs.Type("奖品")
		hs.Keys("ctrl+s")
		ls, _ := hs.C.Store.Ledger(storage.LedgerFilter{})
		var got model.Date
		for _, e := range ls {
			if e.Memo == "奖品" {
				got = e.Date
			}
		}
		if got != c.want {
			t.Errorf("%q was saved as %v, want %v\n%s", c.typed, got, c.want, hs.Screen())
		}
	}
}

// A bank statement's date given as a month is that month's end.
func TestStatementMonthIsItsEnd(t *testing.T) {
	hs := booksHarness(t, i18n.EN, 100, 30)
	hs.menuTo(menuReconcile)
	hs.Keys("s")
	hs.clear(len("2026-10-31"))
	hs.Type("2026.10")
	hs.Keys("tab")
	hs.clear(len("21000.00"))
	hs.Type("100")
	hs.Keys("ctrl+s")
	r, err := hs.C.Store.Reconcile(20261031)
	if err != nil || !r.HasStatement || r.LastStatement != 20261031 || r.Statement != model.Yuan(100) {
		t.Errorf("statement %+v %v\n%s", r, err, hs.Screen())
	}
}
