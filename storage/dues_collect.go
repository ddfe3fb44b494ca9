package storage

import (
	"cmp"
	"encoding/binary"
	"runtime"
	"slices"
	"sync"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// The collection figures and the arrears, from one reckoning: what each
// member-month owes (model.DuesCalc), the paid-month bitmaps and months
// paid in part, the collection aggregate (dues_totals) and the reports of
// units that collect their own dues. The Dues tab, the overview, stats and
// the district package all read them here, so they agree to the fen.

// Collection is what was due and paid for a month, or over months, for
// the union or a unit (UnitID set).
//
// Due and Paid combine the units whose dues this federation records
// (collected or kept) with those that collect their own and reported
// (自收自管): the Reported fields say how much of each came from reports.
// A self-collecting unit's month without a report counts in neither: it is
// counted in Unreported with what the roster says it owed.
type Collection struct {
	Month       model.Month
	UnitID      uint64
	Due, Paid   model.Money
	DueMembers  int // member-months owed
	PaidMembers int // member-months paid in full, or reported paid
	// Handling is the unit's handling in the last month counted (by unit).
	Handling model.DuesHandling
	// Of Due, Paid and PaidMembers: what reports said (a report's due, or
	// the roster's when it gives none), and the unit-months reported.
	ReportedDue, ReportedPaid model.Money
	ReportedMembers           int
	ReportedMonths            int
	// Unit-months of self-collecting units without a report, and what the
	// roster says they owed (in neither Due nor Paid).
	Unreported    int
	UnreportedDue model.Money
	// Of Paid, what this federation keeps on units' behalf (代管).
	Kept model.Money
	// Member-months owed on a wage base that is not set: their amount is
	// unknown, so they count in neither Due nor the arrears.
	NoBase int
}

// Rate is paid over due in basis points (10000 = 100%), 0 when nothing was due.
func (c Collection) Rate() int { return model.RateBP(c.Paid, c.Due) }

// add sums o's figures into c.
func (c *Collection) add(o *Collection) {
	c.Due += o.Due
	c.Paid += o.Paid
	c.DueMembers += o.DueMembers
	c.PaidMembers += o.PaidMembers
	c.ReportedDue += o.ReportedDue
	c.ReportedPaid += o.ReportedPaid
	c.ReportedMembers += o.ReportedMembers
	c.ReportedMonths += o.ReportedMonths
	c.Unreported += o.Unreported
	c.UnreportedDue += o.UnreportedDue
	c.Kept += o.Kept
	c.NoBase += o.NoBase
}

// gridCell is one unit-month while the grid is built.
type gridCell struct {
	Collection
	selfDue   model.Money // what the roster says a self-collecting unit's month owed
	selfN     int
	reported  bool
	repDue    model.Money // a report's due for the month
	repHasDue bool
}

// CollectionGrid is every unit's figures for each month of a range: by
// unit ID, one Collection per month from the range's first.
type CollectionGrid struct {
	From, To model.Month
	Units    map[uint64][]Collection
}

// UnitTotal sums a unit's months.
func (g *CollectionGrid) UnitTotal(id uint64) Collection {
	t := Collection{Month: g.From, UnitID: id}
	cells := g.Units[id]
	for i := range cells {
		t.add(&cells[i])
		t.Handling = cells[i].Handling
	}
	return t
}

// MonthTotal sums every unit's month i.
func (g *CollectionGrid) MonthTotal(i int) Collection {
	t := Collection{Month: g.From.Add(i)}
	for _, cells := range g.Units {
		t.add(&cells[i])
	}
	return t
}

// UnitIDs lists the units in ID order.
func (g *CollectionGrid) UnitIDs() []uint64 {
	ids := make([]uint64, 0, len(g.Units))
	for id := range g.Units {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// CollectionGrid reads the figures of every unit and month from..to. Due
// counts the months up to the current one (a later month is not due yet);
// Paid counts every payment for the months, advance ones included.
func (s *Store) CollectionGrid(from, to model.Month) (*CollectionGrid, error) {
	var g *CollectionGrid
	current := model.DateOf(s.now()).Month()
	err := s.db.View(func(tx *bbolt.Tx) error {
		ms, err := duesRoster(tx)
		if err != nil {
			return err
		}
		g, err = collectionGrid(tx, ms, from, to, current)
		return err
	})
	return g, err
}

func collectionGrid(tx *bbolt.Tx, roster []model.Member, from, to, current model.Month) (*CollectionGrid, error) {
	g := &CollectionGrid{From: from, To: to, Units: map[uint64][]Collection{}}
	n := model.MonthsBetween(from, to)
	if n <= 0 || n > 1200 {
		return g, nil
	}
	calc, err := readDuesCalc(tx)
	if err != nil {
		return nil, err
	}
	partials := allPartials(tx)
	last := min(to, current)
	cells := map[uint64][]gridCell{}
	get := func(unit uint64) []gridCell {
		c := cells[unit]
		if c == nil {
			c = make([]gridCell, n)
			for i := range c {
				c[i].Month, c[i].UnitID = from.Add(i), unit
				c[i].Handling = calc.Units[unit].TermFor(from.Add(i)).Handling
			}
			cells[unit] = c
		}
		return c
	}
	var mu sync.Mutex
	var noBase []noBaseMonth
	scanMembers(roster, func(_ int, ms []model.Member) {
		local := map[uint64][]gridCell{}
		var localNoBase []noBaseMonth
		for i := range ms {
			m := &ms[i]
			start := m.StartMonth(calc.Rules)
			if start == 0 || start > last {
				continue
			}
			mc := calc.For(m)
			part := partials[m.ID]
			pv := model.PaidView{Part: func(mo model.Month) (model.PartPaid, bool) { p, ok := part[mo]; return p, ok }}
			var c []gridCell
			for k, mo := 0, from; k < n && mo <= last; k, mo = k+1, mo.Add(1) {
				if mo < start {
					continue
				}
				d := model.DuesMonth(mc, pv, mo)
				if d.State == model.OweNone || d.State == model.OweExempt {
					continue
				}
				if c == nil {
					if c = local[m.UnitID]; c == nil {
						c = make([]gridCell, n)
						local[m.UnitID] = c
					}
				}
				switch d.State {
				case model.OweDue:
					c[k].Due += d.Amount
					c[k].DueMembers++
				case model.OweNoBase:
					c[k].NoBase++
					localNoBase = append(localNoBase, noBaseMonth{m.ID, m.UnitID, k})
				case model.OweSelf:
					c[k].selfDue += d.Amount
					c[k].selfN++
				}
			}
		}
		mu.Lock()
		noBase = append(noBase, localNoBase...)
		for unit, lc := range local {
			gc := get(unit)
			for k := range lc {
				gc[k].Due += lc[k].Due
				gc[k].DueMembers += lc[k].DueMembers
				gc[k].NoBase += lc[k].NoBase
				gc[k].selfDue += lc[k].selfDue
				gc[k].selfN += lc[k].selfN
			}
		}
		mu.Unlock()
	})
	if err := paidWithoutBase(tx, noBase, from, func(unit uint64, k int, amt model.Money) {
		gc := get(unit)
		gc[k].Due += amt
		gc[k].DueMembers++
		gc[k].NoBase--
	}); err != nil {
		return nil, err
	}
	// What this federation recorded.
	c := tx.Bucket(bucketDuesTotals).Cursor()
	for k, v := c.Seek(monthKey(from)); k != nil && len(k) == 12 && binary.BigEndian.Uint32(k) <= uint32(to); k, v = c.Next() {
		mo := model.Month(binary.BigEndian.Uint32(k))
		i := model.MonthsBetween(from, mo) - 1
		if i < 0 || i >= n {
			continue
		}
		amt, cnt := pair(v)
		gc := get(btoi(k[4:]))
		gc[i].Paid += amt
		gc[i].PaidMembers += int(cnt)
		if gc[i].Handling == model.HandlingKept {
			gc[i].Kept += amt
		}
	}
	// What self-collecting units reported.
	err = forEach(tx, bucketDuesReports, func(r *model.CollectionReport) error {
		if r.To < from || r.From > to || r.Months() <= 0 {
			return nil
		}
		paid := model.SplitAmount(r.Paid, r.Months())
		due := model.SplitAmount(r.Due, r.Months())
		gc := get(r.UnitID)
		for j, mo := 0, r.From; mo <= r.To; j, mo = j+1, mo.Add(1) {
			i := model.MonthsBetween(from, mo) - 1
			if i < 0 || i >= n {
				continue
			}
			x := &gc[i]
			x.reported = true
			x.Paid += paid[j]
			x.ReportedPaid += paid[j]
			x.PaidMembers += r.Members
			x.ReportedMembers += r.Members
			if r.Due > 0 {
				x.repDue += due[j]
				x.repHasDue = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for unit, gc := range cells {
		out := make([]Collection, n)
		for i := range gc {
			x := &gc[i]
			if x.Handling == model.HandlingSelf && x.Month <= last {
				switch {
				case x.reported:
					due := x.selfDue
					if x.repHasDue {
						due = x.repDue
					}
					x.Due += due
					x.DueMembers += x.selfN
					x.ReportedDue += due
					x.ReportedMonths++
				case x.selfN > 0:
					x.Unreported++
					x.UnreportedDue += x.selfDue
				}
			}
			out[i] = x.Collection
		}
		g.Units[unit] = out
	}
	return g, nil
}

// CollectionByMonth gives the twelve months of a year for the whole union
// (see CollectionGrid). Over several units the member counts are
// member-months.
func (s *Store) CollectionByMonth(year int) ([]Collection, error) {
	first := model.Month(year*100 + 1)
	g, err := s.CollectionGrid(first, first.Add(11))
	if err != nil {
		return nil, err
	}
	return g.byMonth(), nil
}

func (g *CollectionGrid) byMonth() []Collection {
	n := model.MonthsBetween(g.From, g.To)
	out := make([]Collection, n)
	for i := range out {
		out[i] = g.MonthTotal(i)
	}
	return out
}

// CollectionByUnit gives each unit's totals over the months from..to, in
// unit ID order (units with nothing due, paid or unreported are left out).
// Due is by the members' current unit, paid by the unit they belonged to
// when paying; the member counts are member-months.
func (s *Store) CollectionByUnit(from, to model.Month) ([]Collection, error) {
	g, err := s.CollectionGrid(from, to)
	if err != nil {
		return nil, err
	}
	return g.byUnit(), nil
}

func (g *CollectionGrid) byUnit() []Collection {
	out := make([]Collection, 0, len(g.Units))
	for _, id := range g.UnitIDs() {
		t := g.UnitTotal(id)
		if t.Due != 0 || t.Paid != 0 || t.DueMembers != 0 || t.PaidMembers != 0 || t.Unreported != 0 || t.NoBase != 0 {
			out = append(out, t)
		}
	}
	return out
}

// Arrear is a member with months still owing.
type Arrear struct {
	MemberID    uint64
	Months      []model.Month
	Amount      model.Money
	Consecutive int // the longest run of consecutive owing months
	// RunFrom and RunTo are the months of that run (the latest such run).
	RunFrom, RunTo model.Month
	Underpaid      int // months paid in part
}

// ArrearsList is the members in arrears and how many members have months
// whose amount is unknown (no wage base), who are not in it.
type ArrearsList struct {
	Arrears []Arrear
	NoBase  int
}

// Arrears lists members whose longest run of owing months up to asOf is
// at least minRun (1 when less), longest first, then by amount and member
// ID. Only months owed to this federation with an amount count: a member
// who owes nothing is never listed, nor the members of units that collect
// their own dues. Under a second on 100,000 members: it reads the roster,
// each member's paid-month bitmap and the months paid in part, never the
// payments.
func (s *Store) Arrears(asOf model.Month, minRun int) ([]Arrear, error) {
	l, err := s.ArrearsList(asOf, minRun)
	return l.Arrears, err
}

// ArrearsList is Arrears with the count of members without a wage base.
func (s *Store) ArrearsList(asOf model.Month, minRun int) (ArrearsList, error) {
	var out ArrearsList
	err := s.db.View(func(tx *bbolt.Tx) error {
		ms, err := duesRoster(tx)
		if err != nil {
			return err
		}
		out, err = arrears(tx, ms, asOf, minRun)
		return err
	})
	return out, err
}

// arrears is Arrears over a roster already read in tx.
func arrears(tx *bbolt.Tx, roster []model.Member, asOf model.Month, minRun int) (ArrearsList, error) {
	minRun = max(minRun, 1)
	var out ArrearsList
	calc, err := readDuesCalc(tx)
	if err != nil {
		return out, err
	}
	partials := allPartials(tx)
	dm := tx.Bucket(bucketDuesMember)
	var mu sync.Mutex
	scanMembers(roster, func(_ int, ms []model.Member) {
		var local []Arrear
		noBase := 0
		for i := range ms {
			m := &ms[i]
			first, bits := paidBits(dm.Get(itob(m.ID)))
			part := partials[m.ID]
			pv := model.PaidView{
				Full: func(mo model.Month) bool { return bitsHas(first, bits, monthIndex(mo)) },
				Part: func(mo model.Month) (model.PartPaid, bool) { p, ok := part[mo]; return p, ok },
			}
			mc := calc.For(m)
			o := model.OverdueOf(mc, pv, asOf, false)
			if o.NoBase > 0 && o.Count == 0 {
				noBase++
			}
			if o.Count == 0 || o.Longest < minRun {
				continue
			}
			o = model.OverdueOf(mc, pv, asOf, true)
			local = append(local, Arrear{MemberID: m.ID, Months: o.Months, Amount: o.Total, Consecutive: o.Longest,
				RunFrom: o.RunFrom, RunTo: o.RunTo, Underpaid: o.Underpaid})
		}
		mu.Lock()
		out.Arrears = append(out.Arrears, local...)
		out.NoBase += noBase
		mu.Unlock()
	})
	slices.SortFunc(out.Arrears, func(a, b Arrear) int {
		if c := cmp.Compare(b.Consecutive, a.Consecutive); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Amount, a.Amount); c != 0 {
			return c
		}
		return cmp.Compare(a.MemberID, b.MemberID)
	})
	return out, nil
}

// scanMembers runs fn over the roster in parallel: once per worker with a
// slice of it; fn must only touch its own results.
func scanMembers(ms []model.Member, fn func(worker int, ms []model.Member)) (workers int) {
	workers = max(1, min(runtime.GOMAXPROCS(0), len(ms)/5000+1))
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(ms)/workers, (w+1)*len(ms)/workers
		wg.Go(func() { fn(w, ms[lo:hi]) })
	}
	wg.Wait()
	return workers
}

// CollectionGridAsOf is CollectionGrid with the current month given (a
// package written as of a date).
func (s *Store) CollectionGridAsOf(from, to, current model.Month) (*CollectionGrid, error) {
	var g *CollectionGrid
	err := s.db.View(func(tx *bbolt.Tx) error {
		ms, err := duesRoster(tx)
		if err != nil {
			return err
		}
		g, err = collectionGrid(tx, ms, from, to, current)
		return err
	})
	return g, err
}

// noBaseMonth is a member-month owed on a wage base that is not set: month
// k of the grid.
type noBaseMonth struct {
	member, unit uint64
	k            int
}

// paidWithoutBase finds which of the months without a wage base were paid
// all the same (a member without a base pays what they pay, and the month
// counts as paid with it: model.PlanPayment) and calls add with what was
// paid, net of reversals: that is what the month owed. Without it the
// month's payment counted as paid but not as due, and a month's rate went
// over 100% (187.40 paid of 184.05 due). Only a member with such a month
// marked paid has their payments read, once.
func paidWithoutBase(tx *bbolt.Tx, months []noBaseMonth, from model.Month, add func(unit uint64, k int, amt model.Money)) error {
	slices.SortFunc(months, func(a, b noBaseMonth) int { return cmp.Compare(a.member, b.member) })
	for i := 0; i < len(months); {
		j := i
		for j < len(months) && months[j].member == months[i].member {
			j++
		}
		// the paid-month bitmap first: most such months are not paid,
		// and then no payment is read
		var d memberDues
		if b := tx.Bucket(bucketDuesMember); b != nil {
			d = decodeMemberDues(b.Get(itob(months[i].member)))
		}
		if !slices.ContainsFunc(months[i:j], func(nb noBaseMonth) bool { return d.has(from.Add(nb.k)) }) {
			i = j
			continue
		}
		ps, err := memberPayments(tx, months[i].member)
		if err != nil {
			return err
		}
		net := map[model.Month]model.Money{}
		for _, p := range ps {
			n := model.MonthsBetween(p.From, p.To)
			alloc := p.Alloc
			if len(alloc) != n {
				alloc = model.SplitAmount(p.Amount, n)
			}
			for x, mo := 0, p.From; x < n; x, mo = x+1, mo.Add(1) {
				net[mo] += alloc[x]
			}
		}
		for _, nb := range months[i:j] {
			if mo := from.Add(nb.k); d.has(mo) && net[mo] > 0 {
				amt := net[mo]
				add(nb.unit, nb.k, amt)
			}
		}
		i = j
	}
	return nil
}
