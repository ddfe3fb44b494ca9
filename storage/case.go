package storage

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// Cases (维权案件) and labour-relations risk checks (隐患排查). Every write is
// one transaction with its audit entry; a case is deleted only while it
// has no step (after that it is closed as entered by mistake instead). The
// audit entries name the cases' sensitive fields without their values (see
// model.CaseChanges), because the audit log travels with the district
// package. The buckets
// (migration "cases and risk checks") are declared in layout.go.

// caseBuckets are the buckets of the cases migration.
func caseBuckets() [][]byte {
	return [][]byte{bucketCases, idxCaseDate, idxMemberCases, idxUnitCases,
		bucketRiskChecks, idxRiskDate, idxUnitRisks, idxRiskCases}
}

func createCaseBuckets(tx *bbolt.Tx) error {
	for _, name := range caseBuckets() {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

func memberCasesRef(tx *bbolt.Tx, id uint64) (int, string, error) {
	return countPrefix(tx.Bucket(idxMemberCases), itob(id)), "cases.member_in_use", nil
}

func unitCasesRef(tx *bbolt.Tx, id uint64) (int, string, error) {
	n := countPrefix(tx.Bucket(idxUnitCases), itob(id)) + countPrefix(tx.Bucket(idxUnitRisks), itob(id))
	return n, "cases.unit_in_use", nil
}

func getCase(tx *bbolt.Tx, id uint64) (model.Case, error) {
	return getRecord[model.Case](tx, bucketCases, "case", id)
}

func getRiskCheck(tx *bbolt.Tx, id uint64) (model.RiskCheck, error) {
	return getRecord[model.RiskCheck](tx, bucketRiskChecks, "risk check", id)
}

// getRecord reads one record of an ID-keyed bucket.
func getRecord[T any](tx *bbolt.Tx, bucket []byte, what string, id uint64) (T, error) {
	var x T
	b := tx.Bucket(bucket)
	if b == nil {
		return x, fmt.Errorf("%s %d: %w", what, id, errNotFound())
	}
	v := b.Get(itob(id))
	if v == nil {
		return x, fmt.Errorf("%s %d: %w", what, id, errNotFound())
	}
	if err := decode(v, &x); err != nil {
		return x, fmt.Errorf("%s %d: %w", what, id, err)
	}
	return x, nil
}

// caseLabel names a case in the audit log without naming anyone: the day
// received, the type (in Chinese, the language of the books) and the
// headcount.
func caseLabel(c *model.Case) string {
	return fmt.Sprintf("%s %s %d人", c.Received, i18n.ZH.T(c.Type.Key()), c.Headcount)
}

func riskLabel(r *model.RiskCheck) string {
	return r.Date.String() + " " + i18n.ZH.T(r.Level.Key())
}

// checkCase normalizes and validates c: the model's rules, then that its
// members, unit and risk check exist.
func (w *writer) checkCase(c *model.Case) (model.Problems, error) {
	c.Normalize()
	ps := model.ValidateCase(c, w.today)
	for _, id := range c.MemberIDs() {
		if _, err := w.member(id); err != nil {
			if !errors.Is(err, errNotFound()) {
				return nil, err
			}
			ps = append(ps, model.Problem{Field: "cs_workers", Key: "cases.member_missing", Args: []any{strconv.FormatUint(id, 10)}})
		}
	}
	if c.UnitID != 0 && !w.unitExists(c.UnitID) {
		ps = append(ps, model.Problem{Field: "cs_unit", Key: "member.unit_missing"})
	}
	if c.RiskCheckID != 0 {
		if b := w.tx.Bucket(bucketRiskChecks); b.Get(itob(c.RiskCheckID)) == nil {
			ps = append(ps, model.Problem{Field: "cs_risk", Key: "cases.risk_missing", Args: []any{strconv.FormatUint(c.RiskCheckID, 10)}})
		}
	}
	return ps, nil
}

// putCase stores c and moves its index entries from old (nil when new).
func (w *writer) putCase(old, c *model.Case) error {
	b := w.tx.Bucket(bucketCases)
	b.FillPercent = 0.9
	if err := w.put(b, itob(c.ID), c); err != nil {
		return err
	}
	return w.indexCase(old, c)
}

func (w *writer) createCase(c *model.Case) (model.Warnings, error) {
	c.ID = 0
	ps, err := w.checkCase(c)
	if err != nil {
		return nil, err
	}
	if len(ps) > 0 {
		return nil, ps
	}
	id, err := w.tx.Bucket(bucketCases).NextSequence()
	if err != nil {
		return nil, err
	}
	c.ID, c.Operator, c.CreatedAt = id, w.op, w.now
	for i := range c.Steps {
		c.Steps[i].Operator, c.Steps[i].At = w.op, w.now
	}
	if err := w.putCase(nil, c); err != nil {
		return nil, err
	}
	return model.CaseWarnings(c), w.writeAudit(model.ActionCreate, model.EntityCase, id, caseLabel(c), model.CaseChanges(nil, c))
}

// openCase reads a case that may still be changed: neither closed nor void.
func (w *writer) openCase(id uint64) (model.Case, error) {
	c, err := getCase(w.tx, id)
	if err != nil {
		return c, err
	}
	if !c.Open() {
		return c, model.Problems{{Key: "cases.closed_no_change"}}
	}
	return c, nil
}

// updateCase stores the changed fields of an open case; its steps, closing
// and who recorded it stay as stored.
func (w *writer) updateCase(c *model.Case) (model.Warnings, error) {
	old, err := w.openCase(c.ID)
	if err != nil {
		return nil, err
	}
	c.Steps = slices.Clone(old.Steps)
	c.Outcome, c.Recovered, c.Closed, c.CloseNote, c.Void, c.VoidReason = old.Outcome, old.Recovered, old.Closed, old.CloseNote, old.Void, old.VoidReason
	c.Operator, c.CreatedAt = old.Operator, old.CreatedAt
	ps, err := w.checkCase(c)
	if err != nil {
		return nil, err
	}
	if len(ps) > 0 {
		return nil, ps
	}
	changes := model.CaseChanges(&old, c)
	if len(changes) == 0 {
		return nil, errNoChange
	}
	if err := w.putCase(&old, c); err != nil {
		return nil, err
	}
	return model.CaseWarnings(c), w.writeAudit(model.ActionUpdate, model.EntityCase, c.ID, caseLabel(c), changes)
}

// saveStep adds a step to an open case (index < 0) or replaces step index.
func (w *writer) saveStep(id uint64, index int, s model.CaseStep) error {
	old, err := w.openCase(id)
	if err != nil {
		return err
	}
	s.Normalize()
	if ps := model.ValidateCaseStep(&s, &old, w.today); len(ps) > 0 {
		return ps
	}
	c := old
	c.Steps = slices.Clone(old.Steps)
	s.Operator, s.At = w.op, w.now
	var prev *model.CaseStep
	n := len(c.Steps) + 1
	switch {
	case index < 0:
		c.Steps = append(c.Steps, s)
	case index < len(c.Steps):
		prev, n = &old.Steps[index], index+1
		if p := *prev; p.Date == s.Date && p.Kind == s.Kind && p.Who == s.Who && p.Note == s.Note {
			return errNoChange
		}
		c.Steps[index] = s
	default:
		return model.Problems{{Key: "cases.step_missing", Args: []any{index + 1}}}
	}
	// steps stay in date order; a step on the same day keeps its place
	slices.SortStableFunc(c.Steps, func(a, b model.CaseStep) int { return cmp.Compare(a.Date, b.Date) })
	if ps := model.ValidateCase(&c, w.today); len(ps) > 0 {
		return ps
	}
	if err := w.putCase(&old, &c); err != nil {
		return err
	}
	return w.writeAudit(model.ActionUpdate, model.EntityCase, id, caseLabel(&c), model.StepChange(n, prev, s))
}

func (w *writer) closeCase(id uint64, k model.CaseClosing) (model.Warnings, error) {
	old, err := w.openCase(id)
	if err != nil {
		return nil, err
	}
	if k.Date == 0 {
		ps := model.Problems{{Field: "cs_closed", Key: "problem.required"}}
		if !k.Outcome.Valid() {
			ps = append(ps, model.Problem{Field: "cs_outcome", Key: "cases.outcome_required"})
		}
		return nil, ps
	}
	c := old
	k.Note = model.CleanText(k.Note)
	k.Apply(&c)
	if ps := model.ValidateCase(&c, w.today); len(ps) > 0 {
		return nil, ps
	}
	if err := w.putCase(&old, &c); err != nil {
		return nil, err
	}
	return model.CaseWarnings(&c), w.writeAudit(model.ActionClose, model.EntityCase, id, caseLabel(&c), model.CaseChanges(&old, &c))
}

// checkReason cleans a reason and reports it on field when missing or long.
func checkReason(reason *string, field string) model.Problems {
	*reason = model.CleanText(*reason)
	switch n := len([]rune(*reason)); {
	case n == 0:
		return model.Problems{{Field: field, Key: "problem.required"}}
	case n > model.CaseNoteMax:
		return model.Problems{{Field: field, Key: "problem.too_long", Args: []any{model.CaseNoteMax}}}
	}
	return nil
}

// reopenCase opens a closed case again (to correct its closing or add a
// step); the reason goes into the audit entry, marked like the notes. The
// closing note stays on the case for the next closing to start from: the
// log says only that there was one, so clearing it would lose its text.
func (w *writer) reopenCase(id uint64, reason string) error {
	old, err := getCase(w.tx, id)
	if err != nil {
		return err
	}
	if ps := checkReason(&reason, "cs_reopen_reason"); len(ps) > 0 {
		return ps
	}
	switch {
	case old.Void:
		return model.Problems{{Key: "cases.is_void"}}
	case old.Open():
		return model.Problems{{Key: "cases.not_closed"}}
	}
	c := old
	c.Closed, c.Outcome, c.Recovered = 0, 0, 0
	if err := w.putCase(&old, &c); err != nil {
		return err
	}
	changes := append(model.CaseChanges(&old, &c), model.FieldChange{Field: "cs_reopen_reason", New: "***"})
	return w.writeAudit(model.ActionReopen, model.EntityCase, id, caseLabel(&c), changes)
}

// voidCase closes a case as entered by mistake, today, with a reason.
func (w *writer) voidCase(id uint64, reason string) error {
	old, err := getCase(w.tx, id)
	if err != nil {
		return err
	}
	if old.Void {
		return model.Problems{{Key: "cases.is_void"}}
	}
	if ps := checkReason(&reason, "cs_void_reason"); len(ps) > 0 {
		return ps
	}
	c := old
	c.Void, c.VoidReason = true, reason
	if c.Open() {
		c.Closed = w.today
	}
	if err := w.putCase(&old, &c); err != nil {
		return err
	}
	return w.writeAudit(model.ActionClose, model.EntityCase, id, caseLabel(&c), model.CaseChanges(&old, &c))
}

// deleteCase deletes a case without steps (typed in by mistake just now);
// one with steps is closed as entered by mistake instead.
func (w *writer) deleteCase(id uint64) error {
	old, err := getCase(w.tx, id)
	if err != nil {
		return err
	}
	if len(old.Steps) > 0 {
		return model.Problems{{Key: "cases.delete_has_steps"}}
	}
	if err := w.tx.Bucket(bucketCases).Delete(itob(id)); err != nil {
		return err
	}
	if err := w.indexCase(&old, nil); err != nil {
		return err
	}
	return w.writeAudit(model.ActionDelete, model.EntityCase, id, caseLabel(&old), model.CaseChanges(&old, &model.Case{}))
}

// caseDateKey is the idx_case_date key of a case (and idx_risk_date's).
func caseDateKey(d model.Date, id uint64) []byte { return ledgerDateKey(d, id) }

// indexCase moves a case's index entries from old to new; either may be
// nil (create, delete).
func (w *writer) indexCase(old, new *model.Case) error {
	var id uint64
	var oldDate, newDate model.Date
	var oldMembers, newMembers []uint64
	var oldUnit, newUnit, oldRisk, newRisk uint64
	if old != nil {
		id, oldDate, oldMembers, oldUnit, oldRisk = old.ID, old.Received, old.MemberIDs(), old.UnitID, old.RiskCheckID
	}
	if new != nil {
		id, newDate, newMembers, newUnit, newRisk = new.ID, new.Received, new.MemberIDs(), new.UnitID, new.RiskCheckID
	}
	if err := w.movePair(w.tx.Bucket(idxCaseDate), old != nil, new != nil, caseDateKey(oldDate, id), caseDateKey(newDate, id)); err != nil {
		return err
	}
	added, removed := diffIDs(oldMembers, newMembers)
	members := w.tx.Bucket(idxMemberCases)
	for _, m := range removed {
		if err := w.del(members, pairKey(m, id)); err != nil {
			return err
		}
	}
	for _, m := range added {
		if err := w.set(members, pairKey(m, id), empty); err != nil {
			return err
		}
	}
	if err := w.movePair(w.tx.Bucket(idxUnitCases), oldUnit != 0, newUnit != 0, pairKey(oldUnit, id), pairKey(newUnit, id)); err != nil {
		return err
	}
	return w.movePair(w.tx.Bucket(idxRiskCases), oldRisk != 0, newRisk != 0, pairKey(oldRisk, id), pairKey(newRisk, id))
}

// movePair replaces the index key oldKey (if hadOld) by newKey (if hasNew).
func (w *writer) movePair(b *bbolt.Bucket, hadOld, hasNew bool, oldKey, newKey []byte) error {
	if hadOld && hasNew && string(oldKey) == string(newKey) {
		return nil
	}
	if hadOld {
		if err := w.del(b, oldKey); err != nil {
			return err
		}
	}
	if hasNew {
		return w.set(b, newKey, empty)
	}
	return nil
}

// caseProfileChanges lists the changed case settings of the profile.
func caseProfileChanges(old, new *model.Profile) []model.FieldChange {
	if old.CaseCollectiveMin == new.CaseCollectiveMin {
		return nil
	}
	text := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	return []model.FieldChange{{Field: "case_collective_min", Old: text(old.CaseCollectiveMin), New: text(new.CaseCollectiveMin)}}
}

// ---- risk checks

func (w *writer) checkRisk(r *model.RiskCheck) model.Problems {
	r.Normalize()
	ps := model.ValidateRiskCheck(r, w.today)
	if r.UnitID != 0 && !w.unitExists(r.UnitID) {
		ps = append(ps, model.Problem{Field: "rk_unit", Key: "member.unit_missing"})
	}
	return ps
}

func (w *writer) putRisk(old, r *model.RiskCheck) error {
	b := w.tx.Bucket(bucketRiskChecks)
	b.FillPercent = 0.9
	if err := w.put(b, itob(r.ID), r); err != nil {
		return err
	}
	return w.indexRisk(old, r)
}

func (w *writer) createRiskCheck(r *model.RiskCheck) error {
	r.ID = 0
	if ps := w.checkRisk(r); len(ps) > 0 {
		return ps
	}
	id, err := w.tx.Bucket(bucketRiskChecks).NextSequence()
	if err != nil {
		return err
	}
	r.ID, r.Operator, r.CreatedAt = id, w.op, w.now
	if err := w.putRisk(nil, r); err != nil {
		return err
	}
	return w.writeAudit(model.ActionCreate, model.EntityRiskCheck, id, riskLabel(r), model.RiskCheckChanges(nil, r))
}

func (w *writer) updateRiskCheck(r *model.RiskCheck) error {
	old, err := getRiskCheck(w.tx, r.ID)
	if err != nil {
		return err
	}
	r.Operator, r.CreatedAt = old.Operator, old.CreatedAt
	if ps := w.checkRisk(r); len(ps) > 0 {
		return ps
	}
	changes := model.RiskCheckChanges(&old, r)
	if len(changes) == 0 {
		return errNoChange
	}
	if err := w.putRisk(&old, r); err != nil {
		return err
	}
	return w.writeAudit(model.ActionUpdate, model.EntityRiskCheck, r.ID, riskLabel(r), changes)
}

func (w *writer) deleteRiskCheck(id uint64) error {
	old, err := getRiskCheck(w.tx, id)
	if err != nil {
		return err
	}
	if n := countPrefix(w.tx.Bucket(idxRiskCases), itob(id)); n > 0 {
		return model.Problems{{Key: "cases.risk_in_use", Args: []any{n}}}
	}
	if err := w.tx.Bucket(bucketRiskChecks).Delete(itob(id)); err != nil {
		return err
	}
	if err := w.indexRisk(&old, nil); err != nil {
		return err
	}
	return w.writeAudit(model.ActionDelete, model.EntityRiskCheck, id, riskLabel(&old), model.RiskCheckChanges(&old, &model.RiskCheck{}))
}

func (w *writer) indexRisk(old, new *model.RiskCheck) error {
	var id, oldUnit, newUnit uint64
	var oldDate, newDate model.Date
	if old != nil {
		id, oldDate, oldUnit = old.ID, old.Date, old.UnitID
	}
	if new != nil {
		id, newDate, newUnit = new.ID, new.Date, new.UnitID
	}
	if err := w.movePair(w.tx.Bucket(idxRiskDate), old != nil, new != nil, caseDateKey(oldDate, id), caseDateKey(newDate, id)); err != nil {
		return err
	}
	return w.movePair(w.tx.Bucket(idxUnitRisks), oldUnit != 0, newUnit != 0, pairKey(oldUnit, id), pairKey(newUnit, id))
}

// ---- the Store's API

// CreateCase validates and stores a new case (with its steps, and closed
// when given a closing). Problems (model.Problems, fields "cs_…"): see
// model.ValidateCase, plus a member, unit or risk check that does not
// exist. The warnings (an amount recovered above the amount in dispute)
// do not stop the write. On success c holds the case as stored.
func (s *Store) CreateCase(op string, c *model.Case) (model.Warnings, error) {
	x := cloneCase(c)
	var warn model.Warnings
	err := s.update(op, func(w *writer) (err error) { warn, err = w.createCase(&x); return err })
	if err != nil {
		return nil, err
	}
	*c = x
	return warn, nil
}

// UpdateCase stores the changed fields of an open case (received date,
// channel, type, workers, headcount, unit, amount, summary, risk check);
// its steps and closing are kept as stored. A closed case is reopened
// first.
func (s *Store) UpdateCase(op string, c *model.Case) (model.Warnings, error) {
	x := cloneCase(c)
	var warn model.Warnings
	err := s.update(op, func(w *writer) (err error) { warn, err = w.updateCase(&x); return err })
	if err != nil {
		return nil, err
	}
	*c = x
	return warn, nil
}

// AddCaseStep adds a dated step to an open case; a step dated before the
// case was received (field "cs_step_date") or in the future is refused.
func (s *Store) AddCaseStep(op string, id uint64, st model.CaseStep) error {
	return s.update(op, func(w *writer) error { return w.saveStep(id, -1, st) })
}

// UpdateCaseStep replaces step index (from 0) of an open case.
func (s *Store) UpdateCaseStep(op string, id uint64, index int, st model.CaseStep) error {
	if index < 0 {
		return model.Problems{{Key: "cases.step_missing", Args: []any{index + 1}}}
	}
	return s.update(op, func(w *writer) error { return w.saveStep(id, index, st) })
}

// CloseCase closes an open case with an outcome (required: field
// "cs_outcome"), a date not before the case nor its last step, and the
// amount recovered; more than the amount in dispute only warns.
func (s *Store) CloseCase(op string, id uint64, k model.CaseClosing) (model.Warnings, error) {
	var warn model.Warnings
	err := s.update(op, func(w *writer) (err error) { warn, err = w.closeCase(id, k); return err })
	return warn, err
}

// ReopenCase opens a closed case again, with a reason (field
// "cs_reopen_reason"); its outcome and amount recovered are cleared, the
// audit log keeps them.
func (s *Store) ReopenCase(op string, id uint64, reason string) error {
	return s.update(op, func(w *writer) error { return w.reopenCase(id, reason) })
}

// VoidCase closes a case as entered by mistake, today, with a reason
// (field "cs_void_reason"): it stays readable and counts in no figure.
func (s *Store) VoidCase(op string, id uint64, reason string) error {
	return s.update(op, func(w *writer) error { return w.voidCase(id, reason) })
}

// DeleteCase deletes a case that has no step yet.
func (s *Store) DeleteCase(op string, id uint64) error {
	return s.update(op, func(w *writer) error { return w.deleteCase(id) })
}

// CreateRiskCheck validates and stores a risk check visit (fields "rk_…").
func (s *Store) CreateRiskCheck(op string, r *model.RiskCheck) error {
	x := cloneRisk(r)
	if err := s.update(op, func(w *writer) error { return w.createRiskCheck(&x) }); err != nil {
		return err
	}
	*r = x
	return nil
}

// UpdateRiskCheck stores a changed visit (a resolution added, say).
func (s *Store) UpdateRiskCheck(op string, r *model.RiskCheck) error {
	x := cloneRisk(r)
	if err := s.update(op, func(w *writer) error { return w.updateRiskCheck(&x) }); err != nil {
		return err
	}
	*r = x
	return nil
}

// DeleteRiskCheck deletes a visit no case refers to.
func (s *Store) DeleteRiskCheck(op string, id uint64) error {
	return s.update(op, func(w *writer) error { return w.deleteRiskCheck(id) })
}

func cloneCase(c *model.Case) model.Case {
	x := *c
	x.Workers = slices.Clone(c.Workers)
	x.Steps = slices.Clone(c.Steps)
	return x
}

func cloneRisk(r *model.RiskCheck) model.RiskCheck { return *r }

// Case returns one case.
func (s *Store) Case(id uint64) (c model.Case, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		var e error
		c, e = getCase(tx, id)
		return e
	})
	return c, err
}

// RiskCheck returns one visit.
func (s *Store) RiskCheck(id uint64) (r model.RiskCheck, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		var e error
		r, e = getRiskCheck(tx, id)
		return e
	})
	return r, err
}

// byDate reads the records of a date index from..to (0 for an open end),
// in date then ID order.
func byDate[T any](tx *bbolt.Tx, idx []byte, from, to model.Date, get func(*bbolt.Tx, uint64) (T, error)) ([]T, error) {
	b := tx.Bucket(idx)
	if b == nil {
		return nil, nil
	}
	var out []T
	c := b.Cursor()
	for k, _ := c.Seek(dateKey(from)); k != nil; k, _ = c.Next() {
		if len(k) != 12 {
			continue
		}
		if to != 0 && model.Date(btoi(append(make([]byte, 4), k[:4]...))) > to {
			break
		}
		x, err := get(tx, btoi(k[4:]))
		if err != nil {
			return nil, dangling(err) // the index names it: damage
		}
		out = append(out, x)
	}
	return out, nil
}

// Cases lists the cases received from..to (0 for an open end), by date
// then ID, void ones included.
func (s *Store) Cases(from, to model.Date) ([]model.Case, error) {
	var out []model.Case
	err := s.db.View(func(tx *bbolt.Tx) (err error) {
		out, err = byDate(tx, idxCaseDate, from, to, getCase)
		return err
	})
	return out, err
}

// RiskChecks lists the visits made from..to (0 for an open end), by date
// then ID.
func (s *Store) RiskChecks(from, to model.Date) ([]model.RiskCheck, error) {
	var out []model.RiskCheck
	err := s.db.View(func(tx *bbolt.Tx) (err error) {
		out, err = byDate(tx, idxRiskDate, from, to, getRiskCheck)
		return err
	})
	return out, err
}

// CaseFigures are the figures of the cases received and the risk checks
// made from..to, with the collective threshold of the profile.
func (s *Store) CaseFigures(from, to model.Date) (model.CaseFigures, error) {
	var f model.CaseFigures
	err := s.db.View(func(tx *bbolt.Tx) error {
		p, _, err := getProfile(tx)
		if err != nil {
			return err
		}
		cases, err := byDate(tx, idxCaseDate, from, to, getCase)
		if err != nil {
			return err
		}
		all, err := byDate(tx, idxRiskDate, 0, 0, getRiskCheck)
		if err != nil {
			return err
		}
		f = model.SumCases(cases, all, all, from, to, p.CaseRules())
		return nil
	})
	return f, err
}

// CaseStats are the figures of stats --json for a year (names of types
// and channels in Chinese, the language of the books).
func (s *Store) CaseStats(year int) (model.CaseStats, error) {
	f, err := s.CaseFigures(model.NewDate(year, 1, 1), model.NewDate(year, 12, 31))
	if err != nil {
		return model.CaseStats{}, err
	}
	return model.CaseStatsOf(year, f, func(k string) string { return i18n.ZH.T(k) }), nil
}

// CreateCase is Store.CreateCase inside the batch's transaction.
func (b *Batch) CreateCase(c *model.Case) (model.Warnings, error) {
	if b.w == nil {
		return nil, errBatchDone
	}
	return b.w.createCase(c)
}

// CreateRiskCheck is Store.CreateRiskCheck inside the batch's transaction.
func (b *Batch) CreateRiskCheck(r *model.RiskCheck) error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.createRiskCheck(r)
}
