package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"unionbook/i18n"
	"unionbook/storage"
)

// backupCommand copies the database, also while UnionBook has it open:
// into the backups folder (compressed, named by the time, "manual"), or to
// --out (compressed when the name ends in .gz).
var backupCommand = &command{
	name:    "backup",
	summary: "cli.cmd.backup",
	about:   "cli.cmd.backup_about",
	require: []string{"db"},
	flags: func(fset *flag.FlagSet) func(*env, []string) error {
		db := fset.String("db", "", "cli.flag.db")
		out := fset.String("out", "", "cli.flag.out")
		return func(e *env, _ []string) error {
			// What killed runs left in its scratch folder goes first, also
			// when the database is not there (a killed import of a package
			// into a new one leaves only that).
			sweep(*db)
			if err := requireDB(*db); err != nil {
				return err
			}
			dest, r, err := storage.BackupFile(*db, *out)
			if err != nil {
				return err
			}
			size := int64(0)
			if fi, err := os.Stat(dest); err == nil {
				size = fi.Size()
			}
			fmt.Fprintln(e.stdout, e.lang.T("cli.backup_done", dest, humanBytes(size)))
			if !r.OK() {
				// Written all the same (it was asked for), but not a good one.
				return i18n.E("err.backup_has_problems", len(r.Problems)+r.Truncated, r.Problems[0].Localize(e.lang), *db)
			}
			return nil
		}
	},
}

// requireDB says plainly that the database file is missing, rather than
// creating an empty one or passing on bbolt's "no such file".
func requireDB(path string) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return i18n.E("cli.db_missing", path)
	}
	return nil
}

// humanBytes shows a file size: 812 B, 3.4 MB.
func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "KMGT"[exp])
}
