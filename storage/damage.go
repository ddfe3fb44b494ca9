package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"unionbook/i18n"
)

// What the daily check found, for the interface to say plainly and keep
// saying. The first writable open of a day checks the database before its
// backup (AutoBackup); when the check fails, no backup is made and
// BackupWarning returns a *DamageError: how many problems, the first, and
// the newest backup that passes the check, which is what to restore. The
// verdict is also kept beside the backups (backups/NAME.check-failed)
// until a daily check passes or a backup is restored, so that a read-only
// look (stats) can say it too (CheckFailedOn).

// ErrFailsCheck is under the error of a daily backup refused because the
// database fails the check.
var ErrFailsCheck = errors.New("the database fails the check")

// DamageError is a daily backup refused because the database fails the
// check. errors.Is(err, ErrFailsCheck) and i18n.E("err.backup_check_failed").
type DamageError struct {
	Path     string       // the database
	Problems int          // how many the check found
	First    CheckProblem // the first of them
	Backup   string       // the newest backup that passes the check; "" when none does
}

func (e *DamageError) Error() string { return e.Localize(i18n.EN) }

// Localize says the refusal in l (the footer and the log of commands).
func (e *DamageError) Localize(l i18n.Lang) string {
	return l.T("err.backup_check_failed", e.Path, e.Problems, e.First.Localize(l))
}

func (e *DamageError) Is(target error) bool {
	return target == ErrFailsCheck || errors.Is(i18n.E("err.backup_check_failed"), target)
}

// RestoreCommand is the command that puts the newest good backup back in
// place of the database ("" when there is no good backup).
func (e *DamageError) RestoreCommand() string {
	if e.Backup == "" {
		return ""
	}
	// quoted as a shell and cmd.exe read them: a Windows path keeps its
	// single backslashes (%q would double them)
	return fmt.Sprintf(`unionbook restore "%s" --db "%s"`, e.Backup, e.Path)
}

// checkFailedPath is where the daily check's failure is noted.
func checkFailedPath(dbPath string) string {
	return filepath.Join(BackupDir(dbPath), dbStem(dbPath)+".check-failed")
}

const checkFailedLayout = "20060102-150405"

// noteCheckFailed keeps the daily check's failure (best effort: the
// interface says it anyway).
func noteCheckFailed(dbPath string, at time.Time, problems int) {
	line := fmt.Sprintf("%s %d\n", at.Local().Format(checkFailedLayout), problems)
	_ = writeFileAtomic(checkFailedPath(dbPath), func(f *os.File) error {
		_, err := f.WriteString(line)
		return err
	}, dbPath, nil)
}

// clearCheckFailed forgets a failure noted earlier: the check passed, or a
// backup was restored.
func clearCheckFailed(dbPath string) { os.Remove(checkFailedPath(dbPath)) }

// CheckFailedOn says when a daily check last found the database at dbPath
// damaged, and how many problems it found, while that still stands (no
// daily check has passed and no backup was restored since).
func CheckFailedOn(dbPath string) (at time.Time, problems int, failed bool) {
	data, err := os.ReadFile(checkFailedPath(dbPath))
	if err != nil {
		return time.Time{}, 0, false
	}
	stamp, count, _ := strings.Cut(strings.TrimSpace(string(data)), " ")
	at, _ = time.ParseInLocation(checkFailedLayout, stamp, time.Local)
	fmt.Sscan(count, &problems)
	return at, problems, true
}
