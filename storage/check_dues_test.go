package storage

import (
	"strings"
	"testing"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// checkDuesFixture is the dues fixture's history plus a batch with one
// receipt for the unit's June, one line of which is reversed.
func checkDuesFixture(t *testing.T) *Store {
	t.Helper()
	f := newDuesFixture(t)
	f.history(t)
	plan, err := f.s.BatchPreview(f.a.ID, ym(2024, 6), ym(2024, 6))
	if err != nil || len(plan.Lines) != 2 {
		t.Fatalf("preview %+v %v", plan, err)
	}
	ps, err := f.s.RecordBatch("李秘书", DuesBatch{UnitID: f.a.ID, From: ym(2024, 6), To: ym(2024, 6), Date: 20240614,
		Method: model.PayBank, Lines: plan.Lines, OneReceipt: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.ReversePayment("李秘书", ps[1].ID, 20240615, "重复登记"); err != nil {
		t.Fatal(err)
	}
	return f.s
}

func TestCheckDuesCleanFixture(t *testing.T) {
	t.Parallel()
	s := checkDuesFixture(t)
	r, err := s.Check()
	if err != nil || !r.OK() {
		t.Fatalf("check of a clean database: %v %v", err, r.Problems)
	}
	counts := map[string]int{}
	for _, c := range r.Counts {
		counts[c.Name] = c.N
	}
	// Payments: 2 + batch of 2 + 1 + reversal + repayment + batch of 2 + reversal.
	if counts["payments"] != 10 || counts["ledger"] != 13 {
		t.Errorf("counts %v", counts)
	}
}

// findPayment is the first payment that pred accepts.
func findPayment(t *testing.T, tx *bbolt.Tx, pred func(p *model.DuesPayment) bool) model.DuesPayment {
	t.Helper()
	var found *model.DuesPayment
	_ = tx.Bucket(bucketPayments).ForEach(func(_, v []byte) error {
		var p model.DuesPayment
		if err := decode(v, &p); err != nil {
			t.Fatal(err)
		}
		if found == nil && pred(&p) {
			found = &p
		}
		return nil
	})
	if found == nil {
		t.Fatal("no such payment in the fixture")
	}
	return *found
}

func findEntry(t *testing.T, tx *bbolt.Tx, pred func(e *model.LedgerEntry) bool) model.LedgerEntry {
	t.Helper()
	var found *model.LedgerEntry
	_ = tx.Bucket(bucketLedger).ForEach(func(_, v []byte) error {
		var e model.LedgerEntry
		if err := decode(v, &e); err != nil {
			t.Fatal(err)
		}
		if found == nil && pred(&e) {
			found = &e
		}
		return nil
	})
	if found == nil {
		t.Fatal("no such entry in the fixture")
	}
	return *found
}

func putRecord(t *testing.T, tx *bbolt.Tx, bucket []byte, id uint64, v any) {
	t.Helper()
	data, err := encode(v)
	if err != nil {
		t.Fatal(err)
	}
	if err := tx.Bucket(bucket).Put(itob(id), data); err != nil {
		t.Fatal(err)
	}
}

func single(p *model.DuesPayment) bool   { return p.BatchID == 0 && p.ReversalOf == 0 }
func reversal(p *model.DuesPayment) bool { return p.ReversalOf != 0 }
func batched(p *model.DuesPayment) bool  { return p.BatchID != 0 }
func manual(e *model.LedgerEntry) bool   { return e.Source.Kind == "" && e.ReversalOf == 0 }

// TestCheckDuesFindsEachProblem breaks one dues or cash-book invariant at
// a time behind the store's back and expects the check to name it.
func TestCheckDuesFindsEachProblem(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, key string
		spoil     func(t *testing.T, tx *bbolt.Tx)
	}{
		{"payment's ledger entry deleted", "check.no_ledger_entry", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, single)
			tx.Bucket(bucketLedger).Delete(itob(p.LedgerID))
		}},
		{"ledger entry names another payment", "check.ledger_backlink", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, single)
			e, _ := getLedgerEntry(tx.Bucket(bucketLedger), p.LedgerID)
			e.Source.ID++
			putRecord(t, tx, bucketLedger, e.ID, &e)
		}},
		{"payment points at the wrong entry", "check.ledger_backlink", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, batched)
			p.LedgerID++
			putRecord(t, tx, bucketPayments, p.ID, &p)
		}},
		{"payment and entry amounts differ", "check.amount_mismatch", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, single)
			p.Amount += 100
			putRecord(t, tx, bucketPayments, p.ID, &p)
		}},
		{"batch total differs from its payments", "check.batch_total", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, batched)
			var rec DuesBatchRecord
			decode(tx.Bucket(bucketDuesBatches).Get(itob(p.BatchID)), &rec)
			rec.Total += 1
			putRecord(t, tx, bucketDuesBatches, rec.ID, &rec)
		}},
		{"batch entry of another amount", "check.amount_mismatch", func(t *testing.T, tx *bbolt.Tx) {
			e := findEntry(t, tx, func(e *model.LedgerEntry) bool { return e.Source.Kind == SourceDuesBatch })
			e.Amount += 1
			putRecord(t, tx, bucketLedger, e.ID, &e)
		}},
		{"batch payment under another batch", "check.dangling", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, batched)
			p.BatchID = 99
			putRecord(t, tx, bucketPayments, p.ID, &p)
		}},
		{"cash balance off", "check.balance", func(t *testing.T, tx *bbolt.Tx) {
			k := ledgerTotalKey(ym(2024, 3), model.In, "40301")
			tx.Bucket(bucketLedgerTotals).Put(k, pairBytes(100001, 1))
		}},
		{"ledger totals off", "check.ledger_totals", func(t *testing.T, tx *bbolt.Tx) {
			k := ledgerTotalKey(ym(2024, 4), model.Out, "50406")
			tx.Bucket(bucketLedgerTotals).Put(k, pairBytes(800, 2))
		}},
		{"ledger totals missing a month", "check.ledger_totals", func(t *testing.T, tx *bbolt.Tx) {
			tx.Bucket(bucketLedgerTotals).Delete(ledgerTotalKey(ym(2024, 3), model.In, "40301"))
		}},
		{"dues totals off", "check.dues_totals", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, single)
			k := duesTotalKey(p.From, p.UnitID)
			amt, cnt := pair(tx.Bucket(bucketDuesTotals).Get(k))
			tx.Bucket(bucketDuesTotals).Put(k, pairBytes(amt+1, cnt))
		}},
		{"dues totals with a stray month", "check.dues_totals", func(t *testing.T, tx *bbolt.Tx) {
			tx.Bucket(bucketDuesTotals).Put(duesTotalKey(ym(2020, 1), 1), pairBytes(500, 1))
		}},
		{"two payments with one receipt", "check.duplicate_number", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, single)
			q := findPayment(t, tx, func(q *model.DuesPayment) bool { return single(q) && q.ID != p.ID })
			q.ReceiptNo = p.ReceiptNo
			putRecord(t, tx, bucketPayments, q.ID, &q)
		}},
		{"receipt index duplicated", "check.index_stale", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, single)
			tx.Bucket(idxReceipt).Put([]byte("2024-000999"), receiptRef('p', p.ID))
		}},
		{"receipt index entry missing", "check.index_missing", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, single)
			tx.Bucket(idxReceipt).Delete([]byte(p.ReceiptNo))
		}},
		{"batch receipt index missing", "check.index_missing", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, func(p *model.DuesPayment) bool { return batched(p) && p.Method == model.PayBank })
			tx.Bucket(idxReceipt).Delete([]byte(p.ReceiptNo))
		}},
		{"receipt index points elsewhere", "check.index_wrong", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, single)
			tx.Bucket(idxReceipt).Put([]byte(p.ReceiptNo), receiptRef('p', 999))
		}},
		{"receipt counter behind", "check.number_counter", func(t *testing.T, tx *bbolt.Tx) {
			tx.Bucket(bucketMeta).Put(seqKey(keyReceiptSeqPrefix, 2024), itob(2))
		}},
		{"voucher counter behind", "check.number_counter", func(t *testing.T, tx *bbolt.Tx) {
			tx.Bucket(bucketMeta).Delete(seqKey(keyVoucherSeqPrefix, 2024))
		}},
		{"two entries with one voucher", "check.duplicate_number", func(t *testing.T, tx *bbolt.Tx) {
			e := findEntry(t, tx, manual)
			f := findEntry(t, tx, func(f *model.LedgerEntry) bool { return f.ID != e.ID && manual(f) })
			f.VoucherNo = e.VoucherNo
			putRecord(t, tx, bucketLedger, f.ID, &f)
		}},
		{"voucher index entry missing", "check.index_missing", func(t *testing.T, tx *bbolt.Tx) {
			e := findEntry(t, tx, manual)
			tx.Bucket(idxVoucher).Delete([]byte(e.VoucherNo))
		}},
		{"stale voucher index entry", "check.index_stale", func(t *testing.T, tx *bbolt.Tx) {
			tx.Bucket(idxVoucher).Put([]byte("2024-0999"), itob(1))
		}},
		{"date index entry missing", "check.index_missing", func(t *testing.T, tx *bbolt.Tx) {
			e := findEntry(t, tx, manual)
			tx.Bucket(idxLedgerDate).Delete(ledgerDateKey(e.Date, e.ID))
		}},
		{"stale date index entry", "check.index_stale", func(t *testing.T, tx *bbolt.Tx) {
			tx.Bucket(idxLedgerDate).Put(ledgerDateKey(20240101, 1), empty)
		}},
		{"payment reversal of a missing payment", "check.reversal_target", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, reversal)
			p.ReversalOf = 999
			putRecord(t, tx, bucketPayments, p.ID, &p)
		}},
		{"payment reversal of a reversal", "check.reversal_target", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, reversal)
			q := findPayment(t, tx, func(q *model.DuesPayment) bool { return reversal(q) && q.ID != p.ID })
			q.ReversalOf = p.ID
			putRecord(t, tx, bucketPayments, q.ID, &q)
		}},
		{"payment reversed twice", "check.reversal_twice", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, reversal)
			q := findPayment(t, tx, func(q *model.DuesPayment) bool { return reversal(q) && q.ID != p.ID })
			q.ReversalOf = p.ReversalOf
			putRecord(t, tx, bucketPayments, q.ID, &q)
		}},
		{"payment reversal of another amount", "check.reversal_mirror", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, reversal)
			orig := findPayment(t, tx, func(q *model.DuesPayment) bool { return q.ID == p.ReversalOf })
			orig.Amount++
			putRecord(t, tx, bucketPayments, orig.ID, &orig)
		}},
		{"payment reversal index missing", "check.index_missing", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, reversal)
			tx.Bucket(idxPaymentReversal).Delete(itob(p.ReversalOf))
		}},
		{"stale payment reversal index entry", "check.index_stale", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, single)
			tx.Bucket(idxPaymentReversal).Put(itob(p.ID), itob(p.ID+1))
		}},
		{"ledger reversal of a reversal", "check.reversal_target", func(t *testing.T, tx *bbolt.Tx) {
			rev := findEntry(t, tx, func(e *model.LedgerEntry) bool { return e.ReversalOf != 0 && e.Source.Kind == "" })
			e := findEntry(t, tx, func(e *model.LedgerEntry) bool { return manual(e) && e.ID > rev.ID })
			e.ReversalOf, e.Amount = rev.ID, -rev.Amount
			putRecord(t, tx, bucketLedger, e.ID, &e)
		}},
		{"ledger entry reversed twice", "check.reversal_twice", func(t *testing.T, tx *bbolt.Tx) {
			rev := findEntry(t, tx, func(e *model.LedgerEntry) bool { return e.ReversalOf != 0 && e.Source.Kind == "" })
			e := findEntry(t, tx, func(e *model.LedgerEntry) bool { return manual(e) && e.ID > rev.ID })
			e.ReversalOf = rev.ReversalOf
			putRecord(t, tx, bucketLedger, e.ID, &e)
		}},
		{"ledger reversal of another amount", "check.reversal_mirror", func(t *testing.T, tx *bbolt.Tx) {
			rev := findEntry(t, tx, func(e *model.LedgerEntry) bool { return e.ReversalOf != 0 && e.Source.Kind == "" })
			rev.Amount--
			putRecord(t, tx, bucketLedger, rev.ID, &rev)
		}},
		{"stale ledger reversal index entry", "check.index_stale", func(t *testing.T, tx *bbolt.Tx) {
			e := findEntry(t, tx, manual)
			tx.Bucket(idxLedgerReversal).Put(itob(e.ID), itob(e.ID))
		}},
		{"paid-month bit flipped", "check.paid_months", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, single)
			d := decodeMemberDues(tx.Bucket(bucketDuesMember).Get(itob(p.MemberID)))
			d.bits[0] ^= 0x80
			tx.Bucket(bucketDuesMember).Put(itob(p.MemberID), d.encode())
		}},
		{"reversed month still marked paid", "check.paid_months", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, func(p *model.DuesPayment) bool { return reversal(p) && p.To == ym(2024, 6) })
			d := decodeMemberDues(tx.Bucket(bucketDuesMember).Get(itob(p.MemberID)))
			d.set(p.From, true)
			tx.Bucket(bucketDuesMember).Put(itob(p.MemberID), d.encode())
		}},
		{"payment missing from its member's list", "check.member_payments", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, single)
			d := decodeMemberDues(tx.Bucket(bucketDuesMember).Get(itob(p.MemberID)))
			d.ids = d.ids[1:]
			tx.Bucket(bucketDuesMember).Put(itob(p.MemberID), d.encode())
		}},
		{"member's dues record deleted", "check.member_payments", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, single)
			tx.Bucket(bucketDuesMember).Delete(itob(p.MemberID))
		}},
		{"payment of a missing member", "check.dangling", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, single)
			tx.Bucket(bucketMembers).Delete(itob(p.MemberID))
		}},
		{"payments counter behind", "check.sequence", func(t *testing.T, tx *bbolt.Tx) {
			tx.Bucket(bucketPayments).SetSequence(3)
		}},
		{"ledger counter behind", "check.sequence", func(t *testing.T, tx *bbolt.Tx) {
			tx.Bucket(bucketLedger).SetSequence(3)
		}},
		{"undecodable payment", "check.undecodable", func(t *testing.T, tx *bbolt.Tx) {
			tx.Bucket(bucketPayments).Put(itob(2), []byte{1, 0xff})
		}},
		{"payment under the wrong key", "check.key_mismatch", func(t *testing.T, tx *bbolt.Tx) {
			p := findPayment(t, tx, single)
			p.ID += 100
			putRecord(t, tx, bucketPayments, p.ID-100, &p)
		}},
		{"missing dues table", "check.missing_bucket", func(t *testing.T, tx *bbolt.Tx) {
			tx.DeleteBucket(idxVoucher)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := checkDuesFixture(t)
			if err := s.db.Update(func(tx *bbolt.Tx) error { c.spoil(t, tx); return nil }); err != nil {
				t.Fatal(err)
			}
			r, err := s.Check()
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range r.Problems {
				if p.Key == c.key {
					found = true
				}
				if p.Key == "check.panicked" {
					t.Errorf("checker stopped: %v", p)
				}
				for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
					if txt := p.Localize(l); strings.Contains(txt, "%!") || strings.Contains(txt, "check.") {
						t.Errorf("%s text: %q", l.Code(), txt)
					}
				}
				// the user's words: which numbers, not an internal key
				if txt := p.Localize(i18n.ZH); p.Key == "check.number_counter" &&
					(strings.Contains(txt, "计数器") || strings.Contains(txt, "seq") || !strings.ContainsAny(txt, "收凭")) {
					t.Errorf("the counter problem reads %q", txt)
				}
			}
			if !found {
				t.Errorf("problems %v, want one %s", r.Problems, c.key)
			}
		})
	}
}
