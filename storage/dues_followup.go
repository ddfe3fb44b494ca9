package storage

import (
	"bytes"
	"fmt"
	"slices"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// Collection reports of units that collect their own dues, reminders
// (催缴), and whether members in arrears took part in union life.

// AddCollectionReport records what a unit that collects its own dues
// reported. Problems on the report's fields (model.CollectionReport.
// Validate), and on "unit" when the unit does not collect its own dues in
// one of the months, "to" when a month is still to come, "from" when
// another report covers one of the months.
func (s *Store) AddCollectionReport(op string, r *model.CollectionReport) error {
	c := *r
	err := s.update(op, func(w *writer) error { return w.addReport(&c) })
	if err != nil {
		return err
	}
	*r = c
	return nil
}

func (w *writer) addReport(r *model.CollectionReport) error {
	r.ID = 0
	ps := r.Validate(w.today)
	var unit model.Unit
	if r.UnitID != 0 {
		u, err := getUnit(w.tx, r.UnitID)
		if err != nil {
			ps = append(ps, model.Problem{Field: "unit", Key: "member.unit_missing"})
		}
		unit = u
	}
	if len(ps) == 0 {
		ud, err := getUnitDues(w.tx, r.UnitID)
		if err != nil {
			return err
		}
		for mo := r.From; mo <= r.To; mo = mo.Add(1) {
			if ud.TermFor(mo).Handling != model.HandlingSelf {
				ps = append(ps, model.Problem{Field: "unit", Key: "dues.report_not_self", Args: []any{mo.String()}})
				break
			}
		}
		if r.To > w.today.Month() {
			ps = append(ps, model.Problem{Field: "to", Key: "dues.report_future"})
		}
		err = forEach(w.tx, bucketDuesReports, func(x *model.CollectionReport) error {
			if x.UnitID == r.UnitID && x.From <= r.To && r.From <= x.To && !ps.Has("from", "dues.report_overlap") {
				ps = append(ps, model.Problem{Field: "from", Key: "dues.report_overlap", Args: []any{batchMonths(x.From, x.To)}})
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if len(ps) > 0 {
		return ps
	}
	b := w.tx.Bucket(bucketDuesReports)
	id, err := b.NextSequence()
	if err != nil {
		return err
	}
	r.ID, r.Operator, r.CreatedAt = id, w.op, w.now
	if err := w.put(b, itob(id), r); err != nil {
		return err
	}
	return w.writeAudit(model.ActionCreate, model.EntityReport, id, unit.Name+" "+batchMonths(r.From, r.To), reportChanges(r))
}

func reportChanges(r *model.CollectionReport) []model.FieldChange {
	due := ""
	if r.Due > 0 {
		due = r.Due.String()
	}
	return []model.FieldChange{
		{Field: "from", New: r.From.String()},
		{Field: "to", New: r.To.String()},
		{Field: "report_members", New: fmt.Sprint(r.Members)},
		{Field: "report_paid", New: r.Paid.String()},
		{Field: "report_due", New: due},
		{Field: "date", New: r.Date.String()},
		{Field: "note", New: r.Note},
	}
}

// DeleteCollectionReport removes a report entered wrongly (it is not this
// federation's money: a report is entered again, not reversed). The audit
// log keeps what it said.
func (s *Store) DeleteCollectionReport(op string, id uint64) error {
	return s.update(op, func(w *writer) error {
		b := w.tx.Bucket(bucketDuesReports)
		var r model.CollectionReport
		v := b.Get(itob(id))
		if v == nil {
			return fmt.Errorf("report %d: %w", id, errNotFound())
		}
		if err := decode(v, &r); err != nil {
			return err
		}
		if err := b.Delete(itob(id)); err != nil {
			return err
		}
		u, _ := getUnit(w.tx, r.UnitID)
		changes := reportChanges(&r)
		for i := range changes {
			changes[i].Old, changes[i].New = changes[i].New, ""
		}
		return w.writeAudit(model.ActionDelete, model.EntityReport, id, u.Name+" "+batchMonths(r.From, r.To), changes)
	})
}

// CollectionReports lists a unit's reports (every unit's for 0), latest
// months first.
func (s *Store) CollectionReports(unitID uint64) ([]model.CollectionReport, error) {
	var out []model.CollectionReport
	err := s.db.View(func(tx *bbolt.Tx) error {
		return forEach(tx, bucketDuesReports, func(r *model.CollectionReport) error {
			if unitID == 0 || r.UnitID == unitID {
				out = append(out, *r)
			}
			return nil
		})
	})
	slices.SortFunc(out, func(a, b model.CollectionReport) int {
		if a.From != b.From {
			return int(b.From) - int(a.From)
		}
		return int(b.ID) - int(a.ID)
	})
	return out, err
}

// AddReminder records a reminder of dues in arrears: to a member (its unit
// is the member's) or to a unit as a whole. Problems on "unit", "date",
// "remind_how" and "note".
func (s *Store) AddReminder(op string, r *model.Reminder) error {
	c := *r
	if err := s.update(op, func(w *writer) error { return w.addReminder(&c) }); err != nil {
		return err
	}
	*r = c
	return nil
}

func (w *writer) addReminder(c *model.Reminder) error {
	c.ID = 0
	ps := c.Validate(w.today)
	label := ""
	if c.MemberID != 0 {
		m, err := w.member(c.MemberID)
		if err != nil {
			ps = append(ps, model.Problem{Field: "member", Key: "dues.member_missing"})
		} else {
			c.UnitID, label = m.UnitID, memberLabel(m)
		}
	} else if c.UnitID != 0 {
		u, err := getUnit(w.tx, c.UnitID)
		if err != nil {
			ps = append(ps, model.Problem{Field: "unit", Key: "member.unit_missing"})
		}
		label = u.Name
	}
	if len(ps) > 0 {
		return ps
	}
	b := w.tx.Bucket(bucketReminders)
	id, err := b.NextSequence()
	if err != nil {
		return err
	}
	c.ID, c.Operator, c.CreatedAt = id, w.op, w.now
	if err := w.put(b, itob(id), c); err != nil {
		return err
	}
	return w.writeAudit(model.ActionCreate, model.EntityReminder, id, label, []model.FieldChange{
		{Field: "date", New: c.Date.String()},
		{Field: "remind_how", New: c.How.Key()},
		{Field: "note", New: c.Note},
	})
}

// Reminders lists the reminders of a unit (those to the unit and to its
// members) or, with memberID set, of one member; newest first.
func (s *Store) Reminders(unitID, memberID uint64) ([]model.Reminder, error) {
	var out []model.Reminder
	err := s.db.View(func(tx *bbolt.Tx) error {
		return forEach(tx, bucketReminders, func(r *model.Reminder) error {
			if (memberID != 0 && r.MemberID == memberID) || (memberID == 0 && r.UnitID == unitID) {
				out = append(out, *r)
			}
			return nil
		})
	})
	slices.SortFunc(out, func(a, b model.Reminder) int {
		if a.Date != b.Date {
			return int(b.Date) - int(a.Date)
		}
		return int(b.ID) - int(a.ID)
	})
	return out, err
}

// LastReminders is the latest reminder of each member reminded, and of
// each unit reminded as a whole.
func (s *Store) LastReminders() (members, units map[uint64]model.Reminder, err error) {
	members, units = map[uint64]model.Reminder{}, map[uint64]model.Reminder{}
	later := func(a, b model.Reminder) bool { return a.Date > b.Date || (a.Date == b.Date && a.ID > b.ID) }
	err = s.db.View(func(tx *bbolt.Tx) error {
		return forEach(tx, bucketReminders, func(r *model.Reminder) error {
			if r.MemberID != 0 {
				if cur, ok := members[r.MemberID]; !ok || later(*r, cur) {
					members[r.MemberID] = *r
				}
			} else if cur, ok := units[r.UnitID]; !ok || later(*r, cur) {
				units[r.UnitID] = *r
			}
			return nil
		})
	})
	return members, units, err
}

// Span is a range of months.
type Span struct{ From, To model.Month }

// TookPart tells, for each member given, whether they took part in an
// event whose dates meet their span of months: the charter counts a member
// as having left only after six months of neither paying nor taking part.
func (s *Store) TookPart(spans map[uint64]Span) (map[uint64]bool, error) {
	out := make(map[uint64]bool, len(spans))
	err := s.db.View(func(tx *bbolt.Tx) error {
		idx := tx.Bucket(idxMemberEvents)
		if idx == nil {
			return nil
		}
		dates := map[uint64][2]model.Date{}
		for id, sp := range spans {
			prefix := itob(id)
			c := idx.Cursor()
			for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
				if len(k) != 16 {
					continue
				}
				eid := btoi(k[8:])
				d, ok := dates[eid]
				if !ok {
					e, err := getEvent(tx, eid)
					if err != nil {
						continue
					}
					d = [2]model.Date{e.Start, max(e.End, e.Start)}
					dates[eid] = d
				}
				if d[0] <= sp.To.Last() && d[1] >= sp.From.First() {
					out[id] = true
					break
				}
			}
		}
		return nil
	})
	return out, err
}

// UnitArrears lists the members of a unit with months owing up to asOf,
// in member ID order (for the unit's arrears notice).
func (s *Store) UnitArrears(unitID uint64, asOf model.Month) ([]Arrear, error) {
	var out []Arrear
	err := s.db.View(func(tx *bbolt.Tx) error {
		var roster []model.Member
		for _, id := range memberIDsOfUnit(tx, unitID) {
			m, err := getMember(tx, id)
			if err != nil {
				return dangling(err)
			}
			if m.UnitID == unitID {
				roster = append(roster, m)
			}
		}
		l, err := arrears(tx, roster, asOf, 1)
		out = l.Arrears
		return err
	})
	slices.SortFunc(out, func(a, b Arrear) int { return int(a.MemberID) - int(b.MemberID) })
	return out, err
}

// LastBatchOf is the ID of the unit's latest batch, 0 when it has none.
func (s *Store) LastBatchOf(unitID uint64) (id uint64, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketDuesBatches).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			var rec DuesBatchRecord
			if err := decode(v, &rec); err != nil {
				return err
			}
			if rec.UnitID == unitID {
				id = rec.ID
				return nil
			}
		}
		return nil
	})
	return id, err
}
