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
	Month          model.Month     `cbor:"3,keyasint"`
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

func (w *writer) memberDues(id uint64) memberDues {
	return decodeMemberDues(w.get(w.duesMember, itob(id)))
}

// addTotals adds a payment's (or, negative, a reversal's) months to the
// collection aggregate of its unit: the amount split by model.SplitAmount
// and one member-month per month.
func (w *writer) addTotals(p *model.DuesPayment, sign int64) error {
	shares := model.SplitAmount(p.Amount, p.Months())
	for i, mo := 0, p.From; mo <= p.To; i, mo = i+1, mo.Add(1) {
		k := duesTotalKey(mo, p.UnitID)
		amt, cnt := pair(w.get(w.duesTotals, k))
		if err := w.set(w.duesTotals, k, pairBytes(amt+shares[i], cnt+sign)); err != nil {
			return err
		}
	}
	return nil
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
// it, its member's paid months and payment list, the totals, and the
// receipt index. The ledger entry is posted by the caller.
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
	on := p.ReversalOf == 0
	for mo := p.From; mo <= p.To; mo = mo.Add(1) {
		d.set(mo, on)
	}
	d.ids = append(d.ids, id)
	if err := w.set(w.duesMember, itob(p.MemberID), d.encode()); err != nil {
		return err
	}
	sign := int64(1)
	if !on {
		sign = -1
	}
	return w.addTotals(p, sign)
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
	r, err := w.duesRules()
	if err != nil {
		return err
	}
	d := w.memberDues(p.MemberID)
	if ps := model.ValidatePayment(p, m, r, d.has, w.today); len(ps) > 0 {
		return ps
	}
	if ps, err := w.paymentDateProblems(p.Date, p.From); err != nil {
		return err
	} else if len(ps) > 0 {
		return ps
	}
	p.ID, p.ReceiptNo, p.BatchID, p.ReversalOf, p.Reason, p.LedgerID = 0, "", 0, 0, "", 0
	p.UnitID = m.UnitID
	p.Expected = model.Expected(m, r, p.From, p.To)
	if err := w.storePayment(p, &d, false); err != nil {
		return err
	}
	e := model.LedgerEntry{
		Date: p.Date, Direction: model.In, Account: model.AccountDues, Amount: p.Amount,
		Counterparty: m.Name, Memo: duesMemo(p), Source: model.Source{Kind: SourceDues, ID: p.ID},
		Money: model.MoneyFor(p.Method),
	}
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

// LineProblems are the problems of one line of a unit's batch.
type LineProblems struct {
	Line     int // 1-based position in DuesBatch.Lines
	MemberID uint64
	Label    string // the member's name and number, when known
	Problems model.Problems
}

// BatchProblems is the error of a refused batch: the batch's own problems
// (fields "unit", "batch_month", "date", "method", "batch_lines") and those of each
// line. Nothing of the batch was written.
type BatchProblems struct {
	Problems model.Problems
	Lines    []LineProblems
}

func (b *BatchProblems) Error() string { return b.Localize(i18n.EN) }

// Localize says every problem, one per line; a line's problems start with
// the line number and the member.
func (b *BatchProblems) Localize(l i18n.Lang) string {
	var out []string
	if len(b.Problems) > 0 {
		out = append(out, b.Problems.Localize(l))
	}
	for _, lp := range b.Lines {
		for _, p := range lp.Problems {
			out = append(out, l.T("dues.batch_line", lp.Line, lp.Label)+p.Localize(l))
		}
	}
	return joinLines(out)
}

func joinLines(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += "\n"
		}
		out += x
	}
	return out
}

func (w *writer) recordBatch(b DuesBatch) ([]model.DuesPayment, error) {
	bp := &BatchProblems{}
	add := func(field, key string, args ...any) {
		bp.Problems = append(bp.Problems, model.Problem{Field: field, Key: key, Args: args})
	}
	var unit model.Unit
	if b.UnitID == 0 {
		add("unit", "problem.required")
	} else if u, err := getUnit(w.tx, b.UnitID); err != nil {
		add("unit", "member.unit_missing")
	} else {
		unit = u
	}
	if b.Month == 0 {
		add("batch_month", "problem.required")
	} else if mo := b.Month.MonthOfYear(); mo < 1 || mo > 12 || b.Month.Year() < 1900 {
		add("batch_month", "month.format", b.Month.String())
	}
	if len(b.Lines) == 0 {
		add("batch_lines", "dues.batch_no_lines")
	}
	r, err := w.duesRules()
	if err != nil {
		return nil, err
	}
	// The batch's date and method are checked once for the batch; each
	// line then checks its member, month and amount.
	probe := model.DuesPayment{Amount: 1, From: b.Month, To: b.Month, Date: b.Date, Method: b.Method}
	for _, q := range model.ValidatePayment(&probe, nil, r, nil, w.today) {
		if q.Field == "date" || q.Field == "method" {
			bp.Problems = append(bp.Problems, q)
		}
	}
	if len(bp.Problems) == 0 && b.Month != 0 {
		ps, err := w.paymentDateProblems(b.Date, b.Month)
		if err != nil {
			return nil, err
		}
		bp.Problems = append(bp.Problems, ps...)
	}
	if len(bp.Problems) > 0 {
		return nil, bp
	}
	type line struct {
		m *model.Member
		d memberDues
		p model.DuesPayment
	}
	lines := make([]line, len(b.Lines))
	seen := make(map[uint64]int, len(b.Lines))
	var total model.Money
	for i, bl := range b.Lines {
		lp := LineProblems{Line: i + 1, MemberID: bl.MemberID}
		p := model.DuesPayment{MemberID: bl.MemberID, UnitID: b.UnitID, From: b.Month, To: b.Month,
			Amount: bl.Amount, Date: b.Date, Method: b.Method}
		m, err := w.member(bl.MemberID)
		if err != nil {
			lp.Problems = memberProblem("dues.member_missing")
		} else {
			lp.Label = memberLabel(m)
			d := w.memberDues(bl.MemberID)
			ps := model.ValidatePayment(&p, m, r, d.has, w.today)
			if m.UnitID != b.UnitID {
				ps = append(ps, model.Problem{Field: "member", Key: "dues.other_unit"})
			}
			if j, dup := seen[bl.MemberID]; dup {
				ps = append(ps, model.Problem{Field: "member", Key: "dues.batch_duplicate", Args: []any{j}})
			}
			seen[bl.MemberID] = i + 1
			lp.Problems = ps
			p.Expected = m.OwedAmount(b.Month, r)
			lines[i] = line{m: m, d: d, p: p}
		}
		if len(lp.Problems) > 0 {
			bp.Lines = append(bp.Lines, lp)
		}
		total += bl.Amount
	}
	if len(bp.Problems) > 0 || len(bp.Lines) > 0 {
		return nil, bp
	}

	batchID, err := w.duesBatches.NextSequence()
	if err != nil {
		return nil, err
	}
	rec := DuesBatchRecord{ID: batchID, UnitID: b.UnitID, Month: b.Month, Date: b.Date, Method: b.Method,
		Total: total, Count: len(lines), Operator: w.op, CreatedAt: w.now}
	if b.OneReceipt {
		if rec.ReceiptNo, err = w.nextReceipt(b.Date.Year()); err != nil {
			return nil, err
		}
		if err := w.set(w.idxReceipt, []byte(rec.ReceiptNo), receiptRef('b', batchID)); err != nil {
			return nil, err
		}
	}
	out := make([]model.DuesPayment, len(lines))
	for i := range lines {
		ln := &lines[i]
		ln.p.BatchID = batchID
		ln.p.ReceiptNo = rec.ReceiptNo
		if err := w.storePayment(&ln.p, &ln.d, b.OneReceipt); err != nil {
			return nil, err
		}
		if i == 0 {
			rec.FirstPaymentID = ln.p.ID
		} else if ln.p.ID != out[i-1].ID+1 {
			return nil, i18n.E("err.internal", "batch payment IDs not consecutive")
		}
		out[i] = ln.p
	}
	e := model.LedgerEntry{
		Date: b.Date, Direction: model.In, Account: model.AccountDues, Amount: total,
		Counterparty: unit.Name, Memo: fmt.Sprintf("会费 %s %d人", b.Month, len(lines)),
		Source: model.Source{Kind: SourceDuesBatch, ID: batchID}, Money: model.MoneyFor(b.Method),
	}
	if rec.ReceiptNo != "" {
		e.Memo += " 收据 " + rec.ReceiptNo
	}
	if err := w.postLedger(&e); err != nil {
		return nil, err
	}
	rec.LedgerID = e.ID
	for i := range out {
		out[i].LedgerID = e.ID
		if err := w.put(w.payments, itob(out[i].ID), &out[i]); err != nil {
			return nil, err
		}
	}
	if err := w.put(w.duesBatches, itob(batchID), &rec); err != nil {
		return nil, err
	}
	receipts := rec.ReceiptNo
	if receipts == "" {
		receipts = out[0].ReceiptNo + "—" + out[len(out)-1].ReceiptNo
	}
	return out, w.writeAudit(model.ActionCreate, model.EntityBatch, batchID, unit.Name+" "+b.Month.String(), []model.FieldChange{
		{Field: "batch_month", New: b.Month.String()},
		{Field: "members", New: fmt.Sprint(len(out))},
		{Field: "amount", New: total.String()},
		{Field: "date", New: b.Date.String()},
		{Field: "method", New: b.Method.Key()},
		{Field: "receipt_no", New: receipts},
		{Field: "payments", New: fmt.Sprintf("%d—%d", out[0].ID, out[len(out)-1].ID)},
	})
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
	d := w.memberDues(orig.MemberID)
	if err := w.storePayment(&rev, &d, false); err != nil {
		return model.DuesPayment{}, err
	}
	e := model.LedgerEntry{
		Date: date, Direction: model.In, Account: model.AccountDues, Amount: -orig.Amount,
		Counterparty: m.Name, Memo: "冲正 收据 " + orig.ReceiptNo + "：" + rev.Reason,
		Source: model.Source{Kind: SourceDues, ID: rev.ID}, Money: model.MoneyFor(orig.Method),
	}
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
	if paid := w.memberDues(memberID).paid(); len(paid) > 0 && wb.From <= paid[len(paid)-1] {
		return model.Member{}, model.Problems{{Field: "wage_from", Key: "dues.wage_before_paid", Args: []any{paid[len(paid)-1].String()}}}
	}
	m := *cur
	m.Wages = slices.Clone(cur.Wages)
	old := ""
	i := slices.IndexFunc(m.Wages, func(x model.WageBase) bool { return x.From == wb.From })
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
