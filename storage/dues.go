package storage

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// Dues and the cash book: the Store's API. The writes are in dues_write.go
// and ledger_write.go, the encodings in dues_enc.go.

// DuesRules reads the dues settings from the profile (defaults when unset:
// no profile, or a truncation unit of 0, gives the 10-yuan unit).
func (s *Store) DuesRules() (model.DuesRules, error) {
	var r model.DuesRules
	err := s.db.View(func(tx *bbolt.Tx) error {
		p, err := profileOrDefault(tx)
		r = rulesOf(&p)
		return err
	})
	return r, err
}

// ArrearsMonths is the profile's arrears threshold (6 when unset).
func (s *Store) ArrearsMonths() (int, error) {
	var n int
	err := s.db.View(func(tx *bbolt.Tx) error {
		p, err := profileOrDefault(tx)
		n = arrearsMonths(&p)
		return err
	})
	return n, err
}

func profileOrDefault(tx *bbolt.Tx) (model.Profile, error) {
	p, ok, err := getProfile(tx)
	if err != nil {
		return p, err
	}
	if !ok {
		p = model.DefaultProfile()
	}
	return p, nil
}

// SetWageBase records a member's wage base from a month on (replacing a
// base with the same From). Earlier months keep what they owed. Problems on
// "wage_from" and "wage_base".
func (s *Store) SetWageBase(op string, memberID uint64, wb model.WageBase) (model.Member, error) {
	var m model.Member
	err := s.update(op, func(w *writer) error {
		var e error
		m, e = w.setWageBase(memberID, wb)
		return e
	})
	if err != nil {
		return model.Member{}, err
	}
	return m, nil
}

// PaidMonths maps each month the member has paid in full (and not
// reversed) to the payment covering it (the last one, for a month paid in
// parts). A month paid in part is not in it.
func (s *Store) PaidMonths(memberID uint64) (map[model.Month]uint64, error) {
	paid := make(map[model.Month]uint64)
	err := s.db.View(func(tx *bbolt.Tx) error {
		ps, err := memberPayments(tx, memberID)
		if err != nil {
			return err
		}
		reversed := make(map[uint64]bool)
		for _, p := range ps {
			if p.ReversalOf != 0 {
				reversed[p.ReversalOf] = true
			}
		}
		full := decodeMemberDues(tx.Bucket(bucketDuesMember).Get(itob(memberID)))
		for _, p := range ps {
			if p.ReversalOf != 0 || reversed[p.ID] {
				continue
			}
			for mo := p.From; mo <= p.To; mo = mo.Add(1) {
				if full.has(mo) {
					paid[mo] = p.ID
				}
			}
		}
		return nil
	})
	return paid, err
}

func memberPayments(tx *bbolt.Tx, memberID uint64) ([]model.DuesPayment, error) {
	d := decodeMemberDues(tx.Bucket(bucketDuesMember).Get(itob(memberID)))
	b := tx.Bucket(bucketPayments)
	out := make([]model.DuesPayment, 0, len(d.ids))
	for _, id := range d.ids {
		p, err := getPayment(b, id)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// MemberPayments lists the member's payments and reversals, oldest first.
func (s *Store) MemberPayments(memberID uint64) ([]model.DuesPayment, error) {
	var out []model.DuesPayment
	err := s.db.View(func(tx *bbolt.Tx) error {
		var e error
		out, e = memberPayments(tx, memberID)
		return e
	})
	return out, err
}

// Payment returns one payment.
func (s *Store) Payment(id uint64) (p model.DuesPayment, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		var e error
		p, e = getPayment(tx.Bucket(bucketPayments), id)
		return e
	})
	return p, err
}

// PaymentReversedBy is the ID of the reversal of payment id, 0 if none.
func (s *Store) PaymentReversedBy(id uint64) (rev uint64, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		rev = btoi(tx.Bucket(idxPaymentReversal).Get(itob(id)))
		return nil
	})
	return rev, err
}

// DuesBatch returns a stored batch and its payments (for opening the source
// of a "dues_batch" cash-book entry).
func (s *Store) DuesBatch(id uint64) (DuesBatchRecord, []model.DuesPayment, error) {
	var rec DuesBatchRecord
	var ps []model.DuesPayment
	err := s.db.View(func(tx *bbolt.Tx) error {
		v := tx.Bucket(bucketDuesBatches).Get(itob(id))
		if v == nil {
			return fmt.Errorf("batch %d: %w", id, errNotFound())
		}
		if err := decode(v, &rec); err != nil {
			return err
		}
		b := tx.Bucket(bucketPayments)
		for i := range rec.Count {
			p, err := getPayment(b, rec.FirstPaymentID+uint64(i))
			if err != nil {
				return dangling(err)
			}
			ps = append(ps, p)
		}
		return nil
	})
	return rec, ps, err
}

// RecordPayment validates and writes a payment with the next receipt number
// and its 401 会费收入 cash-book entry, in one transaction. p.Expected is
// computed here; p.ID, ReceiptNo, LedgerID, UnitID and CreatedAt are set.
// Problems (as model.Problems on fields "amount", "from", "to", "date",
// "method", "member"): amount zero, negative or not exact to the fen; a
// month already paid; months before the start month; From after To; a
// member who is not active (left, transferred, expelled, deceased) for a
// month they did not owe; a date in the future. On error p is unchanged.
func (s *Store) RecordPayment(op string, p *model.DuesPayment) error {
	c := *p
	if err := s.update(op, func(w *writer) error { return w.recordPayment(&c) }); err != nil {
		return err
	}
	*p = c
	return nil
}

// ReversePayment reverses a payment (冲正): a new payment with the negative
// amount and the same months, and a reversing cash-book entry, in one
// transaction; its months become unpaid again. A reversal cannot be
// reversed, nor a payment twice. Problems on "date" and "reason", or
// without a field for a reversal of a reversal or a second reversal.
func (s *Store) ReversePayment(op string, id uint64, date model.Date, reason string) (model.DuesPayment, error) {
	var rev model.DuesPayment
	err := s.update(op, func(w *writer) error {
		var e error
		rev, e = w.reversePayment(id, date, reason)
		return e
	})
	if err != nil {
		return model.DuesPayment{}, err
	}
	return rev, nil
}

// Chart is the accounts of the chart in force this year (see ChartOf), in
// code order.
func (s *Store) Chart() ([]model.Account, error) {
	c, err := s.ChartOf(model.DateOf(s.now()).Year())
	return c.Accounts, err
}

// AddLedgerEntry validates and writes a manual cash-book entry with the next
// voucher number. Problems on fields "date", "account", "direction",
// "amount", "counterparty", "memo". On success e holds the stored entry.
func (s *Store) AddLedgerEntry(op string, e *model.LedgerEntry) error {
	c := *e
	if err := s.update(op, func(w *writer) error { return w.addLedgerEntry(&c) }); err != nil {
		return err
	}
	*e = c
	return nil
}

// ReverseLedgerEntry reverses a manual entry (an entry posted by dues, aid
// or an event is reversed through its source). A reversal cannot be
// reversed, nor an entry twice. Problems on "date" and "reason".
func (s *Store) ReverseLedgerEntry(op string, id uint64, date model.Date, reason string) (model.LedgerEntry, error) {
	var rev model.LedgerEntry
	err := s.update(op, func(w *writer) error {
		var e error
		rev, e = w.reverseLedgerEntry(id, date, reason)
		return e
	})
	if err != nil {
		return model.LedgerEntry{}, err
	}
	return rev, nil
}

// LedgerEntry returns one cash-book entry.
func (s *Store) LedgerEntry(id uint64) (e model.LedgerEntry, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		var x error
		e, x = getLedgerEntry(tx.Bucket(bucketLedger), id)
		return x
	})
	return e, err
}

// LedgerReversedBy is the ID of the entry reversing entry id, 0 if none.
func (s *Store) LedgerReversedBy(id uint64) (rev uint64, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		rev = btoi(tx.Bucket(idxLedgerReversal).Get(itob(id)))
		return nil
	})
	return rev, err
}

// LedgerFilter selects cash-book entries; zero fields select everything.
type LedgerFilter struct {
	From, To  model.Date
	Account   string // an account code; its sub-accounts are included
	Direction model.Direction
}

// LedgerLine is an entry with the running balance after it (over every
// entry, filtered or not) and whether it was reversed.
type LedgerLine struct {
	model.LedgerEntry
	Balance    model.Money
	ReversedBy uint64
}

// Ledger lists the matching entries in date order (then voucher order)
// with running balances. The balance before From comes from the monthly
// totals and the entries of From's month before it; only the entries from
// From to To are read.
func (s *Store) Ledger(f LedgerFilter) ([]LedgerLine, error) {
	var out []LedgerLine
	err := s.db.View(func(tx *bbolt.Tx) error {
		led := tx.Bucket(bucketLedger)
		rev := tx.Bucket(idxLedgerReversal)
		bal := openingsBefore(tx, model.Month(1<<31-1))
		if f.From != 0 {
			var err error
			if bal, err = balanceBefore(tx, f.From.Month()); err != nil {
				return err
			}
			// The entries of From's month before From.
			c := tx.Bucket(idxLedgerDate).Cursor()
			for k, _ := c.Seek(dateKey(f.From.Month().First())); k != nil && bytes.Compare(keyHeadBytes(k), dateKey(f.From)) < 0; k, _ = c.Next() {
				e, err := getLedgerEntry(led, btoi(k[4:]))
				if err != nil {
					return dangling(err)
				}
				bal += e.Signed()
			}
		}
		c := tx.Bucket(idxLedgerDate).Cursor()
		var k []byte
		if f.From != 0 {
			k, _ = c.Seek(dateKey(f.From))
		} else {
			k, _ = c.First()
		}
		for ; k != nil; k, _ = c.Next() {
			if f.To != 0 && bytes.Compare(keyHeadBytes(k), dateKey(f.To)) > 0 {
				break
			}
			e, err := getLedgerEntry(led, btoi(k[4:]))
			if err != nil {
				return dangling(err)
			}
			bal += e.Signed()
			if f.Account != "" && !model.AccountUnder(e.Account, f.Account) {
				continue
			}
			if f.Direction != 0 && e.Direction != f.Direction {
				continue
			}
			out = append(out, LedgerLine{LedgerEntry: e, Balance: bal, ReversedBy: btoi(rev.Get(itob(e.ID)))})
		}
		return nil
	})
	return out, err
}

// balanceBefore is the money (cash and bank) at the start of mo: the
// opening balances set in or before mo and the monthly totals of the
// months before mo. A key too short to be a month's total (a damaged
// file: it panicked on one) is the damage it is.
func balanceBefore(tx *bbolt.Tx, mo model.Month) (model.Money, error) {
	bal := openingsBefore(tx, mo)
	c := tx.Bucket(bucketLedgerTotals).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(k) < 5 {
			return 0, &recordError{errRecordUnreadable, fmt.Errorf("ledger totals: key %x", k)}
		}
		if binary.BigEndian.Uint32(k) >= uint32(mo) {
			break
		}
		amt, _ := pair(v)
		if model.Direction(k[4]) == model.Out {
			bal -= amt
		} else {
			bal += amt
		}
	}
	return bal, nil
}

// Balance is the cash balance: income minus spending over every entry,
// from the monthly totals.
func (s *Store) Balance() (model.Money, error) {
	var bal model.Money
	err := s.db.View(func(tx *bbolt.Tx) error {
		var err error
		bal, err = balanceBefore(tx, model.Month(1<<31-1))
		return err
	})
	return bal, err
}

// StatementLine is one account's income and spending over a period.
type StatementLine struct {
	Account model.Account
	In, Out model.Money
}

// Statement is the income-and-expense statement (收支表) for the months
// from..to: one line per account used, in code order, sub-accounts after
// their parent. A parent's line includes its sub-accounts (and is listed
// whenever one of them is used), so the statement's totals are the sums of
// the three-digit lines: see StatementTotals. Reversals are netted in.
func (s *Store) Statement(from, to model.Month) ([]StatementLine, error) {
	sums := map[string]*StatementLine{}
	var chart []model.Account
	err := s.db.View(func(tx *bbolt.Tx) error {
		c0, err := chartOf(tx, to.Year())
		if err != nil {
			return err
		}
		chart = c0.Accounts
		c := tx.Bucket(bucketLedgerTotals).Cursor()
		for k, v := c.Seek(monthKey(from)); k != nil && keyHead(k) <= uint32(to); k, v = c.Next() {
			amt, _ := pair(v)
			code := string(k[5:])
			for _, acc := range []string{code, model.ParentCode(code)} {
				l := sums[acc]
				if l == nil {
					l = &StatementLine{Account: model.Account{Code: acc, Name: acc}}
					if a, ok := model.FindAccount(chart, acc); ok {
						l.Account = a
					}
					sums[acc] = l
				}
				if model.Direction(k[4]) == model.Out {
					l.Out += amt
				} else {
					l.In += amt
				}
				if acc == model.ParentCode(code) {
					break
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]StatementLine, 0, len(sums))
	for _, l := range sums {
		out = append(out, *l)
	}
	slices.SortFunc(out, func(a, b StatementLine) int { return cmp.Compare(a.Account.Code, b.Account.Code) })
	return out, nil
}

// StatementTotals is the total income and spending of a statement: the sum
// of its three-digit lines (sub-account lines are already in their parent's).
func StatementTotals(lines []StatementLine) (in, out model.Money) {
	for _, l := range lines {
		if !model.IsSubAccount(l.Account.Code) {
			in += l.In
			out += l.Out
		}
	}
	return in, out
}
