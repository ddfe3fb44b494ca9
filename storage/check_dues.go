package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// The invariants of dues and the cash book (see check.go), in one
// streaming pass over each of the payments and the ledger. What is kept in
// memory is bounded by the members (each one's recomputed paid months and
// a digest of their payment list), the batches, the reversals and the
// monthly totals, never by the payments: the 100,000-member demo's 2.4
// million payments are each decoded once and then dropped. The indexes are
// checked forward (every record finds its entry) and counted; only when a
// count disagrees, or a record missed its entry, are the index's entries
// read one by one to name the stale ones.

// model.EntityBatch is a unit's dues batch.

// duesBuckets are the buckets of migration 2.
func duesBuckets() [][]byte {
	return [][]byte{
		bucketPayments, bucketDuesMember, bucketDuesTotals, bucketDuesBatches, idxReceipt, idxPaymentReversal,
		bucketLedger, idxLedgerDate, idxVoucher, idxLedgerReversal, bucketLedgerTotals,
	}
}

// maxCheckMonths bounds the months a damaged payment may claim to cover,
// so that a wild From..To cannot make the check loop for ever.
const maxCheckMonths = 1200

// memberAcc is what the payments say about one member.
type memberAcc struct {
	paid    memberDues                     // months paid and not reversed, replayed in ID order
	parts   map[model.Month]model.PartPaid // months paid in part, replayed likewise
	n       int                            // payments and reversals
	digest  uint64                         // of their IDs in order (see mixID)
	firstID uint64                         // the first payment, to name in a problem
}

// mixID folds an ID into an order-sensitive digest (FNV-1a over the 8 bytes).
func mixID(h, id uint64) uint64 {
	if h == 0 {
		h = 14695981039346656037
	}
	for i := 0; i < 8; i++ {
		h ^= id & 0xff
		h *= 1099511628211
		id >>= 8
	}
	return h
}

// batchAcc is a stored batch and what its payments say about it.
type batchAcc struct {
	rec          DuesBatchRecord
	sum          model.Money
	n            int
	minID, maxID uint64
}

type totalAcc struct {
	amount model.Money
	count  int64
}

// numberIndex follows one index of human-facing numbers (receipts,
// vouchers): how many records found their entry, whether one did not, and
// the highest number used in each year.
type numberIndex struct {
	matched int
	failed  bool
	highest map[int]uint64
}

func (x *numberIndex) use(no string) {
	year, n, ok := parseNumber(no)
	if !ok {
		return
	}
	if x.highest == nil {
		x.highest = map[int]uint64{}
	}
	x.highest[year] = max(x.highest[year], n)
}

// parseNumber reads "2026-000123" (receipts) or "2026-0123" (vouchers).
func parseNumber(no string) (year int, n uint64, ok bool) {
	y, rest, found := strings.Cut(no, "-")
	if !found || len(y) != 4 {
		return 0, 0, false
	}
	year, err1 := strconv.Atoi(y)
	n, err2 := strconv.ParseUint(rest, 10, 64)
	return year, n, err1 == nil && err2 == nil
}

type duesCheck struct {
	tx *bbolt.Tx
	r  *CheckReport

	members, meta                             *bbolt.Bucket
	payments, duesMember, duesTotals, batches *bbolt.Bucket
	idxReceipt, idxPayRev                     *bbolt.Bucket
	ledger, idxDate, idxVoucher, idxLedRev    *bbolt.Bucket
	ledgerTotals                              *bbolt.Bucket
	batchAccs                                 map[uint64]*batchAcc
	memberAccs                                map[uint64]*memberAcc
	duesSums                                  map[[12]byte]totalAcc
	ledgerSums                                map[string]totalAcc
	receipts, vouchers                        numberIndex
	payRevOf, ledRevOf                        map[uint64]uint64 // reversal → what it reverses
	payReversed, ledReversed                  map[uint64]uint64 // reversed → its first reversal
	dateMatched                               int
	dateFailed                                bool
	balance                                   model.Money
}

func checkDues(tx *bbolt.Tx, r *CheckReport) error {
	missing := false
	for _, name := range duesBuckets() {
		if tx.Bucket(name) == nil {
			r.Problem("check.missing_bucket", string(name))
			missing = true
		}
	}
	if missing {
		return nil
	}
	c := &duesCheck{
		tx: tx, r: r,
		members: tx.Bucket(bucketMembers), meta: tx.Bucket(bucketMeta),
		payments: tx.Bucket(bucketPayments), duesMember: tx.Bucket(bucketDuesMember),
		duesTotals: tx.Bucket(bucketDuesTotals), batches: tx.Bucket(bucketDuesBatches),
		idxReceipt: tx.Bucket(idxReceipt), idxPayRev: tx.Bucket(idxPaymentReversal),
		ledger: tx.Bucket(bucketLedger), idxDate: tx.Bucket(idxLedgerDate),
		idxVoucher: tx.Bucket(idxVoucher), idxLedRev: tx.Bucket(idxLedgerReversal),
		ledgerTotals: tx.Bucket(bucketLedgerTotals),
		batchAccs:    map[uint64]*batchAcc{}, memberAccs: map[uint64]*memberAcc{},
		duesSums: map[[12]byte]totalAcc{}, ledgerSums: map[string]totalAcc{},
		payRevOf: map[uint64]uint64{}, ledRevOf: map[uint64]uint64{},
		payReversed: map[uint64]uint64{}, ledReversed: map[uint64]uint64{},
	}
	if name := tx.Bucket(bucketMeta).Get(keyLoading); name != nil {
		r.Problem("check.load_interrupted", string(name))
	}
	for _, name := range [][]byte{bucketPayments, bucketLedger, bucketDuesBatches} {
		checkSequence(tx, r, name)
	}
	if err := c.loadBatches(); err != nil {
		return err
	}
	if err := c.scanPayments(); err != nil {
		return err
	}
	c.checkBatches()
	if err := c.checkMemberDues(); err != nil {
		return err
	}
	c.checkDuesTotals()
	c.checkPartials() // check_dues2.go
	c.checkReceiptIndex()
	c.checkReversalIndex(c.idxPayRev, idxPaymentReversal, model.EntityPayment, c.payRevOf)
	if err := c.scanLedger(); err != nil {
		return err
	}
	c.checkLedgerTotals()
	c.checkVoucherIndex()
	c.checkDateIndex()
	c.checkReversalIndex(c.idxLedRev, idxLedgerReversal, model.EntityLedger, c.ledRevOf)
	return nil
}

func (c *duesCheck) loadBatches() error {
	return c.batches.ForEach(func(k, v []byte) error {
		var rec DuesBatchRecord
		if err := decode(v, &rec); err != nil {
			c.r.Problem("check.undecodable", model.EntityBatch, k, err)
			return nil
		}
		if rec.ID != btoi(k) {
			c.r.Problem("check.key_mismatch", model.EntityBatch, k, rec.ID)
		}
		c.batchAccs[btoi(k)] = &batchAcc{rec: rec}
		if rec.ReceiptNo != "" {
			c.receipts.use(rec.ReceiptNo)
			c.expectReceipt(rec.ReceiptNo, receiptRef('b', btoi(k)), model.EntityBatch, btoi(k))
		}
		return nil
	})
}

// expectReceipt checks that the receipt index sends no to ref.
func (c *duesCheck) expectReceipt(no string, ref []byte, ent model.Entity, id uint64) {
	v := c.idxReceipt.Get([]byte(no))
	if bytes.Equal(v, ref) {
		c.receipts.matched++
		return
	}
	c.receipts.failed = true
	if v == nil {
		c.r.Problem("check.index_missing", ent, id, string(idxReceipt), no)
		return
	}
	otherEnt, other := receiptTarget(v)
	if c.receiptHolder(v) == no {
		c.r.Problem("check.duplicate_number", ent, no, other, id)
	} else {
		c.r.Problem("check.index_wrong", string(idxReceipt), no, otherEnt, other, id)
	}
}

// receiptTarget reads a receipt index value.
func receiptTarget(v []byte) (model.Entity, uint64) {
	if len(v) == 9 && v[0] == 'b' {
		return model.EntityBatch, btoi(v[1:])
	}
	if len(v) == 9 {
		return model.EntityPayment, btoi(v[1:])
	}
	return model.EntityPayment, 0
}

// receiptHolder is the receipt number the record an index value points to
// carries ("" when there is no such record).
func (c *duesCheck) receiptHolder(v []byte) string {
	ent, id := receiptTarget(v)
	if ent == model.EntityBatch {
		if b := c.batchAccs[id]; b != nil {
			return b.rec.ReceiptNo
		}
		return ""
	}
	if len(v) != 9 || v[0] != 'p' {
		return ""
	}
	var p model.DuesPayment
	if raw := c.payments.Get(itob(id)); raw == nil || decode(raw, &p) != nil {
		return ""
	}
	return p.ReceiptNo
}

func (c *duesCheck) member(id uint64) *memberAcc {
	a := c.memberAccs[id]
	if a == nil {
		a = &memberAcc{}
		c.memberAccs[id] = a
	}
	return a
}

func (c *duesCheck) scanPayments() error {
	n := 0
	decodeAll(c.payments, func(k []byte, p *model.DuesPayment, err error) {
		n++
		if err != nil {
			c.r.Problem("check.undecodable", model.EntityPayment, k, err)
			return
		}
		if id := btoi(k); p.ID != id {
			c.r.Problem("check.key_mismatch", model.EntityPayment, k, p.ID)
			p.ID = id
		}
		c.payment(p)
	})
	c.r.Count("payments", n)
	return nil
}

// decodeAll decodes the records of a bucket on every core while fn sees
// them one at a time, in key order, as a plain cursor loop would: decoding
// is most of the check's time. The values stay valid for the read
// transaction; nothing is kept beyond a few chunks in flight.
func decodeAll[T any](b *bbolt.Bucket, fn func(k []byte, v *T, err error)) {
	const size = 2048
	type chunk struct {
		keys, vals [][]byte
		recs       []T
		errs       []error
		done       chan struct{}
	}
	workers := max(1, runtime.GOMAXPROCS(0))
	jobs := make(chan *chunk)
	order := make(chan *chunk, 2*workers)
	quit := make(chan struct{})
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for ch := range jobs {
				ch.recs, ch.errs = make([]T, len(ch.vals)), make([]error, len(ch.vals))
				for i, v := range ch.vals {
					ch.errs[i] = decode(v, &ch.recs[i])
				}
				close(ch.done)
			}
		})
	}
	wg.Go(func() {
		defer close(order)
		defer close(jobs)
		send := func(ch *chunk) bool {
			select {
			case order <- ch:
			case <-quit:
				return false
			}
			select {
			case jobs <- ch:
				return true
			case <-quit:
				close(ch.done)
				return false
			}
		}
		ch := &chunk{done: make(chan struct{})}
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			ch.keys, ch.vals = append(ch.keys, k), append(ch.vals, v)
			if len(ch.keys) == size {
				if !send(ch) {
					return
				}
				ch = &chunk{done: make(chan struct{})}
			}
		}
		if len(ch.keys) > 0 {
			send(ch)
		}
	})
	// Should fn panic (a damaged record), stop and wait for the goroutines
	// before the transaction can end.
	defer func() {
		close(quit)
		for range order {
		}
		wg.Wait()
	}()
	for ch := range order {
		<-ch.done
		for i, k := range ch.keys {
			if ch.recs == nil {
				return
			}
			fn(k, &ch.recs[i], ch.errs[i])
		}
	}
}

func (c *duesCheck) payment(p *model.DuesPayment) {
	// The member's paid months and payment list, replayed as the writer
	// keeps them: a payment marks its months, a reversal clears them.
	m := c.member(p.MemberID)
	if m.n == 0 {
		m.firstID = p.ID
	}
	m.n++
	m.digest = mixID(m.digest, p.ID)
	months := p.Months()
	if p.From > 0 && months > 0 && months <= maxCheckMonths {
		c.paymentShares(p)
		mp := &mapPaid{d: &m.paid, prts: m.parts}
		applyPayment(p, mp, func(mo model.Month, amount model.Money, count int64) {
			var k [12]byte
			copy(k[:], duesTotalKey(mo, p.UnitID))
			t := c.duesSums[k]
			c.duesSums[k] = totalAcc{t.amount + amount, t.count + count}
		})
		m.parts = mp.prts
	}

	// The cash-book entry: the batch's for a payment of a batch, its own
	// otherwise (reversals included).
	var batch *batchAcc
	if p.BatchID != 0 {
		batch = c.batchAccs[p.BatchID]
		if batch == nil {
			c.r.Problem("check.dangling", model.EntityPayment, p.ID, model.EntityBatch, p.BatchID)
		} else {
			if batch.n == 0 || p.ID < batch.minID {
				batch.minID = p.ID
			}
			batch.maxID = max(batch.maxID, p.ID)
			batch.n++
			batch.sum += p.Amount
			if p.LedgerID != batch.rec.LedgerID {
				c.r.Problem("check.ledger_backlink", model.EntityPayment, p.ID, p.LedgerID)
			}
		}
	} else {
		c.paymentEntry(p)
	}

	// The receipt: the batch's one receipt, or its own.
	switch {
	case batch != nil && batch.rec.ReceiptNo != "" && p.ReceiptNo == batch.rec.ReceiptNo:
	case p.ReceiptNo == "":
		c.receipts.failed = true
		c.r.Problem("check.no_number", model.EntityPayment, p.ID)
	default:
		c.receipts.use(p.ReceiptNo)
		c.expectReceipt(p.ReceiptNo, receiptRef('p', p.ID), model.EntityPayment, p.ID)
	}

	if p.ReversalOf != 0 {
		c.paymentReversal(p)
	}
}

// paymentEntry checks the cash-book entry of a payment outside a batch.
func (c *duesCheck) paymentEntry(p *model.DuesPayment) {
	raw := c.ledger.Get(itob(p.LedgerID))
	if p.LedgerID == 0 || raw == nil {
		c.r.Problem("check.no_ledger_entry", model.EntityPayment, p.ID)
		return
	}
	var e model.LedgerEntry
	if err := decode(raw, &e); err != nil {
		return // the ledger pass reports it
	}
	if e.Source.Kind != SourceDues || e.Source.ID != p.ID {
		c.r.Problem("check.ledger_backlink", model.EntityPayment, p.ID, p.LedgerID)
	} else if e.Amount != p.Amount {
		c.r.Problem("check.amount_mismatch", model.EntityPayment, p.ID, p.Amount, p.LedgerID, e.Amount)
	}
}

func (c *duesCheck) paymentReversal(p *model.DuesPayment) {
	t := p.ReversalOf
	c.payRevOf[p.ID] = t
	if first, twice := c.payReversed[t]; twice {
		c.r.Problem("check.reversal_twice", model.EntityPayment, t, first, p.ID)
	} else {
		c.payReversed[t] = p.ID
	}
	var orig model.DuesPayment
	raw := c.payments.Get(itob(t))
	if raw == nil || decode(raw, &orig) != nil || orig.ReversalOf != 0 {
		c.r.Problem("check.reversal_target", model.EntityPayment, p.ID, t)
	} else if orig.Amount != -p.Amount || orig.MemberID != p.MemberID || orig.From != p.From || orig.To != p.To {
		c.r.Problem("check.reversal_mirror", model.EntityPayment, p.ID, p.Amount, t, orig.Amount)
	}
	if v := c.idxPayRev.Get(itob(t)); v == nil {
		c.r.Problem("check.index_missing", model.EntityPayment, p.ID, string(idxPaymentReversal), strconv.FormatUint(t, 10))
	} else if btoi(v) != p.ID {
		c.r.Problem("check.index_wrong", string(idxPaymentReversal), strconv.FormatUint(t, 10), model.EntityPayment, btoi(v), p.ID)
	}
}

// checkReversalIndex reads a reversal index (reversed ID → reversal ID)
// against the reversals found: each entry must name a reversal of its key.
func (c *duesCheck) checkReversalIndex(b *bbolt.Bucket, name []byte, ent model.Entity, revOf map[uint64]uint64) {
	_ = b.ForEach(func(k, v []byte) error {
		if t, ok := revOf[btoi(v)]; !ok || t != btoi(k) || len(k) != 8 {
			c.r.Problem("check.index_stale", string(name), printableKey(k), ent, btoi(v))
		}
		return nil
	})
}

func (c *duesCheck) checkBatches() {
	for id, b := range c.batchAccs {
		rec := &b.rec
		if b.sum != rec.Total || b.n != rec.Count || (b.n > 0 && (b.minID != rec.FirstPaymentID || b.maxID != rec.FirstPaymentID+uint64(rec.Count)-1)) {
			c.r.Problem("check.batch_total", id, rec.Total, rec.Count, b.sum, b.n)
		}
		raw := c.ledger.Get(itob(rec.LedgerID))
		if rec.LedgerID == 0 || raw == nil {
			c.r.Problem("check.no_ledger_entry", model.EntityBatch, id)
			continue
		}
		var e model.LedgerEntry
		if decode(raw, &e) != nil {
			continue
		}
		if e.Source.Kind != SourceDuesBatch || e.Source.ID != id {
			c.r.Problem("check.ledger_backlink", model.EntityBatch, id, rec.LedgerID)
		} else if e.Amount != rec.Total {
			c.r.Problem("check.amount_mismatch", model.EntityBatch, id, rec.Total, rec.LedgerID, e.Amount)
		}
	}
}

// checkMemberDues compares each member's stored paid months and payment
// list with the payments.
func (c *duesCheck) checkMemberDues() error {
	seen := 0
	err := c.duesMember.ForEach(func(k, v []byte) error {
		id := btoi(k)
		a := c.memberAccs[id]
		if a == nil {
			a = &memberAcc{}
		} else {
			seen++
		}
		d := decodeMemberDues(v)
		digest := uint64(0)
		for _, pid := range d.ids {
			digest = mixID(digest, pid)
		}
		if len(d.ids) != a.n || digest != a.digest {
			c.r.Problem("check.member_payments", id, len(d.ids), a.n)
		}
		if diff := monthsDiffer(d, a.paid); len(diff) > 0 {
			c.r.Problem("check.paid_months", id, monthList(diff))
		}
		if a.n > 0 {
			c.checkPaymentMember(id, a)
		} else if len(d.ids) > 0 && c.members.Get(k) == nil {
			c.r.Problem("check.dangling", model.EntityPayment, d.ids[0], model.EntityMember, id)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if seen < len(c.memberAccs) {
		for id, a := range c.memberAccs {
			if c.duesMember.Get(itob(id)) == nil {
				c.r.Problem("check.member_payments", id, 0, a.n)
				if months := setMonths(a.paid); len(months) > 0 {
					c.r.Problem("check.paid_months", id, monthList(months))
				}
				c.checkPaymentMember(id, a)
			}
		}
	}
	return nil
}

// checkPaymentMember: the member of a member's payments exists.
func (c *duesCheck) checkPaymentMember(id uint64, a *memberAcc) {
	if c.members.Get(itob(id)) == nil {
		c.r.Problem("check.dangling", model.EntityPayment, a.firstID, model.EntityMember, id)
	}
}

// setMonths lists the months set in d.
func setMonths(d memberDues) []model.Month {
	return monthsDiffer(d, memberDues{})
}

// monthsDiffer lists the months set in one of a and b but not the other.
func monthsDiffer(a, b memberDues) []model.Month {
	var out []model.Month
	lo, hi := math.MaxInt, math.MinInt
	for _, d := range []memberDues{a, b} {
		if len(d.bits) > 0 {
			lo, hi = min(lo, d.first), max(hi, d.first+8*len(d.bits))
		}
	}
	for i := lo; i < hi; i++ {
		if bitsHas(a.first, a.bits, i) != bitsHas(b.first, b.bits, i) {
			out = append(out, indexMonth(i))
		}
	}
	return out
}

// monthList shows months compactly: 2025-01…2025-03, 2025-07.
func monthList(ms []model.Month) string {
	var parts []string
	for i := 0; i < len(ms); {
		j := i
		for j+1 < len(ms) && ms[j+1] == ms[j].Add(1) {
			j++
		}
		if j > i {
			parts = append(parts, ms[i].String()+"~"+ms[j].String())
		} else {
			parts = append(parts, ms[i].String())
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

func (c *duesCheck) checkDuesTotals() {
	seen := map[[12]byte]bool{}
	_ = c.duesTotals.ForEach(func(k, v []byte) error {
		var key [12]byte
		if len(k) != 12 {
			c.r.Problem("check.index_stale", string(bucketDuesTotals), printableKey(k), model.EntityUnit, 0)
			return nil
		}
		copy(key[:], k)
		seen[key] = true
		amt, cnt := pair(v)
		want := c.duesSums[key]
		if amt != want.amount || cnt != want.count {
			c.r.Problem("check.dues_totals", btoi(k[4:]), model.Month(binary.BigEndian.Uint32(k)).String(), amt, cnt, want.amount, want.count)
		}
		return nil
	})
	for key, want := range c.duesSums {
		if !seen[key] && (want.amount != 0 || want.count != 0) {
			c.r.Problem("check.dues_totals", btoi(key[4:]), model.Month(binary.BigEndian.Uint32(key[:4])).String(), model.Money(0), 0, want.amount, want.count)
		}
	}
}

// checkReceiptIndex: every record found its receipt entry (forward, in the
// scans); when as many entries exist as records matched, none is stale.
// Otherwise each entry is read against its record.
func (c *duesCheck) checkReceiptIndex() {
	entries := c.idxReceipt.Stats().KeyN
	if !c.receipts.failed && entries == c.receipts.matched {
		c.checkCounters(c.receipts, keyReceiptSeqPrefix)
		return
	}
	_ = c.idxReceipt.ForEach(func(k, v []byte) error {
		if c.receiptHolder(v) != string(k) {
			ent, id := receiptTarget(v)
			c.r.Problem("check.index_stale", string(idxReceipt), string(k), ent, id)
		}
		return nil
	})
	c.checkCounters(c.receipts, keyReceiptSeqPrefix)
}

// checkCounters: a year's counter below its highest number would hand that
// number out again.
func (c *duesCheck) checkCounters(x numberIndex, prefix string) {
	for year, high := range x.highest {
		k := seqKey(prefix, year)
		if have := btoi(c.meta.Get(k)); have < high {
			// in the user's words: which numbers, which year
			what := i18n.E("field.receipt_no")
			if prefix == keyVoucherSeqPrefix {
				what = i18n.E("field.voucher_no")
			}
			c.r.Problem("check.number_counter", what, year, have, high)
		}
	}
}

func (c *duesCheck) scanLedger() error {
	n := 0
	decodeAll(c.ledger, func(k []byte, e *model.LedgerEntry, err error) {
		n++
		if err != nil {
			c.r.Problem("check.undecodable", model.EntityLedger, k, err)
			return
		}
		if id := btoi(k); e.ID != id {
			c.r.Problem("check.key_mismatch", model.EntityLedger, k, e.ID)
			e.ID = id
		}
		c.entry(e)
	})
	c.r.Count("ledger", n)
	return nil
}

func (c *duesCheck) entry(e *model.LedgerEntry) {
	c.balance += e.Signed()
	tk := string(ledgerTotalKey(e.Date.Month(), e.Direction, e.Account))
	sum := c.ledgerSums[tk]
	c.ledgerSums[tk] = totalAcc{sum.amount + e.Amount, sum.count + 1}

	// The voucher number and the date index.
	if e.VoucherNo == "" {
		c.vouchers.failed = true
		c.r.Problem("check.no_number", model.EntityLedger, e.ID)
	} else {
		c.vouchers.use(e.VoucherNo)
		switch v := c.idxVoucher.Get([]byte(e.VoucherNo)); {
		case v == nil:
			c.vouchers.failed = true
			c.r.Problem("check.index_missing", model.EntityLedger, e.ID, string(idxVoucher), e.VoucherNo)
		case btoi(v) != e.ID:
			c.vouchers.failed = true
			if other, err := getLedgerEntry(c.ledger, btoi(v)); err == nil && other.VoucherNo == e.VoucherNo {
				c.r.Problem("check.duplicate_number", model.EntityLedger, e.VoucherNo, btoi(v), e.ID)
			} else {
				c.r.Problem("check.index_wrong", string(idxVoucher), e.VoucherNo, model.EntityLedger, btoi(v), e.ID)
			}
		default:
			c.vouchers.matched++
		}
	}
	if c.idxDate.Get(ledgerDateKey(e.Date, e.ID)) == nil {
		c.dateFailed = true
		c.r.Problem("check.index_missing", model.EntityLedger, e.ID, string(idxLedgerDate), dateIndexKey(ledgerDateKey(e.Date, e.ID)))
	} else {
		c.dateMatched++
	}

	// The record that posted it points back.
	switch e.Source.Kind {
	case SourceDues:
		var p model.DuesPayment
		raw := c.payments.Get(itob(e.Source.ID))
		if raw == nil {
			c.r.Problem("check.dangling", model.EntityLedger, e.ID, model.EntityPayment, e.Source.ID)
		} else if decode(raw, &p) == nil && p.LedgerID != e.ID {
			c.r.Problem("check.ledger_backlink", model.EntityPayment, e.Source.ID, e.ID)
		}
	case SourceDuesBatch:
		b := c.batchAccs[e.Source.ID]
		if b == nil {
			c.r.Problem("check.dangling", model.EntityLedger, e.ID, model.EntityBatch, e.Source.ID)
		} else if b.rec.LedgerID != e.ID {
			c.r.Problem("check.ledger_backlink", model.EntityBatch, e.Source.ID, e.ID)
		}
	}

	if e.ReversalOf == 0 {
		return
	}
	t := e.ReversalOf
	c.ledRevOf[e.ID] = t
	if first, twice := c.ledReversed[t]; twice {
		c.r.Problem("check.reversal_twice", model.EntityLedger, t, first, e.ID)
	} else {
		c.ledReversed[t] = e.ID
	}
	orig, err := getLedgerEntry(c.ledger, t)
	if err != nil || orig.ReversalOf != 0 {
		c.r.Problem("check.reversal_target", model.EntityLedger, e.ID, t)
	} else if orig.Amount != -e.Amount || orig.Account != e.Account || orig.Direction != e.Direction {
		c.r.Problem("check.reversal_mirror", model.EntityLedger, e.ID, e.Amount, t, orig.Amount)
	}
	if v := c.idxLedRev.Get(itob(t)); v == nil {
		c.r.Problem("check.index_missing", model.EntityLedger, e.ID, string(idxLedgerReversal), strconv.FormatUint(t, 10))
	} else if btoi(v) != e.ID {
		c.r.Problem("check.index_wrong", string(idxLedgerReversal), strconv.FormatUint(t, 10), model.EntityLedger, btoi(v), e.ID)
	}
}

// dateIndexKey shows an idx_ledger_date key: 20260315/123.
func dateIndexKey(k []byte) string {
	if len(k) != 12 {
		return printableKey(k)
	}
	return fmt.Sprintf("%d/%d", binary.BigEndian.Uint32(k), btoi(k[4:]))
}

func (c *duesCheck) checkLedgerTotals() {
	var stored model.Money
	seen := map[string]bool{}
	_ = c.ledgerTotals.ForEach(func(k, v []byte) error {
		amt, cnt := pair(v)
		if len(k) < 5 {
			c.r.Problem("check.index_stale", string(bucketLedgerTotals), printableKey(k), model.EntityLedger, 0)
			return nil
		}
		if model.Direction(k[4]) == model.Out {
			stored -= amt
		} else {
			stored += amt
		}
		seen[string(k)] = true
		want := c.ledgerSums[string(k)]
		if amt != want.amount || cnt != want.count {
			c.r.Problem("check.ledger_totals", string(k[5:]), model.Month(binary.BigEndian.Uint32(k)).String(), amt, cnt, want.amount, want.count)
		}
		return nil
	})
	for k, want := range c.ledgerSums {
		if !seen[k] {
			c.r.Problem("check.ledger_totals", k[5:], model.Month(binary.BigEndian.Uint32([]byte(k))).String(), model.Money(0), 0, want.amount, want.count)
		}
	}
	if stored != c.balance {
		c.r.Problem("check.balance", stored, c.balance)
	}
}

func (c *duesCheck) checkVoucherIndex() {
	if c.vouchers.failed || c.idxVoucher.Stats().KeyN != c.vouchers.matched {
		_ = c.idxVoucher.ForEach(func(k, v []byte) error {
			if e, err := getLedgerEntry(c.ledger, btoi(v)); err != nil || e.VoucherNo != string(k) {
				c.r.Problem("check.index_stale", string(idxVoucher), string(k), model.EntityLedger, btoi(v))
			}
			return nil
		})
	}
	c.checkCounters(c.vouchers, keyVoucherSeqPrefix)
}

func (c *duesCheck) checkDateIndex() {
	if !c.dateFailed && c.idxDate.Stats().KeyN == c.dateMatched {
		return
	}
	_ = c.idxDate.ForEach(func(k, _ []byte) error {
		if len(k) != 12 {
			c.r.Problem("check.index_stale", string(idxLedgerDate), printableKey(k), model.EntityLedger, 0)
			return nil
		}
		if e, err := getLedgerEntry(c.ledger, btoi(k[4:])); err != nil || uint32(e.Date) != binary.BigEndian.Uint32(k) {
			c.r.Problem("check.index_stale", string(idxLedgerDate), dateIndexKey(k), model.EntityLedger, btoi(k[4:]))
		}
		return nil
	})
}
