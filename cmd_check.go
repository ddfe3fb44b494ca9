package main

import (
	"flag"
	"fmt"
	"strings"

	"unionbook/i18n"
	"unionbook/storage"
)

// errCheckFailed is the exit status 1 of a check that found problems,
// listed above it.
var errCheckFailed = i18n.E("err.check_problems")

// checkCommand runs the integrity check.
var checkCommand = &command{
	name:    "check",
	summary: "cli.cmd.check",
	about:   "cli.cmd.check_about",
	require: []string{"db"},
	flags: func(fset *flag.FlagSet) func(*env, []string) error {
		db := fset.String("db", "", "cli.flag.db")
		return func(e *env, _ []string) error {
			// What killed runs left in its scratch folder goes first, also
			// when the database is not there (a killed import of a package
			// into a new one leaves only that).
			sweep(*db)
			if err := requireDB(*db); err != nil {
				return err
			}
			check := storage.CheckFile
			if strings.HasSuffix(strings.ToLower(*db), ".gz") {
				check = storage.CheckBackup // a backup, as it lies in the backups folder
			}
			r, err := check(*db)
			if err != nil {
				return err
			}
			counts := make([]string, 0, len(r.Counts))
			for _, c := range r.Counts {
				if c.Name == "bytes" {
					continue
				}
				counts = append(counts, e.lang.T("check.count."+c.Name, c.N))
			}
			sep := ", "
			if e.lang == i18n.ZH {
				sep = "，"
			}
			if r.OK() {
				fmt.Fprintf(e.stdout, "%s: %s\n", e.lang.T("cli.check_ok"), strings.Join(counts, sep))
				return nil
			}
			n := len(r.Problems) + r.Truncated
			fmt.Fprintln(e.stdout, e.lang.T("cli.check_failed", n))
			for _, p := range r.Problems {
				fmt.Fprintln(e.stdout, "  - "+p.Localize(e.lang))
				if p.Detail != "" { // what bbolt or the decoder said, for whoever mends the file
					fmt.Fprintln(e.stdout, "    "+e.lang.T("err.details", p.Detail))
				}
			}
			if r.Truncated > 0 {
				fmt.Fprintln(e.stdout, "  "+e.lang.T("cli.check_truncated", r.Truncated))
			}
			if b := storage.NewestGoodBackup(*db); b != "" {
				return i18n.E("err.check_problems_backup", b, b, *db)
			}
			return errCheckFailed
		}
	},
}
