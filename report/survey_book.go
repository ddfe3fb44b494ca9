package report

import (
	"io"
	"strconv"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/workbook"
)

// The survey's workbook: the failed checks, the survey's table, and the
// organising figures with the unorganised employers.

// surveyColumn is one column of the survey's table: its heading, a unit's
// value and the total's (nil: none).
type surveyColumn struct {
	col   workbook.Column
	value func(r *model.UnitSurvey) any
	total func(t *model.SurveyTotals) any
}

// surveyColumns are the survey's columns in the form's order: the cover
// items 901–904, the union's form and identifiers, employees and members,
// the committees, democratic management, agreements, 职工之家 and staff,
// a joint union's coverage, 换届.
func surveyColumns(l i18n.Lang) []surveyColumn {
	yes := func(v bool) any {
		if v {
			return l.T("survey.yes")
		}
		return l.T("survey.no")
	}
	txt := func(k string, w float64, v func(r *model.UnitSurvey) any) surveyColumn {
		return surveyColumn{col: workbook.Column{Header: l.T(k), Width: w, ColKind: workbook.KText}, value: v}
	}
	num := func(k string, v func(r *model.UnitSurvey) int, t func(t *model.SurveyTotals) int) surveyColumn {
		c := surveyColumn{col: workbook.Column{Header: l.T(k), Width: 10, ColKind: workbook.KInt},
			value: func(r *model.UnitSurvey) any { return v(r) }}
		if t != nil {
			c.total = func(x *model.SurveyTotals) any { return t(x) }
		}
		return c
	}
	// flag is a yes/no column whose total counts the units that have it.
	flag := func(k string, v func(r *model.UnitSurvey) bool, t func(t *model.SurveyTotals) int) surveyColumn {
		return surveyColumn{col: workbook.Column{Header: l.T(k), Width: 10, ColKind: workbook.KText},
			value: func(r *model.UnitSurvey) any { return yes(v(r)) },
			total: func(x *model.SurveyTotals) any { return strconv.Itoa(t(x)) }}
	}
	cols := []surveyColumn{
		txt("survey.c_901", 12, func(r *model.UnitSurvey) any { return r.Unit.StatCode }),
		txt("survey.c_902", 30, func(r *model.UnitSurvey) any { return r.Unit.Name }),
		txt("survey.c_903", 10, func(r *model.UnitSurvey) any { return r.Unit.RegionCode }),
		txt("survey.c_904", 10, func(r *model.UnitSurvey) any { return strconv.Itoa(int(r.Unit.FormOrType().Type()) + 1) }),
		txt("field.union_form", 12, func(r *model.UnitSurvey) any { return l.T(r.Unit.FormOrType().Key()) }),
		txt("survey.c_credit", 20, func(r *model.UnitSurvey) any { return r.Unit.CreditCode }),
		txt("field.union_credit", 20, func(r *model.UnitSurvey) any { return r.Unit.UnionCredit }),
		txt("survey.c_kind", 8, func(r *model.UnitSurvey) any {
			if r.Unit.Kind == 0 {
				return ""
			}
			return strconv.Itoa(int(r.Unit.Kind))
		}),
		num("survey.c_employees", func(r *model.UnitSurvey) int { return r.Unit.Employees }, func(t *model.SurveyTotals) int { return t.Employees }),
		num("survey.c_women", func(r *model.UnitSurvey) int { return r.Unit.Women }, func(t *model.SurveyTotals) int { return t.WomenEmployees }),
		num("survey.c_migrants", func(r *model.UnitSurvey) int { return r.Unit.MigrantWorkers }, func(t *model.SurveyTotals) int { return t.MigrantWorkers }),
		num("survey.c_members", func(r *model.UnitSurvey) int { return r.Members }, func(t *model.SurveyTotals) int { return t.Members }),
		num("survey.c_women_members", func(r *model.UnitSurvey) int { return r.WomenMembers }, func(t *model.SurveyTotals) int { return t.WomenMembers }),
		num("survey.c_migrant_members", func(r *model.UnitSurvey) int { return r.MigrantMembers }, func(t *model.SurveyTotals) int { return t.MigrantMembers }),
		{col: workbook.Column{Header: l.T("survey.c_rate"), Width: 10, ColKind: workbook.KPct},
			value: func(r *model.UnitSurvey) any {
				return workbook.Pct(model.RateBP(model.Money(r.Members), model.Money(r.Unit.Employees)))
			},
			total: func(t *model.SurveyTotals) any {
				return workbook.Pct(model.RateBP(model.Money(t.Members), model.Money(t.Employees)))
			}},
	}
	for j, k := range model.CommitteeKinds {
		cols = append(cols, flag(k.Key(), func(r *model.UnitSurvey) bool { return r.Committees[j] },
			func(t *model.SurveyTotals) int { return t.Committees[k.Code()] }))
	}
	return append(cols,
		flag("survey.c_congress", func(r *model.UnitSurvey) bool { return r.Congress }, func(t *model.SurveyTotals) int { return t.WorkersCongress }),
		num("field.congress_delegates", func(r *model.UnitSurvey) int { return r.Delegates }, func(t *model.SurveyTotals) int { return t.Delegates }),
		num("field.congress_women", func(r *model.UnitSurvey) int { return r.WomenDelegates }, func(t *model.SurveyTotals) int { return t.WomenDelegates }),
		flag("survey.c_open_affairs", func(r *model.UnitSurvey) bool { return r.OpenAffairs }, func(t *model.SurveyTotals) int { return t.OpenAffairs }),
		flag("survey.c_contract", func(r *model.UnitSurvey) bool { return r.Contract }, func(t *model.SurveyTotals) int { return t.Contracts }),
		num("field.contract_covered", func(r *model.UnitSurvey) int { return r.ContractCover }, func(t *model.SurveyTotals) int { return t.ContractCovered }),
		txt("survey.c_contract_expires", 12, func(r *model.UnitSurvey) any { return r.Unit.ContractExpires.String() }),
		flag("org.cli_wage_agreements", func(r *model.UnitSurvey) bool { return r.Wage }, func(t *model.SurveyTotals) int { return t.WageAgreements }),
		num("field.wage_covered", func(r *model.UnitSurvey) int { return r.WageCover }, func(t *model.SurveyTotals) int { return t.WageCovered }),
		flag("org.cli_women_contracts", func(r *model.UnitSurvey) bool { return r.WomenContract }, func(t *model.SurveyTotals) int { return t.WomenContracts }),
		surveyColumn{col: workbook.Column{Header: l.T("field.home_level"), Width: 16, ColKind: workbook.KText},
			value: func(r *model.UnitSurvey) any {
				if r.Home == model.HomeNone {
					return ""
				}
				return l.T(r.Home.Key())
			},
			total: func(t *model.SurveyTotals) any { return strconv.Itoa(t.ModelHomes) }},
		flag("field.bookhouse", func(r *model.UnitSurvey) bool { return r.Bookhouse }, func(t *model.SurveyTotals) int { return t.Bookhouses }),
		num("field.staff_full", func(r *model.UnitSurvey) int { return r.StaffFull }, func(t *model.SurveyTotals) int { return t.StaffFull }),
		num("field.staff_part", func(r *model.UnitSurvey) int { return r.StaffPart }, func(t *model.SurveyTotals) int { return t.StaffPart }),
		num("field.covered_employers", func(r *model.UnitSurvey) int { return r.Covered }, func(t *model.SurveyTotals) int { return t.CoveredEmployers }),
		num("survey.c_covered_members", func(r *model.UnitSurvey) int { return r.CoveredMembers }, func(t *model.SurveyTotals) int { return t.CoveredMembers }),
		flag("org.cli_elections_due", func(r *model.UnitSurvey) bool { return r.ElectionDue }, func(t *model.SurveyTotals) int { return t.ElectionsDue }),
	)
}

// WriteSurveyBook writes the survey's workbook: the failed checks, the
// survey's table, the organising figures.
func WriteSurveyBook(w io.Writer, s *Survey, union string, l i18n.Lang) error {
	b, err := workbook.New(workbook.Options{Lang: l, Union: union,
		Subtitle: l.T("survey.subtitle", union, s.Year, s.From.String(), s.To.String(), s.AsOf.String())})
	if err != nil {
		return err
	}
	defer b.Close()
	if err := writeSurveyChecks(b, s, l); err != nil {
		return err
	}
	if err := writeSurveyTable(b, s, l); err != nil {
		return err
	}
	if err := writeSurveyOrganising(b, s, l); err != nil {
		return err
	}
	_, err = b.WriteTo(w)
	return err
}

func writeSurveyChecks(b *workbook.Book, s *Survey, l i18n.Lang) error {
	t, err := b.Table(l.T("survey.s_checks"), l.T("survey.r_checks", len(s.Problems)), []workbook.Column{
		{Header: l.T("survey.c_seq"), Width: 6, ColKind: workbook.KInt},
		{Header: l.T("survey.c_unit"), Width: 30, ColKind: workbook.KText},
		{Header: l.T("survey.c_item"), Width: 16, ColKind: workbook.KText},
		{Header: l.T("survey.c_problem"), Width: 60, ColKind: workbook.KText},
	})
	if err != nil {
		return err
	}
	for i, p := range s.Problems {
		if err := t.Row(i+1, p.Unit, p.Item, p.Text); err != nil {
			return err
		}
	}
	if len(s.Problems) == 0 {
		if err := t.Row(nil, l.T("survey.all_pass")); err != nil {
			return err
		}
	}
	return t.Close()
}

func writeSurveyTable(b *workbook.Book, s *Survey, l i18n.Lang) error {
	cols := surveyColumns(l)
	heads := make([]workbook.Column, 0, len(cols)+1)
	heads = append(heads, workbook.Column{Header: l.T("survey.c_seq"), Width: 6, ColKind: workbook.KInt})
	for _, c := range cols {
		heads = append(heads, c.col)
	}
	t, err := b.Table(l.T("survey.s_survey"), l.T("survey.r_survey", s.Year), heads)
	if err != nil {
		return err
	}
	for i := range s.Rows {
		vals := []any{i + 1}
		for _, c := range cols {
			vals = append(vals, c.value(&s.Rows[i]))
		}
		if err := t.Row(vals...); err != nil {
			return err
		}
	}
	totals := []any{nil}
	for j, c := range cols {
		switch {
		case j == 1: // under the names
			totals = append(totals, l.T("survey.total", s.Total.Units))
		case c.total != nil:
			totals = append(totals, c.total(&s.Total))
		default:
			totals = append(totals, nil)
		}
	}
	if err := t.Total(totals...); err != nil {
		return err
	}
	return t.Close()
}

// writeSurveyOrganising writes 建会率 and 入会率 of the survey year and the
// employers without a union on its day.
func writeSurveyOrganising(b *workbook.Book, s *Survey, l i18n.Lang) error {
	r := &s.Rates
	t, err := b.Table(l.T("survey.s_organising"), l.T("survey.r_organising", s.Year, s.AsOf.String()), []workbook.Column{
		{Header: l.T("survey.c_seq"), Width: 6, ColKind: workbook.KInt},
		{Header: l.T("field.employer_name"), Width: 34, ColKind: workbook.KText},
		{Header: l.T("survey.c_credit"), Width: 20, ColKind: workbook.KText},
		{Header: l.T("survey.c_employees"), Width: 10, ColKind: workbook.KInt},
		{Header: l.T("field.registered"), Width: 12, ColKind: workbook.KText},
		{Header: l.T("field.employer_status"), Width: 10, ColKind: workbook.KText},
		{Header: l.T("survey.c_last_visit"), Width: 12, ColKind: workbook.KText},
	})
	if err != nil {
		return err
	}
	for _, line := range []string{
		l.T("survey.union_rate", rateText(r.UnionRateBP), r.EmployersOrganised, r.EmployersOrganised+r.EmployersUnorganised),
		l.T("survey.membership_rate", rateText(r.MembershipRateBP), r.Members, r.Employees),
		l.T("survey.formed", r.Formed),
	} {
		if err := t.Text(line, true, false); err != nil {
			return err
		}
	}
	employees := 0
	for i, e := range s.Unorganised {
		last := ""
		if v, ok := e.LastVisit(); ok && v.Date <= s.AsOf {
			last = v.Date.String()
		}
		employees += e.Employees
		if err := t.Row(i+1, e.Name, e.CreditCode, e.Employees, e.Registered.String(), l.T(e.Status.Key()), last); err != nil {
			return err
		}
	}
	if err := t.Total(nil, l.T("survey.unorganised_total", len(s.Unorganised)), nil, employees, nil, nil, nil); err != nil {
		return err
	}
	return t.Close()
}
