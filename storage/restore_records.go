package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// Reading every record and writing decoded records back with their own IDs:
// the district package's data files (export) and `unionbook import package`
// (a new laptop, or the district looking into one union).
//
// Records reads inside one read transaction, so a package is a consistent
// snapshot. Restorer writes into an empty database in one write transaction
// the records exactly as they were (IDs, member numbers, receipt and voucher
// numbers, history, audit entries), then rebuilds every index, aggregate
// and counter from them, so that Check passes on the result.
//
// The records of the first schemas (units, members, batches, payments, the
// cash book, events, the audit log) have their own methods below; the
// kinds added since (hardship files and aid, the books) are the list
// recordKinds: each a RecordKind with its bucket, how to decode one record
// and how to rebuild its indexes, defined beside its feature's code.

// Records is a read-only view of every stored record.
type Records struct{ tx *bbolt.Tx }

// ReadRecords runs fn with a view of the database as of one moment.
func (s *Store) ReadRecords(fn func(*Records) error) error {
	return s.db.View(func(tx *bbolt.Tx) error { return fn(&Records{tx: tx}) })
}

// Profile is the stored profile; ok is false when none was saved.
func (r *Records) Profile() (model.Profile, bool, error) { return getProfile(r.tx) }

// Count is the number of records in a bucket (0 for a missing bucket).
func (r *Records) Count(bucket string) int {
	b := r.tx.Bucket([]byte(bucket))
	if b == nil {
		return 0
	}
	return b.Stats().KeyN
}

// forEach decodes every record of a bucket in key order into a fresh value
// of type T and calls fn with it.
func forEach[T any](tx *bbolt.Tx, bucket []byte, fn func(*T) error) error {
	b := tx.Bucket(bucket)
	if b == nil {
		return nil
	}
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		var x T
		if err := decode(v, &x); err != nil {
			return fmt.Errorf("%s %d: %w", bucket, btoi(k), err)
		}
		if err := fn(&x); err != nil {
			return err
		}
	}
	return nil
}

// Units calls fn with every unit in ID order.
func (r *Records) Units(fn func(*model.Unit) error) error { return forEach(r.tx, bucketUnits, fn) }

// Members calls fn with every member in ID order.
func (r *Records) Members(fn func(*model.Member) error) error {
	return forEach(r.tx, bucketMembers, fn)
}

// Payments calls fn with every dues payment and reversal in ID order.
func (r *Records) Payments(fn func(*model.DuesPayment) error) error {
	return forEach(r.tx, bucketPayments, fn)
}

// Batches calls fn with every unit batch in ID order.
func (r *Records) Batches(fn func(*DuesBatchRecord) error) error {
	return forEach(r.tx, bucketDuesBatches, fn)
}

// Ledger calls fn with every cash-book entry in ID order.
func (r *Records) Ledger(fn func(*model.LedgerEntry) error) error {
	return forEach(r.tx, bucketLedger, fn)
}

// Audit calls fn with every audit entry, oldest first.
func (r *Records) Audit(fn func(*model.AuditEntry) error) error {
	return forEach(r.tx, bucketAudit, fn)
}

// Events calls fn with every event in ID order.
func (r *Records) Events(fn func(*model.Event) error) error {
	return forEach(r.tx, bucketEvents, fn)
}

// ForEachRecord decodes every record of a registered kind (see
// RegisterRecordKind) into a value from its New and calls fn with it.
func (r *Records) ForEachRecord(kind string, fn func(any) error) error {
	k, ok := recordKinds[kind]
	if !ok {
		return i18n.E("err.internal", "unknown record kind "+kind)
	}
	b := r.tx.Bucket([]byte(k.Bucket))
	if b == nil {
		return nil
	}
	c := b.Cursor()
	for key, v := c.First(); key != nil; key, v = c.Next() {
		x := k.New()
		if err := decode(v, x); err != nil {
			return fmt.Errorf("%s %d: %w", k.Bucket, btoi(key), err)
		}
		if err := fn(x); err != nil {
			return err
		}
	}
	return nil
}

// Counters are the numbers that are not records but must survive a
// package round trip: every bucket's ID sequence, the meta counters
// (automatic member number, receipt and voucher numbers of each year, and
// any a later feature adds), and the member numbers retired from use.
type Counters struct {
	Sequences  map[string]uint64 // bucket name → NextSequence's last value
	Meta       map[string]uint64 // meta key → counter
	RetiredNos []string          // member numbers never to be given again
}

// Counters reads the database's counters.
func (r *Records) Counters() (Counters, error) {
	c := Counters{Sequences: map[string]uint64{}, Meta: map[string]uint64{}}
	err := r.tx.ForEach(func(name []byte, b *bbolt.Bucket) error {
		if seq := b.Sequence(); seq != 0 {
			c.Sequences[string(name)] = seq
		}
		return nil
	})
	if err != nil {
		return c, err
	}
	if meta := r.tx.Bucket(bucketMeta); meta != nil {
		err = meta.ForEach(func(k, v []byte) error {
			if isMetaCounter(k) && len(v) == 8 {
				c.Meta[string(k)] = btoi(v)
			}
			return nil
		})
		if err != nil {
			return c, err
		}
	}
	if b := r.tx.Bucket(idxMemberNoRetired); b != nil {
		err = b.ForEach(func(k, _ []byte) error {
			c.RetiredNos = append(c.RetiredNos, string(k))
			return nil
		})
	}
	return c, err
}

// isMetaCounter tells the meta bucket's counters from its other keys (the
// schema version, the profile).
func isMetaCounter(k []byte) bool {
	return !bytes.Equal(k, keySchemaVersion) && !bytes.Equal(k, keyProfile) && !bytes.Equal(k, keyFromPackage)
}

// MarkFromPackage records, in the restoring transaction, that the records
// come from the district package named by from (union and period).
func (r *Restorer) MarkFromPackage(from string) error {
	return r.w.meta.Put(keyFromPackage, []byte(from))
}

// FromPackage is the union and period of the district package the
// database was loaded from, or "" for a township's own books. Such a
// database holds no cases or risk checks: packages carry their figures
// only.
func (s *Store) FromPackage() (string, error) {
	from := ""
	err := s.db.View(func(tx *bbolt.Tx) error {
		from = string(tx.Bucket(bucketMeta).Get(keyFromPackage))
		return nil
	})
	return from, err
}

// RecordKind is a feature's kind of record for the package round trip.
type RecordKind struct {
	Bucket string
	New    func() any // a pointer to a fresh record
	// ID is the record's own ID (its key).
	ID func(any) uint64
	// Index writes the record's index entries in the restoring transaction
	// (nil when it has none).
	Index func(r *Restorer, rec any) error
	// KeyedByOwner: the bucket's keys are the IDs of the records it adds
	// to (a unit's dues settings by unit ID), not IDs of its own, so its
	// sequence is not raised to its last key.
	KeyedByOwner bool
}

// recordKinds are the kinds of ForEachRecord, MapRecordKind and
// Restorer.PutRecord, by name (the name is the bucket's). A feature whose
// records a package carries adds its RecordKind here.
var recordKinds = map[string]RecordKind{
	"hardship_files":    hardshipFilesKind, // below
	"aid":               aidKind,
	"charts":            chartsKind, // books_restore.go
	"openings":          openingsKind,
	"transfers":         transfersKind,
	"closings":          closingsKind,
	"budgets":           budgetsKind,
	"bank_statements":   bankStatementsKind,
	"consolations":      consolationsKind,
	"funds":             fundsKind,
	"funds_payments":    fundsPaymentsKind,
	"dues_units":        duesUnitsKind, // dues_schema2.go
	"dues_member_rules": duesMemberRulesKind,
	"dues_reports":      duesReportsKind,
	"dues_reminders":    duesRemindersKind,
	"employers":         employersKind, // org.go
	"honours":           honoursKind,
}

// Restorer writes decoded records with their own IDs into an empty
// database. Records of one kind should come in ID order (they are put in
// key order then, which is fast); derived data (indexes, paid months,
// monthly totals, counters) is rebuilt when the restore ends.
type Restorer struct {
	w *writer

	batches  map[uint64]DuesBatchRecord // shared receipts of batches
	dues     map[uint64]*memberDues
	parts    map[uint64]map[model.Month]model.PartPaid // months paid in part
	duesTot  map[string][2]int64
	ledgTot  map[string][2]int64
	counters *Counters
	lastKey  map[string]uint64
}

// RestoreRecords runs fn in one write transaction on an empty database
// (no profile, unit, member, payment, cash-book entry, audit entry or
// record of a registered kind); when fn returns, every index, aggregate
// and counter is rebuilt from the records written. All or nothing. No
// audit entry is added: the log is restored as it was.
func (s *Store) RestoreRecords(fn func(*Restorer) error) error {
	return s.restoreRecords(fn, nil)
}

// restoreRecords is RestoreRecords with after, when not nil, run in the
// same transaction once the indexes are rebuilt (RestoreRecordsChecked).
func (s *Store) restoreRecords(fn func(*Restorer) error, after func(tx *bbolt.Tx) error) error {
	return writeError(s.path, s.db.Update(func(tx *bbolt.Tx) error {
		if !restoreTargetEmpty(tx) {
			return i18n.E("pkg.restore_not_empty", s.path)
		}
		w := newWriter(s, tx, "")
		w.hold()
		r := &Restorer{w: w, batches: map[uint64]DuesBatchRecord{}, dues: map[uint64]*memberDues{}, parts: map[uint64]map[model.Month]model.PartPaid{},
			duesTot: map[string][2]int64{}, ledgTot: map[string][2]int64{}, lastKey: map[string]uint64{}}
		if err := fn(r); err != nil {
			return err
		}
		if err := r.finish(); err != nil || after == nil {
			return err
		}
		return after(tx)
	}))
}

// restoreTargetEmpty reports whether the database holds no record at all.
func restoreTargetEmpty(tx *bbolt.Tx) bool {
	if m := tx.Bucket(bucketMeta); m != nil && m.Get(keyProfile) != nil {
		return false
	}
	names := [][]byte{bucketUnits, bucketMembers, bucketAudit, bucketPayments, bucketLedger, bucketDuesBatches, bucketEvents}
	for _, k := range recordKinds {
		names = append(names, []byte(k.Bucket))
	}
	for _, name := range names {
		if b := tx.Bucket(name); b != nil {
			if k, _ := b.Cursor().First(); k != nil {
				return false
			}
		}
	}
	return true
}

// putRecord writes one record under its ID, refusing ID 0 and a repeat.
func (r *Restorer) putRecord(bucket []byte, id uint64, v any) error {
	if id == 0 {
		return i18n.E("pkg.restore_bad_id", string(bucket))
	}
	b := r.w.tx.Bucket(bucket)
	if b == nil {
		return i18n.E("err.internal", "missing bucket "+string(bucket))
	}
	if last := r.lastKey[string(bucket)]; id <= last {
		if b.Get(itob(id)) != nil {
			return i18n.E("pkg.restore_duplicate_id", string(bucket), id)
		}
	} else {
		r.lastKey[string(bucket)] = id
	}
	return r.w.put(b, itob(id), v)
}

// PutProfile writes the profile.
func (r *Restorer) PutProfile(p model.Profile) error {
	if err := checkRules(&p); err != nil {
		return err
	}
	r.w.profileCache = nil
	return r.w.put(r.w.meta, keyProfile, &p)
}

// PutUnit writes a unit with its ID and index entries.
func (r *Restorer) PutUnit(u *model.Unit) error {
	if err := checkRules(u); err != nil {
		return err
	}
	if err := r.putRecord(bucketUnits, u.ID, u); err != nil {
		return err
	}
	r.w.knownUnits[u.ID] = true
	return r.w.indexUnit(nil, u)
}

// PutMember writes a member with its ID, number, history and wage bases,
// and its index entries.
func (r *Restorer) PutMember(m *model.Member) error {
	if err := checkRules(m); err != nil {
		return err
	}
	if err := r.putRecord(bucketMembers, m.ID, m); err != nil {
		return err
	}
	return r.w.indexMember(nil, m)
}

// PutBatch writes a unit batch's record (before its payments).
func (r *Restorer) PutBatch(b *DuesBatchRecord) error {
	if err := r.putRecord(bucketDuesBatches, b.ID, b); err != nil {
		return err
	}
	r.batches[b.ID] = *b
	if b.ReceiptNo != "" {
		return r.w.set(r.w.idxReceipt, []byte(b.ReceiptNo), receiptRef('b', b.ID))
	}
	return nil
}

// PutPayment writes a dues payment or reversal; payments must come in ID
// order (a reversal after the payment it reverses), as they were made.
func (r *Restorer) PutPayment(p *model.DuesPayment) error {
	if p.From == 0 || p.From > p.To || p.To.Year()-p.From.Year() > 100 {
		return i18n.E("pkg.restore_bad_months", p.ID)
	}
	if err := checkRules(p); err != nil {
		return err
	}
	if err := r.putRecord(bucketPayments, p.ID, p); err != nil {
		return err
	}
	shared := false
	if p.BatchID != 0 {
		if b, ok := r.batches[p.BatchID]; ok && b.ReceiptNo != "" && b.ReceiptNo == p.ReceiptNo {
			shared = true
		}
	}
	if !shared && p.ReceiptNo != "" {
		if err := r.w.set(r.w.idxReceipt, []byte(p.ReceiptNo), receiptRef('p', p.ID)); err != nil {
			return err
		}
	}
	d := r.dues[p.MemberID]
	if d == nil {
		d = &memberDues{}
		r.dues[p.MemberID] = d
	}
	mp := &mapPaid{d: d, prts: r.parts[p.MemberID]}
	applyPayment(p, mp, func(mo model.Month, amount model.Money, count int64) {
		k := string(duesTotalKey(mo, p.UnitID))
		t := r.duesTot[k]
		r.duesTot[k] = [2]int64{t[0] + int64(amount), t[1] + count}
	})
	r.parts[p.MemberID] = mp.prts
	d.ids = append(d.ids, p.ID)
	if p.ReversalOf != 0 {
		return r.w.set(r.w.idxPayRev, itob(p.ReversalOf), itob(p.ID))
	}
	return nil
}

// PutLedger writes a cash-book entry with its voucher number.
func (r *Restorer) PutLedger(e *model.LedgerEntry) error {
	if err := checkRules(e); err != nil {
		return err
	}
	if err := r.putRecord(bucketLedger, e.ID, e); err != nil {
		return err
	}
	if err := r.w.set(r.w.idxLedgerDate, ledgerDateKey(e.Date, e.ID), empty); err != nil {
		return err
	}
	if e.VoucherNo != "" {
		if err := r.w.set(r.w.idxVoucher, []byte(e.VoucherNo), itob(e.ID)); err != nil {
			return err
		}
	}
	if e.ReversalOf != 0 {
		if err := r.w.set(r.w.idxLedgerRev, itob(e.ReversalOf), itob(e.ID)); err != nil {
			return err
		}
	}
	k := string(ledgerTotalKey(e.Date.Month(), e.Direction, e.Account))
	t := r.ledgTot[k]
	r.ledgTot[k] = [2]int64{t[0] + int64(e.Amount), t[1] + 1}
	return r.restoreMoney(e)
}

// PutAudit writes an audit entry as it was.
func (r *Restorer) PutAudit(e *model.AuditEntry) error {
	return r.putRecord(bucketAudit, e.ID, e)
}

// PutEvent writes an event with its index entries.
func (r *Restorer) PutEvent(e *model.Event) error {
	if err := checkRules(e); err != nil {
		return err
	}
	if err := r.putRecord(bucketEvents, e.ID, e); err != nil {
		return err
	}
	return r.w.indexEvent(nil, e)
}

// PutRecord writes a record of a registered kind with its index entries.
func (r *Restorer) PutRecord(kind string, rec any) error {
	k, ok := recordKinds[kind]
	if !ok {
		return i18n.E("err.internal", "unknown record kind "+kind)
	}
	if err := checkRules(rec); err != nil {
		return err
	}
	if err := r.putRecord([]byte(k.Bucket), k.ID(rec), rec); err != nil {
		return err
	}
	if k.Index != nil {
		return k.Index(r, rec)
	}
	return nil
}

// SetIndex writes one index entry in the restoring transaction (for a
// registered kind's Index).
func (r *Restorer) SetIndex(bucket string, key, value []byte) error {
	b := r.w.tx.Bucket([]byte(bucket))
	if b == nil {
		return i18n.E("err.internal", "missing bucket "+bucket)
	}
	if value == nil {
		value = empty
	}
	return r.w.set(b, key, value)
}

// SetCounters restores the counters (applied when the restore ends).
func (r *Restorer) SetCounters(c Counters) { r.counters = &c }

// finish writes the rebuilt aggregates and the counters.
func (r *Restorer) finish() error {
	w := r.w
	ids := make([]uint64, 0, len(r.dues))
	for id := range r.dues {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if err := w.set(w.duesMember, itob(id), r.dues[id].encode()); err != nil {
			return err
		}
	}
	if b := w.tx.Bucket(bucketDuesPartial); b != nil {
		for id, parts := range r.parts {
			w.markPartial(id)
			for mo, pp := range parts {
				if err := w.set(b, partialKey(id, mo), pairBytes(pp.Paid, int64(pp.Owed))); err != nil {
					return err
				}
			}
		}
	}
	for k, t := range r.duesTot {
		if err := w.set(w.duesTotals, []byte(k), pairBytes(model.Money(t[0]), t[1])); err != nil {
			return err
		}
	}
	for k, t := range r.ledgTot {
		if err := w.set(w.ledgerTotals, []byte(k), pairBytes(model.Money(t[0]), t[1])); err != nil {
			return err
		}
	}
	c := r.counters
	if c == nil {
		c = &Counters{}
	}
	for _, no := range c.RetiredNos {
		if no == "" {
			continue
		}
		if err := w.set(w.idxNoRetired, []byte(no), empty); err != nil {
			return err
		}
	}
	for k, v := range c.Meta {
		if k == "" || !isMetaCounter([]byte(k)) {
			continue
		}
		if err := w.meta.Put([]byte(k), itob(v)); err != nil {
			return err
		}
	}
	if err := w.flush(); err != nil {
		return err
	}
	// Every bucket's sequence: as it was, and never below its last key.
	return w.tx.ForEach(func(name []byte, b *bbolt.Bucket) error {
		seq := c.Sequences[string(name)]
		if k, _ := b.Cursor().Last(); len(k) == 8 && !bytes.Equal(name, bucketMeta) && isIDBucket(name) {
			seq = max(seq, binary.BigEndian.Uint64(k))
		}
		if seq != b.Sequence() {
			return b.SetSequence(seq)
		}
		return nil
	})
}

// isIDBucket reports whether a bucket's keys are record IDs.
func isIDBucket(name []byte) bool {
	for _, b := range [][]byte{bucketUnits, bucketMembers, bucketAudit, bucketPayments, bucketLedger, bucketDuesBatches, bucketEvents} {
		if bytes.Equal(b, name) {
			return true
		}
	}
	for _, k := range recordKinds {
		if k.Bucket == string(name) && !k.KeyedByOwner {
			return true
		}
	}
	return false
}

// DuesTotals calls fn with the collection aggregate of every month from..to
// and unit: the fen paid for the month and the member-months, as the
// collection figures count them (reversals netted).
func (r *Records) DuesTotals(from, to model.Month, fn func(mo model.Month, unit uint64, paid model.Money, count int64)) {
	c := r.tx.Bucket(bucketDuesTotals).Cursor()
	for k, v := c.Seek(monthKey(from)); k != nil && len(k) == 12 && binary.BigEndian.Uint32(k) <= uint32(to); k, v = c.Next() {
		amt, cnt := pair(v)
		fn(model.Month(binary.BigEndian.Uint32(k)), btoi(k[4:]), amt, cnt)
	}
}

// BalanceBefore is the cash balance before month mo.
func (r *Records) BalanceBefore(mo model.Month) model.Money {
	bal, _ := balanceBefore(r.tx, mo) // a damaged key: check lists it
	return bal
}

// MapRecords decodes every record of a bucket into a T and passes it to f,
// which appends its encoding (a data-file line) to a buffer; emit receives
// the buffers in key order. Decoding and f run on every core, a few
// thousand records at a time: the district package writes millions of dues
// payments this way. f must not keep the record.
func MapRecords[T any](r *Records, bucket string, f func(x *T, buf []byte) ([]byte, error), emit func([]byte) error) error {
	return mapRecords(r, bucket, nil, f, emit)
}

// mapRecords is MapRecords over the records whose ID keep accepts (all
// when keep is nil); the others are not decoded.
func mapRecords[T any](r *Records, bucket string, keep func(id uint64) bool, f func(x *T, buf []byte) ([]byte, error), emit func([]byte) error) error {
	b := r.tx.Bucket([]byte(bucket))
	if b == nil {
		return nil
	}
	const chunk = 2048
	workers := max(1, runtime.GOMAXPROCS(0))
	type job struct {
		vals [][]byte
		keys [][]byte
		out  chan result
	}
	jobs := make(chan job, workers)
	pending := make(chan chan result, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var x T
			for j := range jobs {
				var buf []byte
				var err error
				for i, v := range j.vals {
					var zero T
					x = zero
					if err = decode(v, &x); err != nil {
						err = fmt.Errorf("%s %d: %w", bucket, btoi(j.keys[i]), err)
						break
					}
					if buf, err = f(&x, buf); err != nil {
						break
					}
				}
				j.out <- result{buf, err}
			}
		})
	}
	// Results are emitted in order by this goroutine while the cursor feeds
	// the workers from another.
	feedErr := make(chan error, 1)
	stop := make(chan struct{})
	go func() {
		defer close(jobs)
		defer close(pending)
		c := b.Cursor()
		var j job
		flush := func() bool {
			j.out = make(chan result, 1)
			select {
			case pending <- j.out:
			case <-stop:
				return false
			}
			select {
			case jobs <- j:
			case <-stop:
				return false
			}
			j = job{}
			return true
		}
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if keep != nil && (len(k) != 8 || !keep(btoi(k))) {
				continue
			}
			j.keys = append(j.keys, k)
			j.vals = append(j.vals, v)
			if len(j.vals) == chunk && !flush() {
				feedErr <- nil
				return
			}
		}
		if len(j.vals) > 0 {
			flush()
		}
		feedErr <- nil
	}()
	var err error
	for out := range pending {
		res := <-out
		err = res.err
		if err == nil {
			err = emit(res.buf)
		}
		if err != nil {
			close(stop)
			break
		}
	}
	<-feedErr
	wg.Wait()
	return err
}

type result struct {
	buf []byte
	err error
}

// Hardship files and aid records (storage/hardship.go) for the package
// round trip: their records and the indexes the store keeps for them
// (listed in recordKinds).
var (
	hardshipFilesKind = RecordKind{
		Bucket: string(bucketHardship),
		New:    func() any { return new(model.HardshipFile) },
		ID:     func(x any) uint64 { return x.(*model.HardshipFile).ID },
		Index: func(r *Restorer, x any) error {
			f := x.(*model.HardshipFile)
			if err := r.SetIndex(string(idxHardshipMember), pairKey(f.MemberID, f.ID), nil); err != nil {
				return err
			}
			if !f.Status.Open() {
				return nil
			}
			for _, k := range householdKeys(f) {
				if err := r.SetIndex(string(idxHardshipHousehold), k, nil); err != nil {
					return err
				}
			}
			return r.SetIndex(string(idxHardshipOpen), itob(f.MemberID), itob(f.ID))
		},
	}
	aidKind = RecordKind{
		Bucket: string(bucketAid),
		New:    func() any { return new(model.AidRecord) },
		ID:     func(x any) uint64 { return x.(*model.AidRecord).ID },
		Index: func(r *Restorer, x any) error {
			a := x.(*model.AidRecord)
			if err := r.SetIndex(string(idxAidMember), pairKey(a.MemberID, a.ID), nil); err != nil {
				return err
			}
			if a.FileID != 0 {
				if err := r.SetIndex(string(idxAidFile), pairKey(a.FileID, a.ID), nil); err != nil {
					return err
				}
			}
			if a.ReversalOf != 0 {
				if err := r.SetIndex(string(idxAidReversal), itob(a.ReversalOf), itob(a.ID)); err != nil {
					return err
				}
			}
			return r.SetIndex(string(idxAidDate), aidDateKey(a.Date, a.ID), nil)
		},
	}
)

// MapRecordKind is MapRecords over a registered kind (whose records are
// decoded into its New).
func (r *Records) MapRecordKind(kind string, f func(x any, buf []byte) ([]byte, error), emit func([]byte) error) error {
	return r.mapRecordKind(kind, nil, f, emit)
}

// mapRecordKind is MapRecordKind over the records whose key keep accepts
// (all when keep is nil).
func (r *Records) mapRecordKind(kind string, keep func(id uint64) bool, f func(x any, buf []byte) ([]byte, error), emit func([]byte) error) error {
	k, ok := recordKinds[kind]
	if !ok {
		return i18n.E("err.internal", "unknown record kind "+kind)
	}
	b := r.tx.Bucket([]byte(k.Bucket))
	if b == nil {
		return nil
	}
	var buf []byte
	c := b.Cursor()
	for key, v := c.First(); key != nil; key, v = c.Next() {
		if keep != nil && (len(key) != 8 || !keep(btoi(key))) {
			continue
		}
		x := k.New()
		if err := decode(v, x); err != nil {
			return fmt.Errorf("%s %d: %w", k.Bucket, btoi(key), err)
		}
		var err error
		if buf, err = f(x, buf[:0]); err != nil {
			return err
		}
		if err := emit(buf); err != nil {
			return err
		}
	}
	return nil
}
