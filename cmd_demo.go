package main

import (
	"flag"
	"fmt"
	"runtime/debug"
	"strconv"
	"time"

	"unionbook/demo"
	"unionbook/i18n"
	"unionbook/storage"
)

// demoGCPercent is the collector's target while the demo loads.
const demoGCPercent = 200

// maxDemoMembers bounds --members: a county federation has about 100,000.
const maxDemoMembers = 1_000_000

// demoCommand fills an empty database with a generated township.
var demoCommand = &command{
	name:    "demo",
	summary: "cli.cmd.demo",
	about:   "cli.cmd.demo_about",
	require: []string{"db"},
	flags: func(fs *flag.FlagSet) func(*env, []string) error {
		db := fs.String("db", "", "cli.flag.db")
		members := fs.Int("members", demo.DefaultMembers, "cli.flag.members")
		seed := fs.Uint64("seed", demo.DefaultSeed, "cli.flag.seed")
		return func(e *env, _ []string) error {
			if *members < 1 || *members > maxDemoMembers {
				return usageErr(i18n.E("cli.demo_members_range", maxDemoMembers))
			}
			start := time.Now()
			// The load allocates about 60 KB of short-lived records per
			// member: at the default GOGC the collector took an eighth of
			// its CPU. Twice the heap between collections halves that, for
			// about a third more peak memory (docs/benchmarks.md).
			debug.SetGCPercent(demoGCPercent)
			s, err := openStore(*db, storage.Options{})
			if err != nil {
				return err
			}
			defer s.Close()
			opts := demo.Options{Seed: *seed, Units: demo.DefaultUnits, Members: *members}
			if err := demo.Load(s, opts); err != nil {
				return err
			}
			// The load's transactions leave the pages they rewrote free.
			if err := s.Pack(); err != nil {
				return err
			}
			p, _, err := s.Profile()
			if err != nil {
				return err
			}
			// the generated units and the unions the township's
			// unorganised employers formed since (demo/org.go)
			units, err := s.Units()
			if err != nil {
				return err
			}
			if err := s.Close(); err != nil {
				return err
			}
			secs := strconv.FormatFloat(time.Since(start).Seconds(), 'f', 1, 64)
			fmt.Fprintln(e.stdout, e.lang.T("cli.demo_done", s.Path(), p.UnionName, len(units), opts.Members, secs))
			return nil
		}
	},
}
