package main

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/storage"
)

// backupsCommand lists the backups in the folder next to the database,
// newest first, with what each holds and whether it passes the check now.
var backupsCommand = &command{
	name:    "backups",
	summary: "cli.cmd.backups",
	about:   "cli.cmd.backups_about",
	require: []string{"db"},
	flags: func(fset *flag.FlagSet) func(*env, []string) error {
		db := fset.String("db", "", "cli.flag.db")
		quick := fset.Bool("quick", false, "cli.flag.quick")
		return func(e *env, _ []string) error {
			sweep(*db) // what killed runs left in its scratch folder
			bs, err := storage.Backups(*db)
			if err != nil {
				return err
			}
			l := e.lang
			if len(bs) == 0 {
				fmt.Fprintln(e.stdout, l.T("cli.backups_none", shownBackupDir(*db)))
				return nil
			}
			fmt.Fprintln(e.stdout, l.T("cli.backups_title", *db, shownBackupDir(*db)))
			// Checking takes about a second a backup: each line is printed
			// as soon as its backup is checked, the check last.
			rows := [][]string{{l.T("cli.backups_col_date"), l.T("cli.backups_col_size"), l.T("cli.backups_col_kind"), l.T("cli.backups_col_file")}}
			var total int64
			for _, b := range bs {
				total += b.Size
				rows = append(rows, []string{b.At.Format("2006-01-02 15:04"), humanBytes(b.Size), backupKind(l, b.Reason), filepath.Base(b.Path)})
			}
			widths := make([]int, len(rows[0]))
			for _, r := range rows {
				for i, c := range r {
					widths[i] = max(widths[i], ansi.StringWidth(c))
				}
			}
			line := func(r []string, check string) {
				var sb strings.Builder
				for i, c := range r {
					pad := strings.Repeat(" ", widths[i]-ansi.StringWidth(c))
					if i == 1 { // sizes line up on the right
						sb.WriteString("  " + pad + c)
					} else {
						sb.WriteString("  " + c + pad)
					}
				}
				fmt.Fprintln(e.stdout, strings.TrimRight(sb.String()+"  "+check, " "))
			}
			line(rows[0], l.T("cli.backups_col_check"))
			var notes []string // why a backup cannot be read
			good := ""
			for i, b := range bs {
				verdict, note := backupVerdict(l, b, *quick)
				if note != "" {
					notes = append(notes, "  "+note)
				}
				if good == "" && b.Good() && (*quick || verdict == l.T("cli.backups_ok")) {
					good = b.Path
				}
				line(rows[i+1], verdict)
			}
			for _, n := range notes {
				fmt.Fprintln(e.stdout, n)
			}
			fmt.Fprintln(e.stdout, l.T("cli.backups_total", len(bs), humanBytes(total)))
			if good != "" {
				fmt.Fprintln(e.stdout, l.T("cli.backups_restore", good, *db))
			}
			return nil
		}
	},
}

// backupVerdict checks one backup (unless quick) and says the result in a
// few words, with why when it cannot be read at all.
func backupVerdict(l i18n.Lang, b storage.BackupInfo, quick bool) (verdict, note string) {
	if b.Reason == storage.BackupDamaged {
		return l.T("cli.backups_damaged_copy"), ""
	}
	if quick {
		if b.Problems {
			return l.T("cli.backups_failed_then"), ""
		}
		return l.T("cli.backups_unchecked"), ""
	}
	r, err := storage.CheckBackup(b.Path)
	switch {
	case err != nil:
		return l.T("cli.backups_unreadable"), i18n.Text(err, l)
	case !r.OK():
		return l.T("cli.backups_problems", len(r.Problems)+r.Truncated), ""
	}
	return l.T("cli.backups_ok"), ""
}

// backupKind names why a backup was taken.
func backupKind(l i18n.Lang, reason string) string {
	key := "backup.kind." + reason
	if reason == "" || !l.Has(key) {
		return l.T("backup.kind.other")
	}
	return l.T(key)
}

// shownBackupDir is the backup folder as a whole path: "No backups in
// backups yet" told a user nothing about where to look.
func shownBackupDir(db string) string {
	dir := storage.BackupDir(db)
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}
