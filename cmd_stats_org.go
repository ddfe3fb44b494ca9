package main

import (
	"fmt"
	"io"
	"strconv"

	"unionbook/i18n"
	"unionbook/model"
)

// writeOrgStats prints the organisation lines of the human-readable
// stats: 建会率 and 入会率 by period, the survey items, the unorganised
// employers and the honours.
func writeOrgStats(w io.Writer, l i18n.Lang, o model.OrgStats) {
	n := strconv.Itoa
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("org.cli_rates"))
	rows := [][]string{{"", l.T("org.cli_union_rate"), l.T("org.cli_membership_rate")}}
	for _, r := range o.Rates {
		rows = append(rows, []string{r.Period,
			l.T("org.rate_of", pct(r.UnionRateBP), r.EmployersOrganised, r.EmployersOrganised+r.EmployersUnorganised),
			l.T("org.rate_of", pct(r.MembershipRateBP), r.Members, r.Employees)})
	}
	columns(w, "  ", rows, "lrr")
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("org.cli_survey", o.AsOf))
	t := o.Survey
	lines := [][]string{
		{l.T("org.cli_units"), n(t.Units)},
		{"  " + l.T("union_type.joint"), n(t.JointUnits)},
		{"  " + l.T("field.covered_employers"), n(t.CoveredEmployers)},
	}
	for _, k := range model.CommitteeKinds {
		lines = append(lines, []string{l.T(k.Key()), n(t.Committees[k.Code()])})
	}
	lines = append(lines,
		[]string{l.T("field.workers_congress"), n(t.WorkersCongress)},
		[]string{"  " + l.T("field.congress_delegates"), l.T("org.of_whom_women", t.Delegates, t.WomenDelegates)},
		[]string{l.T("field.open_affairs"), n(t.OpenAffairs)},
		[]string{l.T("org.cli_contracts"), n(t.Contracts)},
		[]string{l.T("org.cli_wage_agreements"), n(t.WageAgreements)},
		[]string{l.T("org.cli_women_contracts"), n(t.WomenContracts)},
		[]string{l.T("org.cli_model_homes"), n(t.ModelHomes)},
		[]string{l.T("field.bookhouse"), n(t.Bookhouses)},
		[]string{l.T("org.cli_staff"), l.T("org.full_part", t.StaffFull, t.StaffPart)},
		[]string{l.T("org.cli_elections_due"), n(t.ElectionsDue)},
	)
	columns(w, "  ", lines, "lr")
	fmt.Fprintln(w)
	e := o.Employers
	columns(w, "", [][]string{
		{l.T("org.cli_employers"), l.T("org.employers_line", e.Unorganised, e.Following, e.Formed, e.Gone)},
		{"  " + l.T("org.cli_follow_up_due"), n(e.FollowUpDue)},
		{l.T("org.cli_honours"), l.T("org.honours_line", o.Honours.Member, o.Honours.Unit, o.Honours.ModelWorkers, o.Honours.InHardship)},
	}, "lr")
}

// pct shows basis points as a percentage with two decimals.
func pct(bp int) string { return fmt.Sprintf("%d.%02d%%", bp/100, bp%100) }
