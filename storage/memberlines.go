package storage

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"unicode/utf8"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// MemberLine is a member as the roster list shows, sorts and searches
// them: no status history, wages or other details (Member reads those).
type MemberLine struct {
	ID       uint64
	No       string
	Name     string
	IDNumber string
	Phone    string
	UnitID   uint64
	JoinDate model.Date
	Gender   model.Gender
	Status   model.Status
}

// LineOf is the line of a member record.
func LineOf(m *model.Member) MemberLine {
	return MemberLine{ID: m.ID, No: m.No, Name: m.Name, IDNumber: m.IDNumber, Phone: m.Phone,
		UnitID: m.UnitID, JoinDate: m.JoinDate, Gender: m.Gender, Status: m.Status}
}

// memberLineRecord is the same fields decoded the general way (cborScan
// gave up on the record).
type memberLineRecord struct {
	ID       uint64       `cbor:"1,keyasint"`
	No       string       `cbor:"2,keyasint"`
	Name     string       `cbor:"3,keyasint"`
	Gender   model.Gender `cbor:"4,keyasint"`
	IDNumber string       `cbor:"7,keyasint"`
	Phone    string       `cbor:"9,keyasint,omitempty"`
	UnitID   uint64       `cbor:"10,keyasint"`
	JoinDate model.Date   `cbor:"15,keyasint"`
	Status   model.Status `cbor:"16,keyasint"`
}

// MemberLines reads every member's line, in ID order: what the Members tab
// holds in memory. It decodes only those fields (on every core), about a
// third of the time and a fifth of the memory of Members.
func (s *Store) MemberLines() ([]MemberLine, error) {
	var out []MemberLine
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketMembers)
		n := int(min(b.Sequence(), 1<<22))
		keys, vals := make([][]byte, 0, n), make([][]byte, 0, n)
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			keys = append(keys, k)
			vals = append(vals, v)
		}
		out = make([]MemberLine, len(vals))
		workers := min(runtime.GOMAXPROCS(0), len(vals)/2000+1)
		errs := make([]error, workers)
		var wg sync.WaitGroup
		for w := range workers {
			lo, hi := w*len(vals)/workers, (w+1)*len(vals)/workers
			wg.Go(func() {
				var buf []byte
				for i := lo; i < hi; i++ {
					if err := decodeMemberLine(vals[i], &out[i], &buf); err != nil {
						errs[w] = fmt.Errorf("member %d: %w", btoi(keys[i]), err)
						return
					}
				}
			})
		}
		wg.Wait()
		releaseMapped(tx) // the pages scanned need not stay in the process's memory
		return errors.Join(errs...)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// MemberLinesByID reads the lines of the given members in one
// transaction (IDs not found are left out): the names and units beside a
// list of tens of thousands of members in arrears, without their histories.
func (s *Store) MemberLinesByID(ids []uint64) (map[uint64]MemberLine, error) {
	out := make(map[uint64]MemberLine, len(ids))
	err := s.db.View(func(tx *bbolt.Tx) error {
		// One cursor for every ID (a Get makes a cursor each: tens of
		// thousands of allocations for a long list).
		c := tx.Bucket(bucketMembers).Cursor()
		var buf []byte
		for _, id := range ids {
			key := itob(id)
			k, v := c.Seek(key)
			if !bytes.Equal(k, key) {
				continue
			}
			var l MemberLine
			if err := decodeMemberLine(v, &l, &buf); err != nil {
				return fmt.Errorf("member %d: %w", id, err)
			}
			out[id] = l
		}
		return nil
	})
	return out, err
}

// MemberName is who a member is in a long list of them: number, name and
// unit.
type MemberName struct {
	ID, UnitID uint64
	No, Name   string
}

// MemberNames are members' names in ID order (see Of).
type MemberNames []MemberName

// Of is the member with that ID, the zero MemberName if not among them.
func (ns MemberNames) Of(id uint64) MemberName {
	i, ok := slices.BinarySearchFunc(ns, id, func(n MemberName, id uint64) int { return cmp.Compare(n.ID, id) })
	if !ok {
		return MemberName{}
	}
	return ns[i]
}

// MemberNamesByID reads the numbers, names and units of the given members
// in one transaction (IDs not found are left out): what the Dues tab shows
// beside the members in arrears, at 100,000 members nearly all of them.
// They take about a third of the memory of their lines in a map.
func (s *Store) MemberNamesByID(ids []uint64) (MemberNames, error) {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	out := make(MemberNames, 0, len(ids))
	err := s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketMembers).Cursor()
		var buf []byte
		var l MemberLine
		for _, id := range ids {
			key := itob(id)
			k, v := c.Seek(key)
			if !bytes.Equal(k, key) {
				continue
			}
			if err := decodeMemberLine(v, &l, &buf); err != nil {
				return fmt.Errorf("member %d: %w", id, err)
			}
			both := l.No + l.Name // one allocation, not the line's four strings
			out = append(out, MemberName{ID: l.ID, UnitID: l.UnitID, No: both[:len(l.No)], Name: both[len(l.No):]})
		}
		return nil
	})
	return out, err
}

// decodeMemberLine fills l from a member record, its strings in one
// allocation (buf is the caller's scratch space).
func decodeMemberLine(data []byte, l *MemberLine, buf *[]byte) error {
	payload, err := verifyRecord(data)
	if err != nil {
		return fmt.Errorf("decode member: %w", err)
	}
	if scanMemberLine(payload, l, buf) {
		return nil
	}
	var r memberLineRecord
	if err := decode(data, &r); err != nil {
		return err
	}
	*l = MemberLine{ID: r.ID, No: r.No, Name: r.Name, IDNumber: r.IDNumber, Phone: r.Phone,
		UnitID: r.UnitID, JoinDate: r.JoinDate, Gender: r.Gender, Status: r.Status}
	return nil
}

// memberLineKeys are the CBOR keys of the member fields a line holds.
const memberLineKeys = 1<<1 | 1<<2 | 1<<3 | 1<<4 | 1<<7 | 1<<9 | 1<<10 | 1<<15 | 1<<16

// scanMemberLine is decodeMemberLine's fast way, with cborScan; false when
// the record needs the general decoder.
func scanMemberLine(p []byte, l *MemberLine, buf *[]byte) bool {
	s := cborScan{b: p}
	n, ok := s.mapLen()
	if !ok {
		return false
	}
	var texts [4][]byte // No, Name, IDNumber, Phone
	var seen uint32     // the fields read: a repeated one is left to the decoder
	*l = MemberLine{}
	for range n {
		key, ok := s.uint()
		if !ok {
			return false
		}
		if key < 32 && memberLineKeys&(1<<key) != 0 {
			if seen&(1<<key) != 0 {
				return false
			}
			seen |= 1 << key
		}
		switch key {
		case 1, 10:
			v, ok := s.uint()
			if !ok {
				return false
			}
			if key == 1 {
				l.ID = v
			} else {
				l.UnitID = v
			}
		case 4, 16:
			v, ok := s.uint()
			if !ok || v > 0xff {
				return false
			}
			if key == 4 {
				l.Gender = model.Gender(v)
			} else {
				l.Status = model.Status(v)
			}
		case 15:
			v, ok := s.int()
			if !ok || v != int64(int32(v)) {
				return false
			}
			l.JoinDate = model.Date(v)
		case 2, 3, 7, 9:
			t, ok := s.text()
			if !ok || !utf8.Valid(t) {
				return false
			}
			switch key {
			case 2:
				texts[0] = t
			case 3:
				texts[1] = t
			case 7:
				texts[2] = t
			default:
				texts[3] = t
			}
		default:
			if !s.skip(0) {
				return false
			}
		}
	}
	if s.i != len(p) {
		return false
	}
	b := (*buf)[:0]
	for _, t := range texts {
		b = append(b, t...)
	}
	*buf = b
	all := string(b)
	cut := func(t []byte) string {
		v := all[:len(t)]
		all = all[len(t):]
		return v
	}
	l.No, l.Name, l.IDNumber, l.Phone = cut(texts[0]), cut(texts[1]), cut(texts[2]), cut(texts[3])
	return true
}
