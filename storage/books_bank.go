package storage

import (
	"encoding/binary"
	"fmt"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// Bank reconciliation (银行对账): the secretary enters the balance of a bank
// statement and ticks the bank-side lines (entries and transfers) the
// statement shows. What was ticked against statements up to a date, with
// the opening balance, should come to the statement's balance; the
// unreconciled difference says by how much it does not, and the lines not
// yet ticked (未达账项) say why.

// BankRef names a bank-side line: a cash-book entry or a transfer.
type BankRef struct {
	Transfer bool
	ID       uint64
}

func (r BankRef) key() []byte {
	k := []byte{'e'}
	if r.Transfer {
		k[0] = 't'
	}
	return append(k, itob(r.ID)...)
}

func bankRefOf(k []byte) BankRef { return BankRef{Transfer: k[0] == 't', ID: btoi(k[1:])} }

// SetBankStatement records the balance a bank statement shows at date
// (replacing one recorded for that date). Problems on "date" and "amount".
func (s *Store) SetBankStatement(op string, date model.Date, balance model.Money) error {
	return s.update(op, func(w *writer) error { return w.setBankStatement(date, balance) })
}

func (w *writer) setBankStatement(date model.Date, balance model.Money) error {
	var ps model.Problems
	switch {
	case date == 0:
		ps = append(ps, model.Problem{Field: "date", Key: "problem.required"})
	case !date.Valid():
		ps = append(ps, model.Problem{Field: "date", Key: "date.impossible", Args: []any{date.String()}})
	case date > w.today:
		ps = append(ps, model.Problem{Field: "date", Key: "problem.future"})
	}
	if balance < -model.Yuan(1_000_000_000) || balance > model.Yuan(1_000_000_000) {
		ps = append(ps, model.Problem{Field: "amount", Key: "books.amount_too_large"})
	}
	if len(ps) > 0 {
		return ps
	}
	b, idx := w.tx.Bucket(bucketBankStatements), w.tx.Bucket(idxBankStatement)
	st := model.BankStatement{Date: date, Balance: balance, Operator: w.op, SetAt: w.now}
	action := model.ActionCreate
	changes := []model.FieldChange{{Field: "date", New: date.String()}, {Field: "amount", New: balance.String()}}
	if v := idx.Get(dateKey(date)); v != nil {
		var old model.BankStatement
		if err := decode(b.Get(v), &old); err != nil {
			return fmt.Errorf("bank statement %d: %w", btoi(v), err)
		}
		if old.Balance == balance {
			return errNoChange
		}
		st.ID, action, changes[1].Old = old.ID, model.ActionUpdate, old.Balance.String()
	} else {
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		st.ID = id
	}
	if err := w.put(b, itob(st.ID), &st); err != nil {
		return err
	}
	if err := idx.Put(dateKey(date), itob(st.ID)); err != nil {
		return err
	}
	return w.writeAudit(action, model.EntityReconcile, st.ID, date.String(), changes)
}

// TickBank ticks (on) or unticks bank-side lines against the statement of
// date, which must have been recorded. A line must move the bank account
// and be dated on or before the statement; a line already ticked against
// another statement is moved to this one. Problems on "date" and "lines".
func (s *Store) TickBank(op string, date model.Date, refs []BankRef, on bool) error {
	return s.update(op, func(w *writer) error { return w.tickBank(date, refs, on) })
}

func (w *writer) tickBank(date model.Date, refs []BankRef, on bool) error {
	if w.tx.Bucket(idxBankStatement).Get(dateKey(date)) == nil {
		return model.Problems{{Field: "date", Key: "bank.no_statement", Args: []any{date.String()}}}
	}
	ticks := w.tx.Bucket(bucketBankTicks)
	var done []string
	for _, r := range refs {
		d, label, err := bankLine(w.tx, r)
		if err != nil {
			if label == "" { // no such record: name it as best we can
				label = refText(r)
			}
			return model.Problems{{Field: "lines", Key: "bank.not_bank_line", Args: []any{label}}}
		}
		if d > date {
			return model.Problems{{Field: "lines", Key: "bank.after_statement", Args: []any{label, date.String()}}}
		}
		cur := ticks.Get(r.key())
		switch {
		case on && cur != nil && binary.BigEndian.Uint32(cur) == uint32(date):
			continue
		case on:
			if err := ticks.Put(r.key(), dateKey(date)); err != nil {
				return err
			}
		case cur == nil:
			continue
		default:
			if err := ticks.Delete(r.key()); err != nil {
				return err
			}
		}
		done = append(done, label)
	}
	if len(done) == 0 {
		return errNoChange
	}
	field := "bank_ticked"
	if !on {
		field = "bank_unticked"
	}
	return w.writeAudit(model.ActionUpdate, model.EntityReconcile, 0, date.String(), []model.FieldChange{{Field: field, New: joinShort(done)}})
}

func refText(r BankRef) string {
	if r.Transfer {
		return fmt.Sprintf("T%d", r.ID)
	}
	return fmt.Sprintf("E%d", r.ID)
}

// joinShort joins labels for the audit, at most 50 of them.
func joinShort(ls []string) string {
	s := ""
	for i, l := range ls {
		if i == 50 {
			return s + fmt.Sprintf(" … (%d)", len(ls))
		}
		if i > 0 {
			s += ", "
		}
		s += l
	}
	return s
}

// bankLine reads a bank-side line's date and voucher number; an error when
// it does not exist or does not move the bank account (then with the
// voucher number, which the message names).
func bankLine(tx *bbolt.Tx, r BankRef) (model.Date, string, error) {
	if r.Transfer {
		t, err := getTransfer(tx, r.ID)
		if err != nil {
			return 0, "", err
		}
		return t.Date, t.VoucherNo, nil
	}
	e, err := getLedgerEntry(tx.Bucket(bucketLedger), r.ID)
	if err != nil {
		return 0, "", err
	}
	if e.Money != model.MoneyBank {
		return 0, e.VoucherNo, i18n.E("bank.not_bank_line", e.VoucherNo)
	}
	return e.Date, e.VoucherNo, nil
}

// Reconciliation is the bank reconciliation at a date.
type Reconciliation struct {
	Date             model.Date
	Statement        model.Money // the statement's balance at Date
	HasStatement     bool
	Book             model.Money // the bank account's book balance at the end of Date
	Cleared          model.Money // the opening balance and the lines ticked against statements up to Date
	Outstanding      []JournalLine
	OutstandingIn    model.Money // not yet on a statement: money in
	OutstandingOut   model.Money // … and money out
	LastStatement    model.Date  // the statement used (the latest on or before Date)
	StatementsBefore int
}

// Difference is the unreconciled difference: the statement's balance less
// the cleared balance (0 when reconciled).
func (r *Reconciliation) Difference() model.Money { return r.Statement - r.Cleared }

// Reconcile computes the bank reconciliation at date, against the latest
// statement recorded on or before it.
func (s *Store) Reconcile(date model.Date) (Reconciliation, error) {
	r := Reconciliation{Date: date}
	j, err := s.Journal(model.MoneyBank, 0, date)
	if err != nil {
		return r, err
	}
	err = s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(idxBankStatement).Cursor()
		for k, v := c.First(); k != nil && keyHead(k) <= uint32(date); k, v = c.Next() {
			var st model.BankStatement
			if err := decode(tx.Bucket(bucketBankStatements).Get(v), &st); err != nil {
				return fmt.Errorf("bank statement %d: %w", btoi(v), err)
			}
			r.Statement, r.HasStatement, r.LastStatement = st.Balance, true, st.Date
			r.StatementsBefore++
		}
		ticks := tx.Bucket(bucketBankTicks)
		r.Book, r.Cleared = j.Opening, j.Opening
		for _, l := range j.Lines {
			r.Book += l.In - l.Out
			v := ticks.Get(l.Ref().key())
			if v != nil && binary.BigEndian.Uint32(v) <= uint32(date) {
				r.Cleared += l.In - l.Out
				continue
			}
			r.Outstanding = append(r.Outstanding, l)
			r.OutstandingIn += l.In
			r.OutstandingOut += l.Out
		}
		return nil
	})
	return r, err
}

// BankTicks returns the statement date each ticked line was ticked
// against.
func (s *Store) BankTicks() (map[BankRef]model.Date, error) {
	out := map[BankRef]model.Date{}
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketBankTicks).ForEach(func(k, v []byte) error {
			if len(k) == 9 && len(v) == 4 {
				out[bankRefOf(k)] = model.Date(binary.BigEndian.Uint32(v))
			}
			return nil
		})
	})
	return out, err
}
