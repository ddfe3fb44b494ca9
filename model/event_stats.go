package model

import (
	"cmp"
	"slices"
)

// EventFigures are the event figures of a period (for the half-year work
// report): events held and participation (人次 = members + other
// headcount), in total and by type, month, organising unit and the units
// of the participating members. An event belongs to the period and the
// month of its start date.
type EventFigures struct {
	From, To    Date
	Events      int
	PersonTimes int
	Members     int   // member participations (a member in two events counts twice)
	Others      int   // other participants
	Cost        Money // net cost posted (reversals deducted)
	ByType      []EventGroup
	ByMonth     []EventGroup
	ByUnit      []EventGroup // by organising unit; Unit 0 is the federation itself
	// ByMemberUnit counts member participations by the member's unit
	// (events there: how many events had at least one of its members).
	ByMemberUnit []EventGroup
}

// EventGroup is one line of a breakdown: a type, a month or a unit.
type EventGroup struct {
	Type        EventType
	Month       Month
	Unit        uint64
	Events      int
	PersonTimes int
	Cost        Money
}

// SumEvents computes the figures of the events whose start date lies in
// from..to (0 for an open end). unitOf gives a member's unit (0 if
// unknown); it may be nil, and ByMemberUnit is then empty. Pure: callers
// load the records. Types are listed in EventTypes order, months in order,
// units by person-times, most first (ties by unit ID).
func SumEvents(events []Event, from, to Date, unitOf func(member uint64) uint64) EventFigures {
	f := EventFigures{From: from, To: to}
	byType := map[EventType]*EventGroup{}
	byMonth := map[Month]*EventGroup{}
	byUnit := map[uint64]*EventGroup{}
	byMU := map[uint64]*EventGroup{}
	get := func(m map[uint64]*EventGroup, k uint64) *EventGroup {
		g := m[k]
		if g == nil {
			g = &EventGroup{Unit: k}
			m[k] = g
		}
		return g
	}
	for i := range events {
		e := &events[i]
		if (from != 0 && e.Start < from) || (to != 0 && e.Start > to) {
			continue
		}
		pt := e.PersonTimes()
		f.Events++
		f.PersonTimes += pt
		f.Members += len(e.Members)
		f.Others += max(e.Others, 0)
		f.Cost += e.Cost
		t := byType[e.Type]
		if t == nil {
			t = &EventGroup{Type: e.Type}
			byType[e.Type] = t
		}
		mo := byMonth[e.Start.Month()]
		if mo == nil {
			mo = &EventGroup{Month: e.Start.Month()}
			byMonth[e.Start.Month()] = mo
		}
		u := get(byUnit, e.UnitID)
		for _, g := range []*EventGroup{t, mo, u} {
			g.Events++
			g.PersonTimes += pt
			g.Cost += e.Cost
		}
		if unitOf != nil {
			seen := map[uint64]bool{}
			for _, m := range e.Members {
				uid := unitOf(m)
				g := get(byMU, uid)
				g.PersonTimes++
				if !seen[uid] {
					seen[uid] = true
					g.Events++
				}
			}
		}
	}
	for _, t := range EventTypes {
		if g := byType[t]; g != nil {
			f.ByType = append(f.ByType, *g)
		}
	}
	for t, g := range byType {
		if !t.Valid() {
			f.ByType = append(f.ByType, *g)
		}
	}
	for _, g := range byMonth {
		f.ByMonth = append(f.ByMonth, *g)
	}
	slices.SortFunc(f.ByMonth, func(a, b EventGroup) int { return cmp.Compare(a.Month, b.Month) })
	f.ByUnit = rankGroups(byUnit)
	f.ByMemberUnit = rankGroups(byMU)
	return f
}

func rankGroups(m map[uint64]*EventGroup) []EventGroup {
	out := make([]EventGroup, 0, len(m))
	for _, g := range m {
		out = append(out, *g)
	}
	slices.SortFunc(out, func(a, b EventGroup) int {
		if c := cmp.Compare(b.PersonTimes, a.PersonTimes); c != 0 {
			return c
		}
		return cmp.Compare(a.Unit, b.Unit)
	})
	return out
}

// EventStats are the event figures of stats --json: the current year's
// events, person-times (人次) and net cost in fen, in total and by type.
// The JSON keys are part of the command line's contract.
type EventStats struct {
	Year        int              `json:"year"`
	Count       int              `json:"count"`
	PersonTimes int              `json:"person_times"`
	Cost        Money            `json:"cost"`
	ByType      []EventTypeStats `json:"by_type"`
}

// EventTypeStats is one type of EventStats; every type is listed, with
// zeros for a type without events.
type EventTypeStats struct {
	Type        string `json:"type"` // "sports", "training"... (EventType.Code)
	Name        string `json:"name"` // 文体活动
	Count       int    `json:"count"`
	PersonTimes int    `json:"person_times"`
}

// EventStatsOf turns a year's figures into EventStats; name gives a
// type's display name (the Chinese catalogue, as the books are kept).
func EventStatsOf(year int, f EventFigures, name func(EventType) string) EventStats {
	st := EventStats{Year: year, Count: f.Events, PersonTimes: f.PersonTimes, Cost: f.Cost, ByType: []EventTypeStats{}}
	for _, t := range EventTypes {
		ts := EventTypeStats{Type: t.Code(), Name: name(t)}
		for _, g := range f.ByType {
			if g.Type == t {
				ts.Count, ts.PersonTimes = g.Events, g.PersonTimes
			}
		}
		st.ByType = append(st.ByType, ts)
	}
	return st
}
