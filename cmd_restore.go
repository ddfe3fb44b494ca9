package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"unionbook/i18n"
	"unionbook/storage"
)

// restoreInput is where the confirmation is read (tests replace it).
var restoreInput io.Reader = os.Stdin

// restoreCommand puts a backup back in place of the database.
var restoreCommand = &command{
	name:    "restore",
	summary: "cli.cmd.restore",
	about:   "cli.cmd.restore_about",
	args:    "cli.cmd.restore_args",
	nargs:   [2]int{1, 1},
	require: []string{"db"},
	flags: func(fset *flag.FlagSet) func(*env, []string) error {
		db := fset.String("db", "", "cli.flag.db")
		yes := fset.Bool("yes", false, "cli.flag.yes")
		return func(e *env, args []string) error {
			src := args[0]
			sweep(*db) // what killed runs left in its scratch folder
			sum, err := storage.InspectBackup(src)
			if err != nil {
				return err
			}
			last := e.lang.T("cli.none")
			if !sum.LastChange.IsZero() {
				last = sum.LastChange.Local().Format("2006-01-02 15:04")
			}
			name := sum.UnionName
			if name == "" {
				name = e.lang.T("app.untitled")
			}
			fmt.Fprintln(e.stdout, e.lang.T("cli.restore_about_file", src, name, sum.Units, sum.Members, last))
			if !*yes {
				fmt.Fprint(e.stdout, e.lang.T("cli.restore_confirm", *db))
				line, _ := bufio.NewReader(restoreInput).ReadString('\n')
				fmt.Fprintln(e.stdout)
				if a := strings.ToLower(strings.TrimSpace(line)); a != "y" && a != "yes" && a != "是" {
					return i18n.E("err.restore_refused")
				}
			}
			kept, err := storage.Restore(src, *db)
			if err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, e.lang.T("cli.restore_done", *db, src))
			if kept != "" {
				fmt.Fprintln(e.stdout, e.lang.T("cli.restore_kept", kept))
			}
			return nil
		}
	},
}
