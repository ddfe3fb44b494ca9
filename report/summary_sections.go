package report

import (
	"slices"
	"strconv"

	"unionbook/model"
)

// The summary's sections, each from the books as they are kept: every
// figure counts records, with its definition as its source.

// disputesSection: labour disputes, visits and legal aid (the Cases tab),
// and the labour-relations risk checks, as model.SumCases counts them for
// the Overview and stats.
func disputesSection(c *summaryContext) (SummarySection, error) {
	s := c.s
	// A package's cases travel as figures only (issue 16): a database
	// loaded from one holds none, and counting none would say zero.
	if from, err := c.st.FromPackage(); err != nil || from != "" {
		return SummarySection{Missing: c.T("summary.cases_in_package", from)}, err
	}
	f, err := c.st.CaseFigures(s.First, s.AsOf)
	if err != nil {
		return SummarySection{}, err
	}
	b, err := c.st.CaseFigures(s.BeforeFirst, s.BeforeAsOf)
	if err != nil {
		return SummarySection{}, err
	}
	span, spanB := c.span(s.First, s.AsOf), c.span(s.BeforeFirst, s.BeforeAsOf)
	src := c.T("summary.src_cases", span, spanB)
	mediated := rate("case_mediated", f.MediatedBP(), b.MediatedBP(), c.T("summary.src_mediated"))
	mediated.HasBefore = b.Closed > 0 // no case closed last year: no rate to compare, not 0%
	sec := SummarySection{Figures: []SummaryFigure{
		count("cases", "summary.u_cases", f.Cases, b.Cases, src),
		count("case_workers", "summary.u_people", f.Workers, b.Workers, c.T("summary.src_case_workers")),
		count("case_units", "summary.u_units", f.Units, b.Units, c.T("summary.src_case_units")),
		count("collective_cases", "summary.u_cases", f.Collective, b.Collective, c.T("summary.src_collective", f.CollectiveMin)),
		count("collective_workers", "summary.u_people", f.CollectiveWorkers, b.CollectiveWorkers, c.T("summary.src_collective", f.CollectiveMin)),
		money("case_claimed", f.Claimed, b.Claimed, c.T("summary.src_claimed")),
		money("case_recovered", f.Recovered, b.Recovered, c.T("summary.src_recovered")),
		mediated,
		count("legal_aid", "summary.u_cases", f.LegalAid, b.LegalAid, c.T("summary.src_legal_aid")),
		count("risk_checks", "summary.u_times", f.Risk.Checks, b.Risk.Checks, c.T("summary.src_risk_checks", span, spanB)),
	}}
	t := SummaryTable{Title: c.T("summary.t_cases_by_type", span),
		Header: []string{c.T("summary.c_case_type"), c.T("summary.c_cases"), c.T("summary.c_workers"), c.T("summary.c_claimed"), c.T("summary.c_recovered")},
		Right:  []bool{false, true, true, true, true}, Total: true}
	for _, g := range f.ByType {
		t.Rows = append(t.Rows, []string{c.T(g.Type.Key()), itoa(g.Cases), itoa(g.Workers), g.Claimed.Display(), g.Recovered.Display()})
	}
	t.Rows = append(t.Rows, []string{c.T("summary.total"), itoa(f.Cases), itoa(f.Workers), f.Claimed.Display(), f.Recovered.Display()})
	sec.Tables = append(sec.Tables, t)
	return sec, nil
}

// hardshipStatusOn is a file's status on day d, from its dated steps (as
// the district package's hardship roster reads it).
func hardshipStatusOn(f *model.HardshipFile, d model.Date) model.HardshipStatus {
	switch {
	case f.AppliedDate == 0:
		return f.Status
	case f.AppliedDate > d:
		return 0
	case f.ClosedDate != 0 && f.ClosedDate <= d:
		return model.HardshipClosed
	case f.LiftDate != 0 && f.LiftDate <= d:
		return model.HardshipLifted
	case f.ApprovedDate != 0 && f.ApprovedDate <= d:
		return model.HardshipActive
	}
	return model.HardshipApplied
}

// aidSums are a span's aid: records given (not reversed, not reversals)
// and the value by type, net of reversals dated in the span.
type aidSums struct {
	n      int
	value  model.Money
	byType map[model.AidType]model.Money
	nType  map[model.AidType]int
}

func sumAid(aid []model.AidRecord) aidSums {
	s := aidSums{byType: map[model.AidType]model.Money{}, nType: map[model.AidType]int{}}
	reversed := map[uint64]bool{}
	for i := range aid {
		if aid[i].ReversalOf != 0 {
			reversed[aid[i].ReversalOf] = true
		}
	}
	for i := range aid {
		a := &aid[i]
		s.value += a.Value()
		s.byType[a.Type] += a.Value()
		if a.ReversalOf == 0 && !reversed[a.ID] {
			s.n++
			s.nType[a.Type]++
		}
	}
	return s
}

func hardshipSection(c *summaryContext) (SummarySection, error) {
	s := c.s
	files, err := c.st.HardshipFiles()
	if err != nil {
		return SummarySection{}, err
	}
	var open, openB, filed, filedB, lifted, liftedB int
	var cats, catsB [4]int
	for i := range files {
		f := &files[i]
		if st := hardshipStatusOn(f, s.AsOf); st == model.HardshipActive {
			open++
			if int(f.Category) < len(cats) {
				cats[f.Category]++
			}
		}
		if st := hardshipStatusOn(f, s.BeforeAsOf); st == model.HardshipActive {
			openB++
			if int(f.Category) < len(catsB) {
				catsB[f.Category]++
			}
		}
		if f.AppliedDate >= s.First && f.AppliedDate <= s.AsOf {
			filed++
		}
		if f.AppliedDate >= s.BeforeFirst && f.AppliedDate <= s.BeforeAsOf {
			filedB++
		}
		if f.LiftDate >= s.First && f.LiftDate <= s.AsOf {
			lifted++
		}
		if f.LiftDate >= s.BeforeFirst && f.LiftDate <= s.BeforeAsOf {
			liftedB++
		}
	}
	aid, err := c.st.AidBetween(s.First, s.AsOf)
	if err != nil {
		return SummarySection{}, err
	}
	aidB, err := c.st.AidBetween(s.BeforeFirst, s.BeforeAsOf)
	if err != nil {
		return SummarySection{}, err
	}
	a, b := sumAid(aid), sumAid(aidB)
	on, onB := s.AsOf.String(), s.BeforeAsOf.String()
	span, spanB := c.span(s.First, s.AsOf), c.span(s.BeforeFirst, s.BeforeAsOf)
	sec := SummarySection{Figures: []SummaryFigure{
		count("hardship_active", "summary.u_households", open, openB, c.T("summary.src_hardship_active", on, onB)),
		count("hardship_deep", "summary.u_households", cats[model.CategoryDeep], catsB[model.CategoryDeep], c.T("summary.src_hardship_cat", on, onB)),
		count("hardship_relative", "summary.u_households", cats[model.CategoryRelative], catsB[model.CategoryRelative], c.T("summary.src_hardship_cat", on, onB)),
		count("hardship_sudden", "summary.u_households", cats[model.CategorySudden], catsB[model.CategorySudden], c.T("summary.src_hardship_cat", on, onB)),
		count("hardship_filed", "summary.u_households", filed, filedB, c.T("summary.src_hardship_filed", span, spanB)),
		count("hardship_lifted", "summary.u_households", lifted, liftedB, c.T("summary.src_hardship_lifted", span, spanB)),
		count("aid_count", "summary.u_times", a.n, b.n, c.T("summary.src_aid_count", span, spanB)),
		money("aid_value", a.value, b.value, c.T("summary.src_aid_value", span, spanB)),
	}}
	t := SummaryTable{Title: c.T("summary.t_aid_by_type", span),
		Header: []string{c.T("summary.c_aid_type"), c.T("summary.c_count"), c.T("summary.c_value"), c.T("summary.c_count_before"), c.T("summary.c_value_before")},
		Right:  []bool{false, true, true, true, true}, Total: true}
	for _, ty := range model.AidTypes {
		t.Rows = append(t.Rows, []string{c.T(ty.Key()), itoa(a.nType[ty]), a.byType[ty].Display(), itoa(b.nType[ty]), b.byType[ty].Display()})
	}
	t.Rows = append(t.Rows, []string{c.T("summary.total"), itoa(a.n), a.value.Display(), itoa(b.n), b.value.Display()})
	sec.Tables = append(sec.Tables, t)
	return sec, nil
}

func eventsSection(c *summaryContext) (SummarySection, error) {
	s := c.s
	evs, err := c.st.Events(s.BeforeFirst, s.AsOf)
	if err != nil {
		return SummarySection{}, err
	}
	f := model.SumEvents(evs, s.First, s.AsOf, nil)
	fb := model.SumEvents(evs, s.BeforeFirst, s.BeforeAsOf, nil)
	span, spanB := c.span(s.First, s.AsOf), c.span(s.BeforeFirst, s.BeforeAsOf)
	sec := SummarySection{Figures: []SummaryFigure{
		count("events", "summary.u_events", f.Events, fb.Events, c.T("summary.src_events", span, spanB)),
		count("person_times", "summary.u_person_times", f.PersonTimes, fb.PersonTimes, c.T("summary.src_person_times", span, spanB)),
		money("event_cost", f.Cost, fb.Cost, c.T("summary.src_event_cost", span, spanB)),
	}}
	byType := func(gs []model.EventGroup, t model.EventType) model.EventGroup {
		i := slices.IndexFunc(gs, func(g model.EventGroup) bool { return g.Type == t })
		if i < 0 {
			return model.EventGroup{}
		}
		return gs[i]
	}
	t := SummaryTable{Title: c.T("summary.t_events_by_type", span),
		Header: []string{c.T("summary.c_event_type"), c.T("summary.c_events"), c.T("summary.c_person_times"), c.T("summary.c_events_before"), c.T("summary.c_person_times_before")},
		Right:  []bool{false, true, true, true, true}, Total: true}
	for _, ty := range model.EventTypes {
		g, gb := byType(f.ByType, ty), byType(fb.ByType, ty)
		t.Rows = append(t.Rows, []string{c.T(ty.Key()), itoa(g.Events), itoa(g.PersonTimes), itoa(gb.Events), itoa(gb.PersonTimes)})
	}
	t.Rows = append(t.Rows, []string{c.T("summary.total"), itoa(f.Events), itoa(f.PersonTimes), itoa(fb.Events), itoa(fb.PersonTimes)})
	sec.Tables = append(sec.Tables, t)
	return sec, nil
}

func itoa(n int) string { return strconv.Itoa(n) }

// rateText shows basis points as a percentage: 9876 is "98.76%".
func rateText(bp int) string { return strconv.Itoa(bp/100) + "." + pad2(bp%100) + "%" }

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
