package storage

import (
	"fmt"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// The buckets of dues handling (declared in layout.go) and the migration
// that makes them.

// migrateDuesHandling creates the buckets and gives existing units their
// dues handling. Before, the program booked every unit's dues as this
// federation's own 401 income, and every payment it holds was posted so.
// The step keeps that meaning: no unit leaves the books, so every payment
// and 401 entry stays valid and every arrear stays owed. A unit without a
// setting is collected by this federation (model.DefaultUnitTerm), as
// before: joint unions and every unit whose dues this federation has not
// taken. A single enterprise union whose dues are in the books is marked
// kept on its behalf (代管): the 1978 notice (item 6) leaves an enterprise
// union's dues with that union, so what this federation holds of them it
// holds for the union. The secretary switches a union that collects its
// own to 自收自管, from the month after its last payment.
func migrateDuesHandling(tx *bbolt.Tx) error {
	for _, name := range duesHandlingBuckets() {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	paid := map[uint64]bool{} // units with dues in the books
	c := tx.Bucket(bucketDuesTotals).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if amt, cnt := pair(v); len(k) == 12 && (amt != 0 || cnt != 0) {
			paid[btoi(k[4:])] = true
		}
	}
	dues := tx.Bucket(bucketDuesUnits)
	return forEach(tx, bucketUnits, func(u *model.Unit) error {
		if !paid[u.ID] || u.UnionType != model.UnionSingle || !u.Kind.IsEnterprise() {
			return nil
		}
		t := model.DefaultUnitTerm
		t.Handling = model.HandlingKept
		data, err := encode(&model.UnitDues{UnitID: u.ID, Terms: []model.UnitDuesTerm{t}})
		if err != nil {
			return err
		}
		return dues.Put(itob(u.ID), data)
	})
}

// dropDuesOf removes what the dues keep of a deleted unit or member: its
// settings and reminders. (A unit or member with payments or reports
// cannot be deleted.)
func (w *writer) dropDuesOf(e model.Entity, id uint64) error {
	settings := bucketDuesUnits
	if e == model.EntityMember {
		settings = bucketDuesMemberRules
	}
	if b := w.tx.Bucket(settings); b != nil {
		if err := b.Delete(itob(id)); err != nil {
			return err
		}
	}
	b := w.tx.Bucket(bucketReminders)
	if b == nil {
		return nil
	}
	var drop [][]byte
	err := b.ForEach(func(k, v []byte) error {
		var r model.Reminder
		if err := decode(v, &r); err != nil {
			return err
		}
		if (e == model.EntityMember && r.MemberID == id) || (e == model.EntityUnit && r.UnitID == id && r.MemberID == 0) {
			drop = append(drop, append([]byte(nil), k...))
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, k := range drop {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

func unitReportsRef(tx *bbolt.Tx, id uint64) (int, string, error) {
	n := 0
	err := forEach(tx, bucketDuesReports, func(r *model.CollectionReport) error {
		if r.UnitID == id {
			n++
		}
		return nil
	})
	return n, "unit.has_reports", err
}

// The dues schemes' kinds of record for the package round trip (listed
// in recordKinds, restore_records.go).
var (
	duesUnitsKind = RecordKind{
		Bucket:       string(bucketDuesUnits),
		New:          func() any { return new(model.UnitDues) },
		ID:           func(x any) uint64 { return x.(*model.UnitDues).UnitID },
		KeyedByOwner: true,
	}
	duesMemberRulesKind = RecordKind{
		Bucket:       string(bucketDuesMemberRules),
		New:          func() any { return new(model.MemberDues) },
		ID:           func(x any) uint64 { return x.(*model.MemberDues).MemberID },
		KeyedByOwner: true,
	}
	duesReportsKind = RecordKind{
		Bucket: string(bucketDuesReports),
		New:    func() any { return new(model.CollectionReport) },
		ID:     func(x any) uint64 { return x.(*model.CollectionReport).ID },
	}
	duesRemindersKind = RecordKind{
		Bucket: string(bucketReminders),
		New:    func() any { return new(model.Reminder) },
		ID:     func(x any) uint64 { return x.(*model.Reminder).ID },
	}
)
