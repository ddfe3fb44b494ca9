package storage

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/search"
)

// 工会经费 (2% of the payroll): per unit and period what is due, and each
// payment with the share of it that reaches this federation, posted to the
// chart's 拨缴经费收入 (402).

// AddUnitFunds records what a unit owes for a period; the rate is the
// profile's (2%) unless f gives one. Problems (fields "unit",
// "funds_from", "funds_to", "payroll", "funds_rate", "memo"): see
// model.ValidateUnitFunds, a unit that does not exist, a period that
// overlaps one recorded for the unit ("funds.overlap"). On success f holds
// the stored record with its Due.
func (s *Store) AddUnitFunds(op string, f *model.UnitFunds) error {
	c := *f
	if err := s.update(op, func(w *writer) error { return w.addUnitFunds(&c) }); err != nil {
		return err
	}
	*f = c
	return nil
}

func (w *writer) addUnitFunds(f *model.UnitFunds) error {
	if f.RateBP == 0 {
		p, err := w.profile()
		if err != nil {
			return err
		}
		f.RateBP = p.Books.FundsRate()
	}
	ps := model.ValidateUnitFunds(f, w.today)
	if f.UnitID != 0 && !w.unitExists(f.UnitID) {
		ps = append(ps, model.Problem{Field: "unit", Key: "member.unit_missing"})
	}
	if len(ps) > 0 {
		return ps
	}
	b := w.tx.Bucket(bucketFunds)
	for _, id := range idKeyed(w.tx.Bucket(idxFundsUnit), itob(f.UnitID)) {
		old, err := getFunds(w.tx, id)
		if err != nil {
			return err
		}
		if old.From <= f.To && f.From <= old.To {
			return model.Problems{{Field: "funds_from", Key: "funds.overlap", Args: []any{old.From.String(), old.To.String()}}}
		}
	}
	id, err := b.NextSequence()
	if err != nil {
		return err
	}
	f.ID, f.Operator, f.CreatedAt = id, w.op, w.now
	if err := w.put(b, itob(id), f); err != nil {
		return err
	}
	if err := w.tx.Bucket(idxFundsUnit).Put(pairKey(f.UnitID, id), empty); err != nil {
		return err
	}
	u, err := getUnit(w.tx, f.UnitID)
	if err != nil {
		return err
	}
	return w.writeAudit(model.ActionCreate, model.EntityFunds, id, u.Name+" "+fundsPeriod(f), []model.FieldChange{
		{Field: "funds_from", New: f.From.String()},
		{Field: "funds_to", New: f.To.String()},
		{Field: "payroll", New: f.Payroll.String()},
		{Field: "funds_rate", New: rateText(f.RateBP)},
		{Field: "funds_due", New: f.Due.String()},
	})
}

func fundsPeriod(f *model.UnitFunds) string {
	if f.From == f.To {
		return f.From.String()
	}
	return f.From.String() + "至" + f.To.String()
}

func getFunds(tx *bbolt.Tx, id uint64) (model.UnitFunds, error) {
	var f model.UnitFunds
	v := tx.Bucket(bucketFunds).Get(itob(id))
	if v == nil {
		return f, fmt.Errorf("funds %d: %w", id, i18n.E("err.not_found"))
	}
	if err := decode(v, &f); err != nil {
		return f, fmt.Errorf("funds %d: %w", id, err)
	}
	return f, nil
}

// PayFunds records a payment of a unit's 工会经费. The share is the
// profile's for the unit (BooksSettings.ShareOf) when p gives neither a
// share nor what was received; what reached the federation is posted to
// 拨缴经费收入 on p.Money. Problems: see model.ValidateFundsPayment, a record
// that does not exist, and the cash book's own. On success p holds the
// stored payment.
func (s *Store) PayFunds(op string, p *model.FundsPayment) error {
	c := *p
	if err := s.update(op, func(w *writer) error { return w.payFunds(&c) }); err != nil {
		return err
	}
	*p = c
	return nil
}

func (w *writer) payFunds(c *model.FundsPayment) error {
	c.ID, c.LedgerID, c.ReversalOf, c.Reason = 0, 0, 0, ""
	f, err := getFunds(w.tx, c.FundsID)
	if err != nil && c.FundsID != 0 {
		return model.Problems{{Field: "funds", Key: "funds.missing", Args: []any{strconv.FormatUint(c.FundsID, 10)}}}
	}
	c.UnitID = f.UnitID
	if c.ShareBP == 0 && c.Received == 0 {
		prof, err := w.profile()
		if err != nil {
			return err
		}
		c.ShareBP = prof.Books.ShareOf(f.UnitID)
	}
	if ps := model.ValidateFundsPayment(c, w.today); len(ps) > 0 {
		return ps
	}
	return w.storeFundsPayment(c, &f, nil)
}

// storeFundsPayment posts what was received (or, for a reversal, takes it
// back) and writes the payment, its index entries and audit entry.
func (w *writer) storeFundsPayment(p *model.FundsPayment, f *model.UnitFunds, orig *model.FundsPayment) error {
	b := w.tx.Bucket(bucketFundsPayments)
	id, err := b.NextSequence()
	if err != nil {
		return err
	}
	p.ID, p.Operator, p.CreatedAt = id, w.op, w.now
	u, err := getUnit(w.tx, f.UnitID)
	if err != nil {
		return err
	}
	switch {
	case orig != nil && orig.LedgerID != 0:
		le, err := getLedgerEntry(w.ledger, orig.LedgerID)
		if err != nil {
			return err
		}
		e := model.LedgerEntry{Date: p.Date, Direction: le.Direction, Account: le.Account, Amount: -le.Amount,
			Counterparty: le.Counterparty, Memo: reversalMemo(le.VoucherNo, p.Reason), ReversalOf: le.ID,
			Source: model.Source{Kind: SourceFunds, ID: id}}
		if err := w.postLedger(&e); err != nil {
			return err
		}
		p.LedgerID = e.ID
	case orig == nil && p.Received > 0:
		account, err := w.roleAccount(p.Date.Year(), model.RoleAllocated)
		if err != nil {
			return err
		}
		e := model.LedgerEntry{Date: p.Date, Direction: model.In, Account: account, Amount: p.Received,
			Counterparty: u.Name, Money: p.Money, Source: model.Source{Kind: SourceFunds, ID: id},
			Memo: "工会经费 " + fundsPeriod(f) + " 缴 " + p.Paid.String()}
		if err := w.postLedger(&e); err != nil {
			return err
		}
		p.LedgerID = e.ID
	}
	if err := w.put(b, itob(id), p); err != nil {
		return err
	}
	if err := w.tx.Bucket(idxFundsPay).Put(pairKey(p.FundsID, id), empty); err != nil {
		return err
	}
	action := model.ActionCreate
	if orig != nil {
		action = model.ActionReverse
		if err := w.tx.Bucket(idxFundsPayReversal).Put(itob(orig.ID), itob(id)); err != nil {
			return err
		}
	}
	return w.writeAudit(action, model.EntityFundsPay, id, u.Name+" "+fundsPeriod(f), []model.FieldChange{
		{Field: "date", New: p.Date.String()},
		{Field: "paid", New: p.Paid.String()},
		{Field: "funds_share", New: rateText(p.ShareBP)},
		{Field: "received", New: p.Received.String()},
		{Field: "money", New: p.Money.Key()},
	})
}

// ReverseFundsPayment reverses a payment (and what it posted), dated date.
// Problems on "date" and "reason".
func (s *Store) ReverseFundsPayment(op string, id uint64, date model.Date, reason string) (rev model.FundsPayment, err error) {
	err = s.update(op, func(w *writer) error {
		var orig model.FundsPayment
		v := w.tx.Bucket(bucketFundsPayments).Get(itob(id))
		if v == nil {
			return fmt.Errorf("funds payment %d: %w", id, i18n.E("err.not_found"))
		}
		if err := decode(v, &orig); err != nil {
			return err
		}
		if orig.ReversalOf != 0 {
			return model.Problems{{Key: "ledger.reverse_reversal"}}
		}
		if w.tx.Bucket(idxFundsPayReversal).Get(itob(id)) != nil {
			return model.Problems{{Key: "ledger.already_reversed", Args: []any{orig.Date.String()}}}
		}
		if ps := w.checkReversal(orig.Date, date, reason); len(ps) > 0 {
			return ps
		}
		f, err := getFunds(w.tx, orig.FundsID)
		if err != nil {
			return err
		}
		rev = model.FundsPayment{FundsID: orig.FundsID, UnitID: orig.UnitID, Date: date, Paid: -orig.Paid,
			ShareBP: orig.ShareBP, Received: -orig.Received, Money: orig.Money, ReversalOf: id, Reason: model.CleanText(reason)}
		return w.storeFundsPayment(&rev, &f, &orig)
	})
	return rev, err
}

// FundsRow is a unit's 工会经费 record with its payments and the unit's name.
type FundsRow struct {
	model.FundsStatus
	UnitName string
	Payments []model.FundsPayment
}

// Funds lists every unit's 工会经费 records with what was paid, by unit
// name in pinyin order, then period.
func (s *Store) Funds() ([]FundsRow, error) {
	var out []FundsRow
	err := s.db.View(func(tx *bbolt.Tx) error {
		pays := tx.Bucket(bucketFundsPayments)
		return tx.Bucket(bucketFunds).ForEach(func(k, v []byte) error {
			var f model.UnitFunds
			if err := decode(v, &f); err != nil {
				return fmt.Errorf("funds %d: %w", btoi(k), err)
			}
			row := FundsRow{FundsStatus: model.FundsStatus{Funds: f}}
			if u, err := getUnit(tx, f.UnitID); err == nil {
				row.UnitName = u.Name
			}
			for _, pid := range idKeyed(tx.Bucket(idxFundsPay), itob(f.ID)) {
				var p model.FundsPayment
				if err := decode(pays.Get(itob(pid)), &p); err != nil {
					return fmt.Errorf("funds payment %d: %w", pid, err)
				}
				row.Payments = append(row.Payments, p)
				row.Paid += p.Paid
				row.Received += p.Received
				if p.ReversalOf == 0 {
					row.FundsStatus.Payments++
					row.LastPaid = max(row.LastPaid, p.Date)
				} else {
					row.FundsStatus.Payments--
				}
			}
			out = append(out, row)
			return nil
		})
	})
	// units in pinyin order, as every list of units (search.SortUnits)
	keys := make(map[string]string, len(out))
	for _, r := range out {
		keys[r.UnitName] = search.OrgSortKey(r.UnitName)
	}
	slices.SortFunc(out, func(a, b FundsRow) int {
		return cmp.Or(cmp.Compare(keys[a.UnitName], keys[b.UnitName]), cmp.Compare(a.UnitName, b.UnitName),
			cmp.Compare(a.Funds.From, b.Funds.From))
	})
	return out, err
}
