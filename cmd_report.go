package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/report"
	"unionbook/storage"
)

// reportCommand writes a printable document of the books, named by its
// first argument: summary (the work-summary figures, .docx).
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
		out := fs.String("out", "", "report.flag_out")
		return func(e *env, args []string) error {
			switch args[0] {
			case "summary":
				return runReportSummary(e, *db, *period, *out)
			case "survey":
				return runReportSurvey(e, *db, *year, *out)
			}
			return usageErr(i18n.E("report.unknown_kind", args[0], "summary|survey"))
		}
	},
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
