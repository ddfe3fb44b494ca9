package storage

import (
	"strings"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// The invariants of cases and risk checks: every record decodes under its
// own key and keeps the model's rules (a closed case has an outcome, no
// step before the case, a headcount not below the workers named...); the
// members, units and risk checks it names exist; the date, member → case,
// unit → case, unit → check and check → case indexes match the records
// both ways; the ID counters are not below the highest key.

// checkNoFuture stands for "today" when records are checked: dates the
// forms refused as future when typed are not findings of the check (the
// clock of the laptop may have been wrong then or now).
const checkNoFuture = model.Date(99991231)

func checkCases(tx *bbolt.Tx, r *CheckReport) error {
	for _, name := range caseBuckets() {
		if tx.Bucket(name) == nil {
			r.Problem("check.missing_bucket", string(name))
			return nil
		}
	}
	members, units, risks := tx.Bucket(bucketMembers), tx.Bucket(bucketUnits), tx.Bucket(bucketRiskChecks)
	wantDate, wantMember, wantUnit, wantRisk := map[string]uint64{}, map[string]uint64{}, map[string]uint64{}, map[string]uint64{}
	n := 0
	err := tx.Bucket(bucketCases).ForEach(func(k, v []byte) error {
		n++
		var c model.Case
		if err := decode(v, &c); err != nil {
			r.Problem("check.undecodable", model.EntityCase, k, err)
			return nil
		}
		id := btoi(k)
		if c.ID != id {
			r.Problem("check.key_mismatch", model.EntityCase, k, c.ID)
		}
		if ps := model.ValidateCase(&c, checkNoFuture); len(ps) > 0 {
			r.Problem("cases.check_invalid", model.EntityCase, id, inlineProblems(ps))
		}
		wantDate[string(caseDateKey(c.Received, id))] = id
		for _, m := range c.MemberIDs() {
			wantMember[string(pairKey(m, id))] = id
			if members.Get(itob(m)) == nil {
				r.Problem("check.dangling", model.EntityCase, id, model.EntityMember, m)
			}
		}
		if c.UnitID != 0 {
			wantUnit[string(pairKey(c.UnitID, id))] = id
			if units.Get(itob(c.UnitID)) == nil {
				r.Problem("check.dangling", model.EntityCase, id, model.EntityUnit, c.UnitID)
			}
		}
		if c.RiskCheckID != 0 {
			wantRisk[string(pairKey(c.RiskCheckID, id))] = id
			if risks.Get(itob(c.RiskCheckID)) == nil {
				r.Problem("check.dangling", model.EntityCase, id, model.EntityRiskCheck, c.RiskCheckID)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	r.Count("cases", n)
	checkKeyIndex(tx, r, idxCaseDate, model.EntityCase, wantDate)
	checkKeyIndex(tx, r, idxMemberCases, model.EntityCase, wantMember)
	checkKeyIndex(tx, r, idxUnitCases, model.EntityCase, wantUnit)
	checkKeyIndex(tx, r, idxRiskCases, model.EntityCase, wantRisk)

	wantDate, wantUnit = map[string]uint64{}, map[string]uint64{}
	n = 0
	err = risks.ForEach(func(k, v []byte) error {
		n++
		var rc model.RiskCheck
		if err := decode(v, &rc); err != nil {
			r.Problem("check.undecodable", model.EntityRiskCheck, k, err)
			return nil
		}
		id := btoi(k)
		if rc.ID != id {
			r.Problem("check.key_mismatch", model.EntityRiskCheck, k, rc.ID)
		}
		if ps := model.ValidateRiskCheck(&rc, checkNoFuture); len(ps) > 0 {
			r.Problem("cases.check_invalid", model.EntityRiskCheck, id, inlineProblems(ps))
		}
		wantDate[string(caseDateKey(rc.Date, id))] = id
		if rc.UnitID != 0 {
			wantUnit[string(pairKey(rc.UnitID, id))] = id
			if units.Get(itob(rc.UnitID)) == nil {
				r.Problem("check.dangling", model.EntityRiskCheck, id, model.EntityUnit, rc.UnitID)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	r.Count("risk_checks", n)
	checkKeyIndex(tx, r, idxRiskDate, model.EntityRiskCheck, wantDate)
	checkKeyIndex(tx, r, idxUnitRisks, model.EntityRiskCheck, wantUnit)
	checkSequence(tx, r, bucketCases)
	checkSequence(tx, r, bucketRiskChecks)
	return nil
}

// checkKeyIndex compares an index of keys with empty values, each ending
// in the ID of a record of ent, with the keys the records want there.
func checkKeyIndex(tx *bbolt.Tx, r *CheckReport, idx []byte, ent model.Entity, want map[string]uint64) {
	b := tx.Bucket(idx)
	for k, id := range want {
		if b.Get([]byte(k)) == nil {
			r.Problem("check.index_missing", ent, id, string(idx), printableKey([]byte(k)))
		}
	}
	_ = b.ForEach(func(k, _ []byte) error {
		if _, ok := want[string(k)]; !ok {
			r.Problem("check.index_stale", string(idx), printableKey(k), ent, eventOfKey(k))
		}
		return nil
	})
}

// inlineProblems says a record's problems on one line of the report.
type inlineProblems model.Problems

func (ps inlineProblems) Localize(l i18n.Lang) string {
	return strings.ReplaceAll(model.Problems(ps).Localize(l), "\n", "; ")
}
