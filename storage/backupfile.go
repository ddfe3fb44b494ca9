package storage

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"unionbook/i18n"
	"unionbook/scratch"
)

// Backup files outside a Store: unionbook backup (also while UnionBook has
// the database open), and reading a backup (plain or gzip) to check it or
// to restore it.

// BackupFile backs up the database file at dbPath without a Store, for
// unionbook backup. With dest "" the backup goes into the backups folder
// like an automatic one (reason "manual", compressed, the folder pruned);
// otherwise to dest, compressed when dest ends in .gz. It returns the path
// written and the check of what was copied: the copy is written whatever
// the check found (the user asked for it), and a manual backup in the
// folder that failed carries "problems" in its name.
//
// When no other program holds the file it is opened read-only and checked
// and copied in one read transaction. When one does (bbolt allows one
// writer process and it holds the lock), the file is copied as it lies
// into a temporary file: the newest committed transaction's pages are
// never overwritten until a later transaction commits, so a copy during
// which the newest transaction id did not change is consistent. That copy
// is checked, then written to dest. Up to five attempts are made.
func BackupFile(dbPath, dest string) (string, *CheckReport, error) {
	if err := statDB(dbPath); err != nil {
		return "", nil, openError(dbPath, err)
	}
	db, err := openBolt(dbPath, boltOptions{readOnly: true, timeout: 200 * time.Millisecond})
	if err == nil {
		defer db.Close()
		return backupFrom(db, dbPath, dest)
	}
	if !errors.Is(err, berrors.ErrTimeout) {
		return "", nil, openError(dbPath, err)
	}
	var last error
	for range 5 {
		path, r, err := copyLive(dbPath, dest)
		if err == nil {
			return path, r, nil
		}
		if last = err; !errors.Is(err, errCopyRaced) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	var le *localError
	if errors.As(last, &le) {
		return "", nil, last
	}
	return "", nil, backupError(dest, last)
}

// backupFrom checks db (the database at dbPath, or a live copy of it) and
// writes it to dest in the same read transaction.
func backupFrom(db *bbolt.DB, dbPath, dest string) (path string, r *CheckReport, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if p := recover(); p != nil {
			path, r, err = "", nil, corruptError(dbPath, fmt.Errorf("%w: %v", berrors.ErrInvalid, p))
		}
	}()
	auto := dest == ""
	r = &CheckReport{}
	err = db.View(func(tx *bbolt.Tx) error {
		if err := runChecks(tx, r); err != nil {
			return err
		}
		path = dest
		if auto {
			if err := os.MkdirAll(BackupDir(dbPath), 0o700); err != nil {
				return backupError(BackupDir(dbPath), err)
			}
			path = newBackupPath(dbPath, time.Now(), BackupManual, !r.OK())
		}
		if err := writeAtomicFor(dbPath, path, func(f *os.File) error { return copyTx(tx, f, isGzip(path)) }, nil); err != nil {
			return backupError(path, err)
		}
		return nil
	})
	if err != nil {
		return "", nil, err
	}
	if auto {
		pruneBackups(dbPath, time.Now())
	}
	return path, r, nil
}

var errCopyRaced = errors.New("the database changed during the copy")

// copyLive copies the database file at dbPath while another program has
// it open (see BackupFile).
func copyLive(dbPath, dest string) (string, *CheckReport, error) {
	src, err := os.Open(dbPath)
	if err != nil {
		return "", nil, openError(dbPath, err)
	}
	defer src.Close()
	before, err := newestTxid(src)
	if err != nil {
		return "", nil, corruptError(dbPath, err)
	}
	tmp, done, err := newScratchFile(dbPath)
	if err != nil {
		return "", nil, backupError(dest, err)
	}
	defer done()
	if _, err := io.Copy(tmp, io.NewSectionReader(src, 0, 1<<62)); err != nil {
		return "", nil, backupError(dest, err)
	}
	if err := tmp.Close(); err != nil {
		return "", nil, backupError(dest, err)
	}
	if after, err := newestTxid(src); err != nil || after != before {
		return "", nil, errCopyRaced
	}
	db, err := openBolt(tmp.Name(), boltOptions{readOnly: true})
	if err != nil {
		return "", nil, corruptError(dbPath, err)
	}
	defer db.Close()
	return backupFrom(db, dbPath, dest)
}

// newScratchFile makes a private temporary file in a session of the
// scratch folder of the database at dbPath, for a copy of a database that
// is only read and then removed (a live copy, an unpacked backup). done
// removes it with its session; a killed run leaves it for the next start's
// sweep.
func newScratchFile(dbPath string) (f *os.File, done func(), err error) {
	sess, err := scratch.Begin(dbPath)
	if err != nil {
		return nil, nil, err
	}
	f, err = sess.CreateTemp("copy-*.db")
	if err != nil {
		sess.Close()
		return nil, nil, err
	}
	return f, func() { f.Close(); sess.Close() }, nil
}

// dbOfBackup is the database whose backups folder holds the backup at
// path, for its scratch folder; a file elsewhere is its own.
func dbOfBackup(path string) string {
	dir := filepath.Dir(path)
	if m := backupName.FindStringSubmatch(filepath.Base(path)); m != nil && filepath.Base(dir) == "backups" {
		return filepath.Join(filepath.Dir(dir), m[1]+".db")
	}
	return path
}

// openBackup opens a backup (or any database file offered for a restore)
// read-only: a .gz is unpacked first into a private temporary file in the
// scratch folder of the database at dbPath ("" for the one whose backups
// folder holds it), which done removes. Its errors are for the user:
// missing, not a UnionBook database, damaged (a cut or changed compressed
// file included), locked.
func openBackup(path, dbPath string) (db *bbolt.DB, done func(), err error) {
	fi, err := os.Stat(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil, &localError{i18n.E("err.file_missing", path), err}
		}
		return nil, nil, openError(path, err)
	}
	if fi.IsDir() || fi.Size() == 0 {
		return nil, nil, i18n.E("err.restore_not_db", path)
	}
	open := path
	cleanup := func() {}
	if isGzip(path) {
		if dbPath == "" {
			dbPath = dbOfBackup(path)
		}
		tmp, done, err := unpackBackup(path, dbPath)
		if err != nil {
			return nil, nil, err
		}
		open, cleanup = tmp, done
	}
	db, err = openBolt(open, boltOptions{readOnly: true})
	switch {
	case err == nil:
		return db, func() { db.Close(); cleanup() }, nil
	case errors.Is(err, berrors.ErrTimeout):
		err = i18n.E("err.db_locked")
	case errors.Is(err, os.ErrPermission):
		err = openError(path, err)
	case isDamaged(err) && hasBoltMeta(open):
		err = errors.Join(localMsg("err.restore_damaged", path, i18n.E("err.structure_damaged")), err)
	default:
		err = &localError{i18n.E("err.restore_not_db", path), err}
	}
	cleanup()
	return nil, nil, err
}

// unpackBackup unpacks a gzip backup into a private temporary file (see
// newScratchFile) and returns its path.
func unpackBackup(path, dbPath string) (string, func(), error) {
	in, err := os.Open(path)
	if err != nil {
		return "", nil, openError(path, err)
	}
	defer in.Close()
	zr, err := gzip.NewReader(bufio.NewReader(in))
	if err != nil {
		return "", nil, &localError{i18n.E("err.restore_not_db", path), err}
	}
	tmp, done, err := newScratchFile(dbPath)
	if err != nil {
		return "", nil, backupError(path, err)
	}
	_, err = io.Copy(tmp, zr)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		done()
		if isDiskFull(err) {
			return "", nil, &localError{i18n.E("err.disk_full", filepath.Dir(tmp.Name())), err}
		}
		return "", nil, errors.Join(localMsg("err.restore_damaged", path, i18n.E("err.gzip_damaged")), err)
	}
	return tmp.Name(), done, nil
}

// CheckBackup runs the integrity check over a backup file (plain or .gz).
// A file that cannot be opened at all comes back as the error.
func CheckBackup(path string) (*CheckReport, error) {
	db, done, err := openBackup(path, "")
	if err != nil {
		return nil, err
	}
	defer done()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	r := &CheckReport{}
	err = func() (err error) {
		defer func() {
			if p := recover(); p != nil {
				err = errors.Join(localMsg("err.restore_damaged", path, i18n.E("err.structure_damaged")), fmt.Errorf("%w: %v", berrors.ErrInvalid, p))
			}
		}()
		return db.View(func(tx *bbolt.Tx) error { return runChecks(tx, r) })
	}()
	if err != nil {
		return nil, err
	}
	return r, nil
}

// NewestGoodBackup reads the backups of the database at dbPath, newest
// first, and returns the first that passes the check now; "" when none
// does. A backup is read once per process while its size and time stay
// the same (a damaged database is named in many messages).
func NewestGoodBackup(dbPath string) string {
	bs, _ := Backups(dbPath)
	for _, b := range bs {
		if b.Good() && backupPasses(b.Path) {
			return b.Path
		}
	}
	return ""
}

var checkedBackups = struct {
	sync.Mutex
	ok map[string]bool // path, size and time → passes the check
}{ok: map[string]bool{}}

func backupPasses(path string) bool {
	fi, err := os.Stat(path)
	if err != nil {
		return false
	}
	key := fmt.Sprintf("%s\x00%d\x00%d", path, fi.Size(), fi.ModTime().UnixNano())
	checkedBackups.Lock()
	ok, seen := checkedBackups.ok[key]
	checkedBackups.Unlock()
	if seen {
		return ok
	}
	r, err := CheckBackup(path)
	ok = err == nil && r.OK()
	checkedBackups.Lock()
	checkedBackups.ok[key] = ok
	checkedBackups.Unlock()
	return ok
}
