package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"unionbook/model"
	"unionbook/scratch"
	"unionbook/storage"
)

// The command-level crash test: the commands that write (import of an
// .xlsx and a .csv roster, demo, restore, compact, export, import package)
// run as their own processes and are killed with SIGKILL at a random
// moment of their run. After each kill the next start (check) passes the
// check, an import is whole or absent, and no temporary file is left: not
// beside the database, not in its backups or scratch folder, not in the
// export folder, not in the system's temporary folder.
//
// UNIONBOOK_COMMAND_KILLS=300 go test . -run TestCommandsKilled -v kills
// more often (20 by default, about 30 s); the log has the figures for
// docs/robustness.md.
const commandKillsEnv = "UNIONBOOK_COMMAND_KILLS"

// rosterRows is the size of the rosters imported: enough for an import to
// take a while, so that kills land inside it.
const rosterRows = 3000

// killFixture is what every killed command starts from.
type killFixture struct {
	dir        string
	base       []byte // a demo database of 300 members
	baseUnits  int
	baseCount  int    // its members
	xlsx, csv  string // rosters of rosterRows new members of its first unit
	pkg        string // its district package
	restoreSrc string // a backup of it, for restore
	sysTemp    string // TMPDIR of the children
}

type killCase struct {
	name string
	// prepare lays out a fresh working folder and returns the command
	// line and the database it writes.
	prepare func(t *testing.T, f *killFixture, work string) (args []string, db string)
	// verify looks at the database after the next start and says what
	// state the killed command left: "whole", "absent" or "unchanged".
	verify func(t *testing.T, f *killFixture, work, db string) string
	// writing reports that the command has begun to write (its backup
	// is there, its temporary file, a grown database): kills land
	// between then and its end, where an interruption can do harm.
	writing func(work, db string) bool
}

// watch runs cmd until it exits or, when kill is set, until after is
// past from the moment writing first reports true; it returns when
// writing began (-1: never) and whether it killed the command.
func watch(t *testing.T, c killCase, work, db string, args []string, sysTemp string, after func(sinceStart time.Duration) time.Duration) (began, total time.Duration, killed bool) {
	t.Helper()
	cmd := cliCommand("zh_CN.UTF-8", sysTemp, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	began = -1
	var deadline time.Time
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-done:
			return began, time.Since(start), false
		case <-tick.C:
			if began < 0 && c.writing(work, db) {
				began = time.Since(start)
				if after != nil {
					deadline = time.Now().Add(after(began))
				}
			}
			if !deadline.IsZero() && time.Now().After(deadline) {
				cmd.Process.Kill()
				<-done
				return began, time.Since(start), true
			}
		}
	}
}

func TestCommandsKilled(t *testing.T) {
	t.Parallel() // its own files only; no global state
	kills := 20
	if v := os.Getenv(commandKillsEnv); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			t.Fatalf("%s=%q", commandKillsEnv, v)
		}
		kills = n
	}
	f := newKillFixture(t)
	cases := killCases()

	// Each command once to its end: the setup works, and how long it
	// writes bounds the moment of the kill.
	writes := map[string]time.Duration{}
	for _, c := range cases {
		work := filepath.Join(t.TempDir(), "work")
		args, db := c.prepare(t, f, work)
		began, total, _ := watch(t, c, work, db, args, f.sysTemp, nil)
		if began < 0 {
			t.Fatalf("%s: never seen writing", c.name)
		}
		writes[c.name] = total - began
		if got := c.verify(t, f, work, db); got != "whole" {
			t.Fatalf("%s run to its end left the database %s", c.name, got)
		}
		afterKill(t, f, work, db, c.name+" (not killed)")
	}

	rng := rand.New(rand.NewPCG(5, 8))
	outcomes := map[string]map[string]int{}
	start := time.Now()
	for i := range kills {
		c := cases[i%len(cases)]
		work := filepath.Join(t.TempDir(), "work")
		args, db := c.prepare(t, f, work)
		// A moment while it writes (a little past its measured end too).
		delay := time.Duration(rng.Int64N(int64(writes[c.name])*11/10 + 1))
		_, _, killed := watch(t, c, work, db, args, f.sysTemp, func(time.Duration) time.Duration { return delay })
		what := fmt.Sprintf("kill %d (%s, %v into its writing)", i, c.name, delay.Round(time.Millisecond))
		state := afterKill(t, f, work, db, what)
		if state == "" {
			state = c.verify(t, f, work, db)
		}
		if !killed {
			state = "finished before the kill"
		}
		if outcomes[c.name] == nil {
			outcomes[c.name] = map[string]int{}
		}
		outcomes[c.name][state]++
	}
	var lines []string
	for _, c := range cases {
		var parts []string
		for k, n := range outcomes[c.name] {
			parts = append(parts, fmt.Sprintf("%s %d", k, n))
		}
		sort.Strings(parts)
		lines = append(lines, fmt.Sprintf("  %-16s %s (writes for %v)", c.name, strings.Join(parts, ", "), writes[c.name].Round(time.Millisecond)))
	}
	t.Logf("%d SIGKILLs in %v; after each the check passed and no temporary file was left:\n%s", kills, time.Since(start).Round(time.Millisecond), strings.Join(lines, "\n"))
}

// afterKill is the next start and what must hold after any kill: check
// passes (a demo cut short is loaded again first, as its message says),
// and no temporary file is left anywhere. It returns "absent" when the
// killed command left no database at all, else "".
func afterKill(t *testing.T, f *killFixture, work, db, what string) string {
	t.Helper()
	state := ""
	if _, err := os.Stat(db); os.IsNotExist(err) {
		state = "absent"
		runZH("check", "--db", db).expect(t, 1) // the next start: says it is missing, sweeps
	} else {
		r := runZH("check", "--db", db)
		if r.code != 0 && strings.Contains(r.stdout, "数据载入") && strings.Count(r.stdout, "\n  - ") == 1 {
			// A demo load cut short between its transactions: every
			// transaction whole, the check names the load; demo again.
			runZH("demo", "--db", db, "--members", "2000").expect(t, 0)
			r = runZH("check", "--db", db)
		}
		if r.code != 0 {
			t.Fatalf("%s: the check fails after the kill:\n%s\n%s", what, r.stdout, r.stderr)
		}
	}
	// No temporary file: the next start swept what the kill left.
	var left []string
	filepath.WalkDir(work, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == work {
			return nil
		}
		name := d.Name()
		switch {
		case d.IsDir() && (name == "backups" || name == "usb"):
		case d.IsDir() && p == scratch.Folder(db): // looked at below
		case !d.IsDir() && p == db:
		case !d.IsDir() && filepath.Base(filepath.Dir(p)) == "backups" && !strings.HasPrefix(name, "."):
		case !d.IsDir() && filepath.Base(filepath.Dir(p)) == "usb" && strings.HasSuffix(name, ".zip") && !strings.HasPrefix(name, "."):
		default:
			left = append(left, p)
		}
		return nil
	})
	if ents, _ := os.ReadDir(f.sysTemp); len(ents) > 0 {
		for _, e := range ents {
			left = append(left, filepath.Join(f.sysTemp, e.Name()))
		}
	}
	if len(left) > 0 {
		t.Errorf("%s: left after the next start: %v", what, left)
	}
	for _, e := range mustReadDir(f.sysTemp) {
		os.RemoveAll(filepath.Join(f.sysTemp, e.Name()))
	}
	// A scratch folder may stay empty (a kill between its making and its
	// first session's lock); nothing may be in it.
	if ents, err := os.ReadDir(scratch.Folder(db)); err == nil && len(ents) > 0 {
		t.Errorf("%s: the scratch folder still holds %d entries", what, len(ents))
	}
	return state
}

func mustReadDir(dir string) []os.DirEntry {
	ents, _ := os.ReadDir(dir)
	return ents
}

func killCases() []killCase {
	copyBase := func(t *testing.T, f *killFixture, work string) string {
		os.MkdirAll(work, 0o700)
		db := filepath.Join(work, "unionbook.db")
		if err := os.WriteFile(db, f.base, 0o600); err != nil {
			t.Fatal(err)
		}
		return db
	}
	exists := func(p string) bool { _, err := os.Stat(p); return err == nil }
	// The backup an import, restore or compact makes first, then its write.
	backingUp := func(work, db string) bool { return exists(storage.BackupDir(db)) }
	inScratch := func(work, db string) bool { return exists(scratch.Folder(db)) }
	importCase := func(name string, roster func(f *killFixture) string) killCase {
		return killCase{
			name:    name,
			writing: backingUp,
			prepare: func(t *testing.T, f *killFixture, work string) ([]string, string) {
				db := copyBase(t, f, work)
				return []string{"import", "members", roster(f), "--db", db}, db
			},
			verify: func(t *testing.T, f *killFixture, work, db string) string {
				switch n := memberCount(t, db); n {
				case f.baseCount:
					return "absent"
				case f.baseCount + rosterRows:
					return "whole"
				default:
					t.Fatalf("%s: %d members, want %d or %d: the import is partly written", name, n, f.baseCount, f.baseCount+rosterRows)
				}
				return ""
			},
		}
	}
	return []killCase{
		importCase("import xlsx", func(f *killFixture) string { return f.xlsx }),
		importCase("import csv", func(f *killFixture) string { return f.csv }),
		{
			name: "demo",
			writing: func(work, db string) bool {
				fi, err := os.Stat(db)
				return err == nil && fi.Size() > 256<<10 // past the new file's migrations
			},
			prepare: func(t *testing.T, f *killFixture, work string) ([]string, string) {
				os.MkdirAll(work, 0o700)
				db := filepath.Join(work, "unionbook.db")
				return []string{"demo", "--db", db, "--members", "2000"}, db
			},
			verify: func(t *testing.T, f *killFixture, work, db string) string {
				// Killed before its first transaction: an empty database;
				// between two: loaded again by afterKill; after: whole.
				switch n := memberCount(t, db); n {
				case 0:
					return "absent"
				case 2000:
					return "whole"
				default:
					t.Fatalf("demo: %d members after the next start", n)
				}
				return ""
			},
		},
		{
			name:    "restore",
			writing: backingUp,
			prepare: func(t *testing.T, f *killFixture, work string) ([]string, string) {
				db := copyBase(t, f, work)
				// The database restore replaces has a unit more than the backup.
				s, err := storage.Open(db, storage.Options{NoDailyBackup: true})
				if err != nil {
					t.Fatal(err)
				}
				if err := s.CreateUnit("t", &model.Unit{Name: "恢复前新建的单位", Kind: 170}); err != nil {
					t.Fatal(err)
				}
				s.Close()
				return []string{"restore", f.restoreSrc, "--db", db, "--yes"}, db
			},
			verify: func(t *testing.T, f *killFixture, work, db string) string {
				switch n := unitCount(t, db); n {
				case f.baseUnits:
					return "whole"
				case f.baseUnits + 1:
					return "unchanged"
				default:
					t.Fatalf("restore: %d units", n)
				}
				return ""
			},
		},
		{
			name:    "compact",
			writing: backingUp,
			prepare: func(t *testing.T, f *killFixture, work string) ([]string, string) {
				db := copyBase(t, f, work)
				return []string{"compact", "--db", db}, db
			},
			verify: func(t *testing.T, f *killFixture, work, db string) string {
				if n := memberCount(t, db); n != f.baseCount {
					t.Fatalf("compact: %d members, want %d", n, f.baseCount)
				}
				fi, _ := os.Stat(db)
				if fi.Size() < int64(len(f.base)) {
					return "whole"
				}
				return "unchanged"
			},
		},
		{
			name:    "export",
			writing: inScratch,
			prepare: func(t *testing.T, f *killFixture, work string) ([]string, string) {
				db := copyBase(t, f, work)
				out := filepath.Join(work, "usb")
				os.Mkdir(out, 0o700)
				return []string{"export", "--db", db, "--period", "2026", "--out", out}, db
			},
			verify: func(t *testing.T, f *killFixture, work, db string) string {
				if n := memberCount(t, db); n != f.baseCount {
					t.Fatalf("export changed the database: %d members", n)
				}
				zips, _ := filepath.Glob(filepath.Join(work, "usb", "*.zip"))
				if len(zips) == 0 {
					return "absent"
				}
				if r := runEN("verify", zips[0]); r.code != 0 {
					t.Fatalf("export: the package left is not whole: %s", r.stderr)
				}
				return "whole"
			},
		},
		{
			name:    "import package",
			writing: inScratch,
			prepare: func(t *testing.T, f *killFixture, work string) ([]string, string) {
				os.MkdirAll(work, 0o700)
				db := filepath.Join(work, "unionbook.db")
				return []string{"import", "package", f.pkg, "--db", db}, db
			},
			verify: func(t *testing.T, f *killFixture, work, db string) string {
				if _, err := os.Stat(db); os.IsNotExist(err) {
					return "absent"
				}
				if n := memberCount(t, db); n != f.baseCount {
					t.Fatalf("import package: %d members, want %d", n, f.baseCount)
				}
				return "whole"
			},
		},
	}
}

func unitCount(t *testing.T, db string) int {
	t.Helper()
	st, err := storage.Open(db, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	us, err := st.Units()
	if err != nil {
		t.Fatal(err)
	}
	return len(us)
}

func newKillFixture(t *testing.T) *killFixture {
	t.Helper()
	f := &killFixture{dir: t.TempDir(), sysTemp: t.TempDir()}
	db := filepath.Join(f.dir, "base", "unionbook.db")
	os.MkdirAll(filepath.Dir(db), 0o700)
	runEN("demo", "--db", db, "--members", "300", "--seed", "7").expect(t, 0)
	s, err := storage.Open(db, storage.Options{NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	us, _ := s.Units()
	ms, _ := s.Members()
	f.baseUnits, f.baseCount = len(us), len(ms)
	unit := us[0].Name
	s.Close()
	var err2 error
	if f.base, err2 = os.ReadFile(db); err2 != nil {
		t.Fatal(err2)
	}
	f.restoreSrc, _, err = storage.BackupFile(db, filepath.Join(f.dir, "restore-from.db.gz"))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(f.dir, "usb")
	os.Mkdir(out, 0o700)
	// every record: the import of this package must give back every member
	f.pkg = strings.TrimSpace(runEN("export", "--db", db, "--period", "2026-H1", "--out", out, "--whole").expect(t, 0).stdout)

	// Rosters of new members of the first unit, IDs unlike the demo's.
	rows := [][]any{{"姓名", "身份证号", "性别", "工作单位", "入会时间"}}
	var csv strings.Builder
	csv.WriteString("姓名,身份证号,性别,工作单位,入会时间\r\n")
	for i := range rosterRows {
		birth := model.DateOf(time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*3))
		id := testResidentID("469027", birth, 2*(i%450)+1)
		name := fmt.Sprintf("测试%d", i)
		rows = append(rows, []any{name, id, "男", unit, "2024-03-01"})
		fmt.Fprintf(&csv, "%s,%s,男,%s,2024-03-01\r\n", name, id, unit)
	}
	x := excelize.NewFile()
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		x.SetSheetRow("Sheet1", cell, &row)
	}
	f.xlsx = filepath.Join(f.dir, "花名册.xlsx")
	if err := x.SaveAs(f.xlsx); err != nil {
		t.Fatal(err)
	}
	x.Close()
	f.csv = filepath.Join(f.dir, "花名册.csv")
	os.WriteFile(f.csv, []byte(csv.String()), 0o600)
	return f
}

// testResidentID builds a valid 18-digit resident ID (odd sequence: male).
func testResidentID(region string, birth model.Date, seq int) string {
	first := fmt.Sprintf("%s%08d%03d", region, int(birth), seq%1000)
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(first[i]-'0') * w
	}
	return first + string("10X98765432"[sum%11])
}
