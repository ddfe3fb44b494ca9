package main

import (
	"flag"
	"fmt"

	"unionbook/district"
)

// mergeCommand consolidates townships' packages into a district workbook.
var mergeCommand = &command{
	name:    "merge",
	summary: "merge.cmd",
	about:   "merge.cmd_about",
	args:    "merge.cmd_args",
	nargs:   [2]int{1, 10000},
	require: []string{"out"},
	flags: func(fs *flag.FlagSet) func(*env, []string) error {
		out := fs.String("out", "", "merge.flag_out")
		passFile := fs.String("passphrase-file", "", "export.flag_passphrase_file")
		identity := fs.String("identity", "", "verify.flag_identity")
		expect := fs.String("expect", "", "merge.flag_expect")
		crossFile := fs.String("crosscheck-passphrase-file", "", "merge.flag_crosscheck")
		return func(e *env, args []string) error {
			keys, err := packageKeys(*passFile, *identity)
			if err != nil {
				return err
			}
			var o district.MergeOptions
			if *expect != "" {
				if o.Expect, err = district.ReadExpected(*expect); err != nil {
					return err
				}
			}
			if *crossFile != "" {
				pass, err := readPassphrase(*crossFile)
				if err != nil {
					return err
				}
				k, err := district.DeriveCrosscheckKey(pass)
				if err != nil {
					return err
				}
				o.Key = &k
			}
			in := make([]district.MergeInput, len(args))
			for i, a := range args {
				in[i] = district.MergeInput{File: a, Keys: keys}
			}
			res, err := district.MergeWith(e.ctx, in, *out, e.lang, o)
			if err != nil {
				return err
			}
			printMerge(e, res)
			fmt.Fprintln(e.stdout, e.lang.T("merge.written", len(res.Unions), *out))
			return nil
		}
	},
}

// printMerge says what was merged, who sent nothing and what the
// cross-check found: by township, member number and name, never an ID number.
func printMerge(e *env, res *district.MergeResult) {
	l := e.lang
	for i, u := range res.Unions {
		fmt.Fprintln(e.stdout, l.T("merge.merged_one", u.Union.Name, u.Period.Text))
		if res.Cross[i] != district.CrossCompared {
			fmt.Fprintln(e.stdout, "  "+district.CrossStateText(l, res, i))
		}
	}
	for _, m := range res.Missing {
		fmt.Fprintln(e.stdout, l.T("merge.missing_line", m.Name))
	}
	for _, u := range res.Unexpected {
		fmt.Fprintln(e.stdout, l.T("merge.unexpected_line", u.Union.Name))
	}
	compared := 0
	for _, s := range res.Cross {
		if s == district.CrossCompared {
			compared++
		}
	}
	switch {
	case res.KeyChecked && compared == 0:
		fmt.Fprintln(e.stdout, l.T("merge.key_matches_none", district.FormatKeyID(res.KeyID)))
	case compared > 0 && !res.KeyChecked:
		fmt.Fprintln(e.stdout, l.T("merge.key_unchecked", district.FormatKeyID(res.KeyID)))
	}
	if compared == 0 {
		return
	}
	members, files := 0, 0
	for _, p := range res.Pairs {
		if p.Kind == district.PairMember {
			members++
		} else {
			files++
		}
	}
	fmt.Fprintln(e.stdout, l.T("merge.pairs_found", compared, members, files))
	for _, p := range res.Pairs {
		fmt.Fprintln(e.stdout, "  "+l.T("merge.pair_line", district.PairKindText(l, p.Kind), partyText(e, p.A), partyText(e, p.B)))
	}
}

func partyText(e *env, p district.CrosscheckParty) string {
	if p.File != 0 {
		return e.lang.T("merge.party_file", p.Union, p.No, p.Name, p.Unit, p.File)
	}
	return e.lang.T("merge.party", p.Union, p.No, p.Name, p.Unit)
}
