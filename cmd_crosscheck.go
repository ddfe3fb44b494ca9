package main

import (
	"flag"
	"fmt"

	"unionbook/district"
	"unionbook/i18n"
	"unionbook/storage"
)

// crosscheckKeyCommand sets or shows the cross-check key the district gave
// the township (district/crosscheck.go), or makes a new passphrase for a
// district to hand out.
var crosscheckKeyCommand = &command{
	name:    "crosscheck-key",
	summary: "crosscheck.cmd",
	about:   "crosscheck.cmd_about",
	flags: func(fs *flag.FlagSet) func(*env, []string) error {
		db := fs.String("db", "", "cli.flag.db")
		passFile := fs.String("passphrase-file", "", "crosscheck.flag_passphrase_file")
		replace := fs.Bool("replace", false, "crosscheck.flag_replace")
		newPass := fs.Bool("new", false, "crosscheck.flag_new")
		return func(e *env, _ []string) error {
			if *newPass {
				pass := district.NewCrosscheckPassphrase()
				k, err := district.DeriveCrosscheckKey(pass)
				if err != nil {
					return err
				}
				fmt.Fprintln(e.stdout, e.lang.T("crosscheck.new_passphrase", pass, district.FormatKeyID(k.ID())))
				return nil
			}
			if *db == "" {
				return usageErr(i18n.E("cli.missing_flag", "--db"))
			}
			if err := requireDB(*db); err != nil {
				return err
			}
			if *passFile == "" {
				st, err := openStore(*db, storage.Options{ReadOnly: true})
				if err != nil {
					return err
				}
				defer st.Close()
				_, id, ok, err := st.CrosscheckKey()
				switch {
				case err != nil:
					return err
				case !ok:
					fmt.Fprintln(e.stdout, e.lang.T("crosscheck.none"))
				default:
					fmt.Fprintln(e.stdout, e.lang.T("crosscheck.current", district.FormatKeyID(id)))
				}
				return nil
			}
			pass, err := readPassphrase(*passFile)
			if err != nil {
				return err
			}
			k, err := district.DeriveCrosscheckKey(pass)
			if err != nil {
				return err
			}
			st, err := openStore(*db, storage.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			_, old, had, err := st.CrosscheckKey()
			if err != nil {
				return err
			}
			if had && old != k.ID() && !*replace { // said here to group the fingerprints as published
				return i18n.E("crosscheck.key_differs", district.FormatKeyID(old), district.FormatKeyID(k.ID()))
			}
			if err := st.SetCrosscheckKey(operatorName(st), k.Bytes(), k.ID(), *replace); err != nil {
				return err
			}
			switch {
			case had && old == k.ID():
				fmt.Fprintln(e.stdout, e.lang.T("crosscheck.unchanged", district.FormatKeyID(k.ID())))
			case had:
				fmt.Fprintln(e.stdout, e.lang.T("crosscheck.replaced", district.FormatKeyID(old), district.FormatKeyID(k.ID())))
			default:
				fmt.Fprintln(e.stdout, e.lang.T("crosscheck.set", district.FormatKeyID(k.ID())))
			}
			return nil
		}
	},
}
