package storage

import (
	"slices"
	"strconv"
	"strings"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// The organisation register's store methods: unorganised employers and
// their follow-up, honours, and the reads the Units tab, stats and the
// district package need.

// CreateEmployer validates and stores a new unorganised employer; on
// success e holds it as stored.
func (s *Store) CreateEmployer(op string, e *model.Employer) error {
	c := *e
	if err := s.update(op, func(w *writer) error { return w.createEmployer(&c) }); err != nil {
		return err
	}
	*e = c
	return nil
}

// UpdateEmployer stores the employer's own fields (not its status or visits).
func (s *Store) UpdateEmployer(op string, e *model.Employer) error {
	c := *e
	if err := s.update(op, func(w *writer) error { return w.updateEmployer(&c) }); err != nil {
		return err
	}
	*e = c
	return nil
}

// DeleteEmployer removes an employer registered by mistake (never visited).
func (s *Store) DeleteEmployer(op string, id uint64) error {
	return s.update(op, func(w *writer) error { return w.deleteEmployer(id) })
}

// VisitEmployer records a follow-up visit; the employer is then being
// organised.
func (s *Store) VisitEmployer(op string, id uint64, v model.OrganisingVisit) (model.Employer, error) {
	var e model.Employer
	err := s.update(op, func(w *writer) error {
		var err error
		e, err = w.visitEmployer(id, v)
		return err
	})
	return e, err
}

// EmployerFormed records that the employer formed its union: u (see
// model.UnitFromEmployer) is created and the employer marked formed, in
// one transaction. On success u holds the stored unit.
func (s *Store) EmployerFormed(op string, id uint64, u *model.Unit) (model.Employer, error) {
	var e model.Employer
	c := *u
	err := s.update(op, func(w *writer) error {
		var err error
		e, err = w.employerFormed(id, &c)
		return err
	})
	if err == nil {
		*u = c
	}
	return e, err
}

// EmployerGone closes an employer that closed down or left the township.
func (s *Store) EmployerGone(op string, id uint64, date model.Date, reason string) (model.Employer, error) {
	var e model.Employer
	err := s.update(op, func(w *writer) error {
		var err error
		e, err = w.employerGone(id, date, reason)
		return err
	})
	return e, err
}

// Employer returns one employer.
func (s *Store) Employer(id uint64) (e model.Employer, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		var e2 error
		e, e2 = getEmployer(tx, id)
		return e2
	})
	return e, err
}

// Employers returns every unorganised employer (those formed or gone
// too), in ID order.
func (s *Store) Employers() ([]model.Employer, error) {
	var es []model.Employer
	err := s.db.View(func(tx *bbolt.Tx) error {
		return forEach(tx, bucketEmployers, func(e *model.Employer) error { es = append(es, *e); return nil })
	})
	return es, err
}

// CreateHonour validates and stores an honour of a member or a unit.
func (s *Store) CreateHonour(op string, h *model.Honour) error {
	c := *h
	if err := s.update(op, func(w *writer) error { return w.createHonour(&c) }); err != nil {
		return err
	}
	*h = c
	return nil
}

// UpdateHonour stores a corrected honour (its holder stays).
func (s *Store) UpdateHonour(op string, h *model.Honour) error {
	c := *h
	if err := s.update(op, func(w *writer) error { return w.updateHonour(&c) }); err != nil {
		return err
	}
	*h = c
	return nil
}

// DeleteHonour removes an honour recorded by mistake.
func (s *Store) DeleteHonour(op string, id uint64) error {
	return s.update(op, func(w *writer) error { return w.deleteHonour(id) })
}

// Honours returns every honour, in ID order.
func (s *Store) Honours() ([]model.Honour, error) {
	var hs []model.Honour
	err := s.db.View(func(tx *bbolt.Tx) error {
		return forEach(tx, bucketHonours, func(h *model.Honour) error { hs = append(hs, *h); return nil })
	})
	return hs, err
}

// MemberHonours returns a member's honours, newest year first.
func (s *Store) MemberHonours(memberID uint64) ([]model.Honour, error) {
	return s.honoursOf(idxMemberHonours, memberID)
}

// UnitHonours returns a unit's honours, newest year first.
func (s *Store) UnitHonours(unitID uint64) ([]model.Honour, error) {
	return s.honoursOf(idxUnitHonours, unitID)
}

func (s *Store) honoursOf(idx []byte, holder uint64) ([]model.Honour, error) {
	var hs []model.Honour
	err := s.db.View(func(tx *bbolt.Tx) error {
		for _, id := range idsWithPrefix(tx.Bucket(idx), holder) {
			h, err := getHonour(tx, id)
			if err != nil {
				return dangling(err)
			}
			hs = append(hs, h)
		}
		return nil
	})
	slices.SortStableFunc(hs, func(a, b model.Honour) int { return b.Year - a.Year })
	return hs, err
}

// ModelWorkerCare is a model worker and the care the union gave them in a
// year (劳模关爱): aid records (慰问 and help) and consolation events taken
// part in, and whether their household is on file in hardship (困难劳模).
type ModelWorkerCare struct {
	Member       model.Member
	Level        model.ModelWorkerLevel
	Honours      []model.Honour
	AidCount     int
	AidValue     model.Money // cash and goods, net of reversals
	Consolations int         // consolation events (慰问/送温暖) taken part in
	LastCare     model.Date
	InHardship   bool // an open hardship file
}

// ModelWorkers lists the members with a model-worker honour and the care
// they got in year, highest level first, then by name.
func (s *Store) ModelWorkers(year int) ([]ModelWorkerCare, error) {
	var out []ModelWorkerCare
	err := s.db.View(func(tx *bbolt.Tx) error {
		byMember := map[uint64][]model.Honour{}
		err := forEach(tx, bucketHonours, func(h *model.Honour) error {
			if h.MemberID != 0 {
				byMember[h.MemberID] = append(byMember[h.MemberID], *h)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for id, hs := range byMember {
			level := model.ModelWorkerLevelOf(hs)
			if level == model.ModelNone {
				continue
			}
			m, err := getMember(tx, id)
			if err != nil {
				return dangling(err)
			}
			c := ModelWorkerCare{Member: m, Level: level, Honours: hs}
			aid, err := aidByIDs(tx, prefixIDs(tx.Bucket(idxAidMember), id))
			if err != nil {
				return err
			}
			for _, a := range aid {
				if a.Date.Year() != year {
					continue
				}
				c.AidValue += a.Value()
				if a.ReversalOf == 0 {
					c.AidCount++
					c.LastCare = max(c.LastCare, a.Date)
				}
			}
			for _, eid := range idsWithPrefix(tx.Bucket(idxMemberEvents), id) {
				e, err := getEvent(tx, eid)
				if err != nil {
					return dangling(err)
				}
				if e.Type == model.EventConsolation && e.Start.Year() == year {
					c.Consolations++
					c.LastCare = max(c.LastCare, e.Start)
				}
			}
			if b := tx.Bucket(idxHardshipOpen); b != nil && b.Get(itob(id)) != nil {
				c.InHardship = true
			}
			out = append(out, c)
		}
		return nil
	})
	slices.SortFunc(out, func(a, b ModelWorkerCare) int {
		if a.Level != b.Level {
			return int(a.Level) - int(b.Level)
		}
		return strings.Compare(a.Member.No, b.Member.No)
	})
	return out, err
}

// OrgData is what the organisation figures are computed from.
type OrgData struct {
	Profile   model.Profile
	Units     []model.Unit
	Employers []model.Employer
	Members   []model.Member
}

// OrgData reads the profile, units, employers and members in one read
// transaction.
func (s *Store) OrgData() (OrgData, error) {
	var d OrgData
	err := s.db.View(func(tx *bbolt.Tx) error {
		var err error
		if d, err = orgData(tx); err != nil {
			return err
		}
		d.Members, err = allMembers(tx)
		return err
	})
	return d, err
}

// orgData is OrgData without the members.
func orgData(tx *bbolt.Tx) (OrgData, error) {
	var d OrgData
	p, _, err := getProfile(tx)
	if err != nil {
		return d, err
	}
	d.Profile = p
	if err := forEach(tx, bucketUnits, func(u *model.Unit) error { d.Units = append(d.Units, *u); return nil }); err != nil {
		return d, err
	}
	err = forEach(tx, bucketEmployers, func(e *model.Employer) error { d.Employers = append(d.Employers, *e); return nil })
	return d, err
}

// ---- Batch (demo)

// CreateEmployer is Store.CreateEmployer inside the batch's transaction.
func (b *Batch) CreateEmployer(e *model.Employer) error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.createEmployer(e)
}

// VisitEmployer is Store.VisitEmployer inside the batch's transaction.
func (b *Batch) VisitEmployer(id uint64, v model.OrganisingVisit) (model.Employer, error) {
	if b.w == nil {
		return model.Employer{}, errBatchDone
	}
	return b.w.visitEmployer(id, v)
}

// EmployerFormed is Store.EmployerFormed inside the batch's transaction.
func (b *Batch) EmployerFormed(id uint64, u *model.Unit) (model.Employer, error) {
	if b.w == nil {
		return model.Employer{}, errBatchDone
	}
	return b.w.employerFormed(id, u)
}

// EmployerGone is Store.EmployerGone inside the batch's transaction.
func (b *Batch) EmployerGone(id uint64, date model.Date, reason string) (model.Employer, error) {
	if b.w == nil {
		return model.Employer{}, errBatchDone
	}
	return b.w.employerGone(id, date, reason)
}

// CreateHonour is Store.CreateHonour inside the batch's transaction.
func (b *Batch) CreateHonour(h *model.Honour) error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.createHonour(h)
}

// OrgStats computes the organisation figures of stats on day d.
// The member counts need no names or ID numbers: they are made from the
// roster the dues scans read, shared with stats' dues figures while it
// holds them (HoldSharedReads).
func (s *Store) OrgStats(d model.Date) (model.OrgStats, error) {
	hs, err := s.Honours()
	if err != nil {
		return model.OrgStats{}, err
	}
	var data OrgData
	var files []model.HardshipFile
	err = s.db.View(func(tx *bbolt.Tx) error {
		var err error
		if data, err = orgData(tx); err != nil {
			return err
		}
		dues, err := s.dues(tx)
		if err != nil {
			return err
		}
		data.Members = dues.roster
		return forEach(tx, bucketHardship, func(f *model.HardshipFile) error { files = append(files, *f); return nil })
	})
	if err != nil {
		return model.OrgStats{}, err
	}
	return model.OrgFigures(d, data.Profile.OrgRules(), data.Units, data.Employers, data.Members, hs, files), nil
}

// Employer is Store.Employer inside the batch's transaction.
func (b *Batch) Employer(id uint64) (model.Employer, error) {
	if b.w == nil {
		return model.Employer{}, errBatchDone
	}
	return getEmployer(b.w.tx, id)
}

// OpenHardshipFile is the member's open hardship file, ok false when none.
func (b *Batch) OpenHardshipFile(memberID uint64) (f model.HardshipFile, ok bool, err error) {
	if b.w == nil {
		return f, false, errBatchDone
	}
	v := b.w.tx.Bucket(idxHardshipOpen).Get(itob(memberID))
	if v == nil {
		return f, false, nil
	}
	f, err = getHardshipFile(b.w.tx, btoi(v))
	return f, err == nil, dangling(err)
}

// UpdateHardshipFile is Store.UpdateHardshipFile inside the batch's transaction.
func (b *Batch) UpdateHardshipFile(f *model.HardshipFile) error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.updateHardshipFile(f)
}

// OrgGlance is the Overview's line on the organisation: this year's
// 建会率 and 入会率 as they stand today, and the units whose 换届 is due.
type OrgGlance struct {
	Rates        model.OrgRates
	ElectionsDue int
}

// OrgGlance computes the organisation line of the Overview on day today
// (the program's today) as the Units tab's figures and stats compute this
// year's row and the survey items (model.RatesAsOf, model.Survey). It counts
// on the roster the dues scans read (the history too: a laptop's clock set
// wrong once leaves changes dated after today, and no names or ID numbers),
// shared with the Overview's other figures while they hold it
// (HoldSharedReads).
func (s *Store) OrgGlance(today model.Date) (OrgGlance, error) {
	var (
		g         OrgGlance
		prof      model.Profile
		units     []model.Unit
		employers []model.Employer
		members   []model.Member
	)
	err := s.db.View(func(tx *bbolt.Tx) error {
		var err error
		if prof, _, err = getProfile(tx); err != nil {
			return err
		}
		if err := forEach(tx, bucketUnits, func(u *model.Unit) error { units = append(units, *u); return nil }); err != nil {
			return err
		}
		if err := forEach(tx, bucketEmployers, func(e *model.Employer) error { employers = append(employers, *e); return nil }); err != nil {
			return err
		}
		// The dues scans' roster holds every field the rates need; on the
		// Overview it is the one its figures have just read (shared).
		d, err := s.dues(tx)
		if err != nil {
			return err
		}
		members = d.roster
		return nil
	})
	if err != nil {
		return g, err
	}
	year, err := model.ParsePeriod(strconv.Itoa(today.Year()))
	if err != nil {
		return g, err
	}
	g.Rates = model.RatesAsOf(year, today, units, employers, members)
	rules := prof.OrgRules()
	for i := range units {
		if units[i].Organised(today) && units[i].ElectionDue(today, rules) { // as the survey's rows
			g.ElectionsDue++
		}
	}
	return g, nil
}
