package dues

import (
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/uitest"
)

// clickOn clicks the first page line that shows text (twice when twice:
// a second click on the selected row opens it) and fails when no line
// does.
func clickOn(t *testing.T, hs *uitest.PageHarness[*Page], text string, twice bool) {
	t.Helper()
	for y, line := range strings.Split(hs.Screen(), "\n") {
		if strings.Contains(line, text) {
			hs.Click(2, y)
			if twice {
				hs.Click(2, y)
			}
			return
		}
	}
	t.Fatalf("no line shows %q:\n%s", text, hs.Screen())
}

// A click lands on the row under the pointer: on the arrears list a
// second click opens that member's dues, not the one a line or two away.
func TestClickOpensTheMemberInArrears(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, ms := harness(t, lang, w, h)
		rich(t, hs, ms)
		hs.Keys("t") // everyone in arrears: 张三, 李四, 王五
		for _, m := range []int{1, 0} {
			clickOn(t, hs, ms[m].Name, true)
			if got := top[*member](t, hs.P); got.id != ms[m].ID {
				t.Fatalf("a click on %s opened member %d, not %d:\n%s", ms[m].Name, got.id, ms[m].ID, hs.Screen())
			}
			hs.Keys("esc")
		}
	})
}

// On the units' collection a second click opens the unit clicked.
func TestClickOpensTheUnitOfTheCollection(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, ms := harness(t, lang, w, h)
		rich(t, hs, ms)
		hs.Keys("c")
		for _, name := range []string{"青山镇宏达机械", "宏达工会"} {
			clickOn(t, hs, name, true)
			u := top[*unit](t, hs.P)
			if got := hs.P.data.unitBy[u.id]; !strings.HasPrefix(got, name) {
				t.Fatalf("a click on %s opened %s:\n%s", name, got, hs.Screen())
			}
			hs.Keys("esc")
		}
	})
}

// In a batch's preview a click puts the cursor on the member clicked:
// space then leaves that member out, not a neighbour.
func TestClickSelectsTheMemberInTheBatchPreview(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, ms := harness(t, lang, w, h)
		hs.Keys("c", "b", "tab", "ctrl+u")
		hs.Type("2026-09")
		hs.Keys("ctrl+s")
		p := top[*preview](t, hs.P)
		for _, m := range []int{1, 0} {
			clickOn(t, hs, ms[m].Name, false)
			i := p.table.Cursor()
			if i < 0 || p.batch.Lines[i].MemberID != ms[m].ID {
				t.Fatalf("a click on %s put the cursor on row %d:\n%s", ms[m].Name, i, hs.Screen())
			}
		}
	})
}

// On a member's dues a click selects the payment under the pointer: the
// receipt the next key (r, p) works on.
func TestClickSelectsThePaymentOfAMember(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, ms := harness(t, lang, w, h)
		pay := model.DuesPayment{MemberID: ms[0].ID, From: 202610, To: 202610, Amount: 1540, Method: model.PayCash, Date: 20261105}
		if err := hs.P.data.c.Store.RecordPayment("李", &pay); err != nil {
			t.Fatal(err)
		}
		hs.P.ShowMember(ms[0].ID)
		s := top[*member](t, hs.P)
		for _, receipt := range []string{"2026-000001", pay.ReceiptNo} {
			clickOn(t, hs, receipt, false)
			if got, ok := s.selected(); !ok || got.ReceiptNo != receipt {
				t.Fatalf("a click on receipt %s selected %s:\n%s", receipt, got.ReceiptNo, hs.Screen())
			}
		}
	})
}
