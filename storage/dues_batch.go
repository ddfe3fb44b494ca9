package storage

import (
	"fmt"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// A unit's batch: the dues of its members for a range of months (a month,
// a quarter, a year), handed over at once, written as one payment per
// member and run of owing months, and one 401 entry for the total, in one
// transaction.

// BatchLine is one member of a unit's batch.
type BatchLine struct {
	MemberID uint64
	// Amount is what the member pays: Owing unless the preview lowers it
	// (the months it does not reach stay owed).
	Amount model.Money
	Owing  model.Money   // what the months still owe
	Months []model.Month // the owing months
}

// BatchPlan is who a unit's batch covers: the members with months still
// owing, in member ID order, and how many were left out.
type BatchPlan struct {
	Lines []BatchLine
	// Settled: members who owe nothing in the months (paid up, exempt,
	// not owed). NoBase: members whose months owe on a wage base that is
	// not set, listed so the preview can name them.
	Settled int
	NoBase  []uint64
}

// DuesBatch is a unit's dues for months From..To handed over at once.
type DuesBatch struct {
	UnitID     uint64
	From, To   model.Month
	Date       model.Date
	Method     model.PayMethod
	Lines      []BatchLine
	OneReceipt bool // one receipt for the batch instead of one per payment
}

// LineProblems are the problems of one line of a unit's batch.
type LineProblems struct {
	Line     int // 1-based position in DuesBatch.Lines
	MemberID uint64
	Label    string // the member's name and number, when known
	Problems model.Problems
}

// BatchProblems is the error of a refused batch: the batch's own problems
// (fields "unit", "batch_from", "batch_to", "date", "method",
// "batch_lines") and those of each line. Nothing of the batch was written.
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

// batchHead checks what a batch says of itself: the unit, its months
// (each handled in this federation's books) and, when full, the date,
// method and lines.
func batchHead(tx *bbolt.Tx, b *DuesBatch, today model.Date, full bool) (model.Unit, *BatchProblems) {
	bp := &BatchProblems{}
	add := func(field, key string, args ...any) {
		bp.Problems = append(bp.Problems, model.Problem{Field: field, Key: key, Args: args})
	}
	var unit model.Unit
	if b.UnitID == 0 {
		add("unit", "problem.required")
	} else if u, err := getUnit(tx, b.UnitID); err != nil {
		add("unit", "member.unit_missing")
	} else {
		unit = u
	}
	months := model.CheckMonths(b.From, b.To, "batch_from", "batch_to")
	bp.Problems = append(bp.Problems, months...)
	if len(months) == 0 && unit.ID != 0 {
		ud, err := getUnitDues(tx, unit.ID)
		if err == nil {
			for mo := b.From; mo <= b.To; mo = mo.Add(1) {
				if !ud.TermFor(mo).Handling.InOurBooks() {
					add("unit", "dues.unit_collects_batch", mo.String())
					break
				}
			}
		}
	}
	if full {
		bp.Problems = append(bp.Problems, model.CheckBatchFields(b.Date, b.Method, today)...)
		if len(b.Lines) == 0 {
			add("batch_lines", "dues.batch_no_lines")
		}
	}
	if len(bp.Problems) > 0 {
		return unit, bp
	}
	return unit, nil
}

// BatchPreview lists the unit's members whose months from..to still owe,
// with what they owe. A unit that collects its own dues, or months out of
// order, give *BatchProblems.
func (s *Store) BatchPreview(unitID uint64, from, to model.Month) (BatchPlan, error) {
	var plan BatchPlan
	err := s.db.View(func(tx *bbolt.Tx) error {
		if _, bp := batchHead(tx, &DuesBatch{UnitID: unitID, From: from, To: to}, 0, false); bp != nil {
			return bp
		}
		p, err := profileOrDefault(tx)
		if err != nil {
			return err
		}
		r := rulesOf(&p)
		dm := tx.Bucket(bucketDuesMember)
		for _, id := range memberIDsOfUnit(tx, unitID) {
			m, err := getMember(tx, id)
			if err != nil {
				return dangling(err)
			}
			if m.UnitID != unitID {
				continue
			}
			mc, err := calcOne(tx, r, &m)
			if err != nil {
				return err
			}
			d := decodeMemberDues(dm.Get(itob(id)))
			part := memberPartials(tx, id)
			pv := model.PaidView{Full: d.has, Part: func(mo model.Month) (model.PartPaid, bool) { x, ok := part[mo]; return x, ok }}
			l := model.BatchLineOf(mc, pv, from, to)
			if len(l.Months) == 0 {
				noBase := false
				for mo := from; mo <= to; mo = mo.Add(1) {
					if d := model.DuesMonth(mc, pv, mo); d.State == model.OweNoBase && !d.Full {
						noBase = true
						break
					}
				}
				if noBase {
					plan.NoBase = append(plan.NoBase, id)
				} else {
					plan.Settled++
				}
				continue
			}
			plan.Lines = append(plan.Lines, BatchLine{MemberID: id, Amount: l.Owing, Owing: l.Owing, Months: l.Months})
		}
		return nil
	})
	return plan, err
}

// RecordBatch writes the batch: for each line, a payment for each run of
// owing months the amount reaches, and one 401 cash-book entry for the
// total, all in one transaction: all or nothing. A refused batch returns
// *BatchProblems naming the batch's fields and each bad line.
func (s *Store) RecordBatch(op string, b DuesBatch) ([]model.DuesPayment, error) {
	var out []model.DuesPayment
	err := s.update(op, func(w *writer) error {
		var e error
		out, e = w.recordBatch(b)
		return e
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (w *writer) recordBatch(b DuesBatch) ([]model.DuesPayment, error) {
	unit, bp := batchHead(w.tx, &b, w.today, true)
	if bp == nil {
		ps, err := w.paymentDateProblems(b.Date, b.From)
		if err != nil {
			return nil, err
		}
		if len(ps) > 0 {
			bp = &BatchProblems{Problems: ps}
		}
	}
	if bp != nil {
		return nil, bp
	}
	bp = &BatchProblems{}
	type memberPays struct {
		d    *memberDues
		pays []model.DuesPayment
	}
	var planned []memberPays
	seen := make(map[uint64]int, len(b.Lines))
	var total model.Money
	handling := model.HandlingFederation
	for i, bl := range b.Lines {
		lp := LineProblems{Line: i + 1, MemberID: bl.MemberID}
		m, err := w.member(bl.MemberID)
		if err != nil {
			lp.Problems = memberProblem("dues.member_missing")
			bp.Lines = append(bp.Lines, lp)
			continue
		}
		lp.Label = memberLabel(m)
		var ps model.Problems
		if m.UnitID != b.UnitID {
			ps = append(ps, model.Problem{Field: "member", Key: "dues.other_unit"})
		}
		if j, dup := seen[bl.MemberID]; dup {
			ps = append(ps, model.Problem{Field: "member", Key: "dues.batch_duplicate", Args: []any{j}})
		}
		seen[bl.MemberID] = i + 1
		mc, err := w.calcFor(m)
		if err != nil {
			return nil, err
		}
		handling = mc.Handling(b.From)
		d := w.memberDues(bl.MemberID)
		pv := w.paidOf(bl.MemberID, &d).view()
		var pays []model.DuesPayment
		if len(ps) == 0 {
			pays, ps = model.BatchLineOf(mc, pv, b.From, b.To).Payments(mc, pv, bl.Amount)
		}
		for j := range pays {
			p := &pays[j]
			p.MemberID, p.UnitID, p.Date, p.Method = bl.MemberID, b.UnitID, b.Date, b.Method
			alloc, owed, qs := model.PlanPayment(p, mc, pv, w.today)
			ps = append(ps, qs...)
			p.Alloc, p.Owed, p.Expected = alloc, owed, model.RestOf(mc, pv, p.From, p.To)
		}
		if len(ps) > 0 {
			lp.Problems = ps
			bp.Lines = append(bp.Lines, lp)
			continue
		}
		planned = append(planned, memberPays{d: &d, pays: pays})
		total += bl.Amount
	}
	if len(bp.Lines) > 0 {
		return nil, bp
	}

	batchID, err := w.duesBatches.NextSequence()
	if err != nil {
		return nil, err
	}
	rec := DuesBatchRecord{ID: batchID, UnitID: b.UnitID, Month: b.From, To: b.To, Date: b.Date, Method: b.Method,
		Total: total, Operator: w.op, CreatedAt: w.now}
	if b.OneReceipt {
		if rec.ReceiptNo, err = w.nextReceipt(b.Date.Year()); err != nil {
			return nil, err
		}
		if err := w.set(w.idxReceipt, []byte(rec.ReceiptNo), receiptRef('b', batchID)); err != nil {
			return nil, err
		}
	}
	n := 0
	for _, mp := range planned {
		n += len(mp.pays)
	}
	out := make([]model.DuesPayment, 0, n)
	for _, mp := range planned {
		for j := range mp.pays {
			p := &mp.pays[j]
			p.BatchID, p.ReceiptNo = batchID, rec.ReceiptNo
			if err := w.storePayment(p, mp.d, b.OneReceipt); err != nil {
				return nil, err
			}
			if len(out) == 0 {
				rec.FirstPaymentID = p.ID
			} else if p.ID != out[len(out)-1].ID+1 {
				return nil, i18n.E("err.internal", "batch payment IDs not consecutive")
			}
			out = append(out, *p)
		}
	}
	rec.Count = len(out)
	months := batchMonths(b.From, b.To)
	memo := keptMemo(handling) + fmt.Sprintf("会费 %s %d人", months, len(planned))
	if rec.ReceiptNo != "" {
		memo += " 收据 " + rec.ReceiptNo
	}
	e := duesEntry(b.Date, total, unit.Name, memo, model.Source{Kind: SourceDuesBatch, ID: batchID}, b.Method)
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
	return out, w.writeAudit(model.ActionCreate, model.EntityBatch, batchID, unit.Name+" "+months, []model.FieldChange{
		{Field: "batch_from", New: b.From.String()},
		{Field: "batch_to", New: b.To.String()},
		{Field: "members", New: fmt.Sprint(len(planned))},
		{Field: "amount", New: total.String()},
		{Field: "date", New: b.Date.String()},
		{Field: "method", New: b.Method.Key()},
		{Field: "receipt_no", New: receipts},
		{Field: "payments", New: fmt.Sprintf("%d—%d", out[0].ID, out[len(out)-1].ID)},
	})
}

// batchMonths writes a batch's months: "2026-01" or "2026-01至2026-03".
func batchMonths(from, to model.Month) string {
	if to == from || to == 0 {
		return from.String()
	}
	return from.String() + "至" + to.String()
}
