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

// reportCommand writes a printable document, named by its first argument:
// one of the reports report/registry.go lists (the work-summary figures,
// the yearly survey, the books' journals, statement and vouchers).
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
			return runReport(e, args[0], *db, reportFlags{period: *period, year: *year, account: *account, out: *out})
		}
	},
}

// reportFlags are the report command's flags as given.
type reportFlags struct {
	period, account, out string
	year                 int
}

// runReport writes report name after its logic checks (printing what
// fails), each flag checked against what the report is written for.
func runReport(e *env, name, db string, f reportFlags) error {
	r := report.Find(name)
	if r == nil {
		return usageErr(i18n.E("report.unknown_kind", name, report.Names()))
	}
	o := report.Options{Lang: e.lang, Now: time.Now()}
	switch r.For {
	case report.ForPeriod:
		if f.period == "" {
			return usageErr(i18n.E("cli.missing_flag", "--period"))
		}
		p, err := model.ParsePeriod(f.period)
		if err != nil {
			return err
		}
		o.Period = p
	case report.ForYear:
		if f.year == 0 {
			return usageErr(i18n.E("cli.missing_flag", "--year"))
		}
		o.Year = f.year
	}
	if r.Money {
		m, ok := model.ParseMoneyAccount(f.account)
		if !ok {
			return usageErr(i18n.E("report.needs_account", r.Name))
		}
		o.Money = m
	} else if f.account != "" {
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
	path := f.out
	if path == "" {
		prof, _, err := st.Profile()
		if err != nil {
			return err
		}
		o.Union = prof.UnionName
		path = report.FileName(r.Name, o)
	}
	if r.Check != nil {
		problems, err := report.Checks(st, r.Name, o)
		if err != nil {
			return err
		}
		printProblems(e, problems)
	}
	if err := report.WriteFile(st, r.Name, o, path); err != nil {
		return err
	}
	abs, _ := filepath.Abs(path)
	fmt.Fprintln(e.stdout, e.lang.T("report.written", abs))
	return nil
}

// printProblems prints what a report's logic checks found, by unit and item.
func printProblems(e *env, problems []report.Problem) {
	if len(problems) == 0 {
		fmt.Fprintln(e.stdout, e.lang.T("survey.checks_passed"))
		return
	}
	fmt.Fprintln(e.stdout, e.lang.T("survey.checks_failed", len(problems)))
	for _, p := range problems {
		fmt.Fprintln(e.stdout, e.lang.T("survey.check_line", p.Unit, p.Item, p.Text))
	}
}
