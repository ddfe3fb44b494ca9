package storage

import (
	"fmt"
	"slices"
	"strings"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// The organisation register (migration "organisation register"):
// unorganised employers with their follow-up visits, and the honours of
// members and units (buckets in layout.go). Units keep their survey items
// in their own record.

func orgBuckets() [][]byte {
	return [][]byte{bucketEmployers, idxEmployerName, idxEmployerCredit, bucketHonours, idxMemberHonours, idxUnitHonours}
}

// migrateOrg creates the buckets and moves the units of the invented
// economic type 900 ("other: village, community") to what 900 meant: a
// village (or, by its name, community) joint union without an economic
// type. Other units keep their records as they are: a unit without a union
// form reads as its union type says (model.Unit.FormOrType) until it is
// next saved.
func migrateOrg(tx *bbolt.Tx) error {
	for _, name := range orgBuckets() {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	units := tx.Bucket(bucketUnits)
	var keys, vals [][]byte
	err := units.ForEach(func(k, v []byte) error {
		var u model.Unit
		if err := decode(v, &u); err != nil {
			return fmt.Errorf("unit %d: %w", btoi(k), err)
		}
		if !migrateUnitForm(&u) {
			return nil
		}
		data, err := encode(&u)
		if err != nil {
			return err
		}
		keys, vals = append(keys, slices.Clone(k)), append(vals, data)
		return nil
	})
	if err != nil {
		return err
	}
	for i := range keys { // never put while iterating
		if err := units.Put(keys[i], vals[i]); err != nil {
			return err
		}
	}
	return nil
}

// migrateUnitForm gives a unit of kind 900 its joint union's form and no
// economic type; it reports whether it changed the unit.
func migrateUnitForm(u *model.Unit) bool {
	if u.Kind != model.UnitKindLegacyOther {
		return false
	}
	switch {
	case strings.Contains(u.Name, "社区"):
		u.Form = model.FormCommunity
	case u.UnionType == model.UnionJoint:
		u.Form = model.FormVillage
	default:
		u.Form = model.FormSingle // a single union of a village committee
	}
	u.UnionType = u.Form.Type()
	u.Kind = 0
	return true
}

// The organisation register's kinds of record for the package round trip
// (listed in recordKinds, restore_records.go).
var (
	employersKind = RecordKind{
		Bucket: string(bucketEmployers),
		New:    func() any { return new(model.Employer) },
		ID:     func(x any) uint64 { return x.(*model.Employer).ID },
		Index: func(r *Restorer, x any) error {
			e := x.(*model.Employer)
			if err := r.SetIndex(string(idxEmployerName), unitNameKey(e.Name), itob(e.ID)); err != nil {
				return err
			}
			if e.CreditCode != "" {
				return r.SetIndex(string(idxEmployerCredit), []byte(e.CreditCode), itob(e.ID))
			}
			return nil
		},
	}
	honoursKind = RecordKind{
		Bucket: string(bucketHonours),
		New:    func() any { return new(model.Honour) },
		ID:     func(x any) uint64 { return x.(*model.Honour).ID },
		Index: func(r *Restorer, x any) error {
			h := x.(*model.Honour)
			if h.MemberID != 0 {
				return r.SetIndex(string(idxMemberHonours), pairKey(h.MemberID, h.ID), nil)
			}
			return r.SetIndex(string(idxUnitHonours), pairKey(h.UnitID, h.ID), nil)
		},
	}
)

// memberHonoursRef: a member with honours cannot be deleted (remove the
// honours first: they are the member's record, not a mistake's).
func memberHonoursRef(tx *bbolt.Tx, id uint64) (int, string, error) {
	return countPrefix(tx.Bucket(idxMemberHonours), itob(id)), "honour.member_has", nil
}

func unitHonoursRef(tx *bbolt.Tx, id uint64) (int, string, error) {
	return countPrefix(tx.Bucket(idxUnitHonours), itob(id)), "honour.unit_has", nil
}

// unitEmployerRef: a unit that was an unorganised employer keeps that
// history; it is dissolved, not deleted.
func unitEmployerRef(tx *bbolt.Tx, id uint64) (int, string, error) {
	u, err := getUnit(tx, id)
	if err != nil || u.FromEmployer == 0 {
		return 0, "", nil
	}
	return 1, "employer.unit_has_history", nil
}

// ---- employers

func getEmployer(tx *bbolt.Tx, id uint64) (model.Employer, error) {
	var e model.Employer
	b := tx.Bucket(bucketEmployers)
	if b == nil {
		return e, fmt.Errorf("employer %d: %w", id, errNotFound())
	}
	v := b.Get(itob(id))
	if v == nil {
		return e, fmt.Errorf("employer %d: %w", id, errNotFound())
	}
	if err := decode(v, &e); err != nil {
		return e, fmt.Errorf("employer %d: %w", id, err)
	}
	return e, nil
}

// employerConflicts: a name or credit code another employer has, or a
// credit code a unit has (that employer has a union already).
func (w *writer) employerConflicts(e *model.Employer) (model.Problems, error) {
	var ps model.Problems
	// through w.get: a bulk transaction holds the index entries it wrote
	if v := w.get(w.tx.Bucket(idxEmployerName), unitNameKey(e.Name)); e.Name != "" && v != nil && btoi(v) != e.ID {
		ps = append(ps, model.Problem{Field: "employer_name", Key: "employer.duplicate_name"})
	}
	if e.CreditCode != "" {
		if v := w.get(w.tx.Bucket(idxEmployerCredit), []byte(e.CreditCode)); v != nil && btoi(v) != e.ID {
			other, err := getEmployer(w.tx, btoi(v))
			if err != nil {
				return nil, err
			}
			ps = append(ps, model.Problem{Field: "credit_code", Key: "employer.duplicate_credit", Args: []any{other.Name}})
		}
		if v := w.get(w.idxUnitCredit, []byte(e.CreditCode)); v != nil && e.Status.Open() {
			u, err := getUnit(w.tx, btoi(v))
			if err != nil {
				return nil, err
			}
			ps = append(ps, model.Problem{Field: "credit_code", Key: "employer.has_union", Args: []any{u.Name}})
		}
	}
	return ps, nil
}

func (w *writer) putEmployer(old, e *model.Employer) error {
	if err := w.put(w.tx.Bucket(bucketEmployers), itob(e.ID), e); err != nil {
		return err
	}
	var oldName, oldCode string
	if old != nil {
		oldName, oldCode = string(unitNameKey(old.Name)), old.CreditCode
	}
	if err := w.moveKey(w.tx.Bucket(idxEmployerName), e.ID, oldName, string(unitNameKey(e.Name))); err != nil {
		return err
	}
	return w.moveKey(w.tx.Bucket(idxEmployerCredit), e.ID, oldCode, e.CreditCode)
}

func (w *writer) checkEmployer(e *model.Employer) error {
	e.Normalize()
	ps := e.Validate(w.today)
	cps, err := w.employerConflicts(e)
	if err != nil {
		return err
	}
	if ps = append(ps, cps...); len(ps) > 0 {
		return ps
	}
	return nil
}

func (w *writer) createEmployer(e *model.Employer) error {
	e.ID, e.Visits, e.UnitID, e.FormedOn, e.GoneOn, e.GoneReason = 0, nil, 0, 0, 0, ""
	e.Status = model.EmployerUnorganised
	if err := w.checkEmployer(e); err != nil {
		return err
	}
	id, err := w.tx.Bucket(bucketEmployers).NextSequence()
	if err != nil {
		return err
	}
	e.ID, e.CreatedAt = id, w.now
	if err := w.putEmployer(nil, e); err != nil {
		return err
	}
	return w.writeAudit(model.ActionCreate, model.EntityEmployer, id, e.Name, employerChanges(nil, e))
}

// updateEmployer stores the employer's own fields; its status, visits and
// what it became change only through the follow-up writes.
func (w *writer) updateEmployer(e *model.Employer) error {
	old, err := getEmployer(w.tx, e.ID)
	if err != nil {
		return err
	}
	e.Status, e.Visits, e.UnitID, e.FormedOn, e.GoneOn, e.GoneReason, e.CreatedAt =
		old.Status, old.Visits, old.UnitID, old.FormedOn, old.GoneOn, old.GoneReason, old.CreatedAt
	if err := w.checkEmployer(e); err != nil {
		return err
	}
	changes := employerChanges(&old, e)
	if len(changes) == 0 {
		return errNoChange
	}
	if err := w.putEmployer(&old, e); err != nil {
		return err
	}
	return w.writeAudit(model.ActionUpdate, model.EntityEmployer, e.ID, e.Name, changes)
}

// deleteEmployer removes an employer registered by mistake: only one not
// yet visited (a visited one is closed instead, keeping its history).
func (w *writer) deleteEmployer(id uint64) error {
	old, err := getEmployer(w.tx, id)
	if err != nil {
		return err
	}
	if len(old.Visits) > 0 || !old.Status.Open() {
		return model.Problems{{Key: "employer.delete_history"}}
	}
	if err := w.tx.Bucket(bucketEmployers).Delete(itob(id)); err != nil {
		return err
	}
	if err := w.moveKey(w.tx.Bucket(idxEmployerName), id, string(unitNameKey(old.Name)), ""); err != nil {
		return err
	}
	if err := w.moveKey(w.tx.Bucket(idxEmployerCredit), id, old.CreditCode, ""); err != nil {
		return err
	}
	return w.writeAudit(model.ActionDelete, model.EntityEmployer, id, old.Name, employerChanges(&old, &model.Employer{}))
}

func (w *writer) visitEmployer(id uint64, v model.OrganisingVisit) (model.Employer, error) {
	e, err := getEmployer(w.tx, id)
	if err != nil {
		return e, err
	}
	if ps := model.ValidateVisit(&e, &v, w.today); len(ps) > 0 {
		return e, ps
	}
	v.Operator, v.At = w.op, w.now
	old := e
	e.Visits = append(slices.Clone(e.Visits), v)
	e.Status = model.EmployerFollowing
	if err := w.putEmployer(&old, &e); err != nil {
		return e, err
	}
	changes := []model.FieldChange{{Field: "date", New: v.Date.String()}, {Field: "visit_by", New: v.By},
		{Field: "visit_outcome", New: v.Outcome}}
	if v.Next != 0 {
		changes = append(changes, model.FieldChange{Field: "visit_next", New: v.Next.String()})
	}
	if old.Status != e.Status {
		changes = append(changes, model.FieldChange{Field: "employer_status", Old: old.Status.Key(), New: e.Status.Key()})
	}
	return e, w.writeAudit(model.ActionUpdate, model.EntityEmployer, id, e.Name, changes)
}

// employerFormed records that an employer formed its union: the unit u
// (filled from the employer by the caller, see model.UnitFromEmployer) is
// created, and the employer is marked formed with its unit, in one
// transaction. The employer's visits stay on its record.
func (w *writer) employerFormed(id uint64, u *model.Unit) (model.Employer, error) {
	e, err := getEmployer(w.tx, id)
	if err != nil {
		return e, err
	}
	ps := model.ValidateFormed(&e, u.FormedOn, w.today)
	u.FromEmployer = id
	if err := w.createUnit(u); err != nil {
		var ups model.Problems
		if !asProblems(err, &ups) {
			return e, err
		}
		ps = append(ps, ups...)
	}
	if len(ps) > 0 {
		return e, ps
	}
	old := e
	e.Status, e.UnitID, e.FormedOn = model.EmployerFormed, u.ID, u.FormedOn
	if err := w.putEmployer(&old, &e); err != nil {
		return e, err
	}
	return e, w.writeAudit(model.ActionStatus, model.EntityEmployer, id, e.Name, []model.FieldChange{
		{Field: "employer_status", Old: old.Status.Key(), New: e.Status.Key()},
		{Field: "formed_on", New: e.FormedOn.String()}, {Field: "unit", New: u.Name}})
}

// employerGone closes an employer that left the township or closed down.
func (w *writer) employerGone(id uint64, date model.Date, reason string) (model.Employer, error) {
	e, err := getEmployer(w.tx, id)
	if err != nil {
		return e, err
	}
	if ps := model.ValidateGone(&e, date, reason, w.today); len(ps) > 0 {
		return e, ps
	}
	old := e
	e.Status, e.GoneOn, e.GoneReason = model.EmployerGone, date, model.CleanText(reason)
	if err := w.putEmployer(&old, &e); err != nil {
		return e, err
	}
	return e, w.writeAudit(model.ActionStatus, model.EntityEmployer, id, e.Name, []model.FieldChange{
		{Field: "employer_status", Old: old.Status.Key(), New: e.Status.Key()},
		{Field: "date", New: date.String()}, {Field: "reason", New: e.GoneReason}})
}

func employerChanges(old, new *model.Employer) []model.FieldChange {
	if old == nil {
		old = &model.Employer{}
	}
	var cs []model.FieldChange
	diff := func(field, a, b string) {
		if a != b {
			cs = append(cs, model.FieldChange{Field: field, Old: a, New: b})
		}
	}
	num := func(n int) string { return fmt.Sprint(n) }
	diff("employer_name", old.Name, new.Name)
	diff("credit_code", old.CreditCode, new.CreditCode)
	diff("unit_kind", kindText(old.Kind), kindText(new.Kind))
	diff("employees", num(old.Employees), num(new.Employees))
	diff("women", num(old.Women), num(new.Women))
	diff("migrant_workers", num(old.Migrant), num(new.Migrant))
	diff("contact", old.Contact, new.Contact)
	diff("unit_phone", old.Phone, new.Phone)
	diff("address", old.Address, new.Address)
	diff("industry", old.Industry, new.Industry)
	diff("registered", old.Registered.String(), new.Registered.String())
	diff("notes", old.Notes, new.Notes)
	return cs
}

func kindText(k model.UnitKind) string {
	if k == 0 {
		return ""
	}
	return fmt.Sprint(int(k))
}

// asProblems reports whether err is a list of validation problems.
func asProblems(err error, ps *model.Problems) bool {
	p, ok := err.(model.Problems)
	if ok {
		*ps = p
	}
	return ok
}

// ---- honours

func getHonour(tx *bbolt.Tx, id uint64) (model.Honour, error) {
	var h model.Honour
	b := tx.Bucket(bucketHonours)
	if b == nil {
		return h, fmt.Errorf("honour %d: %w", id, errNotFound())
	}
	v := b.Get(itob(id))
	if v == nil {
		return h, fmt.Errorf("honour %d: %w", id, errNotFound())
	}
	if err := decode(v, &h); err != nil {
		return h, fmt.Errorf("honour %d: %w", id, err)
	}
	return h, nil
}

// honourLabel names an honour in the audit log: holder and honour.
func (w *writer) honourLabel(h *model.Honour) string {
	holder := ""
	if h.MemberID != 0 {
		if m, err := getMember(w.tx, h.MemberID); err == nil {
			holder = memberLabel(&m)
		}
	} else if u, err := getUnit(w.tx, h.UnitID); err == nil {
		holder = u.Name
	}
	return fmt.Sprintf("%s %d %s", holder, h.Year, honourName(h))
}

func honourName(h *model.Honour) string {
	if h.Name != "" {
		return h.Name
	}
	return i18n.ZH.T(h.Title.Key())
}

func (w *writer) checkHonour(h *model.Honour) error {
	h.Normalize()
	ps := h.Validate(w.today)
	if h.MemberID != 0 {
		if _, err := getMember(w.tx, h.MemberID); err != nil {
			ps = append(ps, model.Problem{Field: "holder", Key: "dues.member_missing"})
		}
	}
	if h.UnitID != 0 && !w.unitExists(h.UnitID) {
		ps = append(ps, model.Problem{Field: "holder", Key: "member.unit_missing"})
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
}

func (w *writer) indexHonour(h *model.Honour, del bool) error {
	b, holder := w.tx.Bucket(idxMemberHonours), h.MemberID
	if h.MemberID == 0 {
		b, holder = w.tx.Bucket(idxUnitHonours), h.UnitID
	}
	if del {
		return b.Delete(pairKey(holder, h.ID))
	}
	return b.Put(pairKey(holder, h.ID), empty)
}

func (w *writer) createHonour(h *model.Honour) error {
	h.ID = 0
	if err := w.checkHonour(h); err != nil {
		return err
	}
	id, err := w.tx.Bucket(bucketHonours).NextSequence()
	if err != nil {
		return err
	}
	h.ID, h.Operator, h.CreatedAt = id, w.op, w.now
	if err := w.put(w.tx.Bucket(bucketHonours), itob(id), h); err != nil {
		return err
	}
	if err := w.indexHonour(h, false); err != nil {
		return err
	}
	return w.writeAudit(model.ActionCreate, model.EntityHonour, id, w.honourLabel(h), honourChanges(nil, h))
}

// updateHonour stores a corrected honour; its holder stays.
func (w *writer) updateHonour(h *model.Honour) error {
	old, err := getHonour(w.tx, h.ID)
	if err != nil {
		return err
	}
	h.MemberID, h.UnitID, h.Operator, h.CreatedAt = old.MemberID, old.UnitID, old.Operator, old.CreatedAt
	if err := w.checkHonour(h); err != nil {
		return err
	}
	changes := honourChanges(&old, h)
	if len(changes) == 0 {
		return errNoChange
	}
	if err := w.put(w.tx.Bucket(bucketHonours), itob(h.ID), h); err != nil {
		return err
	}
	return w.writeAudit(model.ActionUpdate, model.EntityHonour, h.ID, w.honourLabel(h), changes)
}

func (w *writer) deleteHonour(id uint64) error {
	old, err := getHonour(w.tx, id)
	if err != nil {
		return err
	}
	label := w.honourLabel(&old)
	if err := w.tx.Bucket(bucketHonours).Delete(itob(id)); err != nil {
		return err
	}
	if err := w.indexHonour(&old, true); err != nil {
		return err
	}
	return w.writeAudit(model.ActionDelete, model.EntityHonour, id, label, honourChanges(&old, &model.Honour{}))
}

func honourChanges(old, new *model.Honour) []model.FieldChange {
	if old == nil {
		old = &model.Honour{}
	}
	var cs []model.FieldChange
	diff := func(field, a, b string) {
		if a != b {
			cs = append(cs, model.FieldChange{Field: field, Old: a, New: b})
		}
	}
	diff("honour_title", titleKey(old), titleKey(new))
	diff("honour_name", old.Name, new.Name)
	diff("honour_level", levelKey(old), levelKey(new))
	diff("honour_year", yearText(old.Year), yearText(new.Year))
	diff("honour_body", old.Body, new.Body)
	diff("notes", old.Notes, new.Notes)
	return cs
}

func titleKey(h *model.Honour) string {
	if h.Title == 0 {
		return ""
	}
	return h.Title.Key()
}

func levelKey(h *model.Honour) string {
	if h.Level == 0 {
		return ""
	}
	return h.Level.Key()
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return fmt.Sprint(y)
}

// filingNoticeProblems checks a hardship file's public notice against the
// rules' shortest notice.
func (w *writer) filingNoticeProblems(f *model.HardshipFile) (model.Problems, error) {
	if f.FilingNoticeFrom == 0 || f.FilingNoticeTo == 0 {
		return nil, nil
	}
	r, err := w.rulesHardship()
	if err != nil {
		return nil, err
	}
	return model.ValidateFilingNotice(f, r), nil
}

// orgProfileChanges lists the organisation settings that changed, for the
// audit log (and so that saving only them is a change at all).
func orgProfileChanges(old, new *model.Profile) []model.FieldChange {
	var cs []model.FieldChange
	diff := func(field string, a, b int) {
		if a != b {
			cs = append(cs, model.FieldChange{Field: field, Old: fmt.Sprint(a), New: fmt.Sprint(b)})
		}
	}
	diff("term_years", old.TermYears, new.TermYears)
	diff("election_warn_days", old.ElectionWarnDays, new.ElectionWarnDays)
	return cs
}
