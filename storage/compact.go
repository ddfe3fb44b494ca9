package storage

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/scratch"
)

// CompactResult is what Compact did.
type CompactResult struct {
	Before, After int64  // file sizes in bytes
	Backup        string // the backup made first
}

// Compact rewrites the database at dbPath without its free pages. It takes
// the database's lock (failing with err.db_locked while another UnionBook
// has it open), backs it up (reason "compact"), copies every bucket into a
// new file beside it, checks the copy, and renames it over the database.
// Any failure (a full disk) leaves the database as it was and no new file
// behind.
func Compact(dbPath string, opts Options) (res CompactResult, err error) {
	opts.NoDailyBackup = true
	s, err := Open(dbPath, opts)
	if err != nil {
		return res, err
	}
	defer func() {
		if s != nil {
			s.Close()
		}
	}()
	if fi, err := os.Stat(dbPath); err == nil {
		res.Before = fi.Size()
	}
	if res.Backup, err = s.AutoBackup(BackupCompact); err != nil {
		return res, err
	}
	// Check the source first: compacting a damaged file would carry the
	// damage into a file that looks new.
	if err := s.db.View(bboltCheck); err != nil {
		return res, corruptError(dbPath, err)
	}
	err = compactInto(dbPath, func(name string) error {
		return writeCopy(name, &bbolt.Options{Timeout: lockTimeout, FreelistType: bbolt.FreelistMapType},
			func(dst *bbolt.DB) error { return bbolt.Compact(dst, s.db.DB, 32<<20) })
	}, func() {
		if runtime.GOOS == "windows" {
			s.Close()
			s = nil
		}
	})
	if err != nil {
		return res, compactError(dbPath, err)
	}
	if fi, err := os.Stat(dbPath); err == nil {
		res.After = fi.Size()
	}
	return res, nil
}

// compactInto has write build the compacted copy in a file of the
// database's private scratch folder (beside it, so the rename stays on one
// disk; a killed compact leaves it for the next start to sweep), then
// renames it over the database. Any failure removes the copy.
func compactInto(dbPath string, write func(name string) error, beforeRename func()) error {
	sess, err := scratch.Begin(dbPath)
	if err != nil {
		return err
	}
	defer sess.Close()
	f, err := sess.CreateTemp("compact-*.db")
	if err != nil {
		return err
	}
	name := f.Name()
	// bbolt opens the file by name; the handle only reserved it.
	if err := f.Close(); err != nil {
		return err
	}
	if err := write(name); err != nil {
		return err
	}
	if err := syncFile(name); err != nil {
		return err
	}
	beforeRename()
	if err := os.Rename(name, dbPath); err != nil {
		return err
	}
	syncDir(filepath.Dir(dbPath))
	return nil
}

func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func compactError(dbPath string, err error) error {
	var le *localError
	if errors.As(err, &le) {
		return err
	}
	if isDiskFull(err) {
		return &localError{i18n.E("err.compact_disk_full", filepath.Dir(dbPath)), err}
	}
	return backupError(dbPath, err)
}

// writeCopy makes the database file name with fill (a copy of the store's
// records), grown as the store's files grow, and checks it before closing:
// what compactInto renames into place.
func writeCopy(name string, opts *bbolt.Options, fill func(dst *bbolt.DB) error) error {
	dst, err := bbolt.Open(name, 0o600, opts)
	if err != nil {
		return err
	}
	dst.AllocSize = growStep
	if err := fill(dst); err != nil {
		dst.Close()
		return err
	}
	if err := dst.View(bboltCheck); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}
