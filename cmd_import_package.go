package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"unionbook/district"
	"unionbook/i18n"
	"unionbook/scratch"
	"unionbook/storage"
)

// runImportPackage loads a district package into an empty database:
// `unionbook import package FILE --db PATH`. All or nothing: the package is
// verified first, its records are checked inside the transaction that
// writes them, and a database that did not exist is built in the scratch
// folder and put in place only when the import succeeded, so that a failed
// or killed import leaves no database file behind and can be retried.
func runImportPackage(e *env, file, db, passFile, identity string) error {
	keys, err := packageKeys(passFile, identity)
	if err != nil {
		return err
	}
	p, err := district.OpenVerified(e.ctx, file, keys)
	if err != nil {
		return err
	}
	defer p.Close()
	counts, err := loadPackage(e.ctx, p, db)
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, e.lang.T("pkg.imported", p.Manifest.Union.Name, p.Manifest.Period.Text, db))
	// Say what a package leaves out (district/registry.go notInPackages,
	// model.HardshipSensitiveFields), so nobody mistakes a package for a
	// way to move the books to a new computer.
	fmt.Fprintln(e.stdout, e.lang.T("pkg.not_included"))
	if p.Manifest.IsPeriod() {
		fmt.Fprintln(e.stdout, e.lang.T("period.imported_period", p.Manifest.Period.Text))
	}
	writeCounts(e, counts)
	return nil
}

// loadPackage imports p into the database at db: directly when the file
// exists (it must be empty; a failure rolls back), else into a new
// database in db's scratch folder, renamed to db once it holds the package.
func loadPackage(ctx context.Context, p *district.Package, db string) (map[string]int, error) {
	if _, err := os.Lstat(db); !errors.Is(err, fs.ErrNotExist) {
		st, err := openStore(db, storage.Options{})
		if err != nil {
			return nil, err
		}
		defer st.Close()
		return district.ImportPackage(ctx, p, st)
	}
	dir := filepath.Dir(db)
	madeDir := false
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, i18n.E("import.write_failed", db, err.Error())
		}
		madeDir = true
	}
	sweep(db)
	sess, err := scratch.Begin(db)
	if err != nil {
		return nil, i18n.E("export.scratch_failed", err.Error())
	}
	ok := false
	defer func() {
		sess.Close()
		if !ok && madeDir {
			os.Remove(dir) // nothing of the failed import stays
		}
	}()
	tmp := filepath.Join(sess.Dir(), "import.db")
	st, err := storage.Open(tmp, storage.Options{NoDailyBackup: true, NoSync: noSync})
	if err != nil {
		return nil, err
	}
	counts, err := district.ImportPackage(ctx, p, st)
	if cerr := st.Close(); err == nil && cerr != nil {
		err = i18n.E("import.write_failed", db, cerr.Error())
	}
	if err != nil {
		return nil, err
	}
	if _, err := os.Lstat(db); err == nil {
		return nil, i18n.E("pkg.restore_not_empty", db) // made meanwhile
	}
	if err := os.Rename(tmp, db); err != nil {
		return nil, i18n.E("import.write_failed", db, err.Error())
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // make the rename durable where the platform allows
		d.Close()
	}
	ok = true
	return counts, nil
}

func writeCounts(e *env, counts map[string]int) {
	var rows [][]string
	for _, en := range district.Entities() {
		n, ok := counts[en.Name]
		if !ok {
			continue
		}
		label := en.Name
		if key := "pkg.entity_" + en.Name; e.lang.Has(key) {
			label = e.lang.T(key)
		}
		rows = append(rows, []string{label, fmt.Sprint(n)})
	}
	columns(e.stdout, "  ", rows, "lr")
}
