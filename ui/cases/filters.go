package cases

import (
	"strings"

	"unionbook/model"
	"unionbook/search"
)

// The case list's filters: by state, type, channel, collective or
// individual, and the period received; the search box narrows further.

// caseState filters the list by where a case is.
type caseState int

const (
	stateAll caseState = iota
	stateOpen
	stateClosed // closed with an outcome
	stateVoid   // closed as entered by mistake
	numStates
)

// collectiveFilter filters by collective or individual disputes.
type collectiveFilter int

const (
	collAll collectiveFilter = iota
	collOnly
	collIndividual
	numColl
)

// filters are the list's filters; zero values mean all.
type filters struct {
	state   caseState
	typ     model.CaseType
	channel model.CaseChannel
	coll    collectiveFilter
	span    span
}

func (l *caseList) matches(i int, q search.Query) bool {
	cs := &l.all[i]
	f := l.f
	switch f.state {
	case stateOpen:
		if !cs.Open() {
			return false
		}
	case stateClosed:
		if cs.Open() || cs.Void {
			return false
		}
	case stateVoid:
		if !cs.Void {
			return false
		}
	}
	if (f.typ != 0 && cs.Type != f.typ) || (f.channel != 0 && cs.Channel != f.channel) {
		return false
	}
	if coll := cs.Collective(l.rules); (f.coll == collOnly && !coll) || (f.coll == collIndividual && coll) {
		return false
	}
	if from, to := f.span.bounds(); from != 0 && (cs.Received < from || cs.Received > to) {
		return false
	}
	if q.Empty() {
		return true
	}
	for _, k := range l.skeys[i] {
		if k.Match(q) {
			return true
		}
	}
	return false
}

// cycle moves a filter to the next value of vs, after the last back to 0 (all).
func cycle[T comparable](vs []T, cur T) T {
	var zero T
	if cur == zero {
		return vs[0]
	}
	for i, v := range vs {
		if v == cur && i+1 < len(vs) {
			return vs[i+1]
		}
	}
	return zero
}

// filterText says which filters are on: "办理中  欠薪  2026年".
func (l *caseList) filterText() string {
	var parts []string
	switch l.f.state {
	case stateOpen:
		parts = append(parts, l.c.T("cases.st_open"))
	case stateClosed:
		parts = append(parts, l.c.T("cases.st_closed"))
	case stateVoid:
		parts = append(parts, l.c.T("cases.st_void"))
	}
	if l.f.typ != 0 {
		parts = append(parts, l.c.T(l.f.typ.Key()))
	}
	if l.f.channel != 0 {
		parts = append(parts, l.c.T(l.f.channel.Key()))
	}
	switch l.f.coll {
	case collOnly:
		parts = append(parts, l.c.T("cases.collective_only", l.rules.CollectiveMin))
	case collIndividual:
		parts = append(parts, l.c.T("cases.individual_only"))
	}
	parts = append(parts, l.f.span.label(l.c))
	return strings.Join(parts, "  ")
}
