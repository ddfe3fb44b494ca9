package storage

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// DuesBatchRecord is a unit's batch as stored (dues_batches): the ledger
// entry of source kind "dues_batch" names it. Its payments have the
// consecutive IDs FirstPaymentID … FirstPaymentID+Count-1.
type DuesBatchRecord struct {
	ID             uint64          `cbor:"1,keyasint"`
	UnitID         uint64          `cbor:"2,keyasint"`
	Month          model.Month     `cbor:"3,keyasint"`            // the first month
	To             model.Month     `cbor:"13,keyasint,omitempty"` // the last month (0: Month alone, as batches were once)
	Date           model.Date      `cbor:"4,keyasint"`
	Method         model.PayMethod `cbor:"5,keyasint"`
	Total          model.Money     `cbor:"6,keyasint"`
	Count          int             `cbor:"7,keyasint"`
	FirstPaymentID uint64          `cbor:"8,keyasint"`
	LedgerID       uint64          `cbor:"9,keyasint"`
	ReceiptNo      string          `cbor:"10,keyasint,omitempty"` // the batch's one receipt, if it has one
	Operator       string          `cbor:"11,keyasint,omitempty"`
	CreatedAt      time.Time       `cbor:"12,keyasint"`
}

// Last is the batch's last month.
func (b *DuesBatchRecord) Last() model.Month { return max(b.To, b.Month) }

func memberDuesRef(tx *bbolt.Tx, id uint64) (int, string, error) {
	v := tx.Bucket(bucketDuesMember).Get(itob(id))
	return len(decodeMemberDues(v).ids), "member.has_payments", nil
}

func unitDuesRef(tx *bbolt.Tx, id uint64) (int, string, error) {
	n := 0
	c := tx.Bucket(bucketDuesTotals).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(k) == 12 && btoi(k[4:]) == id {
			_, cnt := pair(v)
			n += int(cnt)
		}
	}
	return n, "unit.has_payments", nil
}

func getPayment(b *bbolt.Bucket, id uint64) (model.DuesPayment, error) {
	var p model.DuesPayment
	v := b.Get(itob(id))
	if v == nil {
		return p, fmt.Errorf("payment %d: %w", id, i18n.E("err.not_found"))
	}
	if err := decode(v, &p); err != nil {
		return p, fmt.Errorf("payment %d: %w", id, err)
	}
	return p, nil
}

// member reads a member; in a bulk transaction the decoded members are kept
// for its length (a demo writes 24 payments per member). Only dues writes
// change a member through the cache (setWageBase), and Batch offers no
// other member change after creation.
func (w *writer) member(id uint64) (*model.Member, error) {
	if m, ok := w.memberCache[id]; ok {
		return m, nil
	}
	m, err := getMember(w.tx, id)
	if err != nil {
		return nil, err
	}
	if w.pending != nil {
		if w.memberCache == nil {
			w.memberCache = make(map[uint64]*model.Member)
		}
		w.memberCache[id] = &m
	}
	return &m, nil
}

// forgetMember drops a member the writer changed or deleted from its
// cache: the next read decodes what was written.
func (w *writer) forgetMember(id uint64) { delete(w.memberCache, id) }

func (w *writer) memberDues(id uint64) memberDues {
	return decodeMemberDues(w.get(w.duesMember, itob(id)))
}

func (w *writer) nextReceipt(year int) (string, error) {
	n, err := w.nextSeq(keyReceiptSeqPrefix, year)
	if err != nil {
		return "", err
	}
	no := receiptNo(year, n)
	if w.get(w.idxReceipt, []byte(no)) != nil {
		return "", i18n.E("err.internal", "receipt number "+no+" in use")
	}
	return no, nil
}

func receiptRef(kind byte, id uint64) []byte { return append([]byte{kind}, itob(id)...) }

// storePayment gives p its ID and receipt (unless it shares one), writes
// its member's paid months and payment list, the totals, and the receipt
// index (applyPayment). The payment record and its ledger entry are
// written by the caller.
func (w *writer) storePayment(p *model.DuesPayment, d *memberDues, sharedReceipt bool) error {
	id, err := w.payments.NextSequence()
	if err != nil {
		return err
	}
	p.ID, p.CreatedAt, p.Operator = id, w.now, w.op
	if !sharedReceipt {
		if p.ReceiptNo, err = w.nextReceipt(p.Date.Year()); err != nil {
			return err
		}
		if err := w.set(w.idxReceipt, []byte(p.ReceiptNo), receiptRef('p', id)); err != nil {
			return err
		}
	}
	wp := w.paidOf(p.MemberID, d)
	applyPayment(p, wp, func(mo model.Month, amount model.Money, count int64) {
		if wp.err != nil {
			return
		}
		k := duesTotalKey(mo, p.UnitID)
		amt, cnt := pair(w.get(w.duesTotals, k))
		wp.err = w.set(w.duesTotals, k, pairBytes(amt+amount, cnt+count))
	})
	if wp.err != nil {
		return wp.err
	}
	d.ids = append(d.ids, id)
	return w.set(w.duesMember, itob(p.MemberID), d.encode())
}

func memberProblem(key string, args ...any) model.Problems {
	return model.Problems{{Field: "member", Key: key, Args: args}}
}

// duesMemo is the memo of a payment's ledger entry.
func duesMemo(p *model.DuesPayment) string {
	months := p.From.String()
	if p.To != p.From {
		months += "至" + p.To.String()
	}
	return "会费 " + months + " 收据 " + p.ReceiptNo
}

// paymentDateProblems checks a payment's date against the profile's date
// limits: not long before the months it pays, nor long ago (the cash-book
// entry it posts would be refused too, but the payment's own field says
// it first).
func (w *writer) paymentDateProblems(date model.Date, from model.Month) (model.Problems, error) {
	p, err := w.profile()
	if err != nil {
		return nil, err
	}
	l := p.DateLimits()
	if ps := l.PaymentDate(date, from); len(ps) > 0 {
		return ps, nil
	}
	return l.EntryDate(date, w.today), nil
}

func (w *writer) recordPayment(p *model.DuesPayment) error {
	if p.MemberID == 0 {
		return memberProblem("problem.required")
	}
	m, err := w.member(p.MemberID)
	if err != nil {
		return err
	}
	mc, err := w.calcFor(m)
	if err != nil {
		return err
	}
	d := w.memberDues(p.MemberID)
	pv := w.paidOf(p.MemberID, &d).view()
	alloc, owed, ps := model.PlanPayment(p, mc, pv, w.today)
	if len(ps) > 0 {
		return ps
	}
	if ps, err := w.paymentDateProblems(p.Date, p.From); err != nil {
		return err
	} else if len(ps) > 0 {
		return ps
	}
	p.ID, p.ReceiptNo, p.BatchID, p.ReversalOf, p.Reason, p.LedgerID = 0, "", 0, 0, "", 0
	p.UnitID = m.UnitID
	p.Expected = model.RestOf(mc, pv, p.From, p.To)
	p.Alloc, p.Owed = alloc, owed
	if err := w.storePayment(p, &d, false); err != nil {
		return err
	}
	e := duesEntry(p.Date, p.Amount, m.Name, keptMemo(mc.Handling(p.From))+duesMemo(p), model.Source{Kind: SourceDues, ID: p.ID}, p.Method)
	if err := w.postLedger(&e); err != nil {
		return err
	}
	p.LedgerID = e.ID
	if err := w.put(w.payments, itob(p.ID), p); err != nil {
		return err
	}
	return w.writeAudit(model.ActionCreate, model.EntityPayment, p.ID, memberLabel(m), paymentChanges(p))
}

func paymentChanges(p *model.DuesPayment) []model.FieldChange {
	cs := []model.FieldChange{
		{Field: "from", New: p.From.String()},
		{Field: "to", New: p.To.String()},
		{Field: "amount", New: p.Amount.String()},
		{Field: "expected", New: p.Expected.String()},
		{Field: "date", New: p.Date.String()},
		{Field: "method", New: p.Method.Key()},
		{Field: "receipt_no", New: p.ReceiptNo},
	}
	if p.Reason != "" {
		cs = append(cs, model.FieldChange{Field: "reason", New: p.Reason})
	}
	return cs
}

func (w *writer) reversePayment(id uint64, date model.Date, reason string) (model.DuesPayment, error) {
	orig, err := getPayment(w.payments, id)
	if err != nil {
		return model.DuesPayment{}, err
	}
	if orig.ReversalOf != 0 {
		return model.DuesPayment{}, model.Problems{{Key: "dues.cannot_reverse_reversal"}}
	}
	if v := w.get(w.idxPayRev, itob(id)); v != nil {
		return model.DuesPayment{}, model.Problems{{Key: "dues.already_reversed", Args: []any{orig.ReceiptNo}}}
	}
	if ps := w.checkReversal(orig.Date, date, reason); len(ps) > 0 {
		return model.DuesPayment{}, ps
	}
	m, err := w.member(orig.MemberID)
	if err != nil {
		return model.DuesPayment{}, err
	}
	rev := model.DuesPayment{
		MemberID: orig.MemberID, UnitID: orig.UnitID, From: orig.From, To: orig.To,
		Amount: -orig.Amount, Expected: -orig.Expected, Date: date, Method: orig.Method,
		ReversalOf: id, Reason: model.CleanText(reason),
	}
	if hasShares(&orig) {
		rev.Owed = slices.Clone(orig.Owed)
		for _, a := range orig.Alloc {
			rev.Alloc = append(rev.Alloc, -a)
		}
	}
	d := w.memberDues(orig.MemberID)
	if err := w.storePayment(&rev, &d, false); err != nil {
		return model.DuesPayment{}, err
	}
	e := duesEntry(date, -orig.Amount, m.Name, "冲正 收据 "+orig.ReceiptNo+"："+rev.Reason, model.Source{Kind: SourceDues, ID: rev.ID}, orig.Method)
	if orig.BatchID == 0 {
		// The payment's own entry is reversed whole. A payment of a batch
		// shares the batch's entry: its reversal is a red entry of its
		// amount that points at its payment, not at the batch's entry.
		e.ReversalOf = orig.LedgerID
	}
	if err := w.postLedger(&e); err != nil {
		return model.DuesPayment{}, err
	}
	rev.LedgerID = e.ID
	if err := w.put(w.payments, itob(rev.ID), &rev); err != nil {
		return model.DuesPayment{}, err
	}
	if err := w.set(w.idxPayRev, itob(id), itob(rev.ID)); err != nil {
		return model.DuesPayment{}, err
	}
	return rev, w.writeAudit(model.ActionReverse, model.EntityPayment, id, memberLabel(m), append(paymentChanges(&rev),
		model.FieldChange{Field: "reversed_receipt", New: orig.ReceiptNo}))
}

func (w *writer) setWageBase(memberID uint64, wb model.WageBase) (model.Member, error) {
	var ps model.Problems
	if wb.From == 0 {
		ps = append(ps, model.Problem{Field: "wage_from", Key: "problem.required"})
	} else if mo := wb.From.MonthOfYear(); mo < 1 || mo > 12 || wb.From.Year() < 1900 {
		ps = append(ps, model.Problem{Field: "wage_from", Key: "month.format", Args: []any{wb.From.String()}})
	}
	if err := wb.Base.Positive(); err != nil {
		var e *i18n.Error
		if errors.As(err, &e) {
			ps = append(ps, model.Problem{Field: "wage_base", Key: e.Key, Args: e.Args})
		}
	} else if wb.Base > model.Yuan(10_000_000) {
		ps = append(ps, model.Problem{Field: "wage_base", Key: "dues.wage_too_large"})
	}
	if len(ps) > 0 {
		return model.Member{}, ps
	}
	cur, err := w.member(memberID)
	if err != nil {
		return model.Member{}, err
	}
	// A new base may not reach back over a paid month: what a paid month
	// owed is settled, and changing it would make the books disagree with
	// the receipts. A wrong base is corrected from the first unpaid month on.
	if last := lastPaidMonth(w.tx, w.memberDues(memberID), memberID); last != 0 && wb.From <= last {
		return model.Member{}, model.Problems{{Field: "wage_from", Key: "dues.wage_before_paid", Args: []any{last.String()}}}
	}
	m := *cur
	m.Wages = slices.Clone(cur.Wages)
	old := ""
	i := slices.IndexFunc(m.Wages, func(x model.WageBase) bool { return x.From == wb.From })
	if i < 0 && cur.BaseFor(wb.From) == wb.Base {
		return m, errNoChange // that base is in force from that month already
	}
	if i >= 0 {
		if m.Wages[i].Base == wb.Base {
			return m, errNoChange
		}
		old = m.Wages[i].Base.String()
		m.Wages[i] = wb
	} else {
		m.Wages = append(m.Wages, wb)
		slices.SortFunc(m.Wages, func(a, b model.WageBase) int { return int(a.From - b.From) })
	}
	if err := w.put(w.members, itob(memberID), &m); err != nil {
		return model.Member{}, err
	}
	if w.memberCache != nil {
		w.memberCache[memberID] = &m
	}
	return m, w.writeAudit(model.ActionUpdate, model.EntityMember, memberID, memberLabel(&m), []model.FieldChange{
		{Field: "wage_base", Old: old, New: wb.From.String() + " " + wb.Base.String()},
	})
}

// duesEntry is the 401 会费收入 cash-book entry of dues paid by method: the
// money account (cash or bank) follows the method.
func duesEntry(date model.Date, amount model.Money, counterparty, memo string, src model.Source, method model.PayMethod) model.LedgerEntry {
	return model.LedgerEntry{Date: date, Direction: model.In, Account: model.AccountDues, Amount: amount,
		Counterparty: counterparty, Memo: memo, Source: src, Money: model.MoneyFor(method)}
}

// keptMemo marks the memo of dues kept on a unit's behalf (代管).
func keptMemo(h model.DuesHandling) string {
	if h == model.HandlingKept {
		return "代管 "
	}
	return ""
}
