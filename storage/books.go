package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// The books' buckets (the "books" migration, books_migrate.go) are
// declared in layout.go.

// booksBuckets are every bucket of the books, for the migration and check.
func booksBuckets() [][]byte {
	return [][]byte{bucketCharts, bucketOpenings, idxOpeningMoney, bucketTransfers, idxTransferDate, idxTransferVoucher,
		idxTransferReversal, bucketMoneyTotals, bucketClosings, idxClosing, bucketBudgets, idxBudget,
		bucketBankStatements, idxBankStatement, bucketBankTicks, bucketConsolations, idxConsolMember, idxConsolReversal,
		bucketFunds, idxFundsUnit, bucketFundsPayments, idxFundsPay, idxFundsPayReversal}
}

// Source kinds of entries posted by the books.
const (
	SourceConsolation = "consolation"
	SourceFunds       = "funds"
)

// ---- charts

// storedCharts reads every stored chart (few: one per change of chart).
func storedCharts(tx *bbolt.Tx) ([]model.Chart, error) {
	b := tx.Bucket(bucketCharts)
	if b == nil {
		return nil, nil
	}
	var out []model.Chart
	err := b.ForEach(func(k, v []byte) error {
		var c model.Chart
		if err := decode(v, &c); err != nil {
			return fmt.Errorf("chart %d: %w", btoi(k), err)
		}
		c.ID = btoi(k)
		out = append(out, c)
		return nil
	})
	return out, err
}

// chartOf is the chart in force in year, with the profile's legacy extra
// sub-accounts.
func chartOf(tx *bbolt.Tx, year int) (model.Chart, error) {
	if tx.Bucket(bucketCharts) == nil {
		// a database from before the books migration (a backup being
		// checked): its entries were posted under the 2010 chart
		legacy, _ := model.StandardChart(model.Chart2010)
		p, err := profileOrDefault(tx)
		if err != nil {
			return model.Chart{}, err
		}
		return legacy.With(p.CustomAccounts), nil
	}
	cs, err := storedCharts(tx)
	if err != nil {
		return model.Chart{}, err
	}
	p, err := profileOrDefault(tx)
	if err != nil {
		return model.Chart{}, err
	}
	return pickChart(cs, year).With(p.CustomAccounts), nil
}

// pickChart is the chart of cs in force in year: the greatest FromYear not
// after it; the default chart when none is.
func pickChart(cs []model.Chart, year int) model.Chart {
	best := -1
	for i, c := range cs {
		if c.FromYear <= year && (best < 0 || c.FromYear > cs[best].FromYear) {
			best = i
		}
	}
	if best < 0 {
		return model.DefaultChart()
	}
	return cs[best]
}

// chartFor is chartOf for the writer's transaction, cached per year.
func (w *writer) chartFor(year int) (model.Chart, error) {
	if w.charts == nil {
		w.charts = map[int]model.Chart{}
	}
	if c, ok := w.charts[year]; ok {
		return c, nil
	}
	c, err := chartOf(w.tx, year)
	if err == nil {
		w.charts[year] = c
	}
	return c, err
}

// ---- money totals and balances

// moneyTotalKey is month + money account.
func moneyTotalKey(m model.Month, acct model.MoneyAccount) []byte {
	k := make([]byte, 5)
	binary.BigEndian.PutUint32(k, uint32(m))
	k[4] = byte(acct)
	return k
}

// addMoney adds signed (+ in, - out) to a money account's month total.
func addMoney(get func([]byte) []byte, set func(k, v []byte) error, d model.Date, acct model.MoneyAccount, signed model.Money) error {
	k := moneyTotalKey(d.Month(), acct)
	in, out := moneyPair(get(k))
	if signed >= 0 {
		in += signed
	} else {
		out -= signed
	}
	return set(k, pairBytes(in, int64(out)))
}

// moneyPair reads a money_totals value: money in and money out.
func moneyPair(v []byte) (in, out model.Money) {
	a, b := pair(v)
	return a, model.Money(b)
}

func (w *writer) addMoney(d model.Date, acct model.MoneyAccount, signed model.Money) error {
	b := w.tx.Bucket(bucketMoneyTotals)
	return addMoney(func(k []byte) []byte { return w.get(b, k) }, func(k, v []byte) error { return w.set(b, k, v) }, d, acct, signed)
}

// getOpening reads money account m's opening balance; ok is false when none
// was set.
func getOpening(tx *bbolt.Tx, m model.MoneyAccount) (o model.OpeningBalance, ok bool, err error) {
	idx := tx.Bucket(idxOpeningMoney)
	if idx == nil {
		return o, false, nil
	}
	v := idx.Get([]byte{byte(m)})
	if v == nil {
		return o, false, nil
	}
	raw := tx.Bucket(bucketOpenings).Get(v)
	if raw == nil {
		return o, false, fmt.Errorf("opening %d: %w", btoi(v), i18n.E("err.not_found"))
	}
	if err := decode(raw, &o); err != nil {
		return o, false, fmt.Errorf("opening %d: %w", btoi(v), err)
	}
	return o, true, nil
}

// moneyBefore is money account m's balance at the start of month mo: its
// opening balance (when set in or before mo) and the months before mo.
func moneyBefore(tx *bbolt.Tx, m model.MoneyAccount, mo model.Month) (model.Money, error) {
	var bal model.Money
	o, ok, err := getOpening(tx, m)
	if err != nil {
		return 0, err
	}
	if ok && o.Date.Month() <= mo {
		bal = o.Amount
	}
	b := tx.Bucket(bucketMoneyTotals)
	if b == nil {
		return bal, nil
	}
	c := b.Cursor()
	for k, v := c.First(); k != nil && keyHead(k) < uint32(mo); k, v = c.Next() {
		if len(k) == 5 && model.MoneyAccount(k[4]) == m {
			in, out := moneyPair(v)
			bal += in - out
		}
	}
	return bal, nil
}

// openingsBefore is the sum of the opening balances set in or before mo
// (what balanceBefore adds to the entries' totals).
func openingsBefore(tx *bbolt.Tx, mo model.Month) model.Money {
	var sum model.Money
	for _, m := range model.MoneyAccounts() {
		if o, ok, err := getOpening(tx, m); err == nil && ok && o.Date.Month() <= mo {
			sum += o.Amount
		}
	}
	return sum
}

// ---- closed periods

// closingKey is the idx_closing key of a closing.
func closingKey(kind model.ClosingKind, m model.Month) []byte {
	k := make([]byte, 5)
	k[0] = byte(kind)
	binary.BigEndian.PutUint32(k[1:], uint32(m))
	return k
}

// closedThrough is the last closed month (0 when none): months are closed
// in order, so every month up to it is closed.
func closedThrough(tx *bbolt.Tx) model.Month {
	b := tx.Bucket(idxClosing)
	if b == nil {
		return 0
	}
	c := b.Cursor()
	k, _ := c.Seek([]byte{byte(model.CloseYear)})
	if k == nil {
		k, _ = c.Last()
	} else {
		k, _ = c.Prev()
	}
	if len(k) != 5 || model.ClosingKind(k[0]) != model.CloseMonth {
		return 0
	}
	return model.Month(binary.BigEndian.Uint32(k[1:]))
}

// yearClosed reports whether year has its year-end closing.
func yearClosed(tx *bbolt.Tx, year int) bool {
	b := tx.Bucket(idxClosing)
	return b != nil && b.Get(closingKey(model.CloseYear, model.Month(year*100+12))) != nil
}

// getClosing reads a closing by kind and month.
func getClosing(tx *bbolt.Tx, kind model.ClosingKind, m model.Month) (c model.Closing, ok bool, err error) {
	b := tx.Bucket(idxClosing)
	if b == nil {
		return c, false, nil
	}
	v := b.Get(closingKey(kind, m))
	if v == nil {
		return c, false, nil
	}
	if err := decode(tx.Bucket(bucketClosings).Get(v), &c); err != nil {
		return c, false, fmt.Errorf("closing %d: %w", btoi(v), err)
	}
	return c, true, nil
}

// openDateProblem is the problem of a date in a closed period, on field
// (nil when the period is open).
func openDateProblem(tx *bbolt.Tx, field string, d model.Date) model.Problems {
	if ct := closedThrough(tx); ct != 0 && d.Month() <= ct {
		return model.Problems{{Field: field, Key: "books.period_closed", Args: []any{d.String(), ct.String()}}}
	}
	return nil
}

// beforeOpening is the problem of an entry of money account m dated
// before its opening balance (nil when there is none or it is not).
func beforeOpening(tx *bbolt.Tx, m model.MoneyAccount, d model.Date) (model.Problems, error) {
	o, ok, err := getOpening(tx, m)
	if err != nil || !ok || d >= o.Date {
		return nil, err
	}
	return model.Problems{{Field: "date", Key: "books.before_opening", Args: []any{model.KeyArg(m.Key()), o.Date.String()}}}, nil
}

// i18nKey is a catalogue key passed as a message argument: Problem args
// are shown as they are, so the key is localized where the problem is.
type i18nKey string

// Localize says the key in language l.
func (k i18nKey) Localize(l i18n.Lang) string { return l.T(string(k)) }

// String is the English word (for logs).
func (k i18nKey) String() string { return i18n.EN.T(string(k)) }

// ---- money of entries

// entryMoney fills in the money account of an entry that does not say: a
// reversal's is its original's, the rest go to the profile's default (the
// bank unless set). Dues entries say where the money went
// (model.MoneyFor the payment method: cash to the cash box, bank, WeChat
// and payroll deduction to the bank); so may aid and events.
func (w *writer) entryMoney(e *model.LedgerEntry) error {
	if e.Money != 0 {
		return nil
	}
	if e.ReversalOf != 0 {
		orig, err := getLedgerEntry(w.ledger, e.ReversalOf)
		if err != nil {
			return err
		}
		e.Money = orig.Money
		return nil
	}
	p, err := w.profile()
	if err != nil {
		return err
	}
	e.Money = p.Books.Money()
	return nil
}

// idKeyed lists the IDs of a pair index under prefix (prefix + ID keys).
func idKeyed(b *bbolt.Bucket, prefix []byte) []uint64 {
	var ids []uint64
	if b == nil {
		return nil
	}
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		if len(k) == len(prefix)+8 {
			ids = append(ids, btoi(k[len(prefix):]))
		}
	}
	return ids
}

// roleAccount is the code of the account of year's chart that does role;
// a problem on "account" when the chart has none.
func (w *writer) roleAccount(year int, role model.AccountRole) (string, error) {
	c, err := w.chartFor(year)
	if err != nil {
		return "", err
	}
	code, ok := c.RoleCode(role)
	if !ok {
		return "", model.Problems{{Field: "account", Key: "chart.no_role", Args: []any{model.KeyArg("role." + string(role)), year}}}
	}
	return code, nil
}

// aidAccountOK reports whether an aid's cash-book entry is on the account
// its type is paid from in the chart of its year (a reversal's mirrors its
// original's, checked with the reversal).
func aidAccountOK(tx *bbolt.Tx, a *model.AidRecord, e *model.LedgerEntry) bool {
	if a.ReversalOf != 0 || e.ReversalOf != 0 {
		return true
	}
	c, err := chartOf(tx, a.Date.Year())
	if err != nil {
		return false
	}
	code, ok := c.RoleCode(a.Type.Role())
	return ok && code == e.Account
}

// booksProfileChanges lists the changed books settings for the audit log.
func booksProfileChanges(old, new *model.Profile) []model.FieldChange {
	var cs []model.FieldChange
	diff := func(field, a, b string) {
		if a != b {
			cs = append(cs, model.FieldChange{Field: field, Old: a, New: b})
		}
	}
	o, n := &old.Books, &new.Books
	diff("default_money", o.DefaultMoney.Key(), n.DefaultMoney.Key())
	diff("funds_rate", rateText(o.FundsRateBP), rateText(n.FundsRateBP))
	diff("funds_share", rateText(o.FundsShareBP), rateText(n.FundsShareBP))
	shares := func(s []model.UnitShare) string {
		out := ""
		for _, u := range s {
			out += fmt.Sprintf("%d:%s ", u.UnitID, rateText(u.ShareBP))
		}
		return out
	}
	diff("funds_share", shares(o.UnitShares), shares(n.UnitShares))
	caps := func(s []model.ConsolCap) string {
		out := ""
		for _, c := range s {
			out += c.Kind.Code() + ":" + c.Cap.String() + " "
		}
		return out
	}
	diff("consol_cap", caps(o.Caps), caps(n.Caps))
	diff("signatures", fmt.Sprint(o.Signatures), fmt.Sprint(n.Signatures))
	return cs
}
