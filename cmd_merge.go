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
		return func(e *env, args []string) error {
			keys, err := packageKeys(*passFile, *identity)
			if err != nil {
				return err
			}
			in := make([]district.MergeInput, len(args))
			for i, a := range args {
				in[i] = district.MergeInput{File: a, Keys: keys}
			}
			res, err := district.Merge(e.ctx, in, *out, e.lang)
			if err != nil {
				return err
			}
			for _, u := range res.Unions {
				fmt.Fprintln(e.stdout, e.lang.T("merge.merged_one", u.Union.Name, u.Period.Text))
			}
			fmt.Fprintln(e.stdout, e.lang.T("merge.written", len(res.Unions), *out))
			return nil
		}
	},
}
