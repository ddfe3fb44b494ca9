//go:build linux

package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// runResult is everything measured on one tree in one run at one size.
type runResult struct {
	Warm     *tuiResult `json:",omitempty"` // an open on a day already backed up
	Fresh    *tuiResult `json:",omitempty"` // the first open of the day
	Stats    *usage     `json:",omitempty"`
	ExportQ  *usage     `json:",omitempty"`
	ExportY  *usage     `json:",omitempty"`
	PayBytes float64    // bytes written per payment
	// BatchBytes: bytes written per payment of one unit's month recorded
	// as a batch of BatchPays payments (one transaction)
	BatchBytes float64
	BatchPays  int
	PayTime    time.Duration
	Demo       *usage `json:",omitempty"`
	Load       string
	Failed     []string `json:",omitempty"` // measures that failed in this run
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}

type config struct {
	sizes      []int
	runs, keys int
	payments   int
	only       map[string]bool
	demoSizes  map[int]bool
	cache      string
	debug      bool
	quarter    string
	year       string
}

func main() {
	before := flag.String("before", "", "an older source tree to measure the same way (a git worktree at the older commit)")
	after := flag.String("after", ".", "the source tree to measure")
	sizes := flag.String("sizes", "10000,100000,300000", "demo sizes (members)")
	runs := flag.Int("runs", 3, "runs of each measure on each tree (medians are reported)")
	keys := flag.Int("keys", 5, "search keystrokes per run")
	payments := flag.Int("payments", 40, "payments recorded per run by the probe")
	only := flag.String("only", "", "measure only these (comma-separated): fresh,warm,stats,export,pay,demo")
	demoSizes := flag.String("demo-sizes", "10000", "sizes at which demo is timed again in every run (the others: once, when the cache is built)")
	cache := flag.String("cache", "/tmp/ubperf", "folder for binaries, cached demos and working copies")
	debug := flag.Bool("debug", false, "print the screens the TUI runs saw")
	flag.Parse()

	now := time.Now()
	q := (int(now.Month())-1)/3 - 1 // the last whole quarter
	qy := now.Year()
	if q < 0 {
		q, qy = 3, qy-1
	}
	cfg := config{runs: *runs, keys: *keys, payments: *payments, cache: *cache, debug: *debug,
		only: set(*only), demoSizes: map[int]bool{},
		quarter: fmt.Sprintf("%d-Q%d", qy, q+1), year: strconv.Itoa(now.Year())}
	var err error
	if cfg.sizes, err = ints(*sizes); err != nil {
		fatal(err)
	}
	ds, err := ints(*demoSizes)
	if err != nil {
		fatal(err)
	}
	for _, n := range ds {
		cfg.demoSizes[n] = true
	}
	var trees []*tree
	if *before != "" {
		t, err := build("before", *before, cfg.cache)
		if err != nil {
			fatal(err)
		}
		trees = append(trees, t)
	}
	t, err := build("after", *after, cfg.cache)
	if err != nil {
		fatal(err)
	}
	trees = append(trees, t)

	rep := report{Machine: machine(), Go: runtime.Version(), Started: now.Format(time.DateTime), LoadStart: loadAvg(),
		Results: map[string]map[int][]runResult{}, Demo: map[string]map[int]usage{}, PerMember: map[string]map[int]float64{}}
	for _, t := range trees {
		rep.Trees = append(rep.Trees, t.label+": "+describe(t.dir))
		rep.Results[t.label] = map[int][]runResult{}
		rep.Demo[t.label] = map[int]usage{}
		rep.PerMember[t.label] = map[int]float64{}
	}
	for _, n := range cfg.sizes {
		work := map[string]string{}
		for _, t := range trees {
			db, u, err := t.demo(n, logf)
			if err != nil {
				fatal(err)
			}
			rep.Demo[t.label][n] = u
			rep.PerMember[t.label][n] = float64(fileSize(db)) / float64(n)
			w := filepath.Join(cfg.cache, "work", t.label, filepath.Base(db))
			logf("%s: copying %s", t.label, db)
			_ = os.RemoveAll(filepath.Join(filepath.Dir(w), "backups"))
			if err := copyFile(w, db); err != nil {
				fatal(err)
			}
			work[t.label] = w
		}
		for r := range cfg.runs {
			order := trees
			if r%2 == 1 && len(trees) == 2 {
				order = []*tree{trees[1], trees[0]}
			}
			res := map[string]*runResult{}
			for _, t := range trees {
				res[t.label] = &runResult{}
			}
			for _, m := range measures {
				if len(cfg.only) > 0 && !cfg.only[m.name] {
					continue
				}
				for _, t := range order {
					logf("%d members, run %d/%d, %s: %s (load %s)", n, r+1, cfg.runs, t.label, m.name, loadAvg())
					res[t.label].Load = loadAvg()
					if err := m.run(cfg, t, n, work[t.label], res[t.label]); err != nil {
						// one measure failing (a program that never goes
						// quiet) leaves its line empty, not the table
						logf("FAILED: %s, %d members, %s: %v", t.label, n, m.name, err)
						res[t.label].Failed = append(res[t.label].Failed, m.name+": "+firstLine(err.Error()))
					}
				}
			}
			for _, t := range trees {
				rep.Results[t.label][n] = append(rep.Results[t.label][n], *res[t.label])
			}
		}
	}
	rep.LoadEnd = loadAvg()
	rep.Finished = time.Now().Format(time.DateTime)
	b, _ := json.MarshalIndent(rep, "", " ")
	out := filepath.Join(cfg.cache, "results-"+now.Format("20060102-150405")+".json")
	if err := os.WriteFile(out, b, 0o644); err == nil {
		logf("raw results: %s", out)
	}
	rep.print(os.Stdout, cfg, trees)
}

// measure is one line (or a few) of the table.
type measure struct {
	name string
	run  func(cfg config, t *tree, n int, db string, r *runResult) error
}

var measures = []measure{
	{"fresh", func(cfg config, t *tree, n int, db string, r *runResult) error {
		// no backup today: the open checks and backs up the file
		if err := os.RemoveAll(filepath.Join(filepath.Dir(db), "backups")); err != nil {
			return err
		}
		res, err := runTUI(t.bin, db, 1, debugPath(cfg, t, "fresh"))
		if err == nil {
			r.Fresh = &res
		}
		return err
	}},
	{"warm", func(cfg config, t *tree, n int, db string, r *runResult) error {
		if err := backedUp(t, db); err != nil {
			return err
		}
		res, err := runTUI(t.bin, db, cfg.keys, debugPath(cfg, t, "warm"))
		if err == nil {
			r.Warm = &res
		}
		return err
	}},
	{"stats", func(cfg config, t *tree, n int, db string, r *runResult) error {
		if err := backedUp(t, db); err != nil {
			return err
		}
		u, _, err := run(filepath.Dir(db), t.bin, "stats", "--db", db, "--lang", "en")
		r.Stats = &u
		return err
	}},
	{"export", func(cfg config, t *tree, n int, db string, r *runResult) error {
		if err := backedUp(t, db); err != nil {
			return err
		}
		dir := filepath.Join(filepath.Dir(db), "out")
		for _, e := range []struct {
			period string
			u      **usage
		}{{cfg.quarter, &r.ExportQ}, {cfg.year, &r.ExportY}} {
			_ = os.RemoveAll(dir)
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			u, _, err := run(filepath.Dir(db), t.bin, "export", "--db", db, "--period", e.period, "--out", dir, "--lang", "en")
			*e.u = &u
			if err != nil {
				return err
			}
		}
		return os.RemoveAll(dir)
	}},
	{"pay", func(cfg config, t *tree, n int, db string, r *runResult) error {
		_, out, err := run(filepath.Dir(db), t.probe, db, strconv.Itoa(cfg.payments))
		if err != nil {
			return err
		}
		f := strings.Fields(string(out))
		if len(f) != 6 {
			return fmt.Errorf("probe said %q", out)
		}
		var v [6]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(f[i], 64)
		}
		r.PayBytes, r.PayTime = v[1]/v[0], time.Duration(v[2]/v[0])
		if v[3] > 0 {
			r.BatchPays, r.BatchBytes = int(v[3]), v[4]/v[3]
		}
		return nil
	}},
	{"demo", func(cfg config, t *tree, n int, db string, r *runResult) error {
		if !cfg.demoSizes[n] {
			return nil
		}
		p := filepath.Join(filepath.Dir(db), "demo-timing", "d.db")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		u, err := t.makeDemo(p, n)
		r.Demo = &u
		_ = os.RemoveAll(filepath.Dir(p))
		return err
	}},
}

// backedUp makes today's backup of db if there is none, so that the
// command measured next is not the day's first open (which checks and
// backs up the file in the background: seconds of CPU at 100,000 members,
// counted into whatever ran first when -only left out the TUI runs).
func backedUp(t *tree, db string) error {
	if _, err := os.Stat(filepath.Join(filepath.Dir(db), "backups")); err == nil {
		return nil
	}
	_, _, err := run(filepath.Dir(db), t.bin, "backup", "--db", db)
	return err
}

func debugPath(cfg config, t *tree, what string) string {
	if !cfg.debug {
		return ""
	}
	return filepath.Join(cfg.cache, "work", t.label, what+".raw")
}

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, time.Now().Format("15:04:05 ")+format+"\n", args...)
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "measure:", err)
	os.Exit(1)
}

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			m[f] = true
		}
	}
	return m
}

func ints(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return nil, fmt.Errorf("not a number: %q", f)
		}
		out = append(out, n)
	}
	return out, nil
}
