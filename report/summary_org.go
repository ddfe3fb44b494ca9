package report

import (
	"slices"

	"unionbook/model"
)

// The summary's 组织建设 and 民主管理与维权 from the organisation register:
// the survey's items on the period's last day and a year earlier
// (model.Survey and model.Total, as the survey, the district package and
// stats count them), 建会率 and 入会率 (model.RatesAsOf, as stats), the
// unorganised employers, honours and model workers. A figure the register
// keeps no history of (a flag or a head count recorded as it is now) is
// given for this period only and says so.

// orgSpan is the register on one day: the survey's items summed and the
// organising rates of the period that ends then.
type orgSpan struct {
	items model.SurveyTotals
	rates model.OrgRates
	rows  []model.UnitSurvey
}

func (c *summaryContext) orgOn(p model.Period, d model.Date) orgSpan {
	o := c.org
	rows := model.Survey(o.Units, model.MemberCounts(o.Members, d), d, o.Profile.OrgRules())
	return orgSpan{items: model.Total(rows), rates: model.RatesAsOf(p, d, o.Units, o.Employers, o.Members), rows: rows}
}

// lastYear is the period a year before p.
func lastYear(p model.Period) model.Period {
	return model.Period{From: p.From.Add(-12), To: p.To.Add(-12), Text: p.Text}
}

// membersOn counts the members in the union on day d: all, women and
// migrant workers (the migrant-worker mark as the roster holds it now).
func membersOn(ms []model.Member, d model.Date) (all, women, migrant int) {
	for _, c := range model.MemberCounts(ms, d) {
		all, women, migrant = all+c[0], women+c[1], migrant+c[2]
	}
	return
}

// movements counts the members who joined, and who left the union (a
// status change from in the union to out of it), in from..to.
func movements(ms []model.Member, from, to model.Date) (joined, left int) {
	for i := range ms {
		m := &ms[i]
		if m.JoinDate >= from && m.JoinDate <= to {
			joined++
		}
		for _, h := range m.History {
			if h.Date >= from && h.Date <= to && h.From.InUnion() && !h.To.InUnion() {
				left++
			}
		}
	}
	return
}

func orgSection(c *summaryContext) (SummarySection, error) {
	s := c.s
	now, before := c.orgOn(s.Period, s.AsOf), c.orgOn(lastYear(s.Period), s.BeforeAsOf)
	all, women, migrant := membersOn(c.members, s.AsOf)
	allB, womenB, migrantB := membersOn(c.members, s.BeforeAsOf)
	joined, left := movements(c.members, s.First, s.AsOf)
	joinedB, leftB := movements(c.members, s.BeforeFirst, s.BeforeAsOf)
	on, onB := s.AsOf.String(), s.BeforeAsOf.String()
	span, spanB := c.span(s.First, s.AsOf), c.span(s.BeforeFirst, s.BeforeAsOf)
	n, b := &now.items, &before.items
	r, rb := &now.rates, &before.rates
	honours, honoursB := c.honoursIn(s.First.Year(), s.AsOf.Year())
	workers, inHardship, err := c.modelWorkers()
	if err != nil {
		return SummarySection{}, err
	}
	years, yearsB := yearsText(s.First.Year(), s.AsOf.Year()), yearsText(s.First.Year()-1, s.AsOf.Year()-1)
	sec := SummarySection{Figures: []SummaryFigure{
		count("units", "summary.u_units", n.Units, b.Units, c.T("summary.src_org_units", on, onB)),
		count("joint_units", "summary.u_units", n.JointUnits, b.JointUnits, c.T("summary.src_org_joint")),
		count("employers_organised", "summary.u_units", r.EmployersOrganised, rb.EmployersOrganised, c.T("summary.src_employers_organised", on, onB)),
		count("employers_unorganised", "summary.u_units", r.EmployersUnorganised, rb.EmployersUnorganised, c.T("summary.src_employers_unorganised", on, onB)),
		rate("union_rate", r.UnionRateBP, rb.UnionRateBP, c.T("summary.src_union_rate")),
		count("unions_formed", "summary.u_units", r.Formed, rb.Formed, c.T("summary.src_unions_formed", span, spanB)),
		count("members_in_union", "summary.u_people", all, allB, c.T("summary.src_members", on, onB)),
		count("women_members", "summary.u_people", women, womenB, c.T("summary.src_women", on, onB)),
		count("migrant_members", "summary.u_people", migrant, migrantB, c.T("summary.src_migrant", on, onB)),
		count("joined", "summary.u_people", joined, joinedB, c.T("summary.src_joined", span, spanB)),
		count("left", "summary.u_people", left, leftB, c.T("summary.src_left", span, spanB)),
		countNow("employees", "summary.u_people", r.Employees, c.T("summary.src_employees")),
		rate("membership_rate", r.MembershipRateBP, rb.MembershipRateBP, c.T("summary.src_membership_rate", on, onB)),
		count("member_honours", "summary.u_items", honours[0], honoursB[0], c.T("summary.src_member_honours", years, yearsB)),
		count("unit_honours", "summary.u_items", honours[1], honoursB[1], c.T("summary.src_unit_honours", years, yearsB)),
		countNow("model_workers", "summary.u_people", workers, c.T("summary.src_model_workers")),
		countNow("model_workers_hardship", "summary.u_people", inHardship, c.T("summary.src_model_workers_hardship")),
	}}
	sec.Tables = append(sec.Tables, c.membersByUnit(now.rows), c.unorganisedTable())
	return sec, nil
}

// yearsText is "2026" or "2025..2026".
func yearsText(from, to int) string {
	if from == to {
		return itoa(from)
	}
	return itoa(from) + ".." + itoa(to)
}

// honoursIn counts the member and unit honours awarded in the years
// from..to and a year earlier (an honour keeps its year only).
func (c *summaryContext) honoursIn(from, to int) (now, before [2]int) {
	for _, h := range c.honours {
		i := 0
		if h.UnitID != 0 {
			i = 1
		}
		switch {
		case h.Year >= from && h.Year <= to:
			now[i]++
		case h.Year >= from-1 && h.Year <= to-1:
			before[i]++
		}
	}
	return now, before
}

// modelWorkers counts the members with a model-worker honour, and those of
// them with an open hardship file (困难劳模), as stats counts them.
func (c *summaryContext) modelWorkers() (workers, inHardship int, err error) {
	files, err := c.st.HardshipFiles()
	if err != nil {
		return 0, 0, err
	}
	st := model.OrgFigures(c.s.AsOf, c.org.Profile.OrgRules(), nil, nil, nil, c.honours, files)
	return st.Honours.ModelWorkers, st.Honours.InHardship, nil
}

// membersByUnit is each organised unit's employees, members and women
// members on the period's last day.
func (c *summaryContext) membersByUnit(rows []model.UnitSurvey) SummaryTable {
	t := SummaryTable{Title: c.T("summary.t_members_by_unit", c.s.AsOf.String()),
		Header: []string{c.T("summary.c_unit"), c.T("summary.c_employees"), c.T("summary.c_members"), c.T("summary.c_women"), c.T("summary.c_rate")},
		Right:  []bool{false, true, true, true, true}, Total: true}
	var tm, tw, te int
	for _, r := range rows {
		u := r.Unit
		t.Rows = append(t.Rows, []string{u.Name, itoa(u.Employees), itoa(r.Members), itoa(r.WomenMembers), rateText(model.RateBP(model.Money(r.Members), model.Money(u.Employees)))})
		tm, tw, te = tm+r.Members, tw+r.WomenMembers, te+u.Employees
	}
	t.Rows = append(t.Rows, []string{c.T("summary.total"), itoa(te), itoa(tm), itoa(tw), rateText(model.RateBP(model.Money(tm), model.Money(te)))})
	return t
}

// unorganisedTable is the employers without a union on the period's last
// day, the most employees first.
func (c *summaryContext) unorganisedTable() SummaryTable {
	d := c.s.AsOf
	t := SummaryTable{Title: c.T("summary.t_unorganised", d.String()),
		Header: []string{c.T("field.employer_name"), c.T("summary.c_employees"), c.T("field.registered"), c.T("survey.c_last_visit")},
		Right:  []bool{false, true, false, false}, Total: true}
	var open []model.Employer
	for _, e := range c.org.Employers {
		if e.Unorganised(d) {
			open = append(open, e)
		}
	}
	slices.SortStableFunc(open, func(a, b model.Employer) int { return b.Employees - a.Employees })
	employees := 0
	for _, e := range open {
		last := ""
		for _, v := range e.Visits {
			if v.Date <= d {
				last = v.Date.String()
			}
		}
		employees += e.Employees
		t.Rows = append(t.Rows, []string{e.Name, itoa(e.Employees), e.Registered.String(), last})
	}
	t.Rows = append(t.Rows, []string{c.T("summary.total_of", len(open)), itoa(employees), "", ""})
	return t
}

func democracySection(c *summaryContext) (SummarySection, error) {
	s := c.s
	now, before := c.orgOn(s.Period, s.AsOf), c.orgOn(lastYear(s.Period), s.BeforeAsOf)
	n, b := &now.items, &before.items
	on, onB := s.AsOf.String(), s.BeforeAsOf.String()
	var figs []SummaryFigure
	for _, k := range model.CommitteeKinds {
		figs = append(figs, SummaryFigure{Key: "committee_" + k.Code(), Name: c.T("summary.f_committee", c.T(k.Key())), Kind: Count,
			Unit: "summary.u_units", Now: int64(n.Committees[k.Code()]), Before: int64(b.Committees[k.Code()]), HasBefore: true,
			Source: c.T("summary.src_committee", on, onB)})
	}
	held := 0
	for _, r := range now.rows {
		if r.Unit.CongressLast >= s.First && r.Unit.CongressLast <= s.AsOf {
			held++
		}
	}
	span := c.span(s.First, s.AsOf)
	figs = append(figs,
		countNow("workers_congress", "summary.u_units", n.WorkersCongress, c.T("summary.src_congress")),
		countNow("congress_held", "summary.u_units", held, c.T("summary.src_congress_held", span)),
		countNow("delegates", "summary.u_people", n.Delegates, c.T("summary.src_delegates")),
		countNow("women_delegates", "summary.u_people", n.WomenDelegates, c.T("summary.src_delegates")),
		countNow("open_affairs", "summary.u_units", n.OpenAffairs, c.T("summary.src_open_affairs")),
		count("collective_contracts", "summary.u_units", n.Contracts, b.Contracts, c.T("summary.src_contracts", on, onB)),
		countNow("contract_covered", "summary.u_people", n.ContractCovered, c.T("summary.src_covered", on)),
		count("wage_agreements", "summary.u_units", n.WageAgreements, b.WageAgreements, c.T("summary.src_wage", on, onB)),
		countNow("wage_covered", "summary.u_people", n.WageCovered, c.T("summary.src_covered", on)),
		count("women_contracts", "summary.u_units", n.WomenContracts, b.WomenContracts, c.T("summary.src_women_contracts", on, onB)),
		count("model_homes", "summary.u_units", n.ModelHomes, b.ModelHomes, c.T("summary.src_model_homes", on, onB)),
		countNow("bookhouses", "summary.u_units", n.Bookhouses, c.T("summary.src_register_now")),
		countNow("staff_full", "summary.u_people", n.StaffFull, c.T("summary.src_register_now")),
		countNow("staff_part", "summary.u_people", n.StaffPart, c.T("summary.src_register_now")),
		countNow("covered_employers", "summary.u_units", n.CoveredEmployers, c.T("summary.src_covered_employers")),
		countNow("elections_due", "summary.u_units", n.ElectionsDue, c.T("summary.src_elections_due", on)),
	)
	return SummarySection{Figures: figs, Tables: []SummaryTable{c.democracyTable(now.rows)}}, nil
}

// democracyTable is each organised unit's democratic management and
// agreements on the period's last day.
func (c *summaryContext) democracyTable(rows []model.UnitSurvey) SummaryTable {
	yes := func(v bool) string {
		if v {
			return c.T("survey.yes")
		}
		return ""
	}
	t := SummaryTable{Title: c.T("summary.t_democracy", c.s.AsOf.String()),
		Header: []string{c.T("summary.c_unit"), c.T("survey.c_congress"), c.T("survey.c_open_affairs"), c.T("survey.c_contract"),
			c.T("org.cli_wage_agreements"), c.T("org.cli_women_contracts"), c.T("field.home_level")},
		Right: []bool{false, false, false, false, false, false, false}}
	for _, r := range rows {
		home := ""
		if r.Home != model.HomeNone {
			home = c.T(r.Home.Key())
		}
		t.Rows = append(t.Rows, []string{r.Unit.Name, yes(r.Congress), yes(r.OpenAffairs), yes(r.Contract), yes(r.Wage), yes(r.WomenContract), home})
	}
	return t
}
