package storage

import (
	"slices"

	"unionbook/i18n"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// Writing a unit's dues settings and a member's exceptions. A setting
// changes what months owe from its month on; a month already paid into
// keeps what it owed, so a setting may only start after the last month
// paid into (a wrong payment is reversed first).

func termFrom(t model.UnitDuesTerm) model.Month     { return t.From }
func memberFrom(t model.MemberDuesTerm) model.Month { return t.From }

// unitLastPaid is the latest month any member of the unit paid into, in
// full or in part, and the member (0 for none).
func unitLastPaid(tx *bbolt.Tx, unitID uint64) (model.Month, uint64) {
	var last model.Month
	var who uint64
	dm := tx.Bucket(bucketDuesMember)
	for _, id := range memberIDsOfUnit(tx, unitID) {
		if mo := lastPaidMonth(tx, decodeMemberDues(dm.Get(itob(id))), id); mo > last {
			last, who = mo, id
		}
	}
	return last, who
}

// unitLastReported is the last month a report of the unit covers.
func unitLastReported(tx *bbolt.Tx, unitID uint64) model.Month {
	var last model.Month
	_ = forEach(tx, bucketDuesReports, func(r *model.CollectionReport) error {
		if r.UnitID == unitID {
			last = max(last, r.To)
		}
		return nil
	})
	return last
}

// SetUnitDuesTerm sets how a unit's dues are handled and reckoned from
// t.From on, replacing a term of the same month. Problems on the term's
// fields (see model.UnitDuesTerm.Validate), and on "dues_from" when a
// member of the unit paid into that month or later, or (when the handling
// changes) the unit reported it.
func (s *Store) SetUnitDuesTerm(op string, unitID uint64, t model.UnitDuesTerm) (model.UnitDues, error) {
	var out model.UnitDues
	err := s.update(op, func(w *writer) error {
		var e error
		out, e = w.setUnitDuesTerm(unitID, t)
		return e
	})
	return out, err
}

func (w *writer) setUnitDuesTerm(unitID uint64, t model.UnitDuesTerm) (model.UnitDues, error) {
	if ps := t.Validate(); len(ps) > 0 {
		return model.UnitDues{}, ps
	}
	u, err := getUnit(w.tx, unitID)
	if err != nil {
		return model.UnitDues{}, err
	}
	cur, err := getUnitDues(w.tx, unitID)
	if err != nil {
		return model.UnitDues{}, err
	}
	if last, who := unitLastPaid(w.tx, unitID); last != 0 && t.From <= last {
		m, _ := getMember(w.tx, who)
		return model.UnitDues{}, model.Problems{{Field: "dues_from", Key: "dues.term_before_paid", Args: []any{last.String(), memberLabel(&m)}}}
	}
	old := cur.TermFor(t.From)
	if old.Handling == model.HandlingSelf && t.Handling != model.HandlingSelf {
		if last := unitLastReported(w.tx, unitID); last != 0 && t.From <= last {
			return model.UnitDues{}, model.Problems{{Field: "dues_from", Key: "dues.term_before_report", Args: []any{last.String()}}}
		}
	}
	next := model.UnitDues{UnitID: unitID}
	if cur != nil {
		next.Terms = cur.Terms
	}
	if i := slices.IndexFunc(next.Terms, func(x model.UnitDuesTerm) bool { return x.From == t.From }); i >= 0 && next.Terms[i] == t {
		return next, errNoChange
	}
	next.Terms = model.WithTerm(next.Terms, t, termFrom)
	if err := w.put(w.tx.Bucket(bucketDuesUnits), itob(unitID), &next); err != nil {
		return model.UnitDues{}, err
	}
	return next, w.writeAudit(model.ActionUpdate, model.EntityUnitDues, unitID, unitLabel(&u), unitTermChanges(old, t))
}

func unitTermChanges(old, t model.UnitDuesTerm) []model.FieldChange {
	fixed := func(x model.UnitDuesTerm) string {
		if x.Scheme == model.SchemeFixed {
			return x.Fixed.String()
		}
		return ""
	}
	return []model.FieldChange{
		{Field: "dues_from", New: monthText(t.From)},
		{Field: "dues_handling", Old: old.Handling.Key(), New: t.Handling.Key()},
		{Field: "dues_scheme", Old: old.Scheme.Key(), New: t.Scheme.Key()},
		{Field: "dues_fixed", Old: fixed(old), New: fixed(t)},
		{Field: "dues_note", Old: old.Note, New: t.Note},
	}
}

// SetMemberDuesTerm sets a member's exception from t.From on (replacing
// one of the same month): the unit's scheme, the wage base, a fixed amount
// or an exemption with its reason. Problems on the term's fields, and on
// "dues_from" when the member paid into that month or later.
func (s *Store) SetMemberDuesTerm(op string, memberID uint64, t model.MemberDuesTerm) (model.MemberDues, error) {
	var out model.MemberDues
	err := s.update(op, func(w *writer) error {
		var e error
		out, e = w.setMemberDuesTerm(memberID, t)
		return e
	})
	return out, err
}

func (w *writer) setMemberDuesTerm(memberID uint64, t model.MemberDuesTerm) (model.MemberDues, error) {
	if ps := t.Validate(); len(ps) > 0 {
		return model.MemberDues{}, ps
	}
	m, err := w.member(memberID)
	if err != nil {
		return model.MemberDues{}, err
	}
	if last := lastPaidMonth(w.tx, w.memberDues(memberID), memberID); last != 0 && t.From <= last {
		return model.MemberDues{}, model.Problems{{Field: "dues_from", Key: "dues.exception_before_paid", Args: []any{last.String()}}}
	}
	cur, err := getMemberDues(w.tx, memberID)
	if err != nil {
		return model.MemberDues{}, err
	}
	old := cur.TermFor(t.From)
	next := model.MemberDues{MemberID: memberID}
	if cur != nil {
		next.Terms = cur.Terms
	}
	if i := slices.IndexFunc(next.Terms, func(x model.MemberDuesTerm) bool { return x.From == t.From }); i >= 0 && next.Terms[i] == t {
		return next, errNoChange
	}
	next.Terms = model.WithTerm(next.Terms, t, memberFrom)
	if err := w.put(w.tx.Bucket(bucketDuesMemberRules), itob(memberID), &next); err != nil {
		return model.MemberDues{}, err
	}
	fixed := func(x model.MemberDuesTerm) string {
		if x.Kind == model.MemberFixed {
			return x.Fixed.String()
		}
		return ""
	}
	return next, w.writeAudit(model.ActionUpdate, model.EntityMemberDues, memberID, memberLabel(m), []model.FieldChange{
		{Field: "dues_from", New: monthText(t.From)},
		{Field: "dues_exception", Old: old.Kind.Key(), New: t.Kind.Key()},
		{Field: "dues_fixed", Old: fixed(old), New: fixed(t)},
		{Field: "dues_reason", Old: old.Reason, New: t.Reason},
	})
}

// WageChange is a new wage base for a member.
type WageChange struct {
	MemberID uint64
	Base     model.WageBase
}

// WageProblems is the error of refused wage bases: the problems of each
// change, by its position (1-based) in the list. Nothing was written.
type WageProblems struct {
	Lines []LineProblems
}

func (e *WageProblems) Error() string { return (&BatchProblems{Lines: e.Lines}).Error() }

// SetWageBases records many wage bases at once (an import, a unit's
// members), in one transaction: all or none. A change equal to the base
// already set from that month is no change. Each change is checked as
// SetWageBase checks one; a refused list returns *WageProblems.
func (s *Store) SetWageBases(op string, changes []WageChange) (changed int, err error) {
	err = s.update(op, func(w *writer) error {
		var e error
		changed, e = w.setWageBases(changes)
		return e
	})
	return changed, err
}

func (w *writer) setWageBases(changes []WageChange) (int, error) {
	wp := &WageProblems{}
	changed := 0
	seen := make(map[uint64]int, len(changes))
	for i, c := range changes {
		if j, dup := seen[c.MemberID]; dup && changes[j-1].Base.From == c.Base.From {
			wp.Lines = append(wp.Lines, LineProblems{Line: i + 1, MemberID: c.MemberID,
				Problems: model.Problems{{Field: "member", Key: "dues.batch_duplicate", Args: []any{j}}}})
			continue
		}
		seen[c.MemberID] = i + 1
		lp := LineProblems{Line: i + 1, MemberID: c.MemberID}
		cur, err := w.member(c.MemberID)
		if err != nil {
			lp.Problems = memberProblem("dues.member_missing")
			wp.Lines = append(wp.Lines, lp)
			continue
		}
		lp.Label = memberLabel(cur)
		_, err = w.setWageBase(c.MemberID, c.Base)
		switch ps, isProblems := err.(model.Problems); {
		case err == errNoChange:
		case isProblems:
			lp.Problems = ps
			wp.Lines = append(wp.Lines, lp)
		case err != nil:
			return 0, err
		default:
			changed++
		}
	}
	if len(wp.Lines) > 0 {
		return 0, wp
	}
	if changed == 0 {
		return 0, errNoChange
	}
	return changed, nil
}

// UnitWageBase gives every member of a unit in the union the same wage
// base from a month on, in one transaction (see SetWageBases).
func (s *Store) UnitWageBase(op string, unitID uint64, wb model.WageBase) (changed int, err error) {
	var changes []WageChange
	err = s.db.View(func(tx *bbolt.Tx) error {
		if _, err := getUnit(tx, unitID); err != nil {
			return err
		}
		for _, id := range memberIDsOfUnit(tx, unitID) {
			m, err := getMember(tx, id)
			if err != nil {
				return dangling(err)
			}
			if m.UnitID == unitID && m.Status.InUnion() {
				changes = append(changes, WageChange{MemberID: id, Base: wb})
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	if len(changes) == 0 {
		return 0, model.Problems{{Field: "unit", Key: "dues.unit_no_members"}}
	}
	return s.SetWageBases(op, changes)
}

// Localize says every refused change, one per line, with its position and
// member.
func (e *WageProblems) Localize(l i18n.Lang) string {
	return (&BatchProblems{Lines: e.Lines}).Localize(l)
}

// LastPaidMonths is, for every member who paid into a month, the latest
// such month (in full or in part): a new wage base must start after it.
func (s *Store) LastPaidMonths() (map[uint64]model.Month, error) {
	out := map[uint64]model.Month{}
	err := s.db.View(func(tx *bbolt.Tx) error {
		err := tx.Bucket(bucketDuesMember).ForEach(func(k, v []byte) error {
			first, bits := paidBits(v)
			for j := len(bits) - 1; j >= 0; j-- {
				if b := bits[j]; b != 0 {
					i := 7
					for b&(1<<i) == 0 {
						i--
					}
					out[btoi(k)] = indexMonth(first + 8*j + i)
					break
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		for id, parts := range allPartials(tx) {
			for mo := range parts {
				out[id] = max(out[id], mo)
			}
		}
		return nil
	})
	return out, err
}
