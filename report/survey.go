package report

import (
	"io"
	"strconv"

	"unionbook/atomicfile"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/search"
	"unionbook/storage"
	"unionbook/workbook"
)

// The yearly survey (基层工会调查表, 国统制〔2019〕107号; the 全国工会统计年报,
// survey year 1 October – 30 September): per unit and in total, the items
// the register holds, after the survey's logic checks. The workbook's first
// sheet lists every check that fails, by unit and item, to fix before
// submitting; the second is the survey itself: the cover items numbered as
// the form numbers them (901 统计代码, 902 名称, 903 区划代码, 904 组织类型),
// then the items grouped as the survey's tables group them (organisation
// and members, democratic management, collective contracts), one row per
// unit and a total.

// SurveyRow is one unit's survey items on the survey's day.
type SurveyRow struct {
	Unit                                  model.Unit
	Members, WomenMembers, MigrantMembers int
	Contract                              bool // collective contract in force
	// Items are the organisation register's items of the unit that day
	// (committees, congress, agreements, 职工之家, staff, joint coverage),
	// as model.Survey computes them for the district package and stats.
	Items model.UnitSurvey
}

// SurveyProblem is a logic check a unit fails: the item and what is wrong,
// in the survey's language.
type SurveyProblem struct {
	Unit string
	Item string
	Text string
}

// Survey is the survey of a year.
type Survey struct {
	Year     int
	From, To model.Date // 1 October of the year before, 30 September
	AsOf     model.Date // To, or today while the year runs
	Rows     []SurveyRow
	Problems []SurveyProblem
	Total    SurveyRow // summed (Unit holds the employees' sums)
	// Items are the register's items summed over the rows.
	Items model.SurveyTotals
}

// BuildSurvey computes the survey of year y (the year it ends in) as of
// today, and runs its logic checks.
func BuildSurvey(st *storage.Store, y int, l i18n.Lang, today model.Date) (*Survey, error) {
	if y < 2000 || y > 2100 {
		return nil, i18n.E("survey.bad_year", y)
	}
	s := &Survey{Year: y, From: model.Date((y-1)*10000 + 1001), To: model.Date(y*10000 + 930)}
	if s.From > today {
		return nil, i18n.E("survey.year_future", y)
	}
	s.AsOf = min(s.To, today)
	units, err := st.Units()
	if err != nil {
		return nil, err
	}
	search.SortUnits(units) // the survey's rows, as every list of units
	members, err := st.Members()
	if err != nil {
		return nil, err
	}
	per := map[uint64]*SurveyRow{}
	for i := range units {
		u := units[i]
		if u.Status != model.UnitActive {
			continue
		}
		s.Rows = append(s.Rows, SurveyRow{Unit: u, Contract: inForce(u.ContractSigned, u.ContractExpires, s.AsOf)})
	}
	for i := range s.Rows {
		per[s.Rows[i].Unit.ID] = &s.Rows[i]
	}
	prof, _, err := st.Profile()
	if err != nil {
		return nil, err
	}
	items := model.Survey(units, model.MemberCounts(members, s.AsOf), s.AsOf, prof.OrgRules())
	var organised []model.UnitSurvey
	for _, it := range items {
		if r := per[it.Unit.ID]; r != nil {
			r.Items = it
			organised = append(organised, it)
		}
	}
	s.Items = model.Total(organised)
	problem := func(unit, item, key string, args ...any) {
		s.Problems = append(s.Problems, SurveyProblem{Unit: unit, Item: l.T(item), Text: l.T(key, args...)})
	}
	// Members against the roster: every member in the union that day
	// counts in a working unit.
	strays := map[uint64]int{}
	for i := range members {
		m := &members[i]
		if m.JoinDate == 0 || m.JoinDate > s.AsOf || !m.StatusOn(s.AsOf).InUnion() {
			continue
		}
		r := per[m.UnitID]
		if r == nil {
			strays[m.UnitID]++
			continue
		}
		r.Members++
		if m.Gender == model.Female {
			r.WomenMembers++
		}
		if m.Migrant {
			r.MigrantMembers++
		}
	}
	for _, u := range units {
		if n := strays[u.ID]; n > 0 {
			problem(u.Name, "survey.i_members", "survey.p_members_in_closed_unit", n)
		}
	}
	for i := range s.Rows {
		r := &s.Rows[i]
		u := &r.Unit
		name := u.Name
		// women members ≤ members ≤ employees, and the same for women and
		// migrant workers
		switch {
		case u.Employees == 0:
			problem(name, "survey.i_employees", "survey.p_no_employees")
		case r.Members > u.Employees:
			problem(name, "survey.i_members", "survey.p_members_over_employees", r.Members, u.Employees)
		}
		if r.WomenMembers > r.Members {
			problem(name, "survey.i_women_members", "survey.p_women_over_members", r.WomenMembers, r.Members)
		}
		if r.WomenMembers > u.Women {
			problem(name, "survey.i_women_members", "survey.p_women_members_over_women", r.WomenMembers, u.Women)
		}
		if r.MigrantMembers > u.MigrantWorkers {
			problem(name, "survey.i_migrant_members", "survey.p_migrant_members_over_migrants", r.MigrantMembers, u.MigrantWorkers)
		}
		if r.Members == 0 {
			problem(name, "survey.i_members", "survey.p_no_members")
		}
		// joint-union coverage: a joint union covers employees of several
		// employers; the survey counts them.
		if u.JointUnion() && u.Employees == 0 {
			problem(name, "survey.i_union_type", "survey.p_joint_without_employees")
		}
		if u.JointUnion() && u.CoveredEmployers == 0 {
			problem(name, "survey.i_union_type", "survey.p_joint_no_coverage")
		}
		if u.WorkersCongress && u.CongressDelegates == 0 {
			problem(name, "survey.i_congress", "survey.p_congress_no_delegates")
		}
		// contract dates against the flags
		switch {
		case u.ContractSigned != 0 && u.ContractExpires == 0:
			problem(name, "survey.i_contract", "survey.p_contract_no_expiry", u.ContractSigned.String())
		case u.ContractExpires != 0 && u.ContractExpires < s.AsOf && u.ContractExpires >= s.From:
			problem(name, "survey.i_contract", "survey.p_contract_expired", u.ContractExpires.String())
		}
		if u.ContractSigned > s.AsOf {
			problem(name, "survey.i_contract", "survey.p_contract_after_day", u.ContractSigned.String(), s.AsOf.String())
		}
		s.Total.Members += r.Members
		s.Total.WomenMembers += r.WomenMembers
		s.Total.MigrantMembers += r.MigrantMembers
		s.Total.Unit.Employees += u.Employees
		s.Total.Unit.Women += u.Women
		s.Total.Unit.MigrantWorkers += u.MigrantWorkers
	}
	return s, nil
}

// WriteSurveyFile builds the survey of year y and writes its workbook to
// path (atomically, mode 0600).
func WriteSurveyFile(st *storage.Store, y int, l i18n.Lang, today model.Date, path string) (*Survey, error) {
	s, err := BuildSurvey(st, y, l, today)
	if err != nil {
		return nil, err
	}
	prof, _, err := st.Profile()
	if err != nil {
		return nil, err
	}
	err = atomicfile.Write(path, func(w io.Writer) error { return WriteSurveyBook(w, s, prof.UnionName, l) })
	return s, err
}

// SurveyFileName is the default file name: 青山镇总工会_基层工会调查表_2026.xlsx.
func SurveyFileName(union string, y int, l i18n.Lang) string {
	return safeName(union+"_"+l.T("survey.title_short")) + "_" + strconv.Itoa(y) + ".xlsx"
}

// WriteSurveyBook writes the survey's workbook: the failed checks, then
// the survey's table.
func WriteSurveyBook(w io.Writer, s *Survey, union string, l i18n.Lang) error {
	b, err := workbook.New(workbook.Options{Lang: l, Union: union,
		Subtitle: l.T("survey.subtitle", union, s.Year, s.From.String(), s.To.String(), s.AsOf.String())})
	if err != nil {
		return err
	}
	defer b.Close()
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
	if err := t.Close(); err != nil {
		return err
	}
	yes := func(v bool) string {
		if v {
			return l.T("survey.yes")
		}
		return l.T("survey.no")
	}
	num := func(k string) workbook.Column {
		return workbook.Column{Header: l.T(k), Width: 10, ColKind: workbook.KInt}
	}
	txt := func(k string, w float64) workbook.Column {
		return workbook.Column{Header: l.T(k), Width: w, ColKind: workbook.KText}
	}
	cols := []workbook.Column{
		{Header: l.T("survey.c_seq"), Width: 6, ColKind: workbook.KInt},
		txt("survey.c_901", 12), txt("survey.c_902", 30), txt("survey.c_903", 10), txt("survey.c_904", 10),
		txt("survey.c_credit", 20),
		// organisation and members
		num("survey.c_employees"), num("survey.c_women"), num("survey.c_migrants"),
		num("survey.c_members"), num("survey.c_women_members"), num("survey.c_migrant_members"),
		{Header: l.T("survey.c_rate"), Width: 10, ColKind: workbook.KPct},
		// democratic management
		txt("survey.c_congress", 10), txt("survey.c_open_affairs", 10),
		// collective contracts
		txt("survey.c_contract", 10), txt("survey.c_contract_signed", 12), txt("survey.c_contract_expires", 12),
	}
	cols = append(cols, registerColumns(l)...)
	t, err = b.Table(l.T("survey.s_survey"), l.T("survey.r_survey", s.Year), cols)
	if err != nil {
		return err
	}
	contracts, congress, open := 0, 0, 0
	for i, r := range s.Rows {
		u := &r.Unit
		form := "1"
		if u.JointUnion() {
			form = "2"
		}
		if r.Contract {
			contracts++
		}
		if u.WorkersCongress {
			congress++
		}
		if u.OpenAffairs {
			open++
		}
		vals := []any{i + 1, u.StatCode, u.Name, u.RegionCode, form, u.CreditCode,
			u.Employees, u.Women, u.MigrantWorkers, r.Members, r.WomenMembers, r.MigrantMembers,
			workbook.Pct(model.RateBP(model.Money(r.Members), model.Money(u.Employees))),
			yes(u.WorkersCongress), yes(u.OpenAffairs), yes(r.Contract), u.ContractSigned.String(), u.ContractExpires.String()}
		if err := t.Row(append(vals, registerRow(l, r.Items, yes)...)...); err != nil {
			return err
		}
	}
	tu := &s.Total.Unit
	totals := []any{nil, nil, l.T("survey.total", len(s.Rows)), nil, nil, nil,
		tu.Employees, tu.Women, tu.MigrantWorkers, s.Total.Members, s.Total.WomenMembers, s.Total.MigrantMembers,
		workbook.Pct(model.RateBP(model.Money(s.Total.Members), model.Money(tu.Employees))),
		strconv.Itoa(congress), strconv.Itoa(open), strconv.Itoa(contracts), nil, nil}
	if err := t.Total(append(totals, registerTotal(s.Items)...)...); err != nil {
		return err
	}
	if err := t.Close(); err != nil {
		return err
	}
	_, err = b.WriteTo(w)
	return err
}

// registerColumns are the organisation register's items after the
// survey's first columns: the union's form, the committees, the congress's
// delegates, the wage agreement and the women workers' special contract,
// 职工之家 and 职工书屋, union staff, the employers a joint union covers,
// 换届 due.
func registerColumns(l i18n.Lang) []workbook.Column {
	txt := func(k string, w float64) workbook.Column {
		return workbook.Column{Header: l.T(k), Width: w, ColKind: workbook.KText}
	}
	num := func(k string) workbook.Column {
		return workbook.Column{Header: l.T(k), Width: 10, ColKind: workbook.KInt}
	}
	cols := []workbook.Column{txt("field.union_form", 12)}
	for _, k := range model.CommitteeKinds {
		cols = append(cols, txt(k.Key(), 10))
	}
	return append(cols, num("field.congress_delegates"), num("field.congress_women"),
		txt("org.cli_wage_agreements", 10), num("field.wage_covered"), txt("org.cli_women_contracts", 10),
		txt("field.home_level", 14), txt("field.bookhouse", 8), num("field.staff_full"), num("field.staff_part"),
		num("field.covered_employers"), txt("org.cli_elections_due", 8))
}

func registerRow(l i18n.Lang, it model.UnitSurvey, yes func(bool) string) []any {
	form := ""
	if it.Unit != nil {
		form = l.T(it.Unit.FormOrType().Key())
	}
	vals := []any{form}
	for _, has := range it.Committees {
		vals = append(vals, yes(has))
	}
	home := ""
	if it.Home != model.HomeNone {
		home = l.T(it.Home.Key())
	}
	return append(vals, it.Delegates, it.WomenDelegates, yes(it.Wage), it.WageCover, yes(it.WomenContract),
		home, yes(it.Bookhouse), it.StaffFull, it.StaffPart, it.Covered, yes(it.ElectionDue))
}

func registerTotal(t model.SurveyTotals) []any {
	vals := []any{nil}
	for _, k := range model.CommitteeKinds {
		vals = append(vals, strconv.Itoa(t.Committees[k.Code()]))
	}
	return append(vals, t.Delegates, t.WomenDelegates, strconv.Itoa(t.WageAgreements), t.WageCovered, strconv.Itoa(t.WomenContracts),
		strconv.Itoa(t.ModelHomes), strconv.Itoa(t.Bookhouses), t.StaffFull, t.StaffPart, t.CoveredEmployers, strconv.Itoa(t.ElectionsDue))
}
