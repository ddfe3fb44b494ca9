package storage

import (
	"fmt"
	"strconv"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// Consolation spending (慰问) per member: one record and one cash-book
// entry for a consolation given to one or more members, indexed by member
// so that each member's yearly total of an occasion can be held against
// its cap.

// AddConsolation records a consolation and posts its cost to the chart's
// consolation account (2021: 50105 会员活动支出; 2010: 50104 其他活动支出).
// Problems (fields "consol_kind", "date", "consol_members",
// "consol_amount", "consol_form", "consol_goods", "money"): see
// model.ValidateConsolation, members that do not exist, a chart without
// a consolation account, and the cash book's own (a closed period…).
// Returns a warning for the members it takes past the occasion's yearly
// cap (BooksSettings.Caps). On success c holds the stored record.
func (s *Store) AddConsolation(op string, c *model.Consolation) (model.Warnings, error) {
	rec := *c
	rec.Members = append([]uint64(nil), c.Members...)
	var warn model.Warnings
	err := s.update(op, func(w *writer) error {
		var e error
		warn, e = w.addConsolation(&rec)
		return e
	})
	if err != nil {
		return nil, err
	}
	*c = rec
	return warn, nil
}

func (w *writer) addConsolation(c *model.Consolation) (model.Warnings, error) {
	c.ID, c.LedgerID, c.ReversalOf, c.Reason = 0, 0, 0, ""
	ps := model.ValidateConsolation(c, w.today)
	for _, id := range c.Members {
		if id == 0 {
			continue
		}
		if _, err := w.member(id); err != nil {
			ps = append(ps, model.Problem{Field: "consol_members", Key: "events.member_missing", Args: []any{strconv.FormatUint(id, 10)}})
			break
		}
	}
	if len(ps) > 0 {
		return nil, ps
	}
	account, err := w.roleAccount(c.Date.Year(), model.RoleConsolation)
	if err != nil {
		return nil, err
	}
	c.Account = account
	earlier, err := w.consolEarlier(c)
	if err != nil {
		return nil, err
	}
	p, err := w.profile()
	if err != nil {
		return nil, err
	}
	warn := model.ConsolCapWarnings(c, earlier, p.Books.Cap(c.Kind), w.memberName)
	b := w.tx.Bucket(bucketConsolations)
	if c.ID, err = b.NextSequence(); err != nil {
		return nil, err
	}
	c.Operator, c.CreatedAt = w.op, w.now
	e := model.LedgerEntry{Date: c.Date, Direction: model.Out, Account: c.Account, Amount: c.Total(),
		Counterparty: c.Counterparty, Memo: c.Memo(i18n.ZH.T(c.Kind.Key())), Money: c.Money,
		Source: model.Source{Kind: SourceConsolation, ID: c.ID}}
	if err := w.postLedger(&e); err != nil {
		return nil, err
	}
	c.LedgerID = e.ID
	if err := w.storeConsolation(c); err != nil {
		return nil, err
	}
	return warn, w.writeAudit(model.ActionCreate, model.EntityConsolation, c.ID, consolLabel(c), consolChanges(c))
}

func (w *writer) storeConsolation(c *model.Consolation) error {
	if err := w.put(w.tx.Bucket(bucketConsolations), itob(c.ID), c); err != nil {
		return err
	}
	idx := w.tx.Bucket(idxConsolMember)
	for _, m := range c.Members {
		if err := w.set(idx, pairKey(m, c.ID), empty); err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) memberName(id uint64) string {
	if m, err := w.member(id); err == nil {
		return m.Name
	}
	return strconv.FormatUint(id, 10)
}

func consolLabel(c *model.Consolation) string {
	return c.Date.String() + " " + i18n.ZH.T(c.Kind.Key()) + " " + strconv.Itoa(len(c.Members)) + "人"
}

func consolChanges(c *model.Consolation) []model.FieldChange {
	cs := []model.FieldChange{
		{Field: "consol_kind", New: c.Kind.Code()},
		{Field: "date", New: c.Date.String()},
		{Field: "consol_members", New: strconv.Itoa(len(c.Members))},
		{Field: "consol_amount", New: c.PerMember.String()},
		{Field: "amount", New: c.Total().String()},
		{Field: "consol_form", New: c.Form.Key()},
		{Field: "account", New: c.Account},
		{Field: "money", New: c.Money.Key()},
	}
	if c.Goods != "" {
		cs = append(cs, model.FieldChange{Field: "consol_goods", New: c.Goods})
	}
	if c.Reason != "" {
		cs = append(cs, model.FieldChange{Field: "reason", New: c.Reason})
	}
	return cs
}

// consolEarlier is, for each member of c, what they were given this year
// on the same occasion (reversals netted). Each record is decoded once,
// however many members share it.
func (w *writer) consolEarlier(c *model.Consolation) (map[uint64]model.Money, error) {
	out := map[uint64]model.Money{}
	seen := map[uint64]*model.Consolation{}
	b := w.tx.Bucket(bucketConsolations)
	for _, m := range c.Members {
		for _, id := range idKeyed(w.tx.Bucket(idxConsolMember), itob(m)) {
			rec, ok := seen[id]
			if !ok {
				rec = new(model.Consolation)
				if err := decode(b.Get(itob(id)), rec); err != nil {
					return nil, fmt.Errorf("consolation %d: %w", id, err)
				}
				rec.Members = nil // not needed: keep memory flat
				seen[id] = rec
			}
			if rec.Kind == c.Kind && rec.Date.Year() == c.Date.Year() {
				out[m] += rec.PerMember
			}
		}
	}
	return out, nil
}

// ReverseConsolation reverses a consolation and its cash-book entry, dated
// date (not before it, in an open period). Problems on "date" and
// "reason".
func (s *Store) ReverseConsolation(op string, id uint64, date model.Date, reason string) (rev model.Consolation, err error) {
	err = s.update(op, func(w *writer) error {
		orig, err := getConsolation(w.tx, id)
		if err != nil {
			return err
		}
		if orig.ReversalOf != 0 {
			return model.Problems{{Key: "ledger.reverse_reversal"}}
		}
		if v := w.tx.Bucket(idxConsolReversal).Get(itob(id)); v != nil {
			return model.Problems{{Key: "ledger.already_reversed", Args: []any{consolLabel(&orig)}}}
		}
		if ps := w.checkReversal(orig.Date, date, reason); len(ps) > 0 {
			return ps
		}
		rev = orig
		rev.ID, rev.Date, rev.PerMember, rev.ReversalOf, rev.Reason = 0, date, -orig.PerMember, id, model.CleanText(reason)
		b := w.tx.Bucket(bucketConsolations)
		if rev.ID, err = b.NextSequence(); err != nil {
			return err
		}
		rev.Operator, rev.CreatedAt = w.op, w.now
		le, err := getLedgerEntry(w.ledger, orig.LedgerID)
		if err != nil {
			return err
		}
		e := model.LedgerEntry{Date: date, Direction: le.Direction, Account: le.Account, Amount: -le.Amount,
			Counterparty: le.Counterparty, Memo: reversalMemo(le.VoucherNo, reason), ReversalOf: le.ID,
			Source: model.Source{Kind: SourceConsolation, ID: rev.ID}}
		if err := w.postLedger(&e); err != nil {
			return err
		}
		rev.LedgerID = e.ID
		if err := w.storeConsolation(&rev); err != nil {
			return err
		}
		if err := w.tx.Bucket(idxConsolReversal).Put(itob(id), itob(rev.ID)); err != nil {
			return err
		}
		return w.writeAudit(model.ActionReverse, model.EntityConsolation, id, consolLabel(&orig), consolChanges(&rev))
	})
	return rev, err
}

func getConsolation(tx *bbolt.Tx, id uint64) (model.Consolation, error) {
	var c model.Consolation
	v := tx.Bucket(bucketConsolations).Get(itob(id))
	if v == nil {
		return c, fmt.Errorf("consolation %d: %w", id, i18n.E("err.not_found"))
	}
	if err := decode(v, &c); err != nil {
		return c, fmt.Errorf("consolation %d: %w", id, err)
	}
	return c, nil
}

// Consolations lists the consolations dated in year (reversals included),
// by date.
func (s *Store) Consolations(year int) ([]model.Consolation, error) {
	var out []model.Consolation
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketConsolations).ForEach(func(k, v []byte) error {
			var c model.Consolation
			if err := decode(v, &c); err != nil {
				return fmt.Errorf("consolation %d: %w", btoi(k), err)
			}
			if year == 0 || c.Date.Year() == year {
				out = append(out, c)
			}
			return nil
		})
	})
	return out, err
}

// MemberConsolations lists one member's consolations (reversals included)
// in ID order.
func (s *Store) MemberConsolations(member uint64) ([]model.Consolation, error) {
	var out []model.Consolation
	err := s.db.View(func(tx *bbolt.Tx) error {
		for _, id := range idKeyed(tx.Bucket(idxConsolMember), itob(member)) {
			c, err := getConsolation(tx, id)
			if err != nil {
				return dangling(err)
			}
			out = append(out, c)
		}
		return nil
	})
	return out, err
}
