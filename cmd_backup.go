package main

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"unionbook/i18n"
	"unionbook/storage"
)

// backupCommand copies the database, also while UnionBook has it open.
var backupCommand = &command{
	name:    "backup",
	summary: "cli.cmd.backup",
	about:   "cli.cmd.backup_about",
	require: []string{"db"},
	flags: func(fset *flag.FlagSet) func(*env, []string) error {
		db := fset.String("db", "", "cli.flag.db")
		out := fset.String("out", "", "cli.flag.out")
		return func(e *env, _ []string) error {
			if err := requireDB(*db); err != nil {
				return err
			}
			dest := *out
			if dest == "" {
				dir := storage.BackupDir(*db)
				if err := os.MkdirAll(dir, 0o700); err != nil {
					return err
				}
				base := filepath.Base(*db)
				base = base[:len(base)-len(filepath.Ext(base))]
				dest = filepath.Join(dir, fmt.Sprintf("%s-%s-manual.db", base, time.Now().Format("20060102-150405")))
			}
			if err := storage.BackupFile(*db, dest); err != nil {
				return err
			}
			size := int64(0)
			if fi, err := os.Stat(dest); err == nil {
				size = fi.Size()
			}
			fmt.Fprintln(e.stdout, e.lang.T("cli.backup_done", dest, humanBytes(size)))
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
