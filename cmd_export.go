package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"unionbook/district"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// exportMemoryLimit is the Go heap's soft limit during an export.
const exportMemoryLimit = 440 << 20

// exportCommand writes the district package for a period.
var exportCommand = &command{
	name:    "export",
	summary: "export.cmd",
	about:   "export.cmd_about",
	require: []string{"db", "period", "out"},
	flags: func(fs *flag.FlagSet) func(*env, []string) error {
		db := fs.String("db", "", "cli.flag.db")
		period := fs.String("period", "", "export.flag_period")
		out := fs.String("out", "", "export.flag_out")
		passFile := fs.String("passphrase-file", "", "export.flag_passphrase_file")
		recipient := fs.String("recipient", "", "export.flag_recipient")
		whole := fs.Bool("whole", false, "period.flag_whole")
		return func(e *env, _ []string) error {
			if *passFile != "" && *recipient != "" {
				return usageErr(i18n.E("export.two_keys"))
			}
			p, err := model.ParsePeriod(*period)
			if err != nil {
				return err
			}
			if err := requireDB(*db); err != nil {
				return err
			}
			if err := district.CheckDir(*out); err != nil {
				return err
			}
			pass := ""
			if *passFile != "" {
				if pass, err = readPassphrase(*passFile); err != nil {
					return err
				}
			}
			if e.getenv("GOMEMLIMIT") == "" {
				debug.SetMemoryLimit(exportMemoryLimit)
			}
			district.ProgramVersion = version
			st, err := openStore(*db, storage.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			o := district.PackageOptions{Period: p, Lang: e.lang, Dir: *out, Passphrase: pass, Recipient: *recipient, Whole: *whole}
			if e.getenv("UNIONBOOK_TRACE") != "" {
				// Step timings on stderr, for the benchmark figures.
				last, prev := time.Now(), ""
				o.Progress = func(_, _ int, step string) {
					if prev != "" {
						fmt.Fprintf(e.stderr, "%-14s %v\n", prev, time.Since(last).Round(time.Millisecond))
					}
					last, prev = time.Now(), step
				}
			}
			res, err := district.WritePackage(e.ctx, st, o)
			if err != nil {
				return err
			}
			if err := st.RecordExport(operatorName(st), &storage.ExportRecord{
				Period: p.Text, File: res.Path, SHA256: res.SHA256, Size: res.Size,
				Encrypted: pass != "" || *recipient != "", Language: e.lang.Code(), PeriodOnly: !*whole,
			}); err != nil {
				fmt.Fprintln(e.stderr, "unionbook: "+i18n.Text(err, e.lang))
			}
			fmt.Fprintln(e.stdout, res.Path)
			if x := res.Manifest.Crosscheck; x != nil {
				fmt.Fprintln(e.stderr, e.lang.T("export.crosscheck_included", district.FormatKeyID(x.KeyID)))
			} else {
				fmt.Fprintln(e.stderr, e.lang.T("export.crosscheck_none"))
			}
			return nil
		}
	},
}

// readPassphrase reads a passphrase file: its first line, without the
// line ending.
func readPassphrase(path string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", i18n.E("pkg.passphrase_unreadable", path, err.Error())
	}
	line, _, _ := strings.Cut(string(data), "\n")
	line = strings.TrimRight(line, "\r")
	if line == "" {
		return "", i18n.E("pkg.passphrase_empty", path)
	}
	return line, nil
}

// packageKeys reads the --passphrase-file / --identity flags.
func packageKeys(passFile, identity string) (district.Keys, error) {
	if passFile != "" && identity != "" {
		return district.Keys{}, usageErr(i18n.E("verify.two_keys"))
	}
	k := district.Keys{IdentityFile: identity}
	if passFile != "" {
		p, err := readPassphrase(passFile)
		if err != nil {
			return k, err
		}
		k.Passphrase = p
	}
	return k, nil
}
