package model

import (
	"strings"
	"time"
	"unicode/utf8"
)

// The books an auditor (经审) accepts: two money accounts with their
// opening balances, transfers between them, closed periods, budgets, and
// the settings of the books. Consolation spending and 工会经费 are in
// books_consolation.go and books_funds.go; the statement in
// books_statement.go.

// MoneyAccount is where money is kept: cash (库存现金, account 101) or the
// bank (银行存款, 102). Every cash-book entry moves one of them.
type MoneyAccount uint8

const (
	MoneyCash MoneyAccount = 1 // 库存现金
	MoneyBank MoneyAccount = 2 // 银行存款
)

// MoneyAccounts lists the money accounts in display order.
func MoneyAccounts() []MoneyAccount { return []MoneyAccount{MoneyCash, MoneyBank} }

// Valid reports a known money account.
func (m MoneyAccount) Valid() bool { return m == MoneyCash || m == MoneyBank }

// Key is the catalogue key of the account's name.
func (m MoneyAccount) Key() string {
	switch m {
	case MoneyCash:
		return "money.cash"
	case MoneyBank:
		return "money.bank"
	}
	return "money.none"
}

// Code is the balance-sheet account code: 101 库存现金, 102 银行存款.
func (m MoneyAccount) Code() string {
	if m == MoneyBank {
		return "102"
	}
	return "101"
}

// Name is the account's name in the books (Chinese, the language of the
// books): 库存现金 or 银行存款.
func (m MoneyAccount) Name() string {
	if m == MoneyBank {
		return "银行存款"
	}
	return "库存现金"
}

// ParseMoneyAccount reads cash|bank (or 现金, 银行, 101, 102).
func ParseMoneyAccount(s string) (MoneyAccount, bool) {
	switch strings.ToLower(Clean(s)) {
	case "cash", "现金", "库存现金", "101":
		return MoneyCash, true
	case "bank", "银行", "银行存款", "102":
		return MoneyBank, true
	}
	return 0, false
}

// MoneyFor is the money account a dues payment of method p goes to: cash
// to the cash box, everything else (bank, WeChat/Alipay, payroll
// deduction) to the bank account.
func MoneyFor(p PayMethod) MoneyAccount {
	if p == PayCash {
		return MoneyCash
	}
	return MoneyBank
}

// BooksSettings are the profile's settings of the books; zero values mean
// the defaults.
type BooksSettings struct {
	// DefaultMoney is the money account of entries posted by other records
	// (aid, events) that do not say: the bank when unset.
	DefaultMoney MoneyAccount `cbor:"1,keyasint,omitempty"`
	// FundsRateBP is the 工会经费 rate in basis points of the payroll
	// (工会法 第四十三条: 2%, 200).
	FundsRateBP int `cbor:"2,keyasint,omitempty"`
	// FundsShareBP is the share of a unit's paid 工会经费 that reaches this
	// federation (6000: the grassroots 60% of the national 60/40 split,
	// which a federation keeps for the joint unions it runs). Provinces
	// and districts differ: set it, per unit if needed (UnitShares).
	FundsShareBP int           `cbor:"3,keyasint,omitempty"`
	UnitShares   []UnitShare   `cbor:"4,keyasint,omitempty"`
	Caps         []ConsolCap   `cbor:"5,keyasint,omitempty"` // consolation caps per member and year
	Signatures   SignatureLine `cbor:"6,keyasint,omitempty"` // names printed on the signature lines
}

// UnitShare overrides the 工会经费 share for one unit.
type UnitShare struct {
	UnitID  uint64 `cbor:"1,keyasint"`
	ShareBP int    `cbor:"2,keyasint"`
}

// SignatureLine holds the names printed under reports (blank lines when
// empty): 工会主席, 财务负责人, 复核, 制表.
type SignatureLine struct {
	Chair    string `cbor:"1,keyasint,omitempty"`
	Finance  string `cbor:"2,keyasint,omitempty"`
	Reviewer string `cbor:"3,keyasint,omitempty"`
	Preparer string `cbor:"4,keyasint,omitempty"`
}

// Defaults of the books settings.
const (
	DefaultFundsRateBP  = 200
	DefaultFundsShareBP = 6000
)

// Money is the default money account of entries posted by other records.
func (s BooksSettings) Money() MoneyAccount {
	if s.DefaultMoney.Valid() {
		return s.DefaultMoney
	}
	return MoneyBank
}

// FundsRate is the 工会经费 rate in basis points.
func (s BooksSettings) FundsRate() int {
	if s.FundsRateBP > 0 {
		return s.FundsRateBP
	}
	return DefaultFundsRateBP
}

// ShareOf is the share of unit's paid 工会经费 that reaches this federation.
func (s BooksSettings) ShareOf(unit uint64) int {
	for _, u := range s.UnitShares {
		if u.UnitID == unit {
			return u.ShareBP
		}
	}
	if s.FundsShareBP > 0 {
		return s.FundsShareBP
	}
	return DefaultFundsShareBP
}

// Cap is the yearly cap per member of a kind of consolation (0: none).
func (s BooksSettings) Cap(k ConsolKind) Money {
	for _, c := range s.Caps {
		if c.Kind == k {
			return c.Cap
		}
	}
	return 0
}

// validateBooks checks the books settings: fields "default_money",
// "funds_rate", "funds_share", "consol_cap".
func (p *Profile) validateBooks() Problems {
	var ps Problems
	s := &p.Books
	if s.DefaultMoney != 0 && !s.DefaultMoney.Valid() {
		ps.add("default_money", "money_account.unknown")
	}
	if s.FundsRateBP < 0 || s.FundsRateBP > 10000 {
		ps.add("funds_rate", "books.bp_range")
	}
	if s.FundsShareBP < 0 || s.FundsShareBP > 10000 {
		ps.add("funds_share", "books.bp_range")
	}
	for _, u := range s.UnitShares {
		if u.ShareBP < 0 || u.ShareBP > 10000 || u.UnitID == 0 {
			ps.add("funds_share", "books.bp_range")
		}
	}
	for _, c := range s.Caps {
		if !c.Kind.Valid() || c.Cap < 0 {
			ps.add("consol_cap", "consol.cap_bad")
		}
	}
	for _, n := range []*string{&s.Signatures.Chair, &s.Signatures.Finance, &s.Signatures.Reviewer, &s.Signatures.Preparer} {
		*n = CleanName(*n)
		if utf8.RuneCountInString(*n) > 20 {
			ps.add("signatures", "problem.too_long", 20)
		}
	}
	return ps
}

// ---- opening balances

// OpeningBalance is a money account's balance when the books start in the
// program (期初余额, or the balance carried from the paper books 上年结转):
// the balance at the start of Date, the first day of the month the books
// start in (启用期间). No entry of that account may be dated before it.
type OpeningBalance struct {
	ID       uint64       `cbor:"1,keyasint"`
	Money    MoneyAccount `cbor:"2,keyasint"`
	Date     Date         `cbor:"3,keyasint"`
	Amount   Money        `cbor:"4,keyasint"`
	Memo     string       `cbor:"5,keyasint,omitempty"`
	Operator string       `cbor:"6,keyasint,omitempty"`
	SetAt    time.Time    `cbor:"7,keyasint"`
}

// ValidateOpening checks an opening balance: a money account, a real date
// not in the future that is the first of a month, an amount not below zero (neither the cash box nor a
// union's bank account can hold less than nothing). Fields "money",
// "date", "amount", "memo".
func ValidateOpening(o *OpeningBalance, today Date) Problems {
	var ps Problems
	o.Memo = CleanText(o.Memo)
	if !o.Money.Valid() {
		ps.add("money", "money_account.unknown")
	}
	ps.date("date", o.Date, today)
	if o.Date.Valid() && o.Date.Day() != 1 {
		ps.add("date", "opening.first_day", o.Date.Month().First().String())
	}
	if o.Amount < 0 {
		ps.add("amount", "opening.negative", i18nKeyArg(o.Money.Key()))
	}
	if o.Amount > Yuan(1_000_000_000) {
		ps.add("amount", "books.amount_too_large")
	}
	if utf8.RuneCountInString(o.Memo) > 200 {
		ps.add("memo", "problem.too_long", 200)
	}
	return ps
}

// date adds the problems of a required date not after today.
func (ps *Problems) date(field string, d, today Date) {
	switch {
	case d == 0:
		ps.add(field, "problem.required")
	case !d.Valid():
		ps.add(field, "date.impossible", d.String())
	case d > today:
		ps.add(field, "problem.future")
	}
}

// ---- transfers

// Transfer moves money between the cash box and the bank (存现 cash to
// bank, 取现 bank to cash): one record with two sides, numbered from the
// voucher sequence like a cash-book entry, neither income nor spending. A
// wrong one is reversed by a transfer with the negative amount.
type Transfer struct {
	ID         uint64       `cbor:"1,keyasint"`
	Date       Date         `cbor:"2,keyasint"`
	From       MoneyAccount `cbor:"3,keyasint"`
	To         MoneyAccount `cbor:"4,keyasint"`
	Amount     Money        `cbor:"5,keyasint"`
	VoucherNo  string       `cbor:"6,keyasint"`
	Memo       string       `cbor:"7,keyasint,omitempty"`
	ReversalOf uint64       `cbor:"8,keyasint,omitempty"`
	Operator   string       `cbor:"9,keyasint,omitempty"`
	CreatedAt  time.Time    `cbor:"10,keyasint"`
}

// Signed is the transfer's effect on money account m.
func (t *Transfer) Signed(m MoneyAccount) Money {
	switch m {
	case t.To:
		return t.Amount
	case t.From:
		return -t.Amount
	}
	return 0
}

// Key is the catalogue key of the kind of transfer: 存现 or 取现.
func (t *Transfer) Key() string {
	if t.To == MoneyBank {
		return "transfer.deposit"
	}
	return "transfer.withdraw"
}

// Summary is the transfer's line in the journals in Chinese, the language
// of the books: 存现 / 取现 and the memo.
func (t *Transfer) Summary() string {
	s := "取现"
	if t.To == MoneyBank {
		s = "存现"
	}
	if t.ReversalOf != 0 {
		s = "冲正 " + s
	}
	if t.Memo != "" {
		s += " " + t.Memo
	}
	return s
}

// ReversalMemoPrefix begins the memo a reversal is stored with ("冲正
// 2026-0003：reason"), the record's own words in either language.
const ReversalMemoPrefix = "冲正 "

// TransferSummary is a transfer's line in the reader's words (tr is the
// catalogue's T): deposit (存现) or withdrawal (取现), marked when it
// reverses one, and its memo (a reversal's without its own 冲正, which
// the mark says: it read "冲正 存现 冲正 2026-0010：录错金额").
func TransferSummary(tr func(key string, args ...any) string, deposit, reversal bool, memo string) string {
	s := tr("transfer.withdraw")
	if deposit {
		s = tr("transfer.deposit")
	}
	if reversal {
		s = tr("transfer.reversal", s)
		memo = strings.TrimPrefix(memo, ReversalMemoPrefix)
	}
	if memo != "" {
		s += " " + memo
	}
	return s
}

// ValidateTransfer checks a transfer: a real date not in the future, two
// different money accounts, an amount above zero (below zero in a
// reversal), at most 200 characters of memo. Fields "date", "from_money",
// "to_money", "amount", "memo".
func ValidateTransfer(t *Transfer, today Date) Problems {
	var ps Problems
	t.Memo = CleanText(t.Memo)
	ps.date("date", t.Date, today)
	if !t.From.Valid() {
		ps.add("from_money", "money_account.unknown")
	}
	if !t.To.Valid() {
		ps.add("to_money", "money_account.unknown")
	}
	if t.From.Valid() && t.From == t.To {
		ps.add("to_money", "transfer.same_account")
	}
	if t.ReversalOf != 0 {
		if t.Amount >= 0 {
			ps.add("amount", "ledger.reversal_amount")
		}
	} else if err := t.Amount.Positive(); err != nil {
		ps.addErr("amount", err)
	} else if t.Amount > Yuan(1_000_000_000) {
		ps.add("amount", "books.amount_too_large")
	}
	if utf8.RuneCountInString(t.Memo) > 200 {
		ps.add("memo", "problem.too_long", 200)
	}
	return ps
}

// ---- closing

// ClosingKind says what a closing closed.
type ClosingKind uint8

const (
	CloseMonth ClosingKind = 1 // 月结
	CloseYear  ClosingKind = 2 // 年结: all twelve months closed, the balance carried forward
)

// Closing is a closed period (结账): its entries and transfers may no
// longer change, which Digest proves (the SHA-256 of their canonical form
// when the period was closed, see storage). A year's closing carries the
// money accounts' balances forward (Balances, cash then bank).
type Closing struct {
	ID        uint64      `cbor:"1,keyasint"`
	Kind      ClosingKind `cbor:"2,keyasint"`
	Month     Month       `cbor:"3,keyasint"` // the month closed; for a year, its December
	Digest    string      `cbor:"4,keyasint"`
	Entries   int         `cbor:"5,keyasint"`
	Transfers int         `cbor:"6,keyasint"`
	In        Money       `cbor:"7,keyasint"`
	Out       Money       `cbor:"8,keyasint"`
	Balances  []Money     `cbor:"9,keyasint"` // at the end of the period: cash, bank
	Operator  string      `cbor:"10,keyasint,omitempty"`
	ClosedAt  time.Time   `cbor:"11,keyasint"`
}

// First and Last are the period's first and last days.
func (c *Closing) First() Date {
	if c.Kind == CloseYear {
		return Month(c.Month.Year()*100 + 1).First()
	}
	return c.Month.First()
}

// Last is the period's last day.
func (c *Closing) Last() Date { return c.Month.Last() }

// Label is "2026-03" for a month, "2026" for a year.
func (c *Closing) Label() string {
	if c.Kind == CloseYear {
		return c.Month.String()[:4]
	}
	return c.Month.String()
}

// Balance is the closing balance of money account m.
func (c *Closing) Balance(m MoneyAccount) Money {
	if i := int(m) - 1; i >= 0 && i < len(c.Balances) {
		return c.Balances[i]
	}
	return 0
}

// ---- budgets

// Budget is the year's budget line (预算) for one account that is not a
// heading: a heading's budget is the sum of its sub-accounts' lines.
type Budget struct {
	ID       uint64    `cbor:"1,keyasint"`
	Year     int       `cbor:"2,keyasint"`
	Account  string    `cbor:"3,keyasint"`
	Amount   Money     `cbor:"4,keyasint"`
	Memo     string    `cbor:"5,keyasint,omitempty"`
	Operator string    `cbor:"6,keyasint,omitempty"`
	SetAt    time.Time `cbor:"7,keyasint"`
}

// ValidateBudget checks a budget line against the year's chart: a year, an
// account of the chart that is not a heading, an amount not below zero.
// Fields "year", "account", "amount", "memo".
func ValidateBudget(b *Budget, chart *Chart) Problems {
	var ps Problems
	b.Account, b.Memo = Clean(b.Account), CleanText(b.Memo)
	if b.Year < 1900 || b.Year > 9999 {
		ps.add("year", "chart.year", b.Year)
	}
	switch a, ok := chart.Find(b.Account); {
	case b.Account == "":
		ps.add("account", "problem.required")
	case !ok:
		ps.add("account", "account.unknown", b.Account)
	case chart.IsHeading(b.Account):
		ps.add("account", "budget.heading", a.Code+" "+a.Name)
	}
	if b.Amount < 0 {
		ps.add("amount", "money.negative")
	} else if b.Amount > Yuan(1_000_000_000) {
		ps.add("amount", "books.amount_too_large")
	}
	if utf8.RuneCountInString(b.Memo) > 200 {
		ps.add("memo", "problem.too_long", 200)
	}
	return ps
}

// BudgetOver is the warning when spending on account passes its budget
// line: nil when it does not (or the account has no line, or is income).
func BudgetOver(a Account, budget Money, hasBudget bool, actual Money) Warnings {
	if !hasBudget || a.Direction != Out || actual <= budget {
		return nil
	}
	return Warnings{{Field: "account", Key: "budget.over", Args: []any{a.Code + " " + a.Name, budget.Display(), (actual - budget).Display()}}}
}

// ---- bank reconciliation

// BankStatement is the balance a bank statement (对账单) shows at Date; the
// bank-side lines ticked against it (cleared) should come to it.
type BankStatement struct {
	ID       uint64    `cbor:"1,keyasint"`
	Date     Date      `cbor:"2,keyasint"`
	Balance  Money     `cbor:"3,keyasint"`
	Operator string    `cbor:"4,keyasint,omitempty"`
	SetAt    time.Time `cbor:"5,keyasint"`
}

// HasKey reports whether any problem has the given key.
func (ps Problems) HasKey(key string) bool {
	for _, p := range ps {
		if p.Key == key {
			return true
		}
	}
	return false
}

// KeyArg is a catalogue key passed as a Problem's argument: it is said in
// the user's language where the problem is shown.
func KeyArg(key string) any { return i18nKeyArg(key) }
