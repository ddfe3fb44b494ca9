package storage

import (
	"fmt"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// Reading what members owe: the union's rules, each unit's dues settings
// and each member's exceptions (model.DuesCalc).

// readDuesCalc reads the rules and every unit's and member's settings:
// few records, read once for a scan over the roster.
func readDuesCalc(tx *bbolt.Tx) (*model.DuesCalc, error) {
	p, err := profileOrDefault(tx)
	if err != nil {
		return nil, err
	}
	c := &model.DuesCalc{Rules: rulesOf(&p), Units: map[uint64]*model.UnitDues{}, Members: map[uint64]*model.MemberDues{}}
	err = forEach(tx, bucketDuesUnits, func(u *model.UnitDues) error {
		c.Units[u.UnitID] = u
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = forEach(tx, bucketDuesMemberRules, func(m *model.MemberDues) error {
		c.Members[m.MemberID] = m
		return nil
	})
	return c, err
}

func getUnitDues(tx *bbolt.Tx, id uint64) (*model.UnitDues, error) {
	b := tx.Bucket(bucketDuesUnits)
	if b == nil {
		return nil, nil
	}
	v := b.Get(itob(id))
	if v == nil {
		return nil, nil
	}
	var u model.UnitDues
	if err := decode(v, &u); err != nil {
		return nil, fmt.Errorf("unit dues %d: %w", id, err)
	}
	return &u, nil
}

func getMemberDues(tx *bbolt.Tx, id uint64) (*model.MemberDues, error) {
	b := tx.Bucket(bucketDuesMemberRules)
	if b == nil {
		return nil, nil
	}
	v := b.Get(itob(id))
	if v == nil {
		return nil, nil
	}
	var m model.MemberDues
	if err := decode(v, &m); err != nil {
		return nil, fmt.Errorf("member dues %d: %w", id, err)
	}
	return &m, nil
}

// calcOne is the calculation for one member in tx.
func calcOne(tx *bbolt.Tx, r model.DuesRules, m *model.Member) (model.MemberCalc, error) {
	c := model.DuesCalc{Rules: r, Units: map[uint64]*model.UnitDues{}, Members: map[uint64]*model.MemberDues{}}
	u, err := getUnitDues(tx, m.UnitID)
	if err != nil {
		return model.MemberCalc{}, err
	}
	x, err := getMemberDues(tx, m.ID)
	if err != nil {
		return model.MemberCalc{}, err
	}
	if u != nil {
		c.Units[m.UnitID] = u
	}
	if x != nil {
		c.Members[m.ID] = x
	}
	return c.For(m), nil
}

// calcFor is the calculation for one member in a write.
func (w *writer) calcFor(m *model.Member) (model.MemberCalc, error) {
	r, err := w.duesRules()
	if err != nil {
		return model.MemberCalc{}, err
	}
	return calcOne(w.tx, r, m)
}

// MemberDuesInfo is one member's dues as the screens show them: the
// member, what each month owes and what was paid.
type MemberDuesInfo struct {
	Member model.Member
	Calc   model.MemberCalc
	Full   map[model.Month]bool
	Part   map[model.Month]model.PartPaid
}

// Paid is the member's paid months.
func (i *MemberDuesInfo) Paid() model.PaidView { return model.MapPaid(i.Full, i.Part) }

// Month is one month of the member's dues.
func (i *MemberDuesInfo) Month(mo model.Month) model.MonthDues {
	return model.DuesMonth(i.Calc, i.Paid(), mo)
}

// Overdue is what the member owes up to until, months listed.
func (i *MemberDuesInfo) Overdue(until model.Month) model.Overdue {
	return model.OverdueOf(i.Calc, i.Paid(), until, true)
}

// MemberDues reads one member's dues.
func (s *Store) MemberDues(id uint64) (*MemberDuesInfo, error) {
	info := &MemberDuesInfo{Full: map[model.Month]bool{}}
	err := s.db.View(func(tx *bbolt.Tx) error {
		m, err := getMember(tx, id)
		if err != nil {
			return err
		}
		info.Member = m
		p, err := profileOrDefault(tx)
		if err != nil {
			return err
		}
		if info.Calc, err = calcOne(tx, rulesOf(&p), &info.Member); err != nil {
			return err
		}
		for _, mo := range decodeMemberDues(tx.Bucket(bucketDuesMember).Get(itob(id))).paid() {
			info.Full[mo] = true
		}
		info.Part = memberPartials(tx, id)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return info, nil
}

// UnitDuesOf is a unit's dues settings (nil when it has none: the
// defaults).
func (s *Store) UnitDuesOf(id uint64) (u *model.UnitDues, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		u, err = getUnitDues(tx, id)
		return err
	})
	return u, err
}

// MemberDuesOf is a member's exceptions (nil when none).
func (s *Store) MemberDuesOf(id uint64) (m *model.MemberDues, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		m, err = getMemberDues(tx, id)
		return err
	})
	return m, err
}

// DuesCalc reads the rules and every unit's and member's dues settings.
func (s *Store) DuesCalc() (c *model.DuesCalc, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		c, err = readDuesCalc(tx)
		return err
	})
	return c, err
}
