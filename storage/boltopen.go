package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"unionbook/i18n"
)

// boltOptions are what the package's opens of a bbolt file differ in.
type boltOptions struct {
	readOnly bool
	noSync   bool          // tests that do not test durability
	timeout  time.Duration // waiting for another program's lock; 0 for lockTimeout
	mmapSize int           // bbolt.Options.InitialMmapSize
}

// openBolt is the one way this package opens a bbolt file that may be
// damaged (the database, a backup, a file offered for a restore). bbolt
// trusts what it reads while opening, so:
//
//   - what bbolt.Open reads first (the meta pages, the freelist page) is
//     checked before it is asked to (precheck);
//   - a panic or a memory fault inside bbolt.Open, which leaves the file
//     open and locked, is recovered and the handle let go;
//   - a file shorter than its newest transaction says (a truncated copy)
//     is refused, since reading past its end would fault later.
//
// Damage comes back as an error that errors.Is berrors.ErrInvalid (see
// isDamaged); a lock held elsewhere as berrors.ErrTimeout; anything else
// (permissions, a missing file) as the operating system said it. Callers
// word the error for the user.
func openBolt(path string, o boltOptions) (db *bbolt.DB, err error) {
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
		if err := precheck(path); err != nil {
			return nil, err
		}
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	var file *os.File
	openFile := func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := os.OpenFile(name, flag, perm)
		if file == nil {
			file = f
		}
		return f, err
	}
	defer func() {
		if r := recover(); r != nil {
			if db != nil {
				db.Close()
			} else if file != nil {
				file.Close()
			}
			db, err = nil, fmt.Errorf("%w: %v", berrors.ErrInvalid, r)
		}
	}()
	timeout := o.timeout
	if timeout == 0 {
		timeout = lockTimeout
	}
	db, err = bbolt.Open(path, 0o600, &bbolt.Options{
		OpenFile:        openFile,
		Timeout:         timeout,
		ReadOnly:        o.readOnly,
		NoSync:          o.noSync,
		FreelistType:    bbolt.FreelistMapType,
		InitialMmapSize: o.mmapSize,
	})
	if err != nil {
		return nil, err
	}
	if err := checkSize(db); err != nil {
		db.Close()
		return nil, err
	}
	db.AllocSize = growStep
	return db, nil
}

// growStep is how much bbolt grows the file by when a commit needs more
// room (bbolt.DB.AllocSize; its default is 16 MiB, a sixth of the whole
// 10,000-member file left empty at its end). A commit of a user's action
// writes a few dozen pages, mostly into pages freed by earlier commits, so
// a step of 1 MiB grows the file (a truncate and an fsync) once every
// hundred or so payments.
const growStep = 1 << 20

// isDamaged reports an error of openBolt (or of bbolt's check) that says
// the file is damaged or is no bbolt file at all.
func isDamaged(err error) bool {
	return errors.Is(err, berrors.ErrInvalid) || errors.Is(err, berrors.ErrVersionMismatch) ||
		errors.Is(err, berrors.ErrChecksum) || (err != nil && strings.Contains(err.Error(), "file size too small"))
}

// checkSize refuses a file shorter than its newest transaction says it is
// (a truncated copy): reading past its end would fault.
func checkSize(db *bbolt.DB) error {
	return db.View(func(tx *bbolt.Tx) error {
		fi, err := os.Stat(db.Path())
		if err != nil {
			return err
		}
		if fi.Size() < tx.Size() {
			return fmt.Errorf("%w: file is %d bytes, its data reaches %d", berrors.ErrInvalid, fi.Size(), tx.Size())
		}
		return nil
	})
}

// statDB says what lies at a database path before it is opened: nothing
// (fs.ErrNotExist, which a writable open may create), a folder, an empty
// file, or a file (nil).
func statDB(path string) error {
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return err
	case fi.IsDir():
		return errIsDir
	case fi.Size() == 0:
		return errEmptyFile
	}
	return nil
}

var (
	errIsDir     = fmt.Errorf("%w: a folder", fs.ErrInvalid)
	errEmptyFile = fmt.Errorf("%w: an empty file", berrors.ErrInvalid)
)

// hasBoltMeta reports whether the file at path has a valid bbolt meta page:
// a damaged database rather than some other file.
func hasBoltMeta(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	_, err = readMetas(f)
	return err == nil
}

// msgError is a message for the user whose arguments may themselves be
// said in each language (a check problem named in an error). It errors.Is
// i18n.E(key).
type msgError struct {
	key  string
	args []any
}

func localMsg(key string, args ...any) *msgError { return &msgError{key, args} }

func (e *msgError) Localize(l i18n.Lang) string {
	args := make([]any, len(e.args))
	for i, a := range e.args {
		if loc, ok := a.(i18n.Localizer); ok {
			args[i] = loc.Localize(l)
		} else {
			args[i] = a
		}
	}
	return l.T(e.key, args...)
}

func (e *msgError) Error() string { return e.Localize(i18n.EN) }

func (e *msgError) Is(target error) bool {
	var t *i18n.Error
	return errors.As(target, &t) && t.Key == e.key
}
