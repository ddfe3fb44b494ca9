package main

import (
	"fmt"
	"path/filepath"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/roster"
	"unionbook/storage"
)

// wagesRun is `unionbook import wages FILE`: members' wage bases for dues
// from a sheet (ID number or member number, base, and the month it counts
// from), checked as the roster import checks, all rows or none.
type wagesRun struct {
	file, db, sheet, from, report string
	dryRun                        bool
}

func runImportWages(e *env, r wagesRun) error {
	l := e.lang
	var from model.Month
	if r.from != "" {
		m, err := model.ParseMonth(r.from)
		if err != nil {
			return usageErr(i18n.E("import.bad_wage_from", i18n.Text(err, l)))
		}
		from = m
	}
	t, err := roster.ReadFile(r.file, r.sheet)
	if err != nil {
		return err
	}
	st, err := openStore(r.db, storage.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	plan, err := roster.PrepareWages(t, st, roster.WageOptions{From: from, Today: model.Today()})
	if err != nil {
		return err
	}
	out := e.stdout
	if plan.Header.Index >= 0 {
		if t.Format == roster.XLSX {
			fmt.Fprintln(out, l.T("import.source_xlsx", filepath.Base(r.file), t.Sheet, plan.Header.Row))
		} else {
			fmt.Fprintln(out, l.T("import.source_csv", filepath.Base(r.file), t.Encoding, commaName(t.Comma), plan.Header.Row))
		}
	}
	if plan.Ignored > 0 {
		fmt.Fprintln(out, l.T("import.ignored_rows", plan.Ignored))
	}
	issues := plan.Issues()
	for i, is := range issues {
		if i == maxShownProblems {
			fmt.Fprintln(out, l.T("import.more_problems", len(issues)-i))
			break
		}
		fmt.Fprintln(out, is.Localize(l))
	}
	if r.report != "" {
		if err := roster.WriteReport(r.report, &plan.Plan, l, nil); err != nil {
			return err
		}
		fmt.Fprintln(out, l.T("import.report_written", r.report))
	}
	s := plan.Stats
	changes := s.Valid - plan.Unchanged
	summary := func(outcome string) {
		fmt.Fprintln(out, l.T("import.wages_summary", s.Read, changes, plan.Unchanged, s.Problems, outcome))
	}
	switch {
	case len(plan.FileIssues) > 0:
		summary(l.T("import.outcome_nothing"))
		return i18n.E("import.file_problem")
	case s.Problems > 0:
		summary(l.T("import.outcome_nothing"))
		return i18n.E("import.wages_has_problems", s.Problems)
	case r.dryRun:
		summary(l.T("import.outcome_dry_run"))
		return nil
	}
	n, err := plan.CommitWages(st, operatorName(st))
	if err != nil {
		summary(l.T("import.outcome_nothing"))
		return err
	}
	summary(l.T("import.wages_wrote", n))
	return nil
}
