package ledger

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

func countEntries(t *testing.T, s *storage.Store) int {
	t.Helper()
	ls, err := s.Ledger(storage.LedgerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(ls)
}

func balance(t *testing.T, s *storage.Store) model.Money {
	t.Helper()
	b, err := s.Balance()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// fillEntry fills the new-entry form: direction stays as opened (spending)
// unless in is set; the account is chosen by typing in the picker.
func (hs *harness) fillEntry(in bool, accountQuery, amount, counterparty, memo string) {
	hs.Keys("n", "tab")
	if in {
		hs.Keys("left")
	}
	hs.Keys("tab", "enter")
	hs.Type(accountQuery)
	hs.Keys("enter", "tab")
	hs.Type(amount)
	hs.Keys("tab")
	hs.Type(counterparty)
	hs.Keys("tab")
	hs.Type(memo)
}

func TestAddEntryChangesTheBalance(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 100, 30, true)
	s := hs.C.Store
	before := balance(t, s)
	n := countEntries(t, s)
	hs.fillEntry(false, "wt", "1,200.5", "青山镇文化站", "职工乒乓球赛奖品")
	if !hs.P.Dirty() || !hs.P.Capturing() {
		t.Error("a form being filled must be dirty and capture the keyboard")
	}
	hs.Keys("ctrl+s")
	if hs.Status.Error {
		t.Fatalf("save failed: %s\n%s", hs.Status.Text, hs.Screen())
	}
	if got := countEntries(t, s); got != n+1 {
		t.Fatalf("entries = %d, want %d", got, n+1)
	}
	after := balance(t, s)
	if after != before-120050 {
		t.Errorf("balance %s -> %s, want it 1,200.50 lower", before.Display(), after.Display())
	}
	ls, _ := s.Ledger(storage.LedgerFilter{})
	e := ls[len(ls)-1]
	if e.Account != "50102" || e.Direction != model.Out || e.Amount != 120050 || e.Counterparty != "青山镇文化站" || e.Date != 20261121 {
		t.Errorf("wrote %+v", e.LedgerEntry)
	}
	if !strings.Contains(hs.Status.Text, e.VoucherNo) {
		t.Errorf("status %q does not name voucher %s", hs.Status.Text, e.VoucherNo)
	}
	if len(hs.Changed) != 1 || hs.Changed[0].Entity != model.EntityLedger || hs.Changed[0].ID != e.ID {
		t.Errorf("broadcast %+v, want ledger %d", hs.Changed, e.ID)
	}
	if hs.P.Dirty() || hs.P.Capturing() {
		t.Error("back in the list the page must be neither dirty nor capturing")
	}
	out := hs.Screen()
	uitest.Contains(t, out, e.VoucherNo, "1,200.50", "账面余额："+after.Display())
	if got := hs.list().selectedID(); got != e.ID {
		t.Errorf("selected entry %d, want the new one %d", got, e.ID)
	}
}

func TestIncomeEntryOffersOnlyIncomeAccounts(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 100, 30, true)
	hs.Keys("n", "tab", "left") // direction: income
	for _, o := range hs.entry().acct.Options {
		a := hs.P.book.chart[o.Value-1]
		if a.Direction != model.In {
			t.Errorf("income entry offers %s %s", a.Code, a.Name)
		}
	}
	hs.Keys("tab", "enter")
	out := hs.Screen()
	uitest.Contains(t, out, "401 会费收入", "40302 专项转移支付补助")
	uitest.Lacks(t, out, "501 职工活动支出")
	hs.Type("zxzy") // 专项转移支付补助 by pinyin initials
	out = hs.Screen()
	uitest.Contains(t, out, "40302 专项转移支付补助")
	uitest.Lacks(t, out, "401 会费收入")
	hs.Keys("enter")
	if v, ok := hs.entry().form.Choice(fAccount); !ok || hs.P.book.chart[v-1].Code != "40302" {
		t.Errorf("chose %v %v", v, ok)
	}
	// switching back to spending drops the income account
	hs.Keys("up", "right")
	if v, ok := hs.entry().form.Choice(fAccount); ok {
		t.Errorf("an income account %s stayed chosen for spending", hs.P.book.chart[v-1].Code)
	}
}

func TestBadAmountIsShownNextToTheFieldAndWritesNothing(t *testing.T) {
	for _, tc := range []struct{ amount, zh, en string }{
		{"12.345", "超过两位小数", "more than two decimals"},
		{"-5", "不能为负数", "cannot be negative"},
		{"0", "必须大于零", "more than zero"},
		{"abc", "不是金额", "is not an amount"},
	} {
		for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
			hs, _ := newHarness(t, lang, 100, 30, true)
			s := hs.C.Store
			n := countEntries(t, s)
			hs.fillEntry(false, "wt", tc.amount, "文化站", "奖品")
			hs.Keys("ctrl+s")
			if got := countEntries(t, s); got != n {
				t.Errorf("%s: a bad amount wrote %d entries", tc.amount, got-n)
			}
			if !hs.Status.Error {
				t.Errorf("%s: status %q is not an error", tc.amount, hs.Status.Text)
			}
			want := tc.zh
			if lang == i18n.EN {
				want = tc.en
			}
			// the message is next to the amount: on its line or the lines
			// under it, before the next field
			out := hs.Screen()
			from := strings.Index(out, hs.C.T("field."+fAmount))
			to := strings.Index(out, hs.C.T("field."+fCounterparty))
			if from < 0 || to < from || !strings.Contains(strings.Join(strings.Fields(out[from:to]), " "), want) {
				t.Errorf("%s: no %q next to the amount:\n%s", tc.amount, want, hs.Screen())
			}
			if hs.on() != "entry" || !hs.P.Dirty() {
				t.Errorf("%s: the form must stay open with its changes", tc.amount)
			}
		}
	}
}

func TestStoreProblemsGoNextToTheirFields(t *testing.T) {
	hs, _ := newHarness(t, i18n.EN, 100, 30, true)
	hs.fillEntry(false, "wt", "10", "x", strings.Repeat("m", 201)) // the store allows 200 characters of memo
	hs.Keys("ctrl+s")
	out := hs.Screen()
	found := false
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "Memo") && strings.Contains(line, "200") {
			found = true
		}
	}
	if !found {
		t.Errorf("the store's memo problem is not next to the memo:\n%s", out)
	}
}

func TestReverseAManualEntry(t *testing.T) {
	hs, fx := newHarness(t, i18n.ZH, 100, 30, true)
	s := hs.C.Store
	before := balance(t, s)
	if !hs.list().selectID(fx.sports.ID) {
		t.Fatal("the entry is not listed")
	}
	hs.Keys("enter")
	uitest.Contains(t, hs.Screen(), "凭证 "+fx.sports.VoucherNo, "未冲正", "手工记账")
	hs.Keys("r")
	if hs.on() != "reverse" || !hs.P.Capturing() {
		t.Fatalf("r did not open the reversal form: %s", hs.Status.Text)
	}
	// the caret is in the reason field, after the Chinese text
	hs.Send(tea.KeyPressMsg{Code: '场', Text: "场地费"})
	c := hs.P.Cursor()
	if c == nil {
		t.Fatal("no cursor in the reason field")
	}
	lw := 0
	for _, k := range []string{fRevDate, fReason} {
		lw = max(lw, ansi.StringWidth(hs.C.T("field."+k)))
	}
	if want := lw + 3 + 6; c.X != want || c.Y != 3 {
		t.Errorf("cursor at (%d,%d), want (%d,3)", c.X, c.Y, want)
	}
	hs.Type("录错")
	hs.Keys("ctrl+s")
	if hs.Status.Error {
		t.Fatalf("reversal failed: %s\n%s", hs.Status.Text, hs.Screen())
	}
	ls, _ := s.Ledger(storage.LedgerFilter{})
	var orig, rev storage.LedgerLine
	for _, l := range ls {
		if l.ID == fx.sports.ID {
			orig = l
		}
		if l.ReversalOf == fx.sports.ID {
			rev = l
		}
	}
	if orig.ReversedBy == 0 || rev.ID != orig.ReversedBy || rev.Amount != -fx.sports.Amount || rev.Date != 20261121 {
		t.Fatalf("original %+v, reversal %+v", orig, rev)
	}
	if !strings.Contains(rev.Memo, "场地费录错") {
		t.Errorf("reversal memo %q lacks the reason", rev.Memo)
	}
	if after := balance(t, s); after != before+fx.sports.Amount {
		t.Errorf("balance %s -> %s", before.Display(), after.Display())
	}
	uitest.Contains(t, hs.Status.Text, fx.sports.VoucherNo, rev.VoucherNo)
	out := hs.Screen()
	uitest.Contains(t, out, "已被凭证 "+rev.VoucherNo+" 冲正")
	// enter follows the link to the reversal, which cannot be reversed
	hs.Keys("enter")
	uitest.Contains(t, hs.Screen(), "凭证 "+rev.VoucherNo, "冲销凭证 "+fx.sports.VoucherNo)
	hs.Keys("r")
	if hs.on() != "detail" || !hs.Status.Error || !strings.Contains(hs.Status.Text, "不能再冲正") {
		t.Errorf("reversing a reversal: on %s, status %q", hs.on(), hs.Status.Text)
	}
	// nor can the original be reversed twice
	hs.Keys("enter", "r")
	if hs.on() != "detail" || !strings.Contains(hs.Status.Text, "已被凭证") {
		t.Errorf("reversing twice: on %s, status %q", hs.on(), hs.Status.Text)
	}
	if n := countEntries(t, s); n != len(ls) {
		t.Errorf("refused reversals wrote %d entries", n-len(ls))
	}
}

func TestReversalFormChecksDateAndReason(t *testing.T) {
	hs, fx := newHarness(t, i18n.EN, 100, 30, true)
	n := countEntries(t, hs.C.Store)
	hs.list().selectID(fx.sports.ID)
	hs.Keys("r", "shift+tab")
	hs.Keys("ctrl+u")
	hs.Type("2026-11-01") // before the entry (2026-11-03)
	hs.Keys("ctrl+s")
	out := hs.Screen()
	uitest.Contains(t, out, "2026-11-03", "required")
	if got := countEntries(t, hs.C.Store); got != n {
		t.Errorf("wrote %d entries", got-n)
	}
	hs.Keys("esc", "y") // what was typed is dropped, after asking
	if hs.on() != "detail" {
		t.Errorf("esc from the reversal goes back to the entry, on %s", hs.on())
	}
}

func TestDuesEntryIsReversedAtItsSource(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		hs, fx := newHarness(t, lang, 100, 30, true)
		s := hs.C.Store
		n := countEntries(t, s)
		if !hs.list().selectID(fx.payment.LedgerID) {
			t.Fatal("the dues entry is not listed")
		}
		hs.Keys("r")
		if hs.on() != "list" {
			t.Errorf("r on a dues entry opened on %s", hs.on())
		}
		want := "请到会费页冲正"
		if lang == i18n.EN {
			want = "in the Dues tab"
		}
		if !hs.Status.Error || !strings.Contains(hs.Status.Text, want) {
			t.Errorf("status %q, want it to send the user to the dues", hs.Status.Text)
		}
		// the same from the detail, which names the receipt and member
		hs.Keys("enter")
		uitest.Contains(t, hs.Screen(), fx.payment.ReceiptNo, "张三", "2026-10 ~ 2026-11")
		hs.Status = common.StatusMsg{}
		hs.Keys("r")
		if hs.on() != "detail" || !strings.Contains(hs.Status.Text, want) {
			t.Errorf("detail: on %s, status %q", hs.on(), hs.Status.Text)
		}
		if got := countEntries(t, s); got != n {
			t.Errorf("wrote %d entries", got-n)
		}
	}
}

func TestAddFormCursorAfterChinese(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 100, 30, true)
	hs.Keys("n", "tab", "tab", "tab", "tab")
	hs.Send(tea.KeyPressMsg{Code: '青', Text: "青山镇"})
	c := hs.P.Cursor()
	if c == nil {
		t.Fatal("no cursor in the counterparty field")
	}
	lw := 0
	for _, k := range []string{fDate, fDir, fAccount, fAmount, fCounterparty, fMemo} {
		lw = max(lw, ansi.StringWidth(hs.C.T("field."+k)))
	}
	// title, blank line, then the fifth field
	if want := lw + 3 + 6; c.X != want || c.Y != 2+4 {
		t.Errorf("cursor at (%d,%d), want (%d,%d)", c.X, c.Y, want, 6)
	}
	hs.Keys("shift+tab", "shift+tab", "shift+tab") // a choice field has no text cursor
	if hs.P.Cursor() != nil {
		t.Error("a cursor on the direction field")
	}
}

// esc on an untouched form goes back; on a changed one it asks first, and
// only y drops what was typed.
func TestEscAsksBeforeDroppingAChangedEntry(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 100, 30, true)
	hs.Keys("n")
	if hs.P.Dirty() {
		t.Error("an untouched form is not dirty")
	}
	hs.Keys("esc")
	if hs.on() != "list" {
		t.Fatalf("esc on an untouched form goes back, on %s", hs.on())
	}
	hs.Keys("n")
	hs.Type("x")
	if !hs.P.Dirty() {
		t.Error("a changed form is dirty")
	}
	hs.Keys("esc")
	if hs.on() != "entry" || !hs.P.Confirming() {
		t.Fatalf("esc on a changed form asks, on %s", hs.on())
	}
	uitest.Contains(t, hs.Screen(), "放弃")
	hs.Keys("n")
	// x typed over the date's default (today) took its place
	if hs.on() != "entry" || !hs.P.Dirty() || hs.entry().form.Value(fDate) != "x" {
		t.Fatalf("n keeps editing with what was typed, on %s", hs.on())
	}
	hs.Keys("esc", "y")
	if hs.P.Dirty() || hs.on() != "list" {
		t.Error("y leaves the form")
	}
}

func TestReloadsWhenDuesArePaid(t *testing.T) {
	hs, fx := newHarness(t, i18n.ZH, 100, 30, true)
	n := len(hs.list().view)
	p := model.DuesPayment{MemberID: fx.member.ID, From: 202612, To: 202612, Amount: 1540, Date: 20261121, Method: model.PayBank}
	if err := hs.C.Store.RecordPayment(op, &p); err != nil {
		t.Fatal(err)
	}
	hs.Send(common.DataChangedMsg{Entity: model.EntityPayment, ID: p.ID})
	if len(hs.list().view) != n+1 {
		t.Fatalf("after a payment the list has %d entries, want %d", len(hs.list().view), n+1)
	}
	uitest.Contains(t, hs.Screen(), "15.40", "账面余额：21,795.70")
}

func TestStatementPeriods(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 100, 30, true)
	hs.Keys("S")
	out := hs.Screen()
	uitest.Contains(t, out, "收支表 2026年11月", "合计", "5,030.80", "5,450.50", "收支结余", "-419.70")
	uitest.Lacks(t, out, "402 拨缴经费收入")
	hs.Keys("[")
	out = hs.Screen()
	uitest.Contains(t, out, "收支表 2026年10月", "402 拨缴经费收入", "12,000.00", "  50101 职工教育支出", "10,200.00")
	hs.Keys("y")
	uitest.Contains(t, hs.Screen(), "收支表 2026年全年", "17,030.80", "7,250.50", "9,780.30")
	hs.Keys("[")
	uitest.Contains(t, hs.Screen(), "收支表 2025年全年", "这段时间没有收支")
	hs.Keys("esc")
	if hs.on() != "list" {
		t.Error("esc leaves the statement")
	}
}

func TestEmptyBook(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		hs, _ := newHarness(t, lang, 80, 24, false)
		out := hs.Screen()
		if lang == i18n.ZH {
			uitest.Contains(t, out, "这段时间没有账目", "账面余额：0.00")
		}
		hs.Keys("enter", "r", "S", "esc")
		if hs.on() != "list" {
			t.Errorf("on %s", hs.on())
		}
	}
}

func TestHelpListsTheKeys(t *testing.T) {
	hs, _ := newHarness(t, i18n.EN, 100, 30, true)
	helpKeys := func() string {
		var keys []string
		for _, g := range hs.P.FullHelp() {
			for _, b := range g {
				keys = append(keys, b.Help().Key)
			}
		}
		return " " + strings.Join(keys, " ") + " "
	}
	all := helpKeys()
	for _, k := range []string{"[", "]", "a", "u", "t", "x", "/", "n", "enter", "r", "S"} {
		if !strings.Contains(all, " "+k+" ") {
			t.Errorf("full help lacks %q: %s", k, all)
		}
	}
	// y works in the statement only, and is listed there only
	if strings.Contains(all, " y ") {
		t.Errorf("the list's help offers y: %s", all)
	}
	hs.Keys("S")
	if all := helpKeys(); !strings.Contains(all, " y ") || !strings.Contains(all, " [ ") {
		t.Errorf("the statement's help lacks y or [: %s", all)
	}
	if hs.P.Title() != "Books" {
		t.Errorf("title %q", hs.P.Title())
	}
}

// An entry on a heading account (501 职工活动支出, which has sub-accounts) is
// refused next to the account before it is saved, in both languages, and
// nothing is written.
func TestEntryOnAHeadingAccountIsRefused(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		hs, _ := newHarness(t, lang, 100, 30, true)
		s := hs.C.Store
		n := countEntries(t, s)
		hs.fillEntry(false, "501", "100", "文化站", "补记")
		if !strings.Contains(hs.Screen(), "501 ") {
			t.Fatalf("501 not chosen:\n%s", hs.Screen())
		}
		hs.Keys("ctrl+s")
		if got := countEntries(t, s); got != n {
			t.Errorf("an entry on a heading wrote %d entries", got-n)
		}
		want := map[i18n.Lang]string{i18n.ZH: "下面有明细科目，请记到明细科目", i18n.EN: "has sub-accounts: post to one of them"}[lang]
		out := hs.Screen()
		from := strings.Index(out, hs.C.T("field."+fAccount))
		to := strings.Index(out, hs.C.T("field."+fAmount))
		if from < 0 || to < from || !strings.Contains(strings.Join(strings.Fields(out[from:to]), ""), strings.ReplaceAll(want, " ", "")) {
			t.Errorf("no %q next to the account:\n%s", want, out)
		}
		if hs.on() != "entry" || !hs.P.Dirty() {
			t.Error("the form must stay open with its changes")
		}
	}
}
