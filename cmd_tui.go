package main

import (
	"flag"
	"fmt"

	"unionbook/storage"
	"unionbook/ui"
)

// rootCommand is unionbook without a command: it opens the terminal
// interface on the database.
var rootCommand = &command{
	summary: "cli.tagline",
	flags: func(fs *flag.FlagSet) func(*env, []string) error {
		def, _ := storage.DefaultPath()
		db := fs.String("db", def, "cli.flag.db")
		showVersion := fs.Bool("version", false, "cli.flag.version")
		return func(e *env, _ []string) error {
			if *showVersion {
				fmt.Fprintln(e.stdout, "unionbook "+version)
				return nil
			}
			s, err := openStore(*db, storage.Options{})
			if err != nil {
				return err
			}
			defer s.Close()
			return ui.Run(e.ctx, ui.Options{Store: s, Lang: e.lang})
		}
	},
}
