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
	hs.keys("n", "tab")
	if in {
		hs.keys("left")
	}
	hs.keys("tab", "enter")
	hs.typeText(accountQuery)
	hs.keys("enter", "tab")
	hs.typeText(amount)
	hs.keys("tab")
	hs.typeText(counterparty)
	hs.keys("tab")
	hs.typeText(memo)
}

func TestAddEntryChangesTheBalance(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 100, 30, true)
	s := hs.c.Store
	before := balance(t, s)
	n := countEntries(t, s)
	hs.fillEntry(false, "wt", "1,200.5", "青山镇文化站", "职工乒乓球赛奖品")
	if !hs.p.Dirty() || !hs.p.Capturing() {
		t.Error("a form being filled must be dirty and capture the keyboard")
	}
	hs.keys("ctrl+s")
	if hs.status.Error {
		t.Fatalf("save failed: %s\n%s", hs.status.Text, hs.screen())
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
	if !strings.Contains(hs.status.Text, e.VoucherNo) {
		t.Errorf("status %q does not name voucher %s", hs.status.Text, e.VoucherNo)
	}
	if len(hs.changed) != 1 || hs.changed[0].Entity != "ledger" || hs.changed[0].ID != e.ID {
		t.Errorf("broadcast %+v, want ledger %d", hs.changed, e.ID)
	}
	if hs.p.Dirty() || hs.p.Capturing() {
		t.Error("back in the list the page must be neither dirty nor capturing")
	}
	out := hs.screen()
	contains(t, out, e.VoucherNo, "1,200.50", "账面余额："+after.Display())
	if got := hs.p.selectedID(); got != e.ID {
		t.Errorf("selected entry %d, want the new one %d", got, e.ID)
	}
}

func TestIncomeEntryOffersOnlyIncomeAccounts(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 100, 30, true)
	hs.keys("n", "tab", "left") // direction: income
	for _, o := range hs.p.acctField.Options {
		a := hs.p.chart[o.Value-1]
		if a.Direction != model.In {
			t.Errorf("income entry offers %s %s", a.Code, a.Name)
		}
	}
	hs.keys("tab", "enter")
	out := hs.screen()
	contains(t, out, "401 会费收入", "40303 帮扶补助")
	lacks(t, out, "501 职工活动支出")
	hs.typeText("bfbz") // 帮扶补助 by pinyin initials
	out = hs.screen()
	contains(t, out, "40303 帮扶补助")
	lacks(t, out, "401 会费收入")
	hs.keys("enter")
	if v, ok := hs.p.form.Choice(fAccount); !ok || hs.p.chart[v-1].Code != "40303" {
		t.Errorf("chose %v %v", v, ok)
	}
	// switching back to spending drops the income account
	hs.keys("up", "right")
	if v, ok := hs.p.form.Choice(fAccount); ok {
		t.Errorf("an income account %s stayed chosen for spending", hs.p.chart[v-1].Code)
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
			s := hs.c.Store
			n := countEntries(t, s)
			hs.fillEntry(false, "wt", tc.amount, "文化站", "奖品")
			hs.keys("ctrl+s")
			if got := countEntries(t, s); got != n {
				t.Errorf("%s: a bad amount wrote %d entries", tc.amount, got-n)
			}
			if !hs.status.Error {
				t.Errorf("%s: status %q is not an error", tc.amount, hs.status.Text)
			}
			want := tc.zh
			if lang == i18n.EN {
				want = tc.en
			}
			// the message is next to the amount: on its line or the lines
			// under it, before the next field
			out := hs.screen()
			from := strings.Index(out, hs.c.T("field."+fAmount))
			to := strings.Index(out, hs.c.T("field."+fCounterparty))
			if from < 0 || to < from || !strings.Contains(strings.Join(strings.Fields(out[from:to]), " "), want) {
				t.Errorf("%s: no %q next to the amount:\n%s", tc.amount, want, hs.screen())
			}
			if hs.p.mode != modeForm || !hs.p.Dirty() {
				t.Errorf("%s: the form must stay open with its changes", tc.amount)
			}
		}
	}
}

func TestStoreProblemsGoNextToTheirFields(t *testing.T) {
	hs, _ := newHarness(t, i18n.EN, 100, 30, true)
	hs.fillEntry(false, "wt", "10", "x", strings.Repeat("m", 201)) // the store allows 200 characters of memo
	hs.keys("ctrl+s")
	out := hs.screen()
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
	s := hs.c.Store
	before := balance(t, s)
	if !hs.p.selectID(fx.sports.ID) {
		t.Fatal("the entry is not listed")
	}
	hs.keys("enter")
	contains(t, hs.screen(), "凭证 "+fx.sports.VoucherNo, "未冲正", "手工记账")
	hs.keys("r")
	if hs.p.mode != modeReverse || !hs.p.Capturing() {
		t.Fatalf("r did not open the reversal form: %s", hs.status.Text)
	}
	// the caret is in the reason field, after the Chinese text
	hs.send(tea.KeyPressMsg{Code: '场', Text: "场地费"})
	c := hs.p.Cursor()
	if c == nil {
		t.Fatal("no cursor in the reason field")
	}
	lw := 0
	for _, k := range []string{fRevDate, fReason} {
		lw = max(lw, ansi.StringWidth(hs.c.T("field."+k)))
	}
	if want := lw + 3 + 6; c.X != want || c.Y != 3 {
		t.Errorf("cursor at (%d,%d), want (%d,3)", c.X, c.Y, want)
	}
	hs.typeText("录错")
	hs.keys("ctrl+s")
	if hs.status.Error {
		t.Fatalf("reversal failed: %s\n%s", hs.status.Text, hs.screen())
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
	contains(t, hs.status.Text, fx.sports.VoucherNo, rev.VoucherNo)
	out := hs.screen()
	contains(t, out, "已被凭证 "+rev.VoucherNo+" 冲正")
	// enter follows the link to the reversal, which cannot be reversed
	hs.keys("enter")
	contains(t, hs.screen(), "凭证 "+rev.VoucherNo, "冲销凭证 "+fx.sports.VoucherNo)
	hs.keys("r")
	if hs.p.mode != modeDetail || !hs.status.Error || !strings.Contains(hs.status.Text, "不能再冲正") {
		t.Errorf("reversing a reversal: mode %d, status %q", hs.p.mode, hs.status.Text)
	}
	// nor can the original be reversed twice
	hs.keys("enter", "r")
	if hs.p.mode != modeDetail || !strings.Contains(hs.status.Text, "已被凭证") {
		t.Errorf("reversing twice: mode %d, status %q", hs.p.mode, hs.status.Text)
	}
	if n := countEntries(t, s); n != len(ls) {
		t.Errorf("refused reversals wrote %d entries", n-len(ls))
	}
}

func TestReversalFormChecksDateAndReason(t *testing.T) {
	hs, fx := newHarness(t, i18n.EN, 100, 30, true)
	n := countEntries(t, hs.c.Store)
	hs.p.selectID(fx.sports.ID)
	hs.keys("r", "shift+tab")
	hs.send(press("ctrl+u"))
	hs.typeText("2026-11-01") // before the entry (2026-11-03)
	hs.keys("ctrl+s")
	out := hs.screen()
	contains(t, out, "2026-11-03", "required")
	if got := countEntries(t, hs.c.Store); got != n {
		t.Errorf("wrote %d entries", got-n)
	}
	hs.keys("esc")
	if hs.p.mode != modeDetail {
		t.Errorf("esc from the reversal goes back to the entry, mode %d", hs.p.mode)
	}
}

func TestDuesEntryIsReversedAtItsSource(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		hs, fx := newHarness(t, lang, 100, 30, true)
		s := hs.c.Store
		n := countEntries(t, s)
		if !hs.p.selectID(fx.payment.LedgerID) {
			t.Fatal("the dues entry is not listed")
		}
		hs.keys("r")
		if hs.p.mode != modeList || hs.p.form != nil {
			t.Errorf("r on a dues entry opened mode %d", hs.p.mode)
		}
		want := "请到会费页冲正"
		if lang == i18n.EN {
			want = "in the Dues tab"
		}
		if !hs.status.Error || !strings.Contains(hs.status.Text, want) {
			t.Errorf("status %q, want it to send the user to the dues", hs.status.Text)
		}
		// the same from the detail, which names the receipt and member
		hs.keys("enter")
		contains(t, hs.screen(), fx.payment.ReceiptNo, "张三", "2026-10 ~ 2026-11")
		hs.status = common.StatusMsg{}
		hs.keys("r")
		if hs.p.mode != modeDetail || !strings.Contains(hs.status.Text, want) {
			t.Errorf("detail: mode %d, status %q", hs.p.mode, hs.status.Text)
		}
		if got := countEntries(t, s); got != n {
			t.Errorf("wrote %d entries", got-n)
		}
	}
}

func shown(hs *harness) []string {
	var out []string
	for _, i := range hs.p.view {
		out = append(out, hs.p.lines[i].VoucherNo)
	}
	return out
}

func TestFilters(t *testing.T) {
	hs, fx := newHarness(t, i18n.ZH, 100, 30, true)
	if hs.p.month != 202611 || len(hs.p.view) != 6 {
		t.Fatalf("opens on %s with %d entries, want 2026-11 with 6", hs.p.month, len(hs.p.view))
	}
	hs.keys("[")
	if hs.p.month != 202610 || len(hs.p.view) != 2 {
		t.Errorf("[ shows %s: %v", hs.p.month, shown(hs))
	}
	contains(t, hs.screen(), "月份：2026-10", "本期收入：12,000.00", "本期支出：1,800.00", "账面余额：9,780.30")
	hs.keys("]", "]")
	if hs.p.month != 202612 || len(hs.p.view) != 0 {
		t.Errorf("] ] shows %s: %v", hs.p.month, shown(hs))
	}
	contains(t, hs.screen(), "这段时间没有账目")
	hs.keys("a")
	if hs.p.month != 0 || len(hs.p.view) != 8 {
		t.Errorf("a shows %s: %v", hs.p.month, shown(hs))
	}
	hs.keys("t")
	for _, i := range hs.p.view {
		if hs.p.lines[i].Direction != model.In {
			t.Errorf("income filter shows %+v", hs.p.lines[i])
		}
	}
	hs.keys("t")
	if len(hs.p.view) != 5 {
		t.Errorf("spending: %v", shown(hs))
	}
	contains(t, hs.screen(), "收支：支出")
	hs.keys("t")
	if hs.p.dir != 0 || len(hs.p.view) != 8 {
		t.Errorf("t cycles back to both: %v", shown(hs))
	}
	// u: an account with its sub-accounts, chosen by pinyin initials
	hs.keys("u")
	if !hs.p.Capturing() {
		t.Error("the account picker must capture the keyboard")
	}
	hs.typeText("zghdzc") // 职工活动支出
	hs.keys("enter")
	if hs.p.account != "501" || len(hs.p.view) != 2 {
		t.Errorf("account 501 shows %v", shown(hs))
	}
	contains(t, hs.screen(), "科目：501 职工活动支出")
	// search counterparty and memo
	hs.keys("x", "/")
	hs.typeText("文化站")
	if len(hs.p.view) != 1 || hs.p.lines[hs.p.view[0]].ID != fx.sports.ID {
		t.Errorf("search shows %v", shown(hs))
	}
	hs.keys("enter")
	hs.send(press("/"), press("ctrl+u"))
	hs.typeText("bgyp") // 办公用品, by pinyin initials of the memo
	if len(hs.p.view) != 1 || hs.p.lines[hs.p.view[0]].ID != fx.dup.ID {
		t.Errorf("search bgyp shows %v", shown(hs))
	}
	hs.keys("esc")
	if hs.p.query != "" || len(hs.p.view) != 8 {
		t.Errorf("esc clears the search: %v", shown(hs))
	}
	hs.keys("]", "u", "enter") // the first option is every account
	hs.keys("t", "x")
	if hs.p.month != 0 || hs.p.account != "" || hs.p.dir != 0 || len(hs.p.view) != 8 {
		t.Errorf("x clears every filter: month %s account %q dir %d", hs.p.month, hs.p.account, hs.p.dir)
	}
}

func TestSearchCursorFollowsTheCaret(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 120, 30, true)
	hs.keys("/")
	if !hs.p.Capturing() {
		t.Fatal("searching must capture the keyboard")
	}
	hs.send(tea.KeyPressMsg{Code: '文', Text: "文化"})
	c := hs.p.Cursor()
	if c == nil {
		t.Fatal("no cursor in the search box")
	}
	line := strings.Split(hs.screen(), "\n")[0]
	prefix := "月份：2026-11  科目：全部科目  收支：全部  搜索 "
	if !strings.HasPrefix(line, prefix+"文化") {
		t.Fatalf("filter bar %q", line)
	}
	if want := ansi.StringWidth(prefix) + 4; c.X != want || c.Y != 0 {
		t.Errorf("cursor at (%d,%d), want (%d,0)", c.X, c.Y, want)
	}
}

func TestAddFormCursorAfterChinese(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 100, 30, true)
	hs.keys("n", "tab", "tab", "tab", "tab")
	hs.send(tea.KeyPressMsg{Code: '青', Text: "青山镇"})
	c := hs.p.Cursor()
	if c == nil {
		t.Fatal("no cursor in the counterparty field")
	}
	lw := 0
	for _, k := range []string{fDate, fDir, fAccount, fAmount, fCounterparty, fMemo} {
		lw = max(lw, ansi.StringWidth(hs.c.T("field."+k)))
	}
	// title, blank line, then the fifth field
	if want := lw + 3 + 6; c.X != want || c.Y != 2+4 {
		t.Errorf("cursor at (%d,%d), want (%d,%d)", c.X, c.Y, want, 6)
	}
	hs.keys("shift+tab", "shift+tab", "shift+tab") // a choice field has no text cursor
	if hs.p.Cursor() != nil {
		t.Error("a cursor on the direction field")
	}
}

func TestCancelAskedFormIsNotDirtyAfterEsc(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 100, 30, true)
	hs.keys("n")
	if hs.p.Dirty() {
		t.Error("an untouched form is not dirty")
	}
	hs.typeText("x")
	if !hs.p.Dirty() {
		t.Error("a changed form is dirty")
	}
	hs.keys("esc")
	if hs.p.Dirty() || hs.p.mode != modeList {
		t.Error("esc leaves the form")
	}
}

func TestReloadsWhenDuesArePaid(t *testing.T) {
	hs, fx := newHarness(t, i18n.ZH, 100, 30, true)
	n := len(hs.p.view)
	p := model.DuesPayment{MemberID: fx.member.ID, From: 202612, To: 202612, Amount: 1540, Date: 20261121, Method: model.PayBank}
	if err := hs.c.Store.RecordPayment(op, &p); err != nil {
		t.Fatal(err)
	}
	hs.send(common.DataChangedMsg{Entity: "payment", ID: p.ID})
	if len(hs.p.view) != n+1 {
		t.Fatalf("after a payment the list has %d entries, want %d", len(hs.p.view), n+1)
	}
	contains(t, hs.screen(), "15.40", "账面余额：9,795.70")
}

func TestStatementPeriods(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 100, 30, true)
	hs.keys("S")
	out := hs.screen()
	contains(t, out, "收支表 2026年11月", "合计", "5,030.80", "5,450.50", "收支结余", "-419.70")
	lacks(t, out, "402 拨缴经费收入")
	hs.keys("[")
	out = hs.screen()
	contains(t, out, "收支表 2026年10月", "402 拨缴经费收入", "12,000.00", "  50101 教育", "10,200.00")
	hs.keys("y")
	contains(t, hs.screen(), "收支表 2026年全年", "17,030.80", "7,250.50", "9,780.30")
	hs.keys("[")
	contains(t, hs.screen(), "收支表 2025年全年", "这段时间没有收支")
	hs.keys("esc")
	if hs.p.mode != modeList {
		t.Error("esc leaves the statement")
	}
}

func TestEmptyBook(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		hs, _ := newHarness(t, lang, 80, 24, false)
		out := hs.screen()
		if lang == i18n.ZH {
			contains(t, out, "这段时间没有账目", "账面余额：0.00")
		}
		hs.keys("enter", "r", "S", "esc")
		if hs.p.mode != modeList {
			t.Errorf("mode %d", hs.p.mode)
		}
	}
}

func TestHelpListsTheKeys(t *testing.T) {
	hs, _ := newHarness(t, i18n.EN, 100, 30, true)
	var keys []string
	for _, g := range hs.p.FullHelp() {
		for _, b := range g {
			keys = append(keys, b.Help().Key)
		}
	}
	all := strings.Join(keys, " ")
	for _, k := range []string{"[", "]", "a", "u", "t", "x", "/", "n", "enter", "r", "S", "y"} {
		if !strings.Contains(" "+all+" ", " "+k+" ") {
			t.Errorf("full help lacks %q: %s", k, all)
		}
	}
	if hs.p.Title() != "Cash book" {
		t.Errorf("title %q", hs.p.Title())
	}
}

func TestEnglishAccountPickerTakesPinyinInitials(t *testing.T) {
	hs, _ := newHarness(t, i18n.EN, 100, 30, true)
	hs.keys("u")
	hs.typeText("knzg") // 困难职工帮扶费
	out := hs.screen()
	contains(t, out, "50204 Aid to workers in hardship")
	lacks(t, out, "50205")
	hs.keys("enter")
	if hs.p.account != "50204" {
		t.Errorf("chose %q", hs.p.account)
	}
	contains(t, hs.screen(), "Account: 50204 Aid to workers in hardship")
}
