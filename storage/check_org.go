package storage

import (
	"go.etcd.io/bbolt"

	"unionbook/model"
)

// Checks of the organisation register: every employer and honour reads
// and sits under its own ID; the employers' name and credit-code indexes
// and the honours' holder indexes match the records both ways; a formed
// employer's unit exists and names it back; an honour's holder exists.

func checkOrg(tx *bbolt.Tx, r *CheckReport) error {
	for _, name := range orgBuckets() {
		if tx.Bucket(name) == nil {
			r.Problem("check.missing_bucket", string(name))
			return nil
		}
	}
	names, codes := map[string]uint64{}, map[string]uint64{}
	n := 0
	err := tx.Bucket(bucketEmployers).ForEach(func(k, v []byte) error {
		n++
		var e model.Employer
		if err := decode(v, &e); err != nil {
			r.Problem("check.undecodable", model.EntityEmployer, k, err)
			return nil
		}
		if e.ID != btoi(k) {
			r.Problem("check.key_mismatch", model.EntityEmployer, k, e.ID)
		}
		key := string(unitNameKey(e.Name))
		if other, dup := names[key]; dup {
			r.Problem("check.duplicate_number", model.EntityEmployer, e.Name, other, e.ID)
		}
		names[key] = e.ID
		if e.CreditCode != "" {
			if other, dup := codes[e.CreditCode]; dup {
				r.Problem("check.duplicate_number", model.EntityEmployer, e.CreditCode, other, e.ID)
			}
			codes[e.CreditCode] = e.ID
		}
		if e.Status == model.EmployerFormed {
			u, err := getUnit(tx, e.UnitID)
			switch {
			case err != nil:
				r.Problem("check.dangling", model.EntityEmployer, e.ID, model.EntityUnit, e.UnitID)
			case u.FromEmployer != e.ID:
				r.Problem("check.employer_unit", e.ID, u.ID)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	r.Count("employers", n)
	checkUniqueIndex(tx, r, idxEmployerName, model.EntityEmployer, names)
	checkUniqueIndex(tx, r, idxEmployerCredit, model.EntityEmployer, codes)

	pairs := map[string]map[string]bool{string(idxMemberHonours): {}, string(idxUnitHonours): {}}
	n = 0
	err = tx.Bucket(bucketHonours).ForEach(func(k, v []byte) error {
		n++
		var h model.Honour
		if err := decode(v, &h); err != nil {
			r.Problem("check.undecodable", model.EntityHonour, k, err)
			return nil
		}
		if h.ID != btoi(k) {
			r.Problem("check.key_mismatch", model.EntityHonour, k, h.ID)
		}
		switch {
		case h.MemberID != 0:
			pairs[string(idxMemberHonours)][string(pairKey(h.MemberID, h.ID))] = true
			if tx.Bucket(bucketMembers).Get(itob(h.MemberID)) == nil {
				r.Problem("check.dangling", model.EntityHonour, h.ID, model.EntityMember, h.MemberID)
			}
		default:
			pairs[string(idxUnitHonours)][string(pairKey(h.UnitID, h.ID))] = true
			if tx.Bucket(bucketUnits).Get(itob(h.UnitID)) == nil {
				r.Problem("check.dangling", model.EntityHonour, h.ID, model.EntityUnit, h.UnitID)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	r.Count("honours", n)
	for idx, want := range pairs {
		b := tx.Bucket([]byte(idx))
		for k := range want {
			if b.Get([]byte(k)) == nil {
				r.Problem("check.index_missing", model.EntityHonour, btoi([]byte(k[8:])), idx, printableKey([]byte(k)))
			}
		}
		err := b.ForEach(func(k, _ []byte) error {
			if !want[string(k)] {
				r.Problem("check.index_stale", idx, printableKey(k), model.EntityHonour, pairMember(k))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}
