package storage

import (
	"errors"
	"fmt"
	"runtime"
	"sync"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// memberBrief is the part of a member record that counting needs. Decoding
// into it skips every other field, so a count over 100,000 members neither
// allocates their names and histories nor holds them.
type memberBrief struct {
	ID      uint64       `cbor:"1,keyasint"`
	Gender  model.Gender `cbor:"4,keyasint"`
	UnitID  uint64       `cbor:"10,keyasint"`
	Migrant bool         `cbor:"14,keyasint,omitempty"`
	Status  model.Status `cbor:"16,keyasint"`
}

// MembersBrief returns every member with only ID, gender, unit, migrant
// flag and status filled: enough for model.RosterStats, at a fraction of the
// memory of Members.
func (s *Store) MembersBrief() ([]model.Member, error) {
	var out []model.Member
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketMembers)
		out = make([]model.Member, 0, min(b.Sequence(), 1<<22))
		var m memberBrief
		return b.ForEach(func(k, v []byte) error {
			m = memberBrief{}
			if err := decode(v, &m); err != nil {
				return fmt.Errorf("member %d: %w", btoi(k), err)
			}
			out = append(out, model.Member{ID: m.ID, Gender: m.Gender, UnitID: m.UnitID, Migrant: m.Migrant, Status: m.Status})
			return nil
		})
	})
	return out, err
}

// MembersByID reads the given members in one transaction; IDs not found
// are left out.
func (s *Store) MembersByID(ids []uint64) (map[uint64]model.Member, error) {
	out := make(map[uint64]model.Member, len(ids))
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketMembers)
		for _, id := range ids {
			v := b.Get(itob(id))
			if v == nil {
				continue
			}
			var m model.Member
			if err := decode(v, &m); err != nil {
				return fmt.Errorf("member %d: %w", id, err)
			}
			out[id] = m
		}
		return nil
	})
	return out, err
}

// memberForDues is the part of a member record that what they owe depends
// on: the dues scans (collection, arrears) decode only this.
type memberForDues struct {
	ID       uint64               `cbor:"1,keyasint"`
	Gender   model.Gender         `cbor:"4,keyasint"`  // for the roster counts of stats
	Migrant  bool                 `cbor:"14,keyasint"` // likewise
	UnitID   uint64               `cbor:"10,keyasint"`
	JoinDate model.Date           `cbor:"15,keyasint"`
	Status   model.Status         `cbor:"16,keyasint"`
	History  []model.StatusChange `cbor:"17,keyasint,omitempty"`
	Wages    []model.WageBase     `cbor:"20,keyasint,omitempty"`
}

// duesRoster is allMembers for the dues scans and the roster counts: every
// member with only the fields that decide what they owe (and gender and the
// migrant flag), decoded in parallel.
func duesRoster(tx *bbolt.Tx) ([]model.Member, error) {
	b := tx.Bucket(bucketMembers)
	n := int(min(b.Sequence(), 1<<22))
	keys, vals := make([][]byte, 0, n), make([][]byte, 0, n)
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	ms := make([]model.Member, len(vals))
	workers := min(runtime.GOMAXPROCS(0), len(vals)/2000+1)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(vals)/workers, (w+1)*len(vals)/workers
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				var d memberForDues
				if err := decode(vals[i], &d); err != nil {
					errs[w] = fmt.Errorf("member %d: %w", btoi(keys[i]), err)
					return
				}
				ms[i] = model.Member{ID: d.ID, Gender: d.Gender, UnitID: d.UnitID, Migrant: d.Migrant,
					JoinDate: d.JoinDate, Status: d.Status, History: d.History, Wages: d.Wages}
			}
		})
	}
	wg.Wait()
	return ms, errors.Join(errs...)
}

// memberToPick is the part of a member record a chooser of members shows
// and searches; decoding only it skips every history, wage base and note.
type memberToPick struct {
	ID       uint64       `cbor:"1,keyasint"`
	No       string       `cbor:"2,keyasint"`
	Name     string       `cbor:"3,keyasint"`
	IDNumber string       `cbor:"7,keyasint"`
	Phone    string       `cbor:"9,keyasint,omitempty"`
	UnitID   uint64       `cbor:"10,keyasint"`
	Status   model.Status `cbor:"16,keyasint"`
}

// MembersToPick returns the members in the union (Status.InUnion), in ID
// order, with only ID, number, name, ID number, phone, unit and status
// filled: what the chooser of a case's workers shows and searches, read
// from 100,000 members in a fraction of the time and memory of Members.
func (s *Store) MembersToPick() ([]model.Member, error) {
	var out []model.Member
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketMembers)
		out = make([]model.Member, 0, min(b.Sequence(), 1<<22))
		return b.ForEach(func(k, v []byte) error {
			var m memberToPick
			if err := decode(v, &m); err != nil {
				return fmt.Errorf("member %d: %w", btoi(k), err)
			}
			if m.Status.InUnion() {
				out = append(out, model.Member{ID: m.ID, No: m.No, Name: m.Name, IDNumber: m.IDNumber,
					Phone: m.Phone, UnitID: m.UnitID, Status: m.Status})
			}
			return nil
		})
	})
	return out, err
}
