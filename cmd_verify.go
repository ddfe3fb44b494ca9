package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"

	"unionbook/district"
	"unionbook/i18n"
)

// verifyCommand checks a district package against its manifest.
var verifyCommand = &command{
	name:    "verify",
	summary: "verify.cmd",
	about:   "verify.cmd_about",
	args:    "verify.cmd_args",
	nargs:   [2]int{1, 1},
	flags: func(fs *flag.FlagSet) func(*env, []string) error {
		passFile := fs.String("passphrase-file", "", "export.flag_passphrase_file")
		identity := fs.String("identity", "", "verify.flag_identity")
		return func(e *env, args []string) error {
			keys, err := packageKeys(*passFile, *identity)
			if err != nil {
				return err
			}
			p, err := district.OpenPackage(args[0], keys)
			if err != nil {
				return err
			}
			defer p.Close()
			rep, err := p.Verify(e.ctx)
			if err != nil {
				return err
			}
			if !rep.OK() {
				return &district.VerifyError{File: args[0], Report: rep}
			}
			writePackageSummary(e, p)
			return nil
		}
	},
}

// scopeWord says which records a package holds: the period's or every
// record (--whole).
func scopeWord(l i18n.Lang, m district.Manifest) string {
	if m.IsPeriod() {
		return l.T("period.scope_period")
	}
	return l.T("period.scope_whole")
}

// writePackageSummary prints a verified package's union, period and counts.
func writePackageSummary(e *env, p *district.Package) {
	l := e.lang
	m := p.Manifest
	fmt.Fprintln(e.stdout, l.T("verify.ok", p.Path))
	rows := [][]string{
		{l.T("verify.union"), strings.TrimSpace(m.Union.Name + " " + m.Union.Code)},
		{l.T("verify.period"), m.Period.Text + " (" + m.Period.From + " ~ " + m.Period.To + ")"},
		{l.T("period.f_scope"), scopeWord(l, m)},
		{l.T("verify.created"), localTime(m.CreatedAt) + "  " + l.T("verify.program", m.ProgramVersion)},
		{l.T("verify.files"), fmt.Sprint(len(m.Files) + 1)},
	}
	if p.Encrypted {
		rows = append(rows, []string{l.T("verify.encrypted"), l.T("export.yes")})
	}
	names := make([]string, 0, len(m.Counts))
	for k := range m.Counts {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		label := k
		if key := "pkg.entity_" + k; l.Has(key) {
			label = l.T(key)
		}
		rows = append(rows, []string{label, fmt.Sprint(m.Counts[k])})
	}
	columns(e.stdout, "  ", rows, "lr")
}

var _ = i18n.ZH

// localTime shows a manifest's RFC 3339 time as the clock on the wall
// reads it here ("2026-11-21 17:30"), not in UTC; anything else as written.
func localTime(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return s
	}
	return t.Local().Format("2006-01-02 15:04")
}
