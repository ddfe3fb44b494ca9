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

	"unionbook/search"
	"unionbook/storage"
)

// row is one member as the roster holds it in memory: the line the list
// shows (the rest of the record is read when a member is opened). The rows
// are the lines as the store read them, not a copy.
type row = storage.MemberLine

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

// entry is one member in the roster's order: its search key, the pinyin
// sort key of its name (made the first time the roster is sorted by name)
// and its row.
type entry struct {
	key      search.Key
	sortName string
	r        *row
}

func entryOf(x *row) entry {
	return entry{key: search.NewKey(x.Name, x.No, x.Phone, x.IDNumber), r: x}
}

// roster is the in-memory member list with its current order and filter.
type roster struct {
	all      []entry        // every member, in the current sort order
	sieves   []search.Sieve // all's keys' sieves, in the same order (see keep)
	viewAt   []int32        // the positions in all of the rows shown (filtered)
	unitSort map[uint64]string

	sortCol  int
	sortDesc bool
	named    bool // every entry has its sortName

	query        string
	unitFilter   uint64
	statusFilter int
}

func newRoster(ms []storage.MemberLine) *roster {
	r := &roster{sortCol: colNo}
	r.all = make([]entry, len(ms))
	// Building the search keys is most of the work of loading a large
	// roster; search.NewKey is safe to call concurrently, so use every core.
	parallel(len(ms), func(i int) { r.all[i] = entryOf(&ms[i]) })
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

func (r *roster) compareEntries(ea, eb entry) int {
	a, b := ea.r, eb.r
	var c int
	switch r.sortCol {
	case colNo:
		c = cmp.Compare(len(a.No), len(b.No))
		if c == 0 {
			c = strings.Compare(a.No, b.No)
		}
	case colName:
		c = strings.Compare(ea.sortName, eb.sortName)
	case colGender:
		c = cmp.Compare(a.Gender, b.Gender)
	case colUnit:
		c = strings.Compare(r.unitSort[a.UnitID], r.unitSort[b.UnitID])
	case colID:
		c = strings.Compare(a.IDNumber, b.IDNumber)
	case colPhone:
		c = strings.Compare(a.Phone, b.Phone)
	case colStatus:
		c = cmp.Compare(a.Status, b.Status)
	case colJoined:
		c = cmp.Compare(a.JoinDate, b.JoinDate)
	}
	if c == 0 {
		c = cmp.Compare(a.ID, b.ID)
	}
	if r.sortDesc {
		return -c
	}
	return c
}

func (r *roster) sort() {
	if r.sortCol == colName && !r.named {
		parallel(len(r.all), func(i int) { e := &r.all[i]; e.sortName = search.NameSortKey(e.r.Name) })
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
	if r.unitFilter != 0 && e.r.UnitID != r.unitFilter {
		return false
	}
	switch r.statusFilter {
	case statusFilterAll:
	case statusFilterInUnion:
		if !e.r.Status.InUnion() {
			return false
		}
	default:
		if int(e.r.Status) != r.statusFilter {
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
	r.all = slices.DeleteFunc(r.all, func(e entry) bool { return e.r.ID == m.ID })
	x := &m
	e := entryOf(x)
	if r.named {
		e.sortName = search.NameSortKey(m.Name)
	}
	i, _ := slices.BinarySearchFunc(r.all, e, r.compareEntries)
	r.all = slices.Insert(r.all, i, e)
	r.sift()
	r.refilter()
}

// remove drops a deleted member.
func (r *roster) remove(id uint64) {
	if i := slices.IndexFunc(r.all, func(e entry) bool { return e.r.ID == id }); i >= 0 {
		r.all = slices.Delete(r.all, i, i+1)
		r.sift()
		r.refilter()
	}
}

// indexOf is the position of a member in the view, or -1.
func (r *roster) indexOf(id uint64) int {
	return slices.IndexFunc(r.viewAt, func(i int32) bool { return r.all[i].r.ID == id })
}

// shown is the number of rows shown.
func (r *roster) shown() int { return len(r.viewAt) }

// shownRow is the j-th row shown.
func (r *roster) shownRow(j int) *row { return r.all[r.viewAt[j]].r }
