package storage

import (
	"go.etcd.io/bbolt"

	"unionbook/model"
)

// The events' invariants: every event decodes under its own key; an event
// with a cost has a live cash-book entry of that amount and account whose
// source names the event, and every entry the event lists (postings and
// reversals) points back at it; every cash-book entry of source "event"
// belongs to an event that lists it; participants and the organising unit
// exist; and the date, member → event and unit → event indexes match the
// records both ways.

func checkEvents(tx *bbolt.Tx, r *CheckReport) error {
	for _, name := range eventBuckets() {
		if tx.Bucket(name) == nil {
			r.Problem("check.missing_bucket", string(name))
			return nil
		}
	}
	ledger := tx.Bucket(bucketLedger)
	members, units := tx.Bucket(bucketMembers), tx.Bucket(bucketUnits)
	wantDate, wantMember, wantUnit := map[string]uint64{}, map[string]uint64{}, map[string]uint64{}
	listed := map[uint64]uint64{} // ledger entry → the event listing it
	n := 0
	err := tx.Bucket(bucketEvents).ForEach(func(k, v []byte) error {
		n++
		var e model.Event
		if err := decode(v, &e); err != nil {
			r.Problem("check.undecodable", model.EntityEvent, k, err)
			return nil
		}
		id := btoi(k)
		if e.ID != id {
			r.Problem("check.key_mismatch", model.EntityEvent, k, e.ID)
		}
		wantDate[string(eventDateKey(e.Start, id))] = id
		for _, m := range e.Members {
			wantMember[string(pairKey(m, id))] = id
			if members == nil || members.Get(itob(m)) == nil {
				r.Problem("check.dangling", model.EntityEvent, id, model.EntityMember, m)
			}
		}
		if e.UnitID != 0 {
			wantUnit[string(pairKey(e.UnitID, id))] = id
			if units == nil || units.Get(itob(e.UnitID)) == nil {
				r.Problem("check.dangling", model.EntityEvent, id, model.EntityUnit, e.UnitID)
			}
		}
		if ledger == nil {
			return nil
		}
		for _, lid := range e.LedgerIDs {
			listed[lid] = id
			le, err := getLedgerEntry(ledger, lid)
			if err != nil {
				r.Problem("check.dangling", model.EntityEvent, id, model.EntityLedger, lid)
				continue
			}
			if le.Source.Kind != SourceEvent || le.Source.ID != id {
				r.Problem("check.ledger_backlink", model.EntityEvent, id, le.VoucherNo)
			}
		}
		switch {
		case e.Cost > 0 && e.LedgerID == 0:
			r.Problem("check.no_ledger_entry", model.EntityEvent, id)
		case e.Cost == 0 && e.LedgerID != 0:
			r.Problem("events.check_cost", id, e.Cost.String(), e.LedgerID)
		case e.LedgerID != 0:
			le, err := getLedgerEntry(ledger, e.LedgerID)
			if err != nil {
				r.Problem("check.no_ledger_entry", model.EntityEvent, id)
				break
			}
			if le.Amount != e.Cost || le.Account != e.Account || le.ReversalOf != 0 {
				r.Problem("events.check_cost", id, e.Cost.String(), le.VoucherNo)
			}
			if rev := tx.Bucket(idxLedgerReversal); rev != nil && rev.Get(itob(le.ID)) != nil {
				r.Problem("events.check_cost", id, e.Cost.String(), le.VoucherNo)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	r.Count("events", n)
	if ledger != nil {
		err := ledger.ForEach(func(k, v []byte) error {
			var le model.LedgerEntry
			if decode(v, &le) != nil || le.Source.Kind != SourceEvent {
				return nil // undecodable entries are the cash book's checker's
			}
			if ev, ok := listed[le.ID]; !ok || ev != le.Source.ID {
				r.Problem("check.ledger_backlink", model.EntityEvent, le.Source.ID, le.VoucherNo)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	checkPairIndex(tx, r, idxEventDate, wantDate)
	checkPairIndex(tx, r, idxMemberEvents, wantMember)
	checkPairIndex(tx, r, idxUnitEvents, wantUnit)
	checkSequence(tx, r, bucketEvents)
	return nil
}

// checkPairIndex compares an index of keys with empty values to the keys
// the event records want there.
func checkPairIndex(tx *bbolt.Tx, r *CheckReport, idx []byte, want map[string]uint64) {
	b := tx.Bucket(idx)
	for k, id := range want {
		if b.Get([]byte(k)) == nil {
			r.Problem("check.index_missing", model.EntityEvent, id, string(idx), printableKey([]byte(k)))
		}
	}
	_ = b.ForEach(func(k, _ []byte) error {
		if _, ok := want[string(k)]; !ok {
			r.Problem("check.index_stale", string(idx), printableKey(k), model.EntityEvent, eventOfKey(k))
		}
		return nil
	})
}

// eventOfKey is the event ID at the end of an index key.
func eventOfKey(k []byte) uint64 {
	if len(k) < 8 {
		return 0
	}
	return btoi(k[len(k)-8:])
}
