package storage

import (
	"slices"
	"sync"
	"weak"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// duesShared is what the dues scans computed on one committed state of the
// database (one bbolt transaction ID): the roster as the scans decode it,
// the collection grids and the arrears lists. The TUI's Overview and Dues
// tabs load at the same time and ask for the same figures; with this they
// decode the roster and compute the arrears once between them.
//
// The Store holds it by a weak pointer, so it lives only while a reader
// uses it (the two tabs' loads overlap) and never keeps 100,000 members'
// histories in memory on its own.
type duesShared struct {
	txid   int
	roster []model.Member

	mu      sync.Mutex // held while computing one of the below
	grids   map[gridKey]*CollectionGrid
	arrears map[model.Month]ArrearsList // minRun 1
}

type gridKey struct{ from, to, current model.Month }

// sharedReads is the Store's handle on the latest duesShared.
type sharedReads struct {
	mu      sync.Mutex
	last    weak.Pointer[duesShared]
	holds   int         // HoldSharedReads not yet released
	held    *duesShared // the latest, kept while holds > 0
	decodes int         // rosters decoded (tests)
}

// HoldSharedReads keeps the dues reads shared (the roster as the scans
// decode it, the collection grids, the arrears) until release is called,
// so loads that read them one after another (the Overview's figures, then
// its sections; the Dues tab's load beside them) decode the roster once.
// Without a hold they live only while a reader uses them. Every hold must
// be released; release may be called more than once.
func (s *Store) HoldSharedReads() (release func()) {
	s.shared.mu.Lock()
	s.shared.holds++
	s.shared.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			s.shared.mu.Lock()
			if s.shared.holds--; s.shared.holds == 0 {
				s.shared.held = nil
			}
			s.shared.mu.Unlock()
		})
	}
}

// dues returns the shared dues reads of tx's state, decoding the roster if
// no reader holds them; concurrent callers on the same state wait for one
// decode.
func (s *Store) dues(tx *bbolt.Tx) (*duesShared, error) {
	s.shared.mu.Lock()
	defer s.shared.mu.Unlock()
	if d := s.shared.last.Value(); d != nil && d.txid == tx.ID() {
		if s.shared.holds > 0 {
			s.shared.held = d
		}
		return d, nil
	}
	ms, err := duesRoster(tx)
	releaseMapped(tx) // a scan's pages need not stay in the process's memory
	if err != nil {
		return nil, err
	}
	s.shared.decodes++
	d := &duesShared{txid: tx.ID(), roster: ms, grids: map[gridKey]*CollectionGrid{}, arrears: map[model.Month]ArrearsList{}}
	s.shared.last = weak.Make(d)
	if s.shared.holds > 0 {
		s.shared.held = d
	}
	return d, nil
}

// grid is the collection grid over from..to, computed once per state. The
// grid is shared: callers read it and never change it.
func (d *duesShared) grid(tx *bbolt.Tx, from, to, current model.Month) (*CollectionGrid, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	k := gridKey{from, to, current}
	if g, ok := d.grids[k]; ok {
		return g, nil
	}
	g, err := collectionGrid(tx, d.roster, from, to, current)
	releaseMapped(tx)
	if err != nil {
		return nil, err
	}
	d.grids[k] = g
	return g, nil
}

// arrearsList is arrears(asOf, minRun) on this state. With share (the
// Overview's and the Dues tab's loads, which run together) it is computed
// once for every run length and filtered: the Overview counts runs of six
// months, the Dues tab lists every member with a month owing. Without, a
// list already shared is filtered, else only the runs asked for are
// listed (stats, a report), which costs less. The Arrear values, and the
// list itself for minRun 1, are shared: callers never change them.
func (d *duesShared) arrearsList(tx *bbolt.Tx, asOf model.Month, minRun int, share bool) (ArrearsList, error) {
	minRun = max(minRun, 1)
	d.mu.Lock()
	all, ok := d.arrears[asOf]
	if !ok && (share || minRun == 1) {
		var err error
		all, err = arrears(tx, d.roster, asOf, 1)
		releaseMapped(tx)
		if err != nil {
			d.mu.Unlock()
			return ArrearsList{}, err
		}
		d.arrears[asOf], ok = all, true
	}
	d.mu.Unlock()
	if !ok {
		return arrears(tx, d.roster, asOf, minRun)
	}
	if minRun == 1 { // the whole list, not a copy of it (nearly every member at 100,000)
		return ArrearsList{NoBase: all.NoBase, Arrears: slices.Clip(all.Arrears)}, nil
	}
	out := ArrearsList{NoBase: all.NoBase, Arrears: make([]Arrear, 0, len(all.Arrears))}
	for _, a := range all.Arrears {
		if a.Consecutive >= minRun {
			out.Arrears = append(out.Arrears, a)
		}
	}
	return out, nil
}

// yearGrid is the grid a request over from..to can be answered from: the
// whole calendar year when from..to lies within one (the Overview asks for
// the year, the Dues tab for January to this month), else from..to itself.
func yearGrid(from, to model.Month) (model.Month, model.Month) {
	if from.Year() == to.Year() && from <= to {
		first := model.Month(from.Year()*100 + 1)
		return first, first.Add(11)
	}
	return from, to
}

// sliceGrid is g cut to the months from..to (within g's months).
func sliceGrid(g *CollectionGrid, from, to model.Month) *CollectionGrid {
	if g.From == from && g.To == to {
		return g
	}
	lo, hi := model.MonthsBetween(g.From, from)-1, model.MonthsBetween(g.From, to)
	out := &CollectionGrid{From: from, To: to, Units: make(map[uint64][]Collection, len(g.Units))}
	for id, cs := range g.Units {
		out.Units[id] = slices.Clone(cs[lo:hi])
	}
	return out
}
