package main

import (
	"flag"
	"fmt"
	"time"

	"unionbook/storage"
)

// freshCommand sets the demo database aside so that the next start opens
// a new, empty one: the way from looking around to one's own books. It
// never moves a database that holds the user's own records.
var freshCommand = &command{
	name:    "fresh",
	summary: "cli.cmd.fresh",
	about:   "cli.cmd.fresh_about",
	flags: func(fs *flag.FlagSet) func(*env, []string) error {
		def, _ := storage.DefaultPath()
		db := fs.String("db", def, "cli.flag.db")
		return func(e *env, _ []string) error {
			sweep(*db)
			kept, err := storage.SetDemoAside(*db, time.Now())
			if err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, e.lang.T("cli.fresh_done", kept, *db))
			return nil
		}
	},
}
