package storage

import (
	"errors"
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

const bop = "李秘书"

// booksFixture is two months of a township's cash and bank work in 2024
// (the test clock is 15 June 2024):
//
//	openings 2024-01-01: cash 1,000.00, bank 20,000.00
//	01-05 401 dues, cash            +300.00
//	01-10 402 allocated, bank    +12,345.67
//	01-15 50101 training, bank    -1,200.50
//	01-20 取现 bank → cash           500.00
//	01-25 50405 送温暖, cash         -680.00
//	02-03 40301 subsidy, bank     +5,000.00
//	02-10 50102 sports, bank      -2,345.60
//	02-12 50102, bank -100.00, reversed 02-13
//	02-20 存现 cash → bank           400.00
//	02-28 50602 office, cash         -88.88
//
// Budgets 2024: 50101 1,000.00, 50102 3,000.00, 50405 1,000.00.
type booksFixture struct {
	s                 *Store
	training, dup     model.LedgerEntry
	withdraw, deposit model.Transfer
}

func entryOn(t *testing.T, s *Store, d model.Date, dir model.Direction, account string, amt model.Money, m model.MoneyAccount) model.LedgerEntry {
	t.Helper()
	e := model.LedgerEntry{Date: d, Direction: dir, Account: account, Amount: amt, Money: m, Memo: "测试"}
	if err := s.AddLedgerEntry(bop, &e); err != nil {
		t.Fatalf("entry %s %s: %v", d, account, err)
	}
	return e
}

func transfer(t *testing.T, s *Store, d model.Date, from, to model.MoneyAccount, amt model.Money) model.Transfer {
	t.Helper()
	tr := model.Transfer{Date: d, From: from, To: to, Amount: amt}
	if err := s.AddTransfer(bop, &tr); err != nil {
		t.Fatalf("transfer %s: %v", d, err)
	}
	return tr
}

func newBooks(t *testing.T) *booksFixture {
	t.Helper()
	s := openTest(t)
	p := model.DefaultProfile()
	p.UnionName = "青山镇总工会"
	if err := s.SaveProfile(bop, p); err != nil {
		t.Fatal(err)
	}
	for _, o := range []model.OpeningBalance{{Money: model.MoneyCash, Date: 20240101, Amount: 100000}, {Money: model.MoneyBank, Date: 20240101, Amount: 2000000}} {
		if err := s.SetOpening(bop, &o); err != nil {
			t.Fatal(err)
		}
	}
	f := &booksFixture{s: s}
	cash, bank := model.MoneyCash, model.MoneyBank
	entryOn(t, s, 20240105, model.In, "401", 30000, cash)
	entryOn(t, s, 20240110, model.In, "402", 1234567, bank)
	f.training = entryOn(t, s, 20240115, model.Out, "50101", 120050, bank)
	f.withdraw = transfer(t, s, 20240120, bank, cash, 50000)
	entryOn(t, s, 20240125, model.Out, "50405", 68000, cash)
	entryOn(t, s, 20240203, model.In, "40301", 500000, bank)
	entryOn(t, s, 20240210, model.Out, "50102", 234560, bank)
	f.dup = entryOn(t, s, 20240212, model.Out, "50102", 10000, bank)
	if _, err := s.ReverseLedgerEntry(bop, f.dup.ID, 20240213, "重复录入"); err != nil {
		t.Fatal(err)
	}
	f.deposit = transfer(t, s, 20240220, cash, bank, 40000)
	entryOn(t, s, 20240228, model.Out, "50602", 8888, cash)
	for code, amt := range map[string]model.Money{"50101": 100000, "50102": 300000, "50405": 100000} {
		if _, err := s.SetBudget(bop, &model.Budget{Year: 2024, Account: code, Amount: amt}); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// The statement of February 2024 agrees to the fen with the hand
// calculation in the fixture's comment.
func TestStatementAgreesWithHandCalculation(t *testing.T) {
	f := newBooks(t)
	st, err := f.s.BooksStatement(ym(2024, 2), ym(2024, 2))
	if err != nil {
		t.Fatal(err)
	}
	// Money at the end of January: 1,000 + 20,000 + 300 + 12,345.67 −
	// 1,200.50 − 680.00 = 31,765.17 (the transfers net to nothing).
	if st.Opening != 3176517 {
		t.Errorf("opening %s, want 31765.17", st.Opening)
	}
	// February: income 5,000.00; spending 2,345.60 + (100 − 100) + 88.88 = 2,434.48.
	if st.In != 500000 || st.Out != 243448 {
		t.Errorf("month in %s out %s, want 5000.00 and 2434.48", st.In, st.Out)
	}
	// The year so far: income 300 + 12,345.67 + 5,000 = 17,645.67;
	// spending 1,200.50 + 680 + 2,345.60 + 88.88 = 4,314.98.
	if st.InCum != 1764567 || st.OutCum != 431498 {
		t.Errorf("cumulative in %s out %s, want 17645.67 and 4314.98", st.InCum, st.OutCum)
	}
	if st.Closing() != 3433069 {
		t.Errorf("closing %s, want 34330.69", st.Closing())
	}
	row := func(code string) model.StatementRow {
		for _, r := range st.Rows {
			if r.Account.Code == code {
				return r
			}
		}
		t.Fatalf("no row %s", code)
		return model.StatementRow{}
	}
	// Budgets: 50101 1,000.00 against 1,200.50 (over by 200.50); the
	// heading 501 sums 50101 and 50102: 4,000.00 against 3,546.10.
	if r := row("50101"); r.Budget != 100000 || r.YearToDate != 120050 || r.Remaining() != -20050 || !r.Over() {
		t.Errorf("50101 %+v", r)
	}
	if r := row("501"); r.Budget != 400000 || r.YearToDate != 354610 || r.Remaining() != 45390 || r.Over() || !r.Heading {
		t.Errorf("501 %+v", r)
	}
	if r := row("504"); r.Amount != 0 || r.Cumulative != 68000 || r.Budget != 100000 {
		t.Errorf("504 %+v", r)
	}
	// Every top-level account of the chart is listed (the 工会02表 lists them all).
	if r := row("510"); r.Amount != 0 || r.Account.Name != "其他支出" {
		t.Errorf("510 %+v", r)
	}
	// The money accounts: cash 1,000 + 300 + 500 − 680 − 400 − 88.88 =
	// 631.12; bank 20,000 + 12,345.67 − 1,200.50 − 500 + 5,000 − 2,345.60
	// − 100 + 100 + 400 = 33,699.57; together the statement's closing.
	bal, err := f.s.Balances(20240229)
	if err != nil {
		t.Fatal(err)
	}
	if bal[model.MoneyCash] != 63112 || bal[model.MoneyBank] != 3369957 || bal[model.MoneyCash]+bal[model.MoneyBank] != st.Closing() {
		t.Errorf("balances %v", bal)
	}
	checkClean(t, f.s)
}

func TestJournalsShowBothSidesOfATransfer(t *testing.T) {
	f := newBooks(t)
	cash, err := f.s.Journal(model.MoneyCash, 20240101, 20240131)
	if err != nil {
		t.Fatal(err)
	}
	// 1,000.00; +300.00 dues; +500.00 取现; −680.00 送温暖.
	want := []model.Money{130000, 180000, 112000}
	if cash.Opening != 100000 || len(cash.Lines) != len(want) {
		t.Fatalf("cash journal %+v", cash)
	}
	for i, w := range want {
		if cash.Lines[i].Balance != w {
			t.Errorf("cash line %d balance %s, want %s", i, cash.Lines[i].Balance, w)
		}
	}
	if l := cash.Lines[1]; l.TransferID != f.withdraw.ID || l.In != 50000 || l.Account != "102" || l.Summary != "取现" {
		t.Errorf("withdrawal on the cash side %+v", l)
	}
	bank, _ := f.s.Journal(model.MoneyBank, 20240101, 20240131)
	if l := bank.Lines[2]; l.TransferID != f.withdraw.ID || l.Out != 50000 || l.Account != "101" {
		t.Errorf("withdrawal on the bank side %+v", l)
	}
	if bank.Closing() != 3064517 {
		t.Errorf("bank at the end of January %s, want 30645.17", bank.Closing())
	}
	// February's journal starts where January's ended.
	feb, _ := f.s.Journal(model.MoneyCash, 20240201, 20240229)
	if feb.Opening != cash.Closing() || feb.Closing() != 63112 {
		t.Errorf("February cash %s → %s", feb.Opening, feb.Closing())
	}
	if f.withdraw.VoucherNo != "2024-0004" || f.deposit.VoucherNo != "2024-0010" {
		t.Errorf("transfer vouchers %s %s: numbered with the entries", f.withdraw.VoucherNo, f.deposit.VoucherNo)
	}
}

func TestBadBooksInputWritesNothing(t *testing.T) {
	f := newBooks(t)
	s := f.s
	before := len(auditAll(t, s))
	cases := []struct {
		name       string
		write      func() error
		field, key string
	}{
		{"transfer to the same account", func() error {
			return s.AddTransfer(bop, &model.Transfer{Date: 20240301, From: model.MoneyCash, To: model.MoneyCash, Amount: 100})
		}, "to_money", "transfer.same_account"},
		{"transfer of nothing", func() error {
			return s.AddTransfer(bop, &model.Transfer{Date: 20240301, From: model.MoneyCash, To: model.MoneyBank})
		}, "amount", "money.zero"},
		{"budget on a heading", func() error {
			_, err := s.SetBudget(bop, &model.Budget{Year: 2024, Account: "504", Amount: 100})
			return err
		}, "account", "budget.heading"},
		{"budget on an unknown account", func() error {
			_, err := s.SetBudget(bop, &model.Budget{Year: 2024, Account: "599", Amount: 100})
			return err
		}, "account", "account.unknown"},
		{"negative opening", func() error {
			return s.SetOpening(bop, &model.OpeningBalance{Money: model.MoneyCash, Date: 20240101, Amount: -1})
		}, "amount", "opening.negative"},
		{"opening mid-month", func() error {
			return s.SetOpening(bop, &model.OpeningBalance{Money: model.MoneyCash, Date: 20240115, Amount: 1})
		}, "date", "opening.first_day"},
		{"opening after the first entry", func() error {
			return s.SetOpening(bop, &model.OpeningBalance{Money: model.MoneyCash, Date: 20240201, Amount: 1})
		}, "date", "opening.after_entries"},
		{"entry before the opening", func() error {
			return s.AddLedgerEntry(bop, &model.LedgerEntry{Date: 20231231, Direction: model.In, Account: "408", Amount: 1, Money: model.MoneyCash})
		}, "date", "books.before_opening"},
		{"entry on an unknown money account", func() error {
			return s.AddLedgerEntry(bop, &model.LedgerEntry{Date: 20240301, Direction: model.In, Account: "408", Amount: 1, Money: 7})
		}, "money", "money_account.unknown"},
		{"festival gift in cash", func() error {
			_, err := s.AddConsolation(bop, &model.Consolation{Kind: model.ConsolFestival, Date: 20240301, Members: []uint64{1},
				PerMember: 100, Form: model.ConsolCash, Money: model.MoneyCash})
			return err
		}, "consol_form", "consol.no_cash"},
	}
	for _, c := range cases {
		err := c.write()
		ps, _ := err.(model.Problems)
		if !ps.Has(c.field, c.key) {
			t.Errorf("%s: %v, want %s on %s", c.name, err, c.key, c.field)
		}
	}
	if n := len(auditAll(t, s)); n != before {
		t.Errorf("bad input wrote %d audit entries", n-before)
	}
	checkClean(t, s)
}

func TestClosedMonthIsFrozenAndProvablyUnchanged(t *testing.T) {
	f := newBooks(t)
	s := f.s
	if _, err := s.ClosePeriod(bop, ym(2024, 6), false); !problemIs(err, "period", "close.not_ended") {
		t.Errorf("closing June on 15 June: %v", err)
	}
	closed, err := s.ClosePeriod(bop, ym(2024, 1), false)
	if err != nil || len(closed) != 1 || closed[0].Month != ym(2024, 1) || closed[0].Entries != 4 || closed[0].Transfers != 1 {
		t.Fatalf("close January: %+v %v", closed, err)
	}
	if closed[0].Balance(model.MoneyCash) != 112000 || closed[0].Balance(model.MoneyBank) != 3064517 {
		t.Errorf("January's closing balances %v", closed[0].Balances)
	}
	if _, err := s.ClosePeriod(bop, ym(2024, 1), false); !problemIs(err, "period", "close.already") {
		t.Errorf("closing January twice: %v", err)
	}
	before := len(auditAll(t, s))
	// A back-dated entry, transfer, opening or budget change is refused.
	err = s.AddLedgerEntry(bop, &model.LedgerEntry{Date: 20240131, Direction: model.Out, Account: "50101", Amount: 100, Money: model.MoneyBank})
	if !problemIs(err, "date", "books.period_closed") {
		t.Errorf("entry in a closed month: %v", err)
	}
	if err := s.AddTransfer(bop, &model.Transfer{Date: 20240131, From: model.MoneyBank, To: model.MoneyCash, Amount: 100}); !problemIs(err, "date", "books.period_closed") {
		t.Errorf("transfer in a closed month: %v", err)
	}
	if err := s.SetOpening(bop, &model.OpeningBalance{Money: model.MoneyCash, Date: 20240101, Amount: 1}); !problemIs(err, "date", "opening.period_closed") {
		t.Errorf("opening in a closed month: %v", err)
	}
	// Both openings sent back with one changed: one problem, the changed
	// one's, in words about the opening (it was said twice, of entries
	// and reversals).
	opens, _ := s.Openings()
	bank := opens[model.MoneyBank]
	err = s.SetOpenings(bop, []model.OpeningBalance{{Money: model.MoneyCash, Date: 20240101, Amount: 1}, bank})
	var ps model.Problems
	if !errors.As(err, &ps) || len(ps) != 1 || ps[0].Field != "date_cash" || ps[0].Key != "opening.period_closed" {
		t.Errorf("openings in a closed month: %#v", err)
	} else if got := ps[0].Message(i18n.ZH); got != "2024-01-01 所在的期间已结账（已结至 2024-01），期初余额不能再改" {
		t.Errorf("message %q", got)
	}
	if n := len(auditAll(t, s)); n != before {
		t.Errorf("refused writes left %d audit entries", n-before)
	}
	// The correction is a reversal dated in the open period.
	if _, err := s.ReverseLedgerEntry(bop, f.training.ID, 20240131, "金额错"); !problemIs(err, "date", "books.period_closed") {
		t.Errorf("reversal dated in the closed month: %v", err)
	}
	if _, err := s.ReverseLedgerEntry(bop, f.training.ID, 20240301, "金额错"); err != nil {
		t.Errorf("reversal in March: %v", err)
	}
	checkClean(t, s)

	// A change behind the program's back shows in check.
	err = s.db.Update(func(tx *bbolt.Tx) error {
		e, err := getLedgerEntry(tx.Bucket(bucketLedger), f.training.ID)
		if err != nil {
			return err
		}
		e.Memo = "改过的摘要"
		return putMigrated(tx.Bucket(bucketLedger), itob(e.ID), &e)
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if !hasCheckKey(r, "check.closed_changed") {
		t.Errorf("tampering not found: %v", r.Problems)
	}
}

func TestCloseYearCarriesTheBalanceForward(t *testing.T) {
	s := openTest(t)
	if err := s.SetOpening(bop, &model.OpeningBalance{Money: model.MoneyBank, Date: 20230101, Amount: 500000}); err != nil {
		t.Fatal(err)
	}
	entryOn(t, s, 20230310, model.In, "402", 100000, model.MoneyBank)
	entryOn(t, s, 20231120, model.Out, "50102", 30000, model.MoneyBank)
	out, err := s.ClosePeriod(bop, ym(2023, 12), true)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 13 || out[0].Month != ym(2023, 1) || out[12].Kind != model.CloseYear || out[12].Balance(model.MoneyBank) != 570000 || out[12].In != 100000 || out[12].Out != 30000 {
		t.Fatalf("closings %d, year %+v", len(out), out[len(out)-1])
	}
	if _, err := s.SetBudget(bop, &model.Budget{Year: 2023, Account: "50102", Amount: 1}); !problemIs(err, "year", "budget.year_closed") {
		t.Errorf("budget of a closed year: %v", err)
	}
	// 2024 starts with 2023's balance.
	st, err := s.BooksStatement(ym(2024, 1), ym(2024, 1))
	if err != nil || st.Opening != 570000 {
		t.Errorf("2024 opens with %s %v", st.Opening, err)
	}
	year, _ := s.BooksStatement(ym(2023, 1), ym(2023, 12))
	if !year.Annual || year.Opening != 500000 || year.Closing() != 570000 {
		t.Errorf("2023 statement %s → %s annual %v", year.Opening, year.Closing(), year.Annual)
	}
	checkClean(t, s)
}

func TestClosingRefusesCashBelowZero(t *testing.T) {
	s := openTest(t)
	if err := s.SetOpening(bop, &model.OpeningBalance{Money: model.MoneyCash, Date: 20240101, Amount: 1000}); err != nil {
		t.Fatal(err)
	}
	entryOn(t, s, 20240110, model.Out, "50602", 5000, model.MoneyCash)
	entryOn(t, s, 20240120, model.In, "408", 5000, model.MoneyCash)
	_, err := s.ClosePeriod(bop, ym(2024, 1), false)
	if !problemIs(err, "period", "close.negative") {
		t.Fatalf("close with cash below zero on the 10th: %v", err)
	}
	if cs, _ := s.Closings(); len(cs) != 0 {
		t.Errorf("closed anyway: %+v", cs)
	}
}

// A posting that leaves a money account below zero at the end of a day is
// told at once (closing refuses the month later): the day and the balance.
func TestMoneyWarningWhenBelowZero(t *testing.T) {
	s := openTest(t)
	if err := s.SetOpening(bop, &model.OpeningBalance{Money: model.MoneyCash, Date: 20240101, Amount: 1000}); err != nil {
		t.Fatal(err)
	}
	cash, bank := model.MoneyCash, model.MoneyBank
	warned := func(m model.MoneyAccount, d model.Date) string {
		t.Helper()
		w, err := s.MoneyWarning(m, d)
		if err != nil {
			t.Fatal(err)
		}
		if len(w) == 0 {
			return ""
		}
		return w[0].Message(i18n.ZH)
	}
	entryOn(t, s, 20240105, model.Out, "50602", 800, cash)
	if w := warned(cash, 20240105); w != "" {
		t.Errorf("2.00 left: %q", w)
	}
	// Spending 5.00 on the 10th and receiving 5.00 the same day ends the
	// day at 2.00: no warning.
	entryOn(t, s, 20240110, model.Out, "50602", 500, cash)
	entryOn(t, s, 20240110, model.In, "408", 500, cash)
	if w := warned(cash, 20240110); w != "" {
		t.Errorf("the day ends at 2.00: %q", w)
	}
	// A transfer of 10.00 out of the cash box on the 12th: -8.00.
	transfer(t, s, 20240112, cash, bank, 1000)
	if w := warned(cash, 20240112); w != "库存现金 在 2024-01-12 日终余额为 -8.00，小于零，这个月将不能结账：请核对金额、期初余额和存取现" {
		t.Errorf("warning %q", w)
	}
	// Posting on the 11th is warned of the 12th that it now leaves short.
	if w := warned(cash, 20240111); !strings.Contains(w, "2024-01-12") {
		t.Errorf("warning from the 11th %q", w)
	}
	if w := warned(bank, 20240112); w != "" {
		t.Errorf("bank %q", w)
	}
}

func TestBankReconciliation(t *testing.T) {
	f := newBooks(t)
	s := f.s
	// The January statement shows 31,845.67: the 402 allocation and the
	// withdrawal, not yet the training cheque of 1,200.50.
	if err := s.SetBankStatement(bop, 20240131, 3184567); err != nil {
		t.Fatal(err)
	}
	jan, _ := s.Journal(model.MoneyBank, 20240101, 20240131)
	var refs []BankRef
	for _, l := range jan.Lines {
		if l.EntryID != f.training.ID {
			refs = append(refs, l.Ref())
		}
	}
	if err := s.TickBank(bop, 20240131, refs, true); err != nil {
		t.Fatal(err)
	}
	r, err := s.Reconcile(20240131)
	if err != nil {
		t.Fatal(err)
	}
	if r.Book != 3064517 || r.Cleared != 3184567 || r.Difference() != 0 || len(r.Outstanding) != 1 || r.OutstandingOut != 120050 {
		t.Errorf("reconciliation %+v", r)
	}
	// A statement line ticked that is not on the statement: a difference.
	if err := s.TickBank(bop, 20240131, []BankRef{{ID: f.training.ID}}, true); err != nil {
		t.Fatal(err)
	}
	r, _ = s.Reconcile(20240131)
	if r.Difference() != 120050 {
		t.Errorf("difference %s, want 1200.50", r.Difference())
	}
	// Cash lines and lines after the statement cannot be ticked.
	cash, _ := s.Journal(model.MoneyCash, 20240101, 20240131)
	err = s.TickBank(bop, 20240131, []BankRef{cash.Lines[0].Ref()}, true)
	if !problemIs(err, "lines", "bank.not_bank_line") {
		t.Errorf("ticking a cash line: %v", err)
	}
	// The message names the voucher the user typed, not a record number.
	if got := i18n.Text(err, i18n.ZH); !strings.Contains(got, cash.Lines[0].VoucherNo) {
		t.Errorf("ticking a cash line says %q, want its voucher %s", got, cash.Lines[0].VoucherNo)
	}
	if err := s.TickBank(bop, 20240131, []BankRef{{Transfer: true, ID: f.deposit.ID}}, true); !problemIs(err, "lines", "bank.after_statement") {
		t.Errorf("ticking a February line: %v", err)
	}
	if err := s.TickBank(bop, 20240229, refs, true); !problemIs(err, "date", "bank.no_statement") {
		t.Errorf("ticking against no statement: %v", err)
	}
	checkClean(t, s)
}

func TestConsolationPerMemberWithCaps(t *testing.T) {
	f := newDuesFixture(t)
	s := f.s
	p, _, _ := s.Profile()
	p.Books.Caps = []model.ConsolCap{{Kind: model.ConsolFestival, Cap: model.Yuan(500)}}
	if err := s.SaveProfile(bop, p); err != nil {
		t.Fatal(err)
	}
	spring := model.Consolation{Kind: model.ConsolFestival, Occasion: "春节", Date: 20240205, Members: []uint64{f.m1.ID, f.m2.ID},
		PerMember: model.Yuan(300), Form: model.ConsolGoods, Goods: "米、油", Money: model.MoneyBank}
	warn, err := s.AddConsolation(bop, &spring)
	if err != nil || len(warn) != 0 {
		t.Fatalf("spring festival: %v %v", warn, err)
	}
	e, _ := s.LedgerEntry(spring.LedgerID)
	if e.Account != "50105" || e.Amount != model.Yuan(600) || e.Money != model.MoneyBank || e.Source.Kind != SourceConsolation {
		t.Errorf("entry %+v", e)
	}
	// Dragon Boat for m1 alone: 300 + 300 passes the 500 cap: a warning, still written.
	dragon := model.Consolation{Kind: model.ConsolFestival, Occasion: "端午节", Date: 20240610, Members: []uint64{f.m1.ID},
		PerMember: model.Yuan(300), Form: model.ConsolGoods, Goods: "粽子", Money: model.MoneyCash}
	warn, err = s.AddConsolation(bop, &dragon)
	if err != nil || !warn.Has("consol_amount", "consol.over_cap") || dragon.ID == 0 {
		t.Errorf("over the cap: %v %v", warn, err)
	}
	// Illness allows money.
	ill := model.Consolation{Kind: model.ConsolIllness, Date: 20240611, Members: []uint64{f.m2.ID}, PerMember: model.Yuan(500),
		Form: model.ConsolCash, Money: model.MoneyCash}
	if _, err := s.AddConsolation(bop, &ill); err != nil {
		t.Errorf("illness money: %v", err)
	}
	if _, err := s.ReverseConsolation(bop, dragon.ID, 20240612, "重复登记"); err != nil {
		t.Fatal(err)
	}
	// After the reversal m1's festival total is back to 300: 200 more is
	// within the cap.
	again := dragon
	again.ID, again.PerMember = 0, model.Yuan(200)
	if warn, err := s.AddConsolation(bop, &again); err != nil || len(warn) != 0 {
		t.Errorf("after the reversal: %v %v", warn, err)
	}
	cs, _ := s.MemberConsolations(f.m1.ID)
	if len(cs) != 4 {
		t.Errorf("m1 has %d consolation records, want 4", len(cs))
	}
	checkClean(t, s)
}

func TestUnionFundsDuePaidAndBehind(t *testing.T) {
	f := newDuesFixture(t)
	s := f.s
	q1 := model.UnitFunds{UnitID: f.a.ID, From: ym(2024, 1), To: ym(2024, 3), Payroll: 123456789}
	if err := s.AddUnitFunds(bop, &q1); err != nil {
		t.Fatal(err)
	}
	// 1,234,567.89 × 2% = 24,691.3578 → 24,691.36.
	if q1.RateBP != 200 || q1.Due != 2469136 {
		t.Errorf("due %s at %d", q1.Due, q1.RateBP)
	}
	if err := s.AddUnitFunds(bop, &model.UnitFunds{UnitID: f.a.ID, From: ym(2024, 3), To: ym(2024, 4), Payroll: 100}); !problemIs(err, "funds_from", "funds.overlap") {
		t.Errorf("overlapping period: %v", err)
	}
	b := model.UnitFunds{UnitID: f.b.ID, From: ym(2024, 1), To: ym(2024, 3), Payroll: 5000000}
	if err := s.AddUnitFunds(bop, &b); err != nil {
		t.Fatal(err)
	}
	// A pays 20,000.00 of it; 60% (the default share) reaches the federation.
	pay := model.FundsPayment{FundsID: q1.ID, Date: 20240415, Paid: 2000000, Money: model.MoneyBank}
	if err := s.PayFunds(bop, &pay); err != nil {
		t.Fatal(err)
	}
	e, _ := s.LedgerEntry(pay.LedgerID)
	if pay.ShareBP != 6000 || pay.Received != 1200000 || e.Account != "402" || e.Amount != 1200000 || e.Direction != model.In {
		t.Errorf("payment %+v entry %+v", pay, e)
	}
	rows, err := s.Funds()
	if err != nil || len(rows) != 2 {
		t.Fatal(rows, err)
	}
	today := model.DateOf(testNow)
	for _, r := range rows {
		switch r.Funds.ID {
		case q1.ID:
			if r.Paid != 2000000 || r.Outstanding() != 469136 || !r.Behind(today) || r.LastPaid != 20240415 {
				t.Errorf("A %+v", r)
			}
		case b.ID:
			if r.Outstanding() != 100000 || !r.Behind(today) {
				t.Errorf("B %+v", r)
			}
		}
	}
	if _, err := s.ReverseFundsPayment(bop, pay.ID, 20240416, "银行退回"); err != nil {
		t.Fatal(err)
	}
	if bal, _ := s.Balance(); bal != 0 {
		t.Errorf("balance after the reversal %s", bal)
	}
	checkClean(t, s)
}

func TestChartChanges(t *testing.T) {
	s := openTest(t)
	entryOn(t, s, 20240110, model.Out, "50405", 100, model.MoneyBank)
	// The 2010 chart has no 50405: it cannot take 2024 over.
	if err := s.UseStandardChart(bop, model.Chart2010, 2024); !problemIs(err, "chart", "chart.code_in_use") {
		t.Errorf("2010 chart over 2024's entries: %v", err)
	}
	// It may take the years before.
	if err := s.UseStandardChart(bop, model.Chart2010, 0); !problemIs(err, "chart", "chart.code_in_use") {
		t.Errorf("2010 chart from the start: %v", err)
	}
	c := model.DefaultChart()
	c.FromYear = 2024
	c.Standard = model.ChartOwn
	c.Accounts = append(c.Accounts, model.Account{Code: "5010501", Name: "生日蛋糕", Direction: model.Out})
	if err := s.SetChart(bop, c); err != nil {
		t.Fatal(err)
	}
	got, _ := s.ChartOf(2024)
	if got.Standard != model.ChartOwn || !got.IsHeading("50105") {
		t.Errorf("own chart %+v", got.Standard)
	}
	// A budget on the new heading is refused.
	if _, err := s.SetBudget(bop, &model.Budget{Year: 2024, Account: "50105", Amount: 1}); !problemIs(err, "account", "budget.heading") {
		t.Errorf("budget on a new heading: %v", err)
	}
	if old, _ := s.ChartOf(2023); old.Standard != model.Chart2021 {
		t.Errorf("2023 keeps the default: %s", old.Standard)
	}
	checkClean(t, s)
}

func problemIs(err error, field, key string) bool {
	ps, ok := err.(model.Problems)
	return ok && ps.Has(field, key)
}

func hasCheckKey(r *CheckReport, key string) bool {
	for _, p := range r.Problems {
		if p.Key == key {
			return true
		}
	}
	return false
}

// From the cash book a consolation's entry is reversed with its record; a
// dues entry is reversed at its payment.
func TestReverseEntryBySource(t *testing.T) {
	f := newDuesFixture(t)
	s := f.s
	c := model.Consolation{Kind: model.ConsolBirthday, Date: 20240301, Members: []uint64{f.m1.ID}, PerMember: model.Yuan(100),
		Form: model.ConsolGoods, Goods: "蛋糕", Money: model.MoneyBank}
	if _, err := s.AddConsolation(bop, &c); err != nil {
		t.Fatal(err)
	}
	rev, err := s.ReverseEntry(bop, c.LedgerID, 20240302, "登记错人")
	if err != nil || rev.Amount != -model.Yuan(100) || rev.ReversalOf != c.LedgerID {
		t.Fatalf("reversal %+v %v", rev, err)
	}
	if cs, _ := s.MemberConsolations(f.m1.ID); len(cs) != 2 || cs[1].PerMember != -model.Yuan(100) {
		t.Errorf("consolations %+v", cs)
	}
	if _, err := s.ReverseEntry(bop, c.LedgerID, 20240302, "again"); err == nil {
		t.Error("reversed twice")
	}
	p := model.DuesPayment{MemberID: f.m1.ID, From: ym(2024, 2), To: ym(2024, 2), Amount: 1540, Date: 20240301, Method: model.PayCash}
	if err := s.RecordPayment(bop, &p); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReverseEntry(bop, p.LedgerID, 20240302, "x"); !problemIs(err, "", "ledger.reverse_via_source") {
		t.Errorf("dues entry from the cash book: %v", err)
	}
	checkClean(t, s)
}

// check finds money totals that disagree with the entries and an entry
// that names no money account.
func TestCheckFindsBrokenMoneyTotals(t *testing.T) {
	f := newBooks(t)
	err := f.s.db.Update(func(tx *bbolt.Tx) error {
		if err := tx.Bucket(bucketMoneyTotals).Put(moneyTotalKey(ym(2024, 1), model.MoneyCash), pairBytes(1, 0)); err != nil {
			return err
		}
		e, err := getLedgerEntry(tx.Bucket(bucketLedger), f.dup.ID)
		if err != nil {
			return err
		}
		e.Money = 0
		return putMigrated(tx.Bucket(bucketLedger), itob(e.ID), &e)
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := f.s.Check()
	if err != nil {
		t.Fatal(err)
	}
	if !hasCheckKey(r, "check.money_totals") || !hasCheckKey(r, "check.no_money") {
		t.Errorf("problems %v", r.Problems)
	}
}
