package model

// The survey items and the organising rates. One computation serves the
// statistics sheet of the district package, `unionbook stats --json` and
// the Units tab's figures, so they cannot disagree. Every figure is of
// one day: the survey's is its last day (30 September), a period's its
// last day.

// UnitSurvey are one unit's survey items on a day.
type UnitSurvey struct {
	Unit           *Unit
	Members        int // in the union that day
	WomenMembers   int
	MigrantMembers int
	Committees     [len(committeeSlots)]bool // by CommitteeKinds
	Congress       bool
	Delegates      int
	WomenDelegates int
	OpenAffairs    bool
	Contract       bool // collective contract in force
	ContractCover  int
	Wage           bool // wage agreement in force
	WageCover      int
	WomenContract  bool
	Home           HomeLevel
	Bookhouse      bool
	StaffFull      int
	StaffPart      int
	Covered        int // employers a joint union covers (0 for a single union)
	CoveredMembers int // members of a joint union
	ElectionDue    bool
}

var committeeSlots = [5]CommitteeKind{CommitteeWomen, CommitteeAudit, CommitteeLawWatch, CommitteeMediation, CommitteeProtection}

// MemberCounts counts the members in the union on day d by unit: all,
// women and migrant workers.
func MemberCounts(members []Member, d Date) map[uint64][3]int {
	per := map[uint64][3]int{}
	for i := range members {
		m := &members[i]
		if m.JoinDate == 0 || m.JoinDate > d || !m.StatusOn(d).InUnion() {
			continue
		}
		c := per[m.UnitID]
		c[0]++
		if m.Gender == Female {
			c[1]++
		}
		if m.Migrant {
			c[2]++
		}
		per[m.UnitID] = c
	}
	return per
}

// Survey are the survey items of every unit organised on day d, in the
// order of units. counts are MemberCounts of the same day.
func Survey(units []Unit, counts map[uint64][3]int, d Date, r OrgRules) []UnitSurvey {
	var out []UnitSurvey
	for i := range units {
		u := &units[i]
		if !u.Organised(d) {
			continue
		}
		c := counts[u.ID]
		s := UnitSurvey{
			Unit: u, Members: c[0], WomenMembers: c[1], MigrantMembers: c[2],
			Congress: u.WorkersCongress, OpenAffairs: u.OpenAffairs,
			Contract: u.ContractInForce(d), Wage: u.WageInForce(d), WomenContract: u.WomenContractInForce(d),
			Home: u.HomeLevel, Bookhouse: u.Bookhouse, StaffFull: u.StaffFull, StaffPart: u.StaffPart,
			ElectionDue: u.ElectionDue(d, r),
		}
		if u.HomeYear > d.Year() {
			s.Home = HomeNone
		}
		for j, k := range committeeSlots {
			s.Committees[j] = u.HasCommittee(k, d)
		}
		if s.Congress {
			s.Delegates, s.WomenDelegates = u.CongressDelegates, u.CongressWomen
		}
		if s.Contract {
			s.ContractCover = u.ContractCovered
		}
		if s.Wage {
			s.WageCover = u.WageCovered
		}
		if u.JointUnion() {
			s.Covered, s.CoveredMembers = u.EmployersCovered(), c[0]
		}
		out = append(out, s)
	}
	return out
}

// SurveyTotals are the survey items summed over units. The JSON keys are
// part of stats --json.
type SurveyTotals struct {
	Units            int            `json:"units"`
	JointUnits       int            `json:"joint_units"`
	Employees        int            `json:"employees"`
	WomenEmployees   int            `json:"women_employees"`
	MigrantWorkers   int            `json:"migrant_workers"`
	Members          int            `json:"members"`
	WomenMembers     int            `json:"women_members"`
	MigrantMembers   int            `json:"migrant_members"`
	Committees       map[string]int `json:"committees"` // units with each committee, by CommitteeKind.Code
	WorkersCongress  int            `json:"workers_congress"`
	Delegates        int            `json:"congress_delegates"`
	WomenDelegates   int            `json:"congress_women_delegates"`
	OpenAffairs      int            `json:"open_affairs"`
	Contracts        int            `json:"collective_contracts"`
	ContractCovered  int            `json:"contract_employees"`
	WageAgreements   int            `json:"wage_agreements"`
	WageCovered      int            `json:"wage_agreement_employees"`
	WomenContracts   int            `json:"women_special_contracts"`
	ModelHomes       int            `json:"model_workers_homes"`
	Bookhouses       int            `json:"workers_libraries"`
	StaffFull        int            `json:"staff_full_time"`
	StaffPart        int            `json:"staff_part_time"`
	CoveredEmployers int            `json:"joint_covered_employers"`
	CoveredMembers   int            `json:"joint_covered_members"`
	ElectionsDue     int            `json:"elections_due"`
}

// Total sums the rows.
func Total(rows []UnitSurvey) SurveyTotals {
	t := SurveyTotals{Committees: map[string]int{}}
	for _, k := range committeeSlots {
		t.Committees[k.Code()] = 0
	}
	for _, s := range rows {
		u := s.Unit
		t.Units++
		if u.JointUnion() {
			t.JointUnits++
		}
		t.Employees += u.Employees
		t.WomenEmployees += u.Women
		t.MigrantWorkers += u.MigrantWorkers
		t.Members += s.Members
		t.WomenMembers += s.WomenMembers
		t.MigrantMembers += s.MigrantMembers
		for j, k := range committeeSlots {
			if s.Committees[j] {
				t.Committees[k.Code()]++
			}
		}
		t.WorkersCongress += b2i(s.Congress)
		t.Delegates += s.Delegates
		t.WomenDelegates += s.WomenDelegates
		t.OpenAffairs += b2i(s.OpenAffairs)
		t.Contracts += b2i(s.Contract)
		t.ContractCovered += s.ContractCover
		t.WageAgreements += b2i(s.Wage)
		t.WageCovered += s.WageCover
		t.WomenContracts += b2i(s.WomenContract)
		t.ModelHomes += b2i(s.Home != HomeNone)
		t.Bookhouses += b2i(s.Bookhouse)
		t.StaffFull += s.StaffFull
		t.StaffPart += s.StaffPart
		t.CoveredEmployers += s.Covered
		t.CoveredMembers += s.CoveredMembers
		t.ElectionsDue += b2i(s.ElectionDue)
	}
	return t
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// OrgRates are the organising figures of one period, on its last day.
type OrgRates struct {
	Period string `json:"period"`
	AsOf   string `json:"as_of"`
	// EmployersOrganised counts the employers with a union: one for each
	// single union, the covered employers of each joint union.
	EmployersOrganised   int `json:"employers_organised"`
	EmployersUnorganised int `json:"employers_unorganised"`
	// UnionRateBP is 建会率 in basis points: organised ÷ (organised +
	// unorganised) employers.
	UnionRateBP int `json:"union_rate_bp"`
	Employees   int `json:"employees"` // of the organised units
	Members     int `json:"members"`   // in the union on the last day
	// MembershipRateBP is 入会率 in basis points: members ÷ employees.
	MembershipRateBP int `json:"membership_rate_bp"`
	// Formed counts the unions formed within the period.
	Formed int `json:"unions_formed"`
}

// Rates computes the organising figures of period p.
func Rates(p Period, units []Unit, employers []Employer, members []Member) OrgRates {
	return RatesAsOf(p, p.Last(), units, employers, members)
}

// RatesAsOf computes the figures of period p as they stand on day asOf
// (its last day, or today for a period not yet over).
func RatesAsOf(p Period, asOf Date, units []Unit, employers []Employer, members []Member) OrgRates {
	last := min(p.Last(), asOf)
	counts := MemberCounts(members, last)
	r := OrgRates{Period: p.Text, AsOf: last.String()}
	for i := range units {
		u := &units[i]
		if u.FormedOn != 0 && u.FormedOn >= p.First() && u.FormedOn <= p.Last() {
			r.Formed++
		}
		if !u.Organised(last) {
			continue
		}
		r.EmployersOrganised += u.EmployersCovered()
		r.Employees += u.Employees
		r.Members += counts[u.ID][0]
	}
	for i := range employers {
		if employers[i].Unorganised(last) {
			r.EmployersUnorganised++
		}
	}
	r.UnionRateBP = RateBP(Money(r.EmployersOrganised), Money(r.EmployersOrganised+r.EmployersUnorganised))
	r.MembershipRateBP = RateBP(Money(r.Members), Money(r.Employees))
	return r
}

// SurveyYear is the survey's period for year y: 1 October of y−1 to 30
// September of y (the district's yearly survey; docs/rules.md S2).
func SurveyYear(y int) Period {
	return Period{From: Month((y-1)*100 + 10), To: Month(y*100 + 9), Text: itoa(y-1) + "-10.." + itoa(y) + "-09"}
}

// OrgStats are the organisation figures of stats --json ("org"): the
// survey items on a day, the organising rates of the year so far, its
// first half and the year before, the unorganised employers by status,
// and the honours. The JSON keys are part of the command line's contract.
type OrgStats struct {
	AsOf      string         `json:"as_of"`
	Survey    SurveyTotals   `json:"survey"`
	Rates     []OrgRates     `json:"rates"`
	Employers EmployerCounts `json:"employers"`
	Honours   HonourCounts   `json:"honours"`
}

// EmployerCounts counts the unorganised employers by status, and those
// whose planned follow-up visit is due.
type EmployerCounts struct {
	Unorganised   int `json:"unorganised"`
	Following     int `json:"following"`
	Formed        int `json:"formed"`
	Gone          int `json:"gone"`
	FollowUpDue   int `json:"follow_up_due"`
	EmployeesLeft int `json:"employees_without_union"` // employees of the open ones
}

// HonourCounts counts honours and model workers.
type HonourCounts struct {
	Member       int `json:"member_honours"`
	Unit         int `json:"unit_honours"`
	ModelWorkers int `json:"model_workers"`
	InHardship   int `json:"model_workers_in_hardship"` // 困难劳模: an open file that says so
}

// OrgFigures computes OrgStats on day d. files are the hardship files
// (only their model-worker flag and status count).
func OrgFigures(d Date, r OrgRules, units []Unit, employers []Employer, members []Member, honours []Honour, files []HardshipFile) OrgStats {
	st := OrgStats{AsOf: d.String(), Rates: []OrgRates{}}
	st.Survey = Total(Survey(units, MemberCounts(members, d), d, r))
	y := d.Year()
	for _, text := range []string{itoa(y), itoa(y) + "-H1", itoa(y - 1)} {
		p, err := ParsePeriod(text)
		if err != nil {
			continue
		}
		st.Rates = append(st.Rates, RatesAsOf(p, d, units, employers, members))
	}
	for i := range employers {
		e := &employers[i]
		switch e.Status {
		case EmployerUnorganised:
			st.Employers.Unorganised++
		case EmployerFollowing:
			st.Employers.Following++
		case EmployerFormed:
			st.Employers.Formed++
		case EmployerGone:
			st.Employers.Gone++
		}
		if e.FollowUpDue(d) {
			st.Employers.FollowUpDue++
		}
		if e.Status.Open() {
			st.Employers.EmployeesLeft += e.Employees
		}
	}
	byMember := map[uint64][]Honour{}
	for _, h := range honours {
		if h.MemberID != 0 {
			st.Honours.Member++
			byMember[h.MemberID] = append(byMember[h.MemberID], h)
		} else {
			st.Honours.Unit++
		}
	}
	for _, hs := range byMember {
		if ModelWorkerLevelOf(hs) != ModelNone {
			st.Honours.ModelWorkers++
		}
	}
	for i := range files {
		if files[i].Status.Open() && files[i].ModelWorkerInHardship() {
			st.Honours.InHardship++
		}
	}
	return st
}
