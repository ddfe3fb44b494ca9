package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"unionbook/district"
	"unionbook/i18n"
	"unionbook/scratch"
	"unionbook/storage"
)

// A read-only look (unionbook --read-only --db FILE) for the auditors (经审)
// and the district: FILE is a database, a backup (plain or .db.gz) or a
// district package (.zip, .zip.age). Nothing about FILE changes, not a
// byte: a database of the current schema is opened in place with bbolt's
// read-only open (no write lock, no migration, no daily backup, no sweep
// of its scratch folder). What cannot be opened in place is copied first
// into a private scratch session in the program's own data folder (beside
// the default database, mode 0700, never the system's temp folder, swept
// if the run is killed) and opened read-only there:
//
//   - a compressed backup, decompressed;
//   - a database of an older schema: the copy is migrated, the original is
//     not (the header says it is an upgraded copy);
//   - a package: verified, decrypted in memory, loaded into a new database
//     (without the sensitive hardship fields a package never carries).
//
// A database newer than the program is refused, as always.

// readOnlyView is what a read-only session shows.
type readOnlyView struct {
	store  *storage.Store
	opened string // what was opened, for the header
	sess   *scratch.Session
}

// Close closes the store and removes the scratch copy.
func (v *readOnlyView) Close() error {
	err := v.store.Close()
	if v.sess != nil {
		if cerr := v.sess.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// fileKind is what the first bytes of a file say it is.
type fileKind int

const (
	kindDatabase fileKind = iota
	kindGzip
	kindPackage
)

func sniff(path string) (fileKind, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	head := make([]byte, 32)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		return kindGzip, nil
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("age-encryption.org/v1\n")):
		return kindPackage, nil
	}
	return kindDatabase, nil
}

// openReadOnly opens path for a read-only session.
func openReadOnly(e *env, path string, keys district.Keys) (*readOnlyView, error) {
	if err := requireDB(path); err != nil {
		return nil, err
	}
	kind, err := sniff(path)
	if err != nil {
		return nil, i18n.E("pkg.read_failed", path, err.Error())
	}
	base := filepath.Base(path)
	if kind == kindDatabase {
		st, err := storage.Open(path, storage.Options{ReadOnly: true})
		if err == nil {
			return &readOnlyView{store: st, opened: base}, nil
		}
		if !errors.Is(err, i18n.E("err.db_needs_upgrade")) {
			return nil, err
		}
	}
	sess, err := readOnlySession()
	if err != nil {
		return nil, err
	}
	v, err := openCopy(e, sess, path, kind, keys)
	if err != nil {
		sess.Close()
		return nil, err
	}
	v.sess = sess
	return v, nil
}

// readOnlySession is a scratch session in the program's own data folder.
func readOnlySession() (*scratch.Session, error) {
	def, err := storage.DefaultPath()
	if err != nil {
		return nil, i18n.E("export.scratch_failed", err.Error())
	}
	if err := os.MkdirAll(filepath.Dir(def), 0o700); err != nil {
		return nil, i18n.E("export.scratch_failed", err.Error())
	}
	sweep(def) // copies a killed read-only run left
	sess, err := scratch.Begin(def)
	if err != nil {
		return nil, i18n.E("export.scratch_failed", err.Error())
	}
	return sess, nil
}

// openCopy makes the copy of path a session opens: decompressed, migrated
// or loaded from a package; then opens it read-only.
func openCopy(e *env, sess *scratch.Session, path string, kind fileKind, keys district.Keys) (*readOnlyView, error) {
	copyPath := filepath.Join(sess.Dir(), "readonly.db")
	base := filepath.Base(path)
	opened := e.lang.T("readonly.of_upgraded", base)
	switch kind {
	case kindPackage:
		// checking and loading take seconds, before the interface appears
		fmt.Fprintln(e.stderr, e.lang.T("readonly.loading_package", base))
		p, err := district.OpenVerified(e.ctx, path, keys)
		if err != nil {
			return nil, err
		}
		defer p.Close()
		st, err := storage.Open(copyPath, storage.Options{NoDailyBackup: true, NoSync: noSync})
		if err != nil {
			return nil, err
		}
		_, err = district.ImportPackage(e.ctx, p, st)
		if cerr := st.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, err
		}
		opened = e.lang.T("readonly.of_package", p.Manifest.Union.Name, p.Manifest.Period.Text)
		if p.Manifest.IsPeriod() {
			opened = e.lang.T("period.readonly_of_package", p.Manifest.Union.Name, p.Manifest.Period.Text)
		}
	case kindGzip:
		if err := gunzipTo(path, copyPath); err != nil {
			var bad *damagedInput
			if errors.As(err, &bad) { // in her words; what gzip said is the detail
				return nil, errors.Join(i18n.E("readonly.bad_backup", path), bad.err)
			}
			return nil, i18n.E("readonly.copy_failed", path, err.Error())
		}
		opened = e.lang.T("readonly.of_backup", base)
	default:
		if err := copyTo(path, copyPath); err != nil {
			return nil, i18n.E("readonly.copy_failed", path, err.Error())
		}
	}
	// A copy of an older schema is migrated here, the original never.
	st, err := storage.Open(copyPath, storage.Options{ReadOnly: true})
	if errors.Is(err, i18n.E("err.db_needs_upgrade")) {
		if st, err = storage.Open(copyPath, storage.Options{NoDailyBackup: true}); err == nil {
			st.Close()
			st, err = storage.Open(copyPath, storage.Options{ReadOnly: true})
		}
		if kind == kindGzip {
			opened = e.lang.T("readonly.of_upgraded", base)
		}
	}
	if err != nil {
		return nil, err
	}
	return &readOnlyView{store: st, opened: opened}, nil
}

func copyTo(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return writeNew(dst, in)
}

func gunzipTo(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	zr, err := gzip.NewReader(in)
	if err != nil {
		return &damagedInput{err}
	}
	defer zr.Close()
	return writeNew(dst, readsDamaged{zr})
}

// damagedInput is a backup that does not decompress: cut short, or not
// gzip at all. Errors writing the copy are not.
type damagedInput struct{ err error }

func (d *damagedInput) Error() string { return d.err.Error() }
func (d *damagedInput) Unwrap() error { return d.err }

// readsDamaged marks the errors of reading r as damagedInput.
type readsDamaged struct{ r io.Reader }

func (x readsDamaged) Read(p []byte) (int, error) {
	n, err := x.r.Read(p)
	if err != nil && err != io.EOF {
		err = &damagedInput{err}
	}
	return n, err
}

// writeNew writes r into a new private file.
func writeNew(dst string, r io.Reader) error {
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, r); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
