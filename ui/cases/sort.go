package cases

import (
	"strconv"

	"unionbook/search"
	"unionbook/ui/widget"
)

// The list's columns by id, whatever the width hides (channel and amount
// show from 100 columns): a click on a title sorts by its column.
const (
	colReceived = iota
	colWorkers
	colUnit
	colType
	colChannel
	colHeadcount
	colCollective
	colClaimed
	colStatus
)

// columnIDs are the ids of the columns shown, left to right.
func (l *caseList) columnIDs() []int {
	if l.w >= 100 {
		return []int{colReceived, colWorkers, colUnit, colType, colChannel, colHeadcount, colCollective, colClaimed, colStatus}
	}
	return []int{colReceived, colWorkers, colUnit, colType, colHeadcount, colCollective, colStatus}
}

// sortByClick sorts by the column whose title was clicked (again: the
// other way).
func (l *caseList) sortByClick(col int) {
	if ids := l.columnIDs(); col < len(ids) {
		l.order.Click(ids[col])
		l.filter()
	}
}

// sortKey is what a case is ordered by in a column.
func (l *caseList) sortKey(i, col int) widget.SortKey {
	cs := &l.all[i]
	switch col {
	case colReceived:
		return widget.SortKey{N: int64(cs.Received)}
	case colWorkers:
		return widget.SortKey{S: search.NameSortKey(workersLabel(l.c, l.names, cs))}
	case colUnit:
		return widget.SortKey{S: search.OrgSortKey(l.names.unit(cs.UnitID, cs.Employer))}
	case colType:
		return widget.SortKey{N: int64(cs.Type)}
	case colChannel:
		return widget.SortKey{N: int64(cs.Channel)}
	case colHeadcount:
		return widget.SortKey{N: int64(cs.Headcount)}
	case colCollective:
		if cs.Collective(l.rules) {
			return widget.SortKey{N: 1, S: strconv.Itoa(cs.Headcount)}
		}
		return widget.SortKey{}
	case colClaimed:
		return widget.SortKey{N: int64(cs.Claimed)}
	}
	// open first, then closed by outcome, then those entered by mistake
	switch {
	case cs.Void:
		return widget.SortKey{N: 2}
	case cs.Open():
		return widget.SortKey{N: 0}
	}
	return widget.SortKey{N: 1, S: cs.Outcome.Code()}
}
