package main

import (
	"errors"
	"flag"
	"fmt"
	"time"

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
		readOnly := fs.Bool("read-only", false, "readonly.flag")
		passFile := fs.String("passphrase-file", "", "export.flag_passphrase_file")
		identity := fs.String("identity", "", "verify.flag_identity")
		return func(e *env, _ []string) error {
			if *showVersion {
				fmt.Fprintln(e.stdout, "unionbook "+version)
				return nil
			}
			if *readOnly {
				keys, err := packageKeys(*passFile, *identity)
				if err != nil {
					return err
				}
				v, err := openReadOnly(e, *db, keys)
				if err != nil {
					return err
				}
				defer v.Close()
				return ui.Run(e.ctx, ui.Options{Store: v.store, Lang: e.lang, ReadOnly: true, Opened: v.opened})
			}
			for {
				// the day's check and backup wait for the start's loads
				s, err := openStore(*db, storage.Options{DeferDailyBackup: true})
				if err != nil {
					return err
				}
				err = ui.Run(e.ctx, ui.Options{Store: s, Lang: e.lang})
				s.Close()
				if !errors.Is(err, ui.ErrStartFresh) {
					return err
				}
				// the demo set aside, the program starts again on a
				// new, empty database: the first-run screen
				kept, err := storage.SetDemoAside(*db, time.Now())
				if err != nil {
					return err
				}
				fmt.Fprintln(e.stdout, e.lang.T("cli.fresh_done", kept, *db))
			}
		}
	},
}
