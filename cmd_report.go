package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/report"
	"unionbook/storage"
)

// reportCommand writes a printable workbook of the books: the first
// argument names it (journal, statement, vouchers, or any report the
// report package has registered).
var reportCommand = &command{
	name:    "report",
	summary: "report.cmd",
	about:   "report.cmd_about",
	args:    "report.cmd_args",
	nargs:   [2]int{1, 1},
	require: []string{"db", "period"},
	flags: func(fs *flag.FlagSet) func(*env, []string) error {
		db := fs.String("db", "", "cli.flag.db")
		period := fs.String("period", "", "report.flag_period")
		account := fs.String("account", "", "report.flag_account")
		out := fs.String("out", "", "report.flag_out")
		return func(e *env, args []string) error {
			r := report.Find(args[0])
			if r == nil {
				return usageErr(i18n.E("report.unknown_kind", args[0], reportNames()))
			}
			p, err := model.ParsePeriod(*period)
			if err != nil {
				return err
			}
			o := report.Options{Period: p, Lang: e.lang}
			if r.Money {
				m, ok := model.ParseMoneyAccount(*account)
				if !ok {
					return usageErr(i18n.E("report.needs_account", r.Name))
				}
				o.Money = m
			} else if *account != "" {
				return usageErr(i18n.E("report.no_account", r.Name))
			}
			if err := requireDB(*db); err != nil {
				return err
			}
			st, err := storage.Open(*db, storage.Options{ReadOnly: true})
			if err != nil {
				return err
			}
			defer st.Close()
			path := *out
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
	},
}

// reportNames lists the registered reports: "journal|statement|vouchers".
func reportNames() string {
	var names []string
	for _, r := range report.Reports() {
		names = append(names, r.Name)
	}
	return strings.Join(names, "|")
}
