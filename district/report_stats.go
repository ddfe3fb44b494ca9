package district

import (
	"unionbook/model"
	"unionbook/workbook"
)

// 基本情况统计: the items of the district's yearly survey (《基层工会调查表》,
// 国统制〔2019〕107号; docs/rules.md) for every union organised on the
// period's last day, or today while the period runs (as stats and the
// survey count them on the day, and the rates sheet) — identifiers, form and economic type, employees and
// members, the committees, the workers' congress and its delegates, open
// affairs, the collective contract, wage agreement and women workers'
// special contract in force, 职工之家 and 职工书屋, union staff, the
// employers and members a joint union covers, whether its 换届 is due —
// and, on a second sheet, 建会率 and 入会率 of the period. The items come
// from model.Survey and model.RatesAsOf, as stats and the Units tab show
// them.

func writeStats(rc *ReportContext, b *workbook.Book) ([]Figure, error) {
	last := min(rc.Period.Last(), rc.Today()) // a day not yet come is not counted on
	rows := model.Survey(rc.Units, model.MemberCounts(rc.Members, last), last, rc.Profile.OrgRules())
	t, err := b.Table(rc.T("export.s_stats"), rc.T("export.r_stats"), statsColumns(rc))
	if err != nil {
		return nil, err
	}
	yes := func(v bool) string { return yesNoText(rc, v) }
	for i, s := range rows {
		u := s.Unit
		vals := []any{i + 1, u.Name, u.StatCode, u.RegionCode, u.CreditCode, unitKindText(rc, u.Kind), rc.T(u.FormOrType().Key()),
			u.Employees, u.Women, u.MigrantWorkers, s.Members, s.WomenMembers, s.MigrantMembers}
		for _, has := range s.Committees {
			vals = append(vals, yes(has))
		}
		vals = append(vals, yes(s.Congress), s.Delegates, s.WomenDelegates, yes(s.OpenAffairs),
			yes(s.Contract), s.ContractCover, yes(s.Wage), s.WageCover, yes(s.WomenContract),
			homeText(rc, s.Home), yes(s.Bookhouse), s.StaffFull, s.StaffPart, s.Covered, s.CoveredMembers, yes(s.ElectionDue))
		if err := t.Row(vals...); err != nil {
			return nil, err
		}
	}
	tot := model.Total(rows)
	count := func(n int) string { return rc.T("export.count_yes", n) }
	totals := []any{nil, rc.T("export.total_units", tot.Units), nil, nil, nil, nil, rc.T("export.count_joint", tot.JointUnits),
		tot.Employees, tot.WomenEmployees, tot.MigrantWorkers, tot.Members, tot.WomenMembers, tot.MigrantMembers}
	for _, k := range model.CommitteeKinds {
		totals = append(totals, count(tot.Committees[k.Code()]))
	}
	totals = append(totals, count(tot.WorkersCongress), tot.Delegates, tot.WomenDelegates, count(tot.OpenAffairs),
		count(tot.Contracts), tot.ContractCovered, count(tot.WageAgreements), tot.WageCovered, count(tot.WomenContracts),
		count(tot.ModelHomes), count(tot.Bookhouses), tot.StaffFull, tot.StaffPart, tot.CoveredEmployers, tot.CoveredMembers,
		count(tot.ElectionsDue))
	if err := t.Total(totals...); err != nil {
		return nil, err
	}
	if err := t.Close(); err != nil {
		return nil, err
	}
	rates, err := writeRates(rc, b)
	if err != nil {
		return nil, err
	}
	return statsFigures(tot, rates), nil
}

func statsColumns(rc *ReportContext) []workbook.Column {
	text := func(h string, w float64) workbook.Column {
		return workbook.Column{Header: rc.T(h), Width: w, ColKind: workbook.KText}
	}
	num := func(h string, w float64) workbook.Column {
		return workbook.Column{Header: rc.T(h), Width: w, ColKind: workbook.KInt}
	}
	cols := []workbook.Column{
		{Header: rc.T("export.c_seq"), Width: 6, ColKind: workbook.KInt},
		text("export.c_unit", 30), text("field.stat_code", 12), text("field.region_code", 9), text("export.c_credit_code", 21),
		text("export.c_unit_kind", 14), text("field.union_form", 12),
		num("export.c_employees", 9), num("export.c_women", 9), num("export.c_migrant_workers", 9),
		num("export.c_members", 9), num("export.c_women_members", 9), num("export.c_migrant_members", 10),
	}
	for _, k := range model.CommitteeKinds {
		cols = append(cols, text(k.Key(), 10))
	}
	return append(cols,
		text("export.c_congress", 8), num("field.congress_delegates", 9), num("field.congress_women", 9), text("export.c_open_affairs", 8),
		text("export.c_contract", 10), num("field.contract_covered", 10), text("org.cli_wage_agreements", 10), num("field.wage_covered", 10),
		text("org.cli_women_contracts", 10), text("field.home_level", 14), text("field.bookhouse", 8),
		num("field.staff_full", 8), num("field.staff_part", 8), num("field.covered_employers", 9), num("export.c_joint_members", 9),
		text("org.cli_elections_due", 8))
}

// writeRates is the sheet of 建会率 and 入会率: the period, and each of its
// halves or the year it is part of as the package's period is given.
func writeRates(rc *ReportContext, b *workbook.Book) (model.OrgRates, error) {
	var employers []model.Employer
	if rc.Store != nil {
		es, err := rc.Store.Employers()
		if err != nil {
			return model.OrgRates{}, err
		}
		employers = es
	}
	t, err := b.Table(rc.T("export.s_rates"), rc.T("export.r_rates"), []workbook.Column{
		{Header: rc.T("figures.col_period"), Width: 22, ColKind: workbook.KText},
		{Header: rc.T("export.c_as_of"), Width: 12, ColKind: workbook.KText},
		{Header: rc.T("export.c_employers_organised"), Width: 12, ColKind: workbook.KInt},
		{Header: rc.T("export.c_employers_unorganised"), Width: 12, ColKind: workbook.KInt},
		{Header: rc.T("org.cli_union_rate"), Width: 10, ColKind: workbook.KPct},
		{Header: rc.T("export.c_employees"), Width: 10, ColKind: workbook.KInt},
		{Header: rc.T("export.c_members"), Width: 10, ColKind: workbook.KInt},
		{Header: rc.T("org.cli_membership_rate"), Width: 10, ColKind: workbook.KPct},
		{Header: rc.T("figures.col_formed"), Width: 8, ColKind: workbook.KInt},
	})
	if err != nil {
		return model.OrgRates{}, err
	}
	asOf := model.DateOf(rc.Now)
	r := model.RatesAsOf(rc.Period, asOf, rc.Units, employers, rc.Members)
	if err := t.Row(rc.Period.Label(rc.Lang), r.AsOf, r.EmployersOrganised, r.EmployersUnorganised, workbook.Pct(r.UnionRateBP),
		r.Employees, r.Members, workbook.Pct(r.MembershipRateBP), r.Formed); err != nil {
		return r, err
	}
	return r, t.Close()
}

func statsFigures(t model.SurveyTotals, r model.OrgRates) []Figure {
	n := func(key, label string, v int) Figure {
		return Figure{Key: key, Label: label, Kind: workbook.KInt, Value: int64(v)}
	}
	fs := []Figure{
		n("units", "export.f_units", t.Units),
		n("employees", "export.c_employees", t.Employees),
		n("women_employees", "export.c_women", t.WomenEmployees),
		n("migrant_workers", "export.c_migrant_workers", t.MigrantWorkers),
		n("members", "export.c_members", t.Members),
		n("women_members", "export.c_women_members", t.WomenMembers),
		n("migrant_members", "export.c_migrant_members", t.MigrantMembers),
		n("joint_units", "export.f_joint_units", t.JointUnits),
	}
	for _, k := range model.CommitteeKinds {
		fs = append(fs, n("committee_"+k.Code(), k.Key(), t.Committees[k.Code()]))
	}
	fs = append(fs,
		n("workers_congress", "export.c_congress", t.WorkersCongress),
		n("congress_delegates", "field.congress_delegates", t.Delegates),
		n("congress_women_delegates", "field.congress_women", t.WomenDelegates),
		n("open_affairs", "export.c_open_affairs", t.OpenAffairs),
		n("collective_contracts", "export.c_contract", t.Contracts),
		n("contract_employees", "field.contract_covered", t.ContractCovered),
		n("wage_agreements", "org.cli_wage_agreements", t.WageAgreements),
		n("wage_agreement_employees", "field.wage_covered", t.WageCovered),
		n("women_special_contracts", "org.cli_women_contracts", t.WomenContracts),
		n("model_workers_homes", "org.cli_model_homes", t.ModelHomes),
		n("workers_libraries", "field.bookhouse", t.Bookhouses),
		n("staff_full_time", "field.staff_full", t.StaffFull),
		n("staff_part_time", "field.staff_part", t.StaffPart),
		n("joint_covered_employers", "field.covered_employers", t.CoveredEmployers),
		n("joint_covered_members", "export.c_joint_members", t.CoveredMembers),
		n("elections_due", "org.cli_elections_due", t.ElectionsDue),
		n("employers_organised", "export.c_employers_organised", r.EmployersOrganised),
		n("employers_registered", "export.c_employers_registered", r.EmployersOrganised+r.EmployersUnorganised),
		Figure{Key: "union_rate", Label: "org.cli_union_rate", Kind: workbook.KPct, Value: int64(r.UnionRateBP),
			Of: [2]string{"employers_organised", "employers_registered"}},
		n("rate_employees", "export.c_rate_employees", r.Employees),
		n("rate_members", "export.c_rate_members", r.Members),
		Figure{Key: "membership_rate", Label: "org.cli_membership_rate", Kind: workbook.KPct, Value: int64(r.MembershipRateBP),
			Of: [2]string{"rate_members", "rate_employees"}},
	)
	return fs
}

func homeText(rc *ReportContext, h model.HomeLevel) string {
	if h == model.HomeNone {
		return ""
	}
	return rc.T(h.Key())
}

func unitKindText(rc *ReportContext, k model.UnitKind) string {
	return rc.T(k.Key())
}

func yesNoText(rc *ReportContext, v bool) string {
	if v {
		return rc.T("export.yes")
	}
	return rc.T("export.no")
}
