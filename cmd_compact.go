package main

import (
	"flag"
	"fmt"

	"unionbook/storage"
)

// compactCommand rewrites the database without its free pages.
var compactCommand = &command{
	name:    "compact",
	summary: "cli.cmd.compact",
	about:   "cli.cmd.compact_about",
	require: []string{"db"},
	flags: func(fset *flag.FlagSet) func(*env, []string) error {
		db := fset.String("db", "", "cli.flag.db")
		return func(e *env, _ []string) error {
			if err := requireDB(*db); err != nil {
				return err
			}
			sweep(*db)
			res, err := storage.Compact(*db, storage.Options{})
			if err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, e.lang.T("cli.compact_done", *db, humanBytes(res.Before), humanBytes(res.After), res.Backup))
			return nil
		}
	},
}
