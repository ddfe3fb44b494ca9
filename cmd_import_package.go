package main

import (
	"fmt"

	"unionbook/district"
	"unionbook/i18n"
	"unionbook/storage"
)

// runImportPackage loads a district package into an empty database:
// `unionbook import package FILE --db PATH`.
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
	st, err := storage.Open(db, storage.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	counts, err := district.ImportPackage(e.ctx, p, st)
	if err != nil {
		return err
	}
	r, err := st.Check()
	if err != nil {
		return err
	}
	if !r.OK() {
		for _, pr := range r.Problems {
			fmt.Fprintln(e.stdout, "  - "+pr.Localize(e.lang))
		}
		return i18n.E("pkg.import_check_failed", db)
	}
	fmt.Fprintln(e.stdout, e.lang.T("pkg.imported", p.Manifest.Union.Name, p.Manifest.Period.Text, db))
	// District packages never carry health, disability or bank details
	// (model.HardshipSensitiveFields); say so, so nobody mistakes a package
	// for a way to move the books to a new computer.
	fmt.Fprintln(e.stdout, e.lang.T("pkg.sensitive_not_included"))
	writeCounts(e, counts)
	return nil
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
