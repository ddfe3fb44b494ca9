package storage

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"unionbook/i18n"
)

// BackupSummary describes a database file offered for a restore.
type BackupSummary struct {
	Path          string
	SchemaVersion int
	Units         int
	Members       int
	AuditEntries  int
	LastChange    time.Time // the newest audit entry's time; zero when none
	UnionName     string
}

// InspectBackup checks that path (a database file, or a .gz backup) is a
// UnionBook database this program can open (a schema version not newer
// than its own) and that it passes the integrity check, and says what it
// holds. Its errors are for the user: not a UnionBook database, too new,
// damaged (with the check's first problem), locked.
func InspectBackup(path string) (sum BackupSummary, err error) {
	db, done, err := openBackup(path, "")
	if err != nil {
		return sum, err
	}
	defer done()
	return inspect(db, path)
}

func inspect(db *bbolt.DB, path string) (sum BackupSummary, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = errors.Join(localMsg("err.restore_damaged", path, i18n.E("err.structure_damaged")), fmt.Errorf("%w: %v", berrors.ErrInvalid, r))
		}
	}()
	sum.Path = path
	err = db.View(func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketMeta) == nil || schemaVersion(tx) == 0 {
			return i18n.E("err.restore_not_db", path)
		}
		have, want := schemaVersion(tx), SchemaVersion()
		if have > want {
			return i18n.E("err.db_newer", int(have), int(want))
		}
		sum.SchemaVersion = int(have)
		r := &CheckReport{}
		if err := runChecks(tx, r); err != nil {
			return errors.Join(localMsg("err.restore_damaged", path, i18n.E("err.structure_damaged")), err)
		}
		if !r.OK() {
			return errors.Join(localMsg("err.restore_check_failed", path, len(r.Problems)+r.Truncated, r.Problems[0]), r.Problems[0])
		}
		for _, c := range r.Counts {
			switch c.Name {
			case "units":
				sum.Units = c.N
			case "members":
				sum.Members = c.N
			case "audit":
				sum.AuditEntries = c.N
			}
		}
		if p, ok, _ := getProfile(tx); ok {
			sum.UnionName = p.UnionName
		}
		if _, v := tx.Bucket(bucketAudit).Cursor().Last(); v != nil {
			var e struct {
				At time.Time `cbor:"2,keyasint"`
			}
			if decode(v, &e) == nil {
				sum.LastChange = e.At
			}
		}
		return nil
	})
	return sum, err
}

// Restore replaces the database at dbPath with the backup at src, after
// InspectBackup's tests. The database it replaces, if any, is first kept
// in the backups folder (reason "restore"; a damaged one is copied byte for
// byte, under the reason "damaged"), and its path returned. src may be a
// .gz backup, read as it is. The new file is written beside dbPath and
// renamed over it, so a failure at any point leaves dbPath as it was. The
// database must not be open in another UnionBook (err.db_locked).
func Restore(src, dbPath string) (kept string, err error) {
	if same, _ := sameFile(src, dbPath); same {
		return "", i18n.E("err.restore_same", src)
	}
	sdb, done, err := openBackup(src, dbPath)
	if err != nil {
		return "", err
	}
	defer done()
	if _, err := inspect(sdb, src); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
		return "", openError(dbPath, err)
	}

	// Hold the current database's lock while it is replaced, and keep it.
	var cur *bbolt.DB
	if fi, err := os.Stat(dbPath); err == nil && fi.Size() > 0 {
		cur, kept, err = keepCurrent(dbPath)
		if err != nil {
			return "", err
		}
	}
	closeCur := func() {
		if cur != nil {
			cur.Close()
			cur = nil
		}
	}
	defer closeCur()

	err = writeAtomicFor(dbPath, dbPath, func(f *os.File) error {
		return sdb.View(func(tx *bbolt.Tx) error {
			_, err := tx.WriteTo(f)
			return err
		})
	}, func() {
		// Windows cannot rename over an open file: let go of it first.
		if runtime.GOOS == "windows" {
			closeCur()
		}
	})
	if err != nil {
		return kept, backupError(dbPath, err)
	}
	clearCheckFailed(dbPath) // what the daily check found is gone with the file
	return kept, nil
}

// keepCurrent takes the current database's lock and backs it up. A damaged
// file is copied as it is, under the reason "damaged".
func keepCurrent(dbPath string) (*bbolt.DB, string, error) {
	s, err := Open(dbPath, Options{NoDailyBackup: true, ReadOnly: false, skipMigrate: true})
	if err != nil {
		if errors.Is(err, i18n.E("err.db_locked")) {
			return nil, "", err
		}
		if !errors.Is(err, i18n.E("err.db_corrupt")) {
			return nil, "", err
		}
		if err := os.MkdirAll(BackupDir(dbPath), 0o700); err != nil {
			return nil, "", backupError(BackupDir(dbPath), err)
		}
		dest := newBackupPath(dbPath, time.Now(), BackupDamaged, false)
		err := writeAtomicFor(dbPath, dest, func(f *os.File) error {
			in, err := os.Open(dbPath)
			if err != nil {
				return err
			}
			defer in.Close()
			zw, err := gzip.NewWriterLevel(f, backupGzipLevel)
			if err != nil {
				return err
			}
			if _, err := io.Copy(zw, in); err != nil {
				return err
			}
			return zw.Close()
		}, nil)
		if err != nil {
			return nil, "", backupError(dest, err)
		}
		return nil, dest, nil
	}
	kept, err := s.AutoBackup(BackupRestore)
	if err != nil {
		s.Close()
		return nil, "", err
	}
	return s.db.DB, kept, nil
}

func sameFile(a, b string) (bool, error) {
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	fb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(fa, fb), nil
}
