package ledger

import (
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/uitest"
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

// The list at 100 columns shows the memo; at 120 every counterparty of the
// test data whole (滨江区总工会, 困难职工李四) beside the memo and source.
func TestGoldenLedgerListAt100(t *testing.T) {
	for _, l := range uitest.Langs {
		t.Run(l.Name, func(t *testing.T) {
			hs, _ := newHarness(t, l.Lang, 100, 30, true)
			uitest.Contains(t, hs.Screen(), l.Lang.T("cashbook.col_memo"), "重阳节慰问")
			hs.RequireGolden()
		})
	}
}

func TestListColumnsByWidth(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 120, 40, true)
	uitest.Contains(t, hs.Screen(), "滨江区总工会", "困难职工李四", "青山镇文化站", "帮扶补助下拨", "手工")
	hs, _ = newHarness(t, i18n.ZH, 80, 24, true)
	if out := hs.Screen(); strings.Contains(out, "重阳节慰问") {
		t.Errorf("the memo shows at 80 columns, leaving the counterparty no room:\n%s", out)
	}
}
