package widget

import (
	"cmp"
	"slices"
)

// ColumnOrder is the order a list shows its rows in after clicks on the
// titles of its table (HeaderClickedMsg): the first click on a title sorts
// by that column, ascending, the next click on it reverses the order. A
// column is named by the list's own id for it, which stays the same when
// a narrow screen hides other columns. The zero value is the list's own
// order (newest first, or by name), with no mark in the header.
type ColumnOrder struct {
	id   int // the column's id + 1; 0: the list's own order
	desc bool
}

// Click is a click on the title of the column with this id.
func (o *ColumnOrder) Click(id int) {
	if o.id == id+1 {
		o.desc = !o.desc
		return
	}
	o.id, o.desc = id+1, false
}

// Column is the id of the column sorted by and the direction; ok is false
// for the list's own order.
func (o ColumnOrder) Column() (id int, desc, ok bool) { return o.id - 1, o.desc, o.id != 0 }

// SortKey is what a row is ordered by in one column: its number, then its
// text (a pinyin sort key for Chinese names).
type SortKey struct {
	N int64
	S string
}

// SortRows puts rows in the order o says, each row's key in the column
// taken once; rows equal in it keep the order they had (the list's own).
func SortRows[T any](o ColumnOrder, rows []T, key func(row T, id int) SortKey) {
	id, desc, ok := o.Column()
	if !ok || len(rows) < 2 {
		return
	}
	type keyed struct {
		k SortKey
		r T
	}
	ks := make([]keyed, len(rows))
	for i, r := range rows {
		ks[i] = keyed{key(r, id), r}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		c := cmp.Or(cmp.Compare(a.k.N, b.k.N), cmp.Compare(a.k.S, b.k.S))
		if desc {
			return -c
		}
		return c
	})
	for i := range ks {
		rows[i] = ks[i].r
	}
}

// Mark draws o's mark in the header of t, whose columns, left to right,
// have the ids given (no mark when the column sorted by is hidden).
func (o ColumnOrder) Mark(t *Table, ids []int) {
	id, desc, ok := o.Column()
	col := -1
	if ok {
		col = slices.Index(ids, id)
	}
	t.SetSort(col, desc)
}
