// Package members is the Members tab: the roster table with incremental
// search, filters and sorting, the member's detail, and the forms to add,
// edit and change the status of a member.
package members

import (
	"cmp"
	"slices"
	"strings"

	"unionbook/model"
	"unionbook/search"
)

// row is one member as the roster holds it in memory, with what search and
// sorting need precomputed once.
type row struct {
	m        model.Member
	key      search.Key
	sortName string
	masked   string
}

func newRow(m model.Member) *row {
	return &row{
		m:        m,
		key:      search.NewKey(m.Name, m.No, m.Phone, m.IDNumber),
		sortName: search.NameSortKey(m.Name),
		masked:   model.MaskID(m.IDNumber),
	}
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

// roster is the in-memory member list with its current order and filter.
type roster struct {
	all      []*row // every member, in the current sort order
	byID     map[uint64]*row
	view     []*row // the filtered rows shown
	unitSort map[uint64]string

	sortCol  int
	sortDesc bool

	query        string
	unitFilter   uint64
	statusFilter int
}

func newRoster(ms []model.Member) *roster {
	r := &roster{byID: make(map[uint64]*row, len(ms)), sortCol: colNo}
	r.all = make([]*row, len(ms))
	for i := range ms {
		r.all[i] = newRow(ms[i])
		r.byID[ms[i].ID] = r.all[i]
	}
	r.sort()
	r.refilter()
	return r
}

func (r *roster) setUnits(names map[uint64]string) {
	r.unitSort = make(map[uint64]string, len(names))
	for id, n := range names {
		r.unitSort[id] = search.NameSortKey(n)
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

func (r *roster) sort() { slices.SortFunc(r.all, r.compare) }

// setSort orders by a column; sorting by the same column again reverses.
func (r *roster) setSort(col int, desc bool) {
	r.sortCol, r.sortDesc = col, desc
	r.sort()
	r.refilter()
}

func (r *roster) keep(x *row, q search.Query) bool {
	if r.unitFilter != 0 && x.m.UnitID != r.unitFilter {
		return false
	}
	switch r.statusFilter {
	case statusFilterAll:
	case statusFilterInUnion:
		if !x.m.Status.InUnion() {
			return false
		}
	default:
		if int(x.m.Status) != r.statusFilter {
			return false
		}
	}
	return q.Empty() || x.key.Match(q)
}

// refilter rebuilds the view from every row.
func (r *roster) refilter() {
	q := search.Compile(r.query)
	r.view = r.view[:0]
	for _, x := range r.all {
		if r.keep(x, q) {
			r.view = append(r.view, x)
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
	out := r.view[:0]
	for _, x := range r.view {
		if r.keep(x, cq) {
			out = append(out, x)
		}
	}
	r.view = out
}

// put adds or replaces a member, keeping order and filter.
func (r *roster) put(m model.Member) {
	if old, ok := r.byID[m.ID]; ok {
		i := slices.Index(r.all, old)
		r.all = slices.Delete(r.all, i, i+1)
	}
	x := newRow(m)
	r.byID[m.ID] = x
	i, _ := slices.BinarySearchFunc(r.all, x, r.compare)
	r.all = slices.Insert(r.all, i, x)
	r.refilter()
}

// remove drops a deleted member.
func (r *roster) remove(id uint64) {
	if old, ok := r.byID[id]; ok {
		delete(r.byID, id)
		i := slices.Index(r.all, old)
		r.all = slices.Delete(r.all, i, i+1)
		r.refilter()
	}
}

// indexOf is the position of a member in the view, or -1.
func (r *roster) indexOf(id uint64) int {
	return slices.IndexFunc(r.view, func(x *row) bool { return x.m.ID == id })
}
