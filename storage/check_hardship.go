package storage

import (
	"bytes"
	"encoding/binary"
	"slices"
	"strconv"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// The hardship invariants (unionbook check):
//   - every file decodes under its own key, its member exists, it is in its
//     member's file index, and the open-file index holds exactly the open
//     files (so a member has at most one open file); an earlier file it
//     names exists and belongs to the same member;
//   - every aid record decodes under its own key, its member and file exist
//     and agree, and it is in the member, file and date indexes (and no
//     index entry names a record that does not exist);
//   - every cash aid has its cash-book entry, and that entry points back
//     (Source aid/ID) with the aid's amount on the aid type's account;
//     aid without cash has no entry;
//   - every reversal names an existing record that is not itself a
//     reversal, mirrors its amounts, reverses its ledger entry, and no
//     record is reversed twice; the reversal index agrees.

func checkHardship(tx *bbolt.Tx, r *CheckReport) error {
	for _, name := range hardshipBuckets() {
		if tx.Bucket(name) == nil {
			r.Problem("check.missing_bucket", string(name))
			return nil
		}
	}
	members := tx.Bucket(bucketMembers)
	files := map[uint64]model.HardshipFile{}
	n := 0
	err := tx.Bucket(bucketHardship).ForEach(func(k, v []byte) error {
		n++
		var f model.HardshipFile
		if err := decode(v, &f); err != nil {
			r.Problem("check.undecodable", model.EntityHardship, k, err)
			return nil
		}
		if f.ID != btoi(k) {
			r.Problem("check.key_mismatch", model.EntityHardship, k, f.ID)
		}
		files[f.ID] = f
		return nil
	})
	if err != nil {
		return err
	}
	r.Count("hardship", n)
	memberIdx, openIdx, household := tx.Bucket(idxHardshipMember), tx.Bucket(idxHardshipOpen), tx.Bucket(idxHardshipHousehold)
	for id, f := range files {
		if members.Get(itob(f.MemberID)) == nil {
			r.Problem("check.dangling", model.EntityHardship, id, model.EntityMember, f.MemberID)
		}
		if memberIdx.Get(pairKey(f.MemberID, id)) == nil {
			r.Problem("check.index_missing", model.EntityHardship, id, string(idxHardshipMember), printableKey(pairKey(f.MemberID, id)))
		}
		v := openIdx.Get(itob(f.MemberID))
		if f.Status.Open() && (v == nil || btoi(v) != id) {
			r.Problem("check.index_missing", model.EntityHardship, id, string(idxHardshipOpen), strconv.FormatUint(f.MemberID, 10))
		}
		if f.Status.Open() && household != nil {
			for _, k := range householdKeys(&f) {
				if household.Get(k) == nil {
					r.Problem("check.index_missing", model.EntityHardship, id, string(idxHardshipHousehold), printableKey(k))
				}
			}
		}
		if f.PreviousID != 0 {
			if p, ok := files[f.PreviousID]; !ok || p.MemberID != f.MemberID {
				r.Problem("check.dangling", model.EntityHardship, id, model.EntityHardship, f.PreviousID)
			}
		}
	}
	_ = memberIdx.ForEach(func(k, _ []byte) error {
		if f, ok := files[pairMember(k)]; len(k) != 16 || !ok || f.MemberID != btoi(k[:8]) {
			r.Problem("check.index_stale", string(idxHardshipMember), printableKey(k), model.EntityHardship, pairMember(k))
		}
		return nil
	})
	_ = openIdx.ForEach(func(k, v []byte) error {
		if f, ok := files[btoi(v)]; !ok || !f.Status.Open() || f.MemberID != btoi(k) {
			r.Problem("check.index_stale", string(idxHardshipOpen), printableKey(k), model.EntityHardship, btoi(v))
		}
		return nil
	})
	if household != nil { // from the "hardship household index" migration
		checkHouseholdIndex(household, files, r)
	}
	checkSequence(tx, r, bucketHardship)
	checkAidRecords(tx, r, files)
	return nil
}

func checkAidRecords(tx *bbolt.Tx, r *CheckReport, files map[uint64]model.HardshipFile) {
	members, ledger := tx.Bucket(bucketMembers), tx.Bucket(bucketLedger)
	byMember, byFile, byDate, revIdx := tx.Bucket(idxAidMember), tx.Bucket(idxAidFile), tx.Bucket(idxAidDate), tx.Bucket(idxAidReversal)
	aid := map[uint64]model.AidRecord{}
	n := 0
	_ = tx.Bucket(bucketAid).ForEach(func(k, v []byte) error {
		n++
		var a model.AidRecord
		if err := decode(v, &a); err != nil {
			r.Problem("check.undecodable", model.EntityAid, k, err)
			return nil
		}
		if a.ID != btoi(k) {
			r.Problem("check.key_mismatch", model.EntityAid, k, a.ID)
		}
		aid[a.ID] = a
		return nil
	})
	r.Count("aid", n)
	reversedBy := map[uint64]uint64{}
	for id, a := range aid {
		if members.Get(itob(a.MemberID)) == nil {
			r.Problem("check.dangling", model.EntityAid, id, model.EntityMember, a.MemberID)
		}
		if a.FileID != 0 {
			if f, ok := files[a.FileID]; !ok || f.MemberID != a.MemberID {
				r.Problem("check.dangling", model.EntityAid, id, model.EntityHardship, a.FileID)
			}
			if byFile.Get(pairKey(a.FileID, id)) == nil {
				r.Problem("check.index_missing", model.EntityAid, id, string(idxAidFile), printableKey(pairKey(a.FileID, id)))
			}
		}
		if byMember.Get(pairKey(a.MemberID, id)) == nil {
			r.Problem("check.index_missing", model.EntityAid, id, string(idxAidMember), printableKey(pairKey(a.MemberID, id)))
		}
		if byDate.Get(aidDateKey(a.Date, id)) == nil {
			r.Problem("check.index_missing", model.EntityAid, id, string(idxAidDate), a.Date.String())
		}
		// The cash-book entry and its link back.
		if a.Cash != 0 {
			if a.LedgerID == 0 {
				r.Problem("check.no_ledger_entry", model.EntityAid, id)
			} else if e, err := getLedgerEntry(ledger, a.LedgerID); err != nil {
				r.Problem("check.dangling", model.EntityAid, id, model.EntityLedger, a.LedgerID)
			} else if e.Source.Kind != SourceAid || e.Source.ID != id {
				r.Problem("check.ledger_backlink", model.EntityAid, id, a.LedgerID)
			} else if e.Amount != a.Cash || !aidAccountOK(tx, &a, &e) || e.Direction != model.Out {
				r.Problem("check.amount_mismatch", model.EntityAid, id, a.Cash, a.LedgerID, e.Amount)
			}
		} else if a.LedgerID != 0 {
			r.Problem("check.ledger_backlink", model.EntityAid, id, a.LedgerID)
		}
		if a.ReversalOf == 0 {
			continue
		}
		t := a.ReversalOf
		if first, twice := reversedBy[t]; twice {
			r.Problem("check.reversal_twice", model.EntityAid, t, first, id)
		} else {
			reversedBy[t] = id
		}
		orig, ok := aid[t]
		switch {
		case !ok || orig.ReversalOf != 0:
			r.Problem("check.reversal_target", model.EntityAid, id, t)
		case orig.Cash != -a.Cash || orig.GoodsValue != -a.GoodsValue:
			r.Problem("check.reversal_mirror", model.EntityAid, id, a.Cash, t, orig.Cash)
		case a.LedgerID != 0:
			if e, err := getLedgerEntry(ledger, a.LedgerID); err == nil && e.ReversalOf != orig.LedgerID {
				r.Problem("check.reversal_target", model.EntityLedger, a.LedgerID, orig.LedgerID)
			}
		}
		if v := revIdx.Get(itob(t)); v == nil {
			r.Problem("check.index_missing", model.EntityAid, id, string(idxAidReversal), strconv.FormatUint(t, 10))
		} else if btoi(v) != id {
			r.Problem("check.index_wrong", string(idxAidReversal), strconv.FormatUint(t, 10), model.EntityAid, btoi(v), id)
		}
	}
	_ = revIdx.ForEach(func(k, v []byte) error {
		if reversedBy[btoi(k)] != btoi(v) {
			r.Problem("check.index_stale", string(idxAidReversal), printableKey(k), model.EntityAid, btoi(v))
		}
		return nil
	})
	stale := func(b *bbolt.Bucket, name []byte, owner func(k []byte) (uint64, bool)) {
		_ = b.ForEach(func(k, _ []byte) error {
			if id, ok := owner(k); !ok {
				r.Problem("check.index_stale", string(name), printableKey(k), model.EntityAid, id)
			}
			return nil
		})
	}
	stale(byMember, idxAidMember, func(k []byte) (uint64, bool) {
		a, ok := aid[pairMember(k)]
		return pairMember(k), ok && a.MemberID == btoi(k[:8])
	})
	stale(byFile, idxAidFile, func(k []byte) (uint64, bool) {
		a, ok := aid[pairMember(k)]
		return pairMember(k), ok && a.FileID == btoi(k[:8])
	})
	stale(byDate, idxAidDate, func(k []byte) (uint64, bool) {
		if len(k) != 12 {
			return 0, false
		}
		id := binary.BigEndian.Uint64(k[4:])
		a, ok := aid[id]
		return id, ok && uint32(a.Date) == binary.BigEndian.Uint32(k[:4])
	})
	checkSequence(tx, r, bucketAid)
}

// checkHouseholdIndex finds entries of idx_hardship_household that no open
// file's household has.
func checkHouseholdIndex(household *bbolt.Bucket, files map[uint64]model.HardshipFile, r *CheckReport) {
	_ = household.ForEach(func(k, _ []byte) error {
		var id uint64
		if len(k) > 9 && k[len(k)-9] == 0 {
			id = btoi(k[len(k)-8:])
			if f, ok := files[id]; ok && f.Status.Open() && slices.ContainsFunc(householdKeys(&f), func(hk []byte) bool { return bytes.Equal(hk, k) }) {
				return nil
			}
		}
		r.Problem("check.index_stale", string(idxHardshipHousehold), printableKey(k), model.EntityHardship, id)
		return nil
	})
}
