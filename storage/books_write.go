package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// Writes of the books: the chart, opening balances, transfers, budgets.
// Each is one transaction with its audit entry; a failed check writes
// nothing.

// ---- charts

// ChartOf is the chart in force in year: the stored chart with the
// greatest FromYear not after year (the 2021 chart when none is stored),
// with the union's legacy extra sub-accounts (Profile.CustomAccounts).
func (s *Store) ChartOf(year int) (c model.Chart, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		c, err = chartOf(tx, year)
		return err
	})
	return c, err
}

// Charts lists the stored charts by FromYear (none: the 2021 chart is in
// force every year).
func (s *Store) Charts() (cs []model.Chart, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		cs, err = storedCharts(tx)
		return err
	})
	slices.SortFunc(cs, func(a, b model.Chart) int { return a.FromYear - b.FromYear })
	return cs, err
}

// SetChart stores c as the chart in force from c.FromYear (replacing a
// chart stored for that year). Problems: the chart's own (field "chart"),
// a closed month in the years it would cover ("chart_year"), an account
// used by an entry or a budget line of those years that it lacks or turns
// around ("chart").
func (s *Store) SetChart(op string, c model.Chart) error {
	return s.update(op, func(w *writer) error { return w.setChart(&c) })
}

// UseStandardChart puts a published chart (model.Chart2021 or
// model.Chart2010) in force from fromYear.
func (s *Store) UseStandardChart(op, std string, fromYear int) error {
	c, ok := model.StandardChart(std)
	if !ok {
		return model.Problems{{Field: "chart", Key: "chart.unknown_standard", Args: []any{std}}}
	}
	c.FromYear = fromYear
	return s.SetChart(op, c)
}

func (w *writer) setChart(c *model.Chart) error {
	c.Normalize()
	if ps := c.Validate(); len(ps) > 0 {
		return ps
	}
	cs, err := storedCharts(w.tx)
	if err != nil {
		return err
	}
	// The years the chart will cover: from FromYear to the next chart's.
	until := 1 << 30
	var old *model.Chart
	for i := range cs {
		switch {
		case cs[i].FromYear == c.FromYear:
			old = &cs[i]
		case cs[i].FromYear > c.FromYear && cs[i].FromYear < until:
			until = cs[i].FromYear
		}
	}
	if ct := closedThrough(w.tx); ct != 0 && ct.Year() >= c.FromYear {
		return model.Problems{{Field: "chart_year", Key: "chart.year_closed", Args: []any{ct.String()}}}
	}
	if ps := w.chartCovers(c, c.FromYear, until); len(ps) > 0 {
		return ps
	}
	b := w.tx.Bucket(bucketCharts)
	action := model.ActionCreate
	if old != nil {
		c.ID, action = old.ID, model.ActionUpdate
	} else if c.ID, err = b.NextSequence(); err != nil {
		return err
	}
	if err := w.put(b, itob(c.ID), c); err != nil {
		return err
	}
	w.charts = nil
	changes := []model.FieldChange{
		{Field: "chart_standard", New: c.Standard},
		{Field: "chart_year", New: strconv.Itoa(c.FromYear)},
		{Field: "chart_accounts", New: strconv.Itoa(len(c.Accounts))},
	}
	if old != nil {
		changes[0].Old, changes[1].Old, changes[2].Old = old.Standard, strconv.Itoa(old.FromYear), strconv.Itoa(len(old.Accounts))
		if diff := chartDiff(old, c); diff != "" {
			changes = append(changes, model.FieldChange{Field: "chart", New: diff})
		}
	}
	return w.writeAudit(action, model.EntityChart, c.ID, c.Standard+" "+strconv.Itoa(c.FromYear), changes)
}

// chartCovers checks that every account used by an entry or budget line
// dated from..until-1 is in c, with the same direction, and that no
// budget line is on a heading of c.
func (w *writer) chartCovers(c *model.Chart, from, until int) model.Problems {
	var ps model.Problems
	reported := map[string]bool{}
	report := func(key, code string) {
		if !reported[code] && len(ps) < 10 {
			reported[code] = true
			ps = append(ps, model.Problem{Field: "chart", Key: key, Args: []any{code}})
		}
	}
	cur := w.ledgerTotals.Cursor()
	start := model.Month(max(from, 0)*100 + 1)
	for k, _ := cur.Seek(monthKey(start)); k != nil; k, _ = cur.Next() {
		if len(k) < 6 || model.Month(binary.BigEndian.Uint32(k)).Year() >= until {
			break
		}
		code := string(k[5:])
		a, ok := c.Find(code)
		switch {
		case !ok:
			report("chart.code_in_use", code)
		case a.Direction != model.Direction(k[4]):
			report("chart.direction_in_use", code)
		}
	}
	_ = w.tx.Bucket(bucketBudgets).ForEach(func(_, v []byte) error {
		var b model.Budget
		if decode(v, &b) == nil && b.Year >= from && b.Year < until && (c.IsHeading(b.Account) || !hasAccount(c, b.Account)) {
			report("chart.budget_in_use", b.Account)
		}
		return nil
	})
	return ps
}

func hasAccount(c *model.Chart, code string) bool { _, ok := c.Find(code); return ok }

// chartDiff names the accounts added, removed or renamed, for the audit.
func chartDiff(old, c *model.Chart) string {
	var parts []string
	for _, a := range c.Accounts {
		if o, ok := old.Find(a.Code); !ok {
			parts = append(parts, "+"+a.Code+" "+a.Name)
		} else if o.Name != a.Name || o.Direction != a.Direction {
			parts = append(parts, "~"+a.Code+" "+a.Name)
		}
	}
	for _, a := range old.Accounts {
		if !hasAccount(c, a.Code) {
			parts = append(parts, "-"+a.Code+" "+a.Name)
		}
	}
	if len(parts) > 20 {
		parts = append(parts[:20], fmt.Sprintf("… (%d)", len(parts)))
	}
	s := ""
	for i, p := range parts {
		if i > 0 {
			s += "; "
		}
		s += p
	}
	return s
}

// ---- opening balances

// Openings returns the opening balance of each money account that has one.
func (s *Store) Openings() (map[model.MoneyAccount]model.OpeningBalance, error) {
	out := map[model.MoneyAccount]model.OpeningBalance{}
	err := s.db.View(func(tx *bbolt.Tx) error {
		for _, m := range model.MoneyAccounts() {
			o, ok, err := getOpening(tx, m)
			if err != nil {
				return err
			}
			if ok {
				out[m] = o
			}
		}
		return nil
	})
	return out, err
}

// NeedsOpening reports whether no opening balance was set yet: the first
// run asks for them.
func (s *Store) NeedsOpening() (bool, error) {
	os, err := s.Openings()
	return len(os) == 0, err
}

// SetOpening sets (or changes) a money account's opening balance.
// Problems (fields "money", "date", "amount", "memo"): see
// model.ValidateOpening; a date in a closed period, or a balance already
// in one ("books.period_closed"); a date after the account's first entry
// or transfer ("opening.after_entries").
func (s *Store) SetOpening(op string, o *model.OpeningBalance) error {
	c := *o
	if err := s.update(op, func(w *writer) error { return w.setOpening(&c) }); err != nil {
		return err
	}
	*o = c
	return nil
}

func (w *writer) setOpening(o *model.OpeningBalance) error {
	if ps := model.ValidateOpening(o, w.today); len(ps) > 0 {
		return ps
	}
	old, had, err := getOpening(w.tx, o.Money)
	if err != nil {
		return err
	}
	// An opening left as it is is no change, closed or not (the first-run
	// form sends both accounts: the unchanged one must not be refused).
	if had && old.Date == o.Date && old.Amount == o.Amount && old.Memo == o.Memo {
		return errNoChange
	}
	for _, d := range []model.Date{o.Date, old.Date} {
		if ct := closedThrough(w.tx); d != 0 && ct != 0 && d.Month() <= ct {
			return model.Problems{{Field: "date", Key: "opening.period_closed", Args: []any{d.String(), ct.String()}}}
		}
	}
	if first, err := w.firstMoneyDate(o.Money); err != nil {
		return err
	} else if first != 0 && first < o.Date {
		return model.Problems{{Field: "date", Key: "opening.after_entries", Args: []any{first.String()}}}
	}
	b := w.tx.Bucket(bucketOpenings)
	action := model.ActionCreate
	if had {
		o.ID, action = old.ID, model.ActionUpdate
	} else if o.ID, err = b.NextSequence(); err != nil {
		return err
	}
	o.Operator, o.SetAt = w.op, w.now
	if err := w.put(b, itob(o.ID), o); err != nil {
		return err
	}
	if err := w.tx.Bucket(idxOpeningMoney).Put([]byte{byte(o.Money)}, itob(o.ID)); err != nil {
		return err
	}
	changes := []model.FieldChange{
		{Field: "money", New: o.Money.Key()},
		{Field: "date", New: o.Date.String()},
		{Field: "amount", New: o.Amount.String()},
	}
	if had {
		changes[1].Old, changes[2].Old = old.Date.String(), old.Amount.String()
	}
	return w.writeAudit(action, model.EntityOpening, o.ID, o.Money.Name(), changes)
}

// firstMoneyDate is the date of money account m's first entry or transfer
// (0 when it has none).
func (w *writer) firstMoneyDate(m model.MoneyAccount) (model.Date, error) {
	var first model.Date
	c := w.idxLedgerDate.Cursor()
	for k, _ := c.First(); k != nil; k, _ = c.Next() {
		e, err := getLedgerEntry(w.ledger, btoi(k[4:]))
		if err != nil {
			return 0, dangling(err)
		}
		if e.Money == m {
			first = e.Date
			break
		}
	}
	tb := w.tx.Bucket(bucketTransfers)
	tc := w.tx.Bucket(idxTransferDate).Cursor()
	for k, _ := tc.First(); k != nil; k, _ = tc.Next() {
		var t model.Transfer
		if err := decode(tb.Get(k[4:]), &t); err != nil {
			return 0, fmt.Errorf("transfer %d: %w", btoi(k[4:]), err)
		}
		if t.From == m || t.To == m {
			if first == 0 || t.Date < first {
				first = t.Date
			}
			break
		}
	}
	return first, nil
}

// ---- transfers

// AddTransfer records a transfer between cash and bank with the next
// voucher number. Problems (fields "date", "from_money", "to_money",
// "amount", "memo"): see model.ValidateTransfer; a date in a closed period or
// before either account's opening balance. On success t holds the record.
func (s *Store) AddTransfer(op string, t *model.Transfer) error {
	c := *t
	c.ID, c.VoucherNo, c.ReversalOf = 0, "", 0
	if err := s.update(op, func(w *writer) error { return w.postTransfer(&c) }); err != nil {
		return err
	}
	*t = c
	return nil
}

// ReverseTransfer reverses a transfer with one of the negative amount
// dated date (not before it, in an open period). Problems on "date" and
// "reason".
func (s *Store) ReverseTransfer(op string, id uint64, date model.Date, reason string) (rev model.Transfer, err error) {
	err = s.update(op, func(w *writer) error {
		orig, err := getTransfer(w.tx, id)
		if err != nil {
			return err
		}
		if orig.ReversalOf != 0 {
			return model.Problems{{Key: "ledger.reverse_reversal"}}
		}
		if v := w.tx.Bucket(idxTransferReversal).Get(itob(id)); v != nil {
			return model.Problems{{Key: "ledger.already_reversed", Args: []any{orig.VoucherNo}}}
		}
		if ps := w.checkReversal(orig.Date, date, reason); len(ps) > 0 {
			return ps
		}
		rev = model.Transfer{Date: date, From: orig.From, To: orig.To, Amount: -orig.Amount,
			Memo: reversalMemo(orig.VoucherNo, reason), ReversalOf: id}
		return w.postTransfer(&rev)
	})
	return rev, err
}

// Transfer returns one transfer.
func (s *Store) Transfer(id uint64) (t model.Transfer, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		t, err = getTransfer(tx, id)
		return err
	})
	return t, err
}

func getTransfer(tx *bbolt.Tx, id uint64) (model.Transfer, error) {
	var t model.Transfer
	v := tx.Bucket(bucketTransfers).Get(itob(id))
	if v == nil {
		return t, fmt.Errorf("transfer %d: %w", id, i18n.E("err.not_found"))
	}
	if err := decode(v, &t); err != nil {
		return t, fmt.Errorf("transfer %d: %w", id, err)
	}
	return t, nil
}

func (w *writer) postTransfer(t *model.Transfer) error {
	ps := model.ValidateTransfer(t, w.today)
	if t.Date.Valid() {
		ps = append(ps, openDateProblem(w.tx, "date", t.Date)...)
		for _, m := range []model.MoneyAccount{t.From, t.To} {
			if m.Valid() {
				before, err := beforeOpening(w.tx, m, t.Date)
				if err != nil {
					return err
				}
				ps = append(ps, before...)
			}
		}
	}
	if len(ps) > 0 {
		return ps
	}
	b := w.tx.Bucket(bucketTransfers)
	id, err := b.NextSequence()
	if err != nil {
		return err
	}
	n, err := w.nextSeq(keyVoucherSeqPrefix, t.Date.Year())
	if err != nil {
		return err
	}
	t.ID, t.VoucherNo, t.CreatedAt, t.Operator = id, voucherNo(t.Date.Year(), n), w.now, w.op
	vi := w.tx.Bucket(idxTransferVoucher)
	if w.get(w.idxVoucher, []byte(t.VoucherNo)) != nil || vi.Get([]byte(t.VoucherNo)) != nil {
		return i18n.E("err.internal", "voucher number "+t.VoucherNo+" in use")
	}
	if err := w.put(b, itob(id), t); err != nil {
		return err
	}
	for _, kv := range [][2][]byte{
		{ledgerDateKey(t.Date, id), empty},
		{[]byte(t.VoucherNo), itob(id)},
	} {
		bucket := w.tx.Bucket(idxTransferDate)
		if len(kv[1]) != 0 {
			bucket = vi
		}
		if err := bucket.Put(kv[0], kv[1]); err != nil {
			return err
		}
	}
	if t.ReversalOf != 0 {
		if err := w.tx.Bucket(idxTransferReversal).Put(itob(t.ReversalOf), itob(id)); err != nil {
			return err
		}
	}
	if err := w.addMoney(t.Date, t.From, -t.Amount); err != nil {
		return err
	}
	if err := w.addMoney(t.Date, t.To, t.Amount); err != nil {
		return err
	}
	action := model.ActionCreate
	if t.ReversalOf != 0 {
		action = model.ActionReverse
	}
	return w.writeAudit(action, model.EntityTransfer, id, t.VoucherNo, []model.FieldChange{
		{Field: "date", New: t.Date.String()},
		{Field: "from_money", New: t.From.Key()},
		{Field: "to_money", New: t.To.Key()},
		{Field: "amount", New: t.Amount.String()},
		{Field: "memo", New: t.Memo},
	})
}

// ---- budgets

// budgetKey is year + account code.
func budgetKey(year int, code string) []byte {
	k := make([]byte, 4, 4+len(code))
	binary.BigEndian.PutUint32(k, uint32(year))
	return append(k, code...)
}

// SetBudget sets an account's budget line for a year (an amount of 0
// removes it) and returns a warning when the year's spending on it
// already passes the line. Problems (fields "year", "account", "amount",
// "memo"): see model.ValidateBudget (a heading account is refused); a
// closed year ("budget.year_closed").
func (s *Store) SetBudget(op string, b *model.Budget) (warn model.Warnings, err error) {
	c := *b
	err = s.update(op, func(w *writer) error {
		var e error
		warn, e = w.setBudget(&c)
		return e
	})
	if err == nil {
		*b = c
	}
	return warn, err
}

func (w *writer) setBudget(b *model.Budget) (model.Warnings, error) {
	chart, err := w.chartFor(b.Year)
	if err != nil {
		return nil, err
	}
	if ps := model.ValidateBudget(b, &chart); len(ps) > 0 {
		return nil, ps
	}
	if yearClosed(w.tx, b.Year) {
		return nil, model.Problems{{Field: "year", Key: "budget.year_closed", Args: []any{b.Year}}}
	}
	bk, idx := w.tx.Bucket(bucketBudgets), w.tx.Bucket(idxBudget)
	key := budgetKey(b.Year, b.Account)
	var old model.Budget
	had := false
	if v := idx.Get(key); v != nil {
		if err := decode(bk.Get(v), &old); err != nil {
			return nil, fmt.Errorf("budget %d: %w", btoi(v), err)
		}
		had = true
	}
	if had && old.Amount == b.Amount && old.Memo == b.Memo {
		return nil, errNoChange
	}
	label := strconv.Itoa(b.Year) + " " + b.Account
	changes := []model.FieldChange{{Field: "year", New: strconv.Itoa(b.Year)}, {Field: "account", New: b.Account},
		{Field: "amount", New: b.Amount.String()}}
	if had {
		changes[2].Old = old.Amount.String()
	}
	switch {
	case b.Amount == 0 && !had:
		return nil, errNoChange
	case b.Amount == 0:
		if err := bk.Delete(itob(old.ID)); err != nil {
			return nil, err
		}
		if err := idx.Delete(key); err != nil {
			return nil, err
		}
		*b = old
		b.Amount = 0
		return nil, w.writeAudit(model.ActionDelete, model.EntityBudget, old.ID, label, changes)
	case had:
		b.ID = old.ID
	default:
		if b.ID, err = bk.NextSequence(); err != nil {
			return nil, err
		}
	}
	b.Operator, b.SetAt = w.op, w.now
	if err := w.put(bk, itob(b.ID), b); err != nil {
		return nil, err
	}
	if err := idx.Put(key, itob(b.ID)); err != nil {
		return nil, err
	}
	action := model.ActionCreate
	if had {
		action = model.ActionUpdate
	}
	if err := w.writeAudit(action, model.EntityBudget, b.ID, label, changes); err != nil {
		return nil, err
	}
	a, _ := chart.Find(b.Account)
	return model.BudgetOver(a, b.Amount, true, yearSpent(w.tx, b.Year, b.Account)), nil
}

// yearSpent is the year's net amount on account code and its sub-accounts
// (on the account's side), from the monthly totals.
func yearSpent(tx *bbolt.Tx, year int, code string) model.Money {
	var sum model.Money
	c := tx.Bucket(bucketLedgerTotals).Cursor()
	for k, v := c.Seek(monthKey(model.Month(year*100 + 1))); k != nil && model.Month(keyHead(k)).Year() == year; k, v = c.Next() {
		if len(k) > 5 && model.AccountUnder(string(k[5:]), code) {
			amt, _ := pair(v)
			sum += amt
		}
	}
	return sum
}

// Budgets lists a year's budget lines in account order.
func (s *Store) Budgets(year int) ([]model.Budget, error) {
	var out []model.Budget
	err := s.db.View(func(tx *bbolt.Tx) error {
		var err error
		out, err = budgetsOf(tx, year)
		return err
	})
	return out, err
}

func budgetsOf(tx *bbolt.Tx, year int) ([]model.Budget, error) {
	var out []model.Budget
	prefix := budgetKey(year, "")
	bk := tx.Bucket(bucketBudgets)
	c := tx.Bucket(idxBudget).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		var b model.Budget
		if err := decode(bk.Get(v), &b); err != nil {
			return nil, fmt.Errorf("budget %d: %w", btoi(v), err)
		}
		out = append(out, b)
	}
	return out, nil
}

// BudgetWarning is the warning when the year's spending on account code
// (an entry just posted) passes its budget line or a heading's; nil when
// it does not.
func (s *Store) BudgetWarning(date model.Date, code string) (model.Warnings, error) {
	var warn model.Warnings
	err := s.db.View(func(tx *bbolt.Tx) error {
		chart, err := chartOf(tx, date.Year())
		if err != nil {
			return err
		}
		budgets, err := budgetsOf(tx, date.Year())
		if err != nil {
			return err
		}
		for c := code; c != ""; c = chart.Parent(c) {
			a, ok := chart.Find(c)
			if !ok {
				continue
			}
			var line model.Money
			has := false
			for _, b := range budgets {
				if model.AccountUnder(b.Account, c) {
					line += b.Amount
					has = true
				}
			}
			if w := model.BudgetOver(a, line, has, yearSpent(tx, date.Year(), c)); w != nil {
				warn = w
				return nil
			}
		}
		return nil
	})
	return warn, err
}

// SetOpenings sets several opening balances in one transaction (the
// first run asks for cash and bank together): all or none. An opening
// equal to the stored one is left as it is. A problem's field names the
// account: "amount_cash", "date_bank" ….
func (s *Store) SetOpenings(op string, os []model.OpeningBalance) error {
	cs := append([]model.OpeningBalance(nil), os...)
	err := s.update(op, func(w *writer) error {
		changed := false
		var ps model.Problems
		for i := range cs {
			switch err := w.setOpening(&cs[i]); {
			case err == errNoChange:
			case err != nil:
				p, ok := err.(model.Problems)
				if !ok {
					return err
				}
				for _, x := range p { // which account: amount_cash, date_bank …
					x.Field += "_" + moneyWord(cs[i].Money)
					ps = append(ps, x)
				}
			default:
				changed = true
			}
		}
		if len(ps) > 0 {
			return ps
		}
		if !changed {
			return errNoChange
		}
		return nil
	})
	if err == nil {
		copy(os, cs)
	}
	return err
}

// moneyWord is "cash" or "bank", for field names.
func moneyWord(m model.MoneyAccount) string {
	if m == model.MoneyBank {
		return "bank"
	}
	return "cash"
}

// ReverseEntry reverses a cash-book entry where it can be reversed from the
// cash book: a manual entry by itself, an entry of a consolation or of a
// 工会经费 payment with its record. Entries of dues, aid and events are
// reversed at their source (a problem says so). Returns the reversing
// entry.
func (s *Store) ReverseEntry(op string, id uint64, date model.Date, reason string) (model.LedgerEntry, error) {
	e, err := s.LedgerEntry(id)
	if err != nil {
		return model.LedgerEntry{}, err
	}
	var revID uint64
	switch e.Source.Kind {
	case "":
		return s.ReverseLedgerEntry(op, id, date, reason)
	case SourceConsolation:
		if e.ReversalOf != 0 {
			return model.LedgerEntry{}, model.Problems{{Key: "ledger.reverse_reversal"}}
		}
		rev, err := s.ReverseConsolation(op, e.Source.ID, date, reason)
		if err != nil {
			return model.LedgerEntry{}, err
		}
		revID = rev.LedgerID
	case SourceFunds:
		if e.ReversalOf != 0 {
			return model.LedgerEntry{}, model.Problems{{Key: "ledger.reverse_reversal"}}
		}
		rev, err := s.ReverseFundsPayment(op, e.Source.ID, date, reason)
		if err != nil {
			return model.LedgerEntry{}, err
		}
		revID = rev.LedgerID
	default:
		return model.LedgerEntry{}, model.Problems{{Key: "ledger.reverse_via_source"}}
	}
	return s.LedgerEntry(revID)
}

// ReversibleInCashBook reports whether an entry posted by source kind is
// reversed from the cash book (ReverseEntry).
func ReversibleInCashBook(kind string) bool {
	return kind == "" || kind == SourceConsolation || kind == SourceFunds
}

// MoneyWarning is the warning when money account m ends a day on or after
// date below zero (spending or a transfer larger than what it held):
// closing refuses such a period, so she is told when she posts, not a
// month later. nil when it does not.
func (s *Store) MoneyWarning(m model.MoneyAccount, date model.Date) (model.Warnings, error) {
	var warn model.Warnings
	err := s.db.View(func(tx *bbolt.Tx) error {
		mo := date.Month()
		bal, err := moneyBefore(tx, m, mo)
		if err != nil {
			return err
		}
		lines, err := journalLines(tx, m, mo.First(), model.Date(99991231))
		if err != nil {
			return err
		}
		for i, l := range lines {
			bal += l.In - l.Out
			if l.Date >= date && bal < 0 && (i == len(lines)-1 || lines[i+1].Date != l.Date) {
				warn = model.Warnings{{Field: "money", Key: "money.below_zero", Args: []any{model.KeyArg(m.Key()), l.Date.String(), bal.Display()}}}
				return nil
			}
		}
		return nil
	})
	return warn, err
}
