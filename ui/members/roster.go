// Package members is the Members tab: the roster table with incremental
// search, filters and sorting, the member's detail, and the forms to add,
// edit and change the status of a member.
package members

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"unionbook/model"
	"unionbook/search"
	"unionbook/storage"
)

// row is one member as the roster holds it in memory: the line the list
// shows (the rest of the record is read when a member is opened), and the
// pinyin sort key of the name, made the first time the roster is sorted by
// name.
type row struct {
	m        storage.MemberLine
	sortName string
}

// Column identifiers of the roster table.
const (
	colNo = iota
	colName
	colGender
	colUnit
	colID
	colPhone
	colStatus
	colJoined
	numCols
)

// statusFilterAll and statusFilterInUnion extend model.Status for the filter.
const (
	statusFilterAll     = 0
	statusFilterInUnion = 100
)

// entry is what filtering reads, kept in one contiguous slice so a search
// over 100,000 members walks memory in order instead of chasing pointers.
type entry struct {
	key    search.Key
	unit   uint64
	status model.Status
	r      *row
}

func entryOf(x *row) entry {
	m := &x.m
	return entry{key: search.NewKey(m.Name, m.No, m.Phone, m.IDNumber), unit: m.UnitID, status: m.Status, r: x}
}

// roster is the in-memory member list with its current order and filter.
type roster struct {
	all      []entry        // every member, in the current sort order
	sieves   []search.Sieve // all's keys' sieves, in the same order (see keep)
	byID     map[uint64]*row
	viewAt   []int32 // the positions in all of the rows shown (filtered)
	unitSort map[uint64]string

	sortCol  int
	sortDesc bool
	named    bool // every row has its sortName

	query        string
	unitFilter   uint64
	statusFilter int
}

func newRoster(ms []storage.MemberLine) *roster {
	r := &roster{byID: make(map[uint64]*row, len(ms)), sortCol: colNo}
	rows := make([]row, len(ms))
	r.all = make([]entry, len(ms))
	for i := range ms {
		rows[i].m = ms[i]
		r.byID[ms[i].ID] = &rows[i]
	}
	// Building the search keys is most of the work of loading a large
	// roster; search.NewKey is safe to call concurrently, so use every core.
	parallel(len(rows), func(i int) { r.all[i] = entryOf(&rows[i]) })
	r.sort()
	r.refilter()
	return r
}

// parallel calls fn(i) for i from 0 to n-1 on every core (one goroutine
// for a small n).
func parallel(n int, fn func(i int)) {
	workers := min(runtime.NumCPU(), max(1, n/5000))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				fn(i)
			}
		})
	}
	wg.Wait()
}

func (r *roster) setUnits(names map[uint64]string) {
	r.unitSort = make(map[uint64]string, len(names))
	for id, n := range names {
		r.unitSort[id] = search.OrgSortKey(n)
	}
}

func (r *roster) compare(a, b *row) int {
	var c int
	switch r.sortCol {
	case colNo:
		c = cmp.Compare(len(a.m.No), len(b.m.No))
		if c == 0 {
			c = strings.Compare(a.m.No, b.m.No)
		}
	case colName:
		c = strings.Compare(a.sortName, b.sortName)
	case colGender:
		c = cmp.Compare(a.m.Gender, b.m.Gender)
	case colUnit:
		c = strings.Compare(r.unitSort[a.m.UnitID], r.unitSort[b.m.UnitID])
	case colID:
		c = strings.Compare(a.m.IDNumber, b.m.IDNumber)
	case colPhone:
		c = strings.Compare(a.m.Phone, b.m.Phone)
	case colStatus:
		c = cmp.Compare(a.m.Status, b.m.Status)
	case colJoined:
		c = cmp.Compare(a.m.JoinDate, b.m.JoinDate)
	}
	if c == 0 {
		c = cmp.Compare(a.m.ID, b.m.ID)
	}
	if r.sortDesc {
		return -c
	}
	return c
}

func (r *roster) compareEntries(a, b entry) int { return r.compare(a.r, b.r) }

func (r *roster) sort() {
	if r.sortCol == colName && !r.named {
		parallel(len(r.all), func(i int) { x := r.all[i].r; x.sortName = search.NameSortKey(x.m.Name) })
		r.named = true
	}
	slices.SortFunc(r.all, r.compareEntries)
	r.sift()
}

// sift lays out the keys' sieves in all's order.
func (r *roster) sift() {
	r.sieves = slices.Grow(r.sieves[:0], len(r.all))
	for i := range r.all {
		r.sieves = append(r.sieves, r.all[i].key.Sieve())
	}
}

// setSort orders by a column; sorting by the same column again reverses.
func (r *roster) setSort(col int, desc bool) {
	r.sortCol, r.sortDesc = col, desc
	r.sort()
	r.refilter()
}

// keep reports whether the member at i in all is shown for q. The sieves
// decide most members without reading their entries (a first letter over
// 300,000 members reads 7 MB instead of 19 MB); the filters are read for
// those the query keeps.
func (r *roster) keep(i int, q *search.Query) bool {
	m, sure := r.sieves[i].Decide(q)
	if !sure {
		m = r.all[i].key.Match(*q)
	}
	return m && (r.unitFilter == 0 && r.statusFilter == statusFilterAll || r.filtersKeep(&r.all[i]))
}

// filtersKeep reports whether the unit and status filters show e.
func (r *roster) filtersKeep(e *entry) bool {
	if r.unitFilter != 0 && e.unit != r.unitFilter {
		return false
	}
	switch r.statusFilter {
	case statusFilterAll:
	case statusFilterInUnion:
		if !e.status.InUnion() {
			return false
		}
	default:
		if int(e.status) != r.statusFilter {
			return false
		}
	}
	return true
}

// refilter rebuilds the view from every row.
func (r *roster) refilter() {
	q := search.Compile(r.query)
	r.viewAt = r.viewAt[:0]
	for i := range r.sieves {
		if r.keep(i, &q) {
			r.viewAt = append(r.viewAt, int32(i))
		}
	}
}

// setQuery changes the search text. When the new query only narrows the
// old one (more typed at the end), it filters the rows already shown.
func (r *roster) setQuery(q string) {
	prev := search.Compile(r.query)
	cq := search.Compile(q)
	r.query = q
	if prev.Empty() || !cq.Within(prev) {
		r.refilter()
		return
	}
	at := r.viewAt[:0]
	for _, i := range r.viewAt {
		if r.keep(int(i), &cq) {
			at = append(at, i)
		}
	}
	r.viewAt = at
}

// put adds or replaces a member, keeping order and filter.
func (r *roster) put(m storage.MemberLine) {
	if old, ok := r.byID[m.ID]; ok {
		r.all = slices.DeleteFunc(r.all, func(e entry) bool { return e.r == old })
	}
	x := &row{m: m}
	if r.named {
		x.sortName = search.NameSortKey(m.Name)
	}
	r.byID[m.ID] = x
	e := entryOf(x)
	i, _ := slices.BinarySearchFunc(r.all, e, r.compareEntries)
	r.all = slices.Insert(r.all, i, e)
	r.sift()
	r.refilter()
}

// remove drops a deleted member.
func (r *roster) remove(id uint64) {
	if old, ok := r.byID[id]; ok {
		delete(r.byID, id)
		r.all = slices.DeleteFunc(r.all, func(e entry) bool { return e.r == old })
		r.sift()
		r.refilter()
	}
}

// indexOf is the position of a member in the view, or -1.
func (r *roster) indexOf(id uint64) int {
	return slices.IndexFunc(r.viewAt, func(i int32) bool { return r.all[i].r.m.ID == id })
}

// shown is the number of rows shown.
func (r *roster) shown() int { return len(r.viewAt) }

// shownRow is the j-th row shown.
func (r *roster) shownRow(j int) *row { return r.all[r.viewAt[j]].r }
