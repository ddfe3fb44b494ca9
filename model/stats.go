package model

import "sort"

// StatsTopUnits is how many units RosterStats ranks by member count.
const StatsTopUnits = 10

// Stats are the roster counts a secretary is asked for first. The JSON keys
// are part of the command line's contract (unionbook stats --json): keep them.
// Every count is over all member records, whatever their status, so that
// the status and gender breakdowns add up to Members.
type Stats struct {
	Units           int          `json:"units"`
	Members         int          `json:"members"`
	MembersByStatus StatusCounts `json:"members_by_status"`
	MembersByGender GenderCounts `json:"members_by_gender"`
	MigrantMembers  int          `json:"migrant_members"`
	TopUnits        []UnitCount  `json:"top_units"`
	// Dues is filled by the caller from the store (RosterStats leaves it
	// empty): the current year's collection and the cash balance.
	Dues DuesStats `json:"dues"`
	// Hardship is filled by the caller from the store (HardshipFigures).
	Hardship HardshipStats `json:"hardship"`
	// Events is filled by the caller from the store (Store.EventStats):
	// the current year's events and person-times by type.
	Events EventStats `json:"events"`
	// Org is filled by the caller from the store (Store.OrgStats): the
	// survey items, 建会率 and 入会率, unorganised employers, honours.
	Org OrgStats `json:"org"`
}

// DuesStats are the dues figures of stats --json: what was due and paid in
// a year and each of its months (amounts in fen), the collection rate in
// basis points (10000 = 100%), the members with at least the profile's
// ArrearsMonths consecutive unpaid months, and the cash-book balance.
type DuesStats struct {
	Year             int              `json:"year"`
	Due              Money            `json:"due"`
	Paid             Money            `json:"paid"`
	RateBP           int              `json:"rate_bp"`
	Months           []MonthDuesStats `json:"months"`
	MembersInArrears int              `json:"members_in_arrears"`
	CashBalance      Money            `json:"cash_balance"`
	// Of Paid and Due, what units that collect their own dues reported
	// (never in the cash balance); their unit-months not reported (in
	// neither); what this federation keeps on units' behalf (代管); members
	// left out of the arrears for want of a wage base.
	ReportedPaid         Money `json:"reported_paid"`
	ReportedDue          Money `json:"reported_due"`
	UnreportedUnitMonths int   `json:"unreported_unit_months"`
	Kept                 Money `json:"kept"`
	MembersNoBase        int   `json:"members_without_wage_base"`
}

// MonthDuesStats is one month of DuesStats.
type MonthDuesStats struct {
	Month  string `json:"month"` // "2026-01"
	Due    Money  `json:"due"`
	Paid   Money  `json:"paid"`
	RateBP int    `json:"rate_bp"`
	// Of them, what units that collect their own dues reported.
	ReportedPaid Money `json:"reported_paid"`
}

// RateBP is paid over due in basis points, 0 when nothing was due. See
// ShareBP for the rounding.
func RateBP(paid, due Money) int { return ShareBP(int64(paid), int64(due)) }

// ShareBP is part over whole in basis points (10000 = 100%), rounded half
// up to the hundredth of a percent (四舍五入), so that it agrees with the
// ROUND(part/whole*100, 2) a secretary checks it with in Excel or WPS. Two
// exceptions keep a figure honest: a share short of the whole never reads
// 100.00% (99.996% is 99.99%), and a share above nothing never reads
// 0.00%. 0 when the whole is 0 or less.
func ShareBP(part, whole int64) int {
	if whole <= 0 {
		return 0
	}
	neg := part < 0
	if neg {
		part = -part
	}
	bp := (part*10000 + whole/2) / whole
	switch {
	case part < whole && bp >= 10000:
		bp = 9999
	case part > 0 && bp == 0:
		bp = 1
	}
	if neg {
		bp = -bp
	}
	return int(bp)
}

// StatusCounts counts members by membership status.
type StatusCounts struct {
	Active      int `json:"active"`
	Retained    int `json:"retained"`
	Transferred int `json:"transferred"`
	Left        int `json:"left"`
	Expelled    int `json:"expelled"`
	Deceased    int `json:"deceased"`
}

// Of returns the count of one status (0 for an unknown status).
func (c StatusCounts) Of(s Status) int {
	switch s {
	case StatusActive:
		return c.Active
	case StatusRetained:
		return c.Retained
	case StatusTransferred:
		return c.Transferred
	case StatusLeft:
		return c.Left
	case StatusExpelled:
		return c.Expelled
	case StatusDeceased:
		return c.Deceased
	}
	return 0
}

func (c *StatusCounts) add(s Status) {
	switch s {
	case StatusActive:
		c.Active++
	case StatusRetained:
		c.Retained++
	case StatusTransferred:
		c.Transferred++
	case StatusLeft:
		c.Left++
	case StatusExpelled:
		c.Expelled++
	case StatusDeceased:
		c.Deceased++
	}
}

// GenderCounts counts members by gender; members whose gender is not
// recorded are in neither.
type GenderCounts struct {
	Male   int `json:"male"`
	Female int `json:"female"`
}

// UnitCount is a unit and its number of member records.
type UnitCount struct {
	UnitID  uint64 `json:"unit_id"`
	Name    string `json:"name"`
	Members int    `json:"members"`
}

// RosterStats counts the roster: units, members, members by status and by
// gender, migrant-worker members, and the StatsTopUnits units with the most
// members (ties in unit ID order; members of a unit not in units are not
// ranked). It is pure: callers load the records.
func RosterStats(units []Unit, members []Member) Stats {
	st := Stats{Units: len(units), Members: len(members), TopUnits: []UnitCount{}}
	perUnit := make(map[uint64]int, len(units))
	for i := range members {
		m := &members[i]
		st.MembersByStatus.add(m.Status)
		switch m.Gender {
		case Male:
			st.MembersByGender.Male++
		case Female:
			st.MembersByGender.Female++
		}
		if m.Migrant {
			st.MigrantMembers++
		}
		perUnit[m.UnitID]++
	}
	ranked := make([]UnitCount, 0, len(units))
	for _, u := range units {
		ranked = append(ranked, UnitCount{UnitID: u.ID, Name: u.Name, Members: perUnit[u.ID]})
	}
	sort.SliceStable(ranked, func(i, j int) bool {
		if ranked[i].Members != ranked[j].Members {
			return ranked[i].Members > ranked[j].Members
		}
		return ranked[i].UnitID < ranked[j].UnitID
	})
	if len(ranked) > StatsTopUnits {
		ranked = ranked[:StatsTopUnits]
	}
	st.TopUnits = append(st.TopUnits, ranked...)
	return st
}
