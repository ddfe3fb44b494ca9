package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/report"
	"unionbook/storage"
)

// reportCommand writes a printable document, named by its first argument:
// summary (the work-summary figures, .docx), survey (the yearly survey,
// .xlsx), or a workbook of the books the report package has registered
// (journal, statement, vouchers).
var reportCommand = &command{
	name:    "report",
	summary: "report.cmd",
	about:   "report.cmd_about",
	args:    "report.cmd_args",
	nargs:   [2]int{1, 1},
	require: []string{"db"},
	flags: func(fs *flag.FlagSet) func(*env, []string) error {
		db := fs.String("db", "", "cli.flag.db")
		period := fs.String("period", "", "report.flag_period")
		year := fs.Int("year", 0, "report.flag_year")
		account := fs.String("account", "", "report.flag_account")
		out := fs.String("out", "", "report.flag_out")
		return func(e *env, args []string) error {
			switch args[0] {
			case "summary":
				return runReportSummary(e, *db, *period, *out)
			case "survey":
				return runReportSurvey(e, *db, *year, *out)
			}
			return runBooksReport(e, args[0], *db, *period, *account, *out)
		}
	},
}

// runBooksReport writes one of the registered workbooks of the books.
func runBooksReport(e *env, name, db, period, account, out string) error {
	r := report.Find(name)
	if r == nil {
		return usageErr(i18n.E("report.unknown_kind", name, reportNames()))
	}
	if period == "" {
		return usageErr(i18n.E("cli.missing_flag", "--period"))
	}
	p, err := model.ParsePeriod(period)
	if err != nil {
		return err
	}
	o := report.Options{Period: p, Lang: e.lang}
	if r.Money {
		m, ok := model.ParseMoneyAccount(account)
		if !ok {
			return usageErr(i18n.E("report.needs_account", r.Name))
		}
		o.Money = m
	} else if account != "" {
		return usageErr(i18n.E("report.no_account", r.Name))
	}
	if err := requireDB(db); err != nil {
		return err
	}
	st, err := storage.Open(db, storage.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	path := out
	if path == "" {
		path = report.FileName(r.Name, o)
	}
	if err := report.WriteFile(st, r.Name, o, path); err != nil {
		return err
	}
	abs, _ := filepath.Abs(path)
	fmt.Fprintln(e.stdout, e.lang.T("report.written", abs))
	return nil
}

// reportNames lists every report: "summary|survey|journal|statement|vouchers".
func reportNames() string {
	names := []string{"summary", "survey"}
	for _, r := range report.Reports() {
		names = append(names, r.Name)
	}
	return strings.Join(names, "|")
}

// runReportSummary writes the work-summary figures of a period.
func runReportSummary(e *env, db, period, out string) error {
	if period == "" {
		return usageErr(i18n.E("cli.missing_flag", "--period"))
	}
	p, err := model.ParsePeriod(period)
	if err != nil {
		return err
	}
	if err := requireDB(db); err != nil {
		return err
	}
	st, err := storage.Open(db, storage.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	if out == "" {
		prof, _, err := st.Profile()
		if err != nil {
			return err
		}
		out = report.SummaryFileName(prof.UnionName, p, e.lang)
	}
	if _, err := report.WriteSummaryFile(st, p, e.lang, time.Now(), out); err != nil {
		return err
	}
	abs, _ := filepath.Abs(out)
	fmt.Fprintln(e.stdout, e.lang.T("report.written", abs))
	return nil
}

// runReportSurvey writes the yearly survey after its logic checks, and
// prints the checks that fail.
func runReportSurvey(e *env, db string, year int, out string) error {
	if year == 0 {
		return usageErr(i18n.E("cli.missing_flag", "--year"))
	}
	if err := requireDB(db); err != nil {
		return err
	}
	st, err := storage.Open(db, storage.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	if out == "" {
		prof, _, err := st.Profile()
		if err != nil {
			return err
		}
		out = report.SurveyFileName(prof.UnionName, year, e.lang)
	}
	s, err := report.WriteSurveyFile(st, year, e.lang, model.Today(), out)
	if err != nil {
		return err
	}
	if len(s.Problems) == 0 {
		fmt.Fprintln(e.stdout, e.lang.T("survey.checks_passed"))
	} else {
		fmt.Fprintln(e.stdout, e.lang.T("survey.checks_failed", len(s.Problems)))
		for _, p := range s.Problems {
			fmt.Fprintln(e.stdout, e.lang.T("survey.check_line", p.Unit, p.Item, p.Text))
		}
	}
	abs, _ := filepath.Abs(out)
	fmt.Fprintln(e.stdout, e.lang.T("report.written", abs))
	return nil
}
