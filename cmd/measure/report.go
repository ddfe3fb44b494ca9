//go:build linux

package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// report is a whole measurement: the machine, the trees, every run.
type report struct {
	Machine, Go        string
	Started, Finished  string
	LoadStart, LoadEnd string
	Trees              []string
	Results            map[string]map[int][]runResult // tree, size
	Demo               map[string]map[int]usage       // the cached demo's build
	PerMember          map[string]map[int]float64     // file bytes per member
}

// row is one line of the table: samples from each run, and how to show
// their median.
type row struct {
	name, goal string
	samples    func(rep *report, label string, n int, r runResult) []float64
	show       func(float64) string
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func showMS(v float64) string {
	switch {
	case v >= 10000:
		return fmt.Sprintf("%.1f s", v/1000)
	case v >= 100:
		return fmt.Sprintf("%.0f ms", v)
	default:
		return fmt.Sprintf("%.1f ms", v)
	}
}

func showMiB(v float64) string { return fmt.Sprintf("%.0f MiB", v/(1<<20)) }

func tuiRow(name, goal string, which func(r runResult) *tuiResult, get func(t *tuiResult) []float64, show func(float64) string) row {
	return row{name, goal, func(_ *report, _ string, _ int, r runResult) []float64 {
		if t := which(r); t != nil {
			return get(t)
		}
		return nil
	}, show}
}

func warm(r runResult) *tuiResult  { return r.Warm }
func fresh(r runResult) *tuiResult { return r.Fresh }

func one(d time.Duration) []float64 { return []float64{ms(d)} }

func usageRow(name, goal string, which func(r runResult) *usage, get func(u usage) float64, show func(float64) string) row {
	return row{name, goal, func(_ *report, _ string, _ int, r runResult) []float64 {
		if u := which(r); u != nil {
			return []float64{get(*u)}
		}
		return nil
	}, show}
}

func wall(u usage) float64 { return ms(u.Wall) }
func cpu(u usage) float64  { return ms(u.CPU) }
func rss(u usage) float64  { return float64(u.MaxRSS) }

var rows = []row{
	tuiRow("first frame after start", "≤ 300 ms", warm, func(t *tuiResult) []float64 { return one(t.FirstFrame) }, showMS),
	tuiRow("the same, first open of the day", "≤ 300 ms", fresh, func(t *tuiResult) []float64 { return one(t.FirstFrame) }, showMS),
	tuiRow("start to member rows (2 pressed at the first frame)", "", warm, func(t *tuiResult) []float64 { return one(t.MemberRows) }, showMS),
	tuiRow("start to quiet (every background load done), wall", "", warm, func(t *tuiResult) []float64 { return one(t.Idle) }, showMS),
	tuiRow("CPU from start to quiet (roster, overview and dues figures)", "≤ 1.5 s at 100k, linear", warm, func(t *tuiResult) []float64 { return one(t.IdleCPU) }, showMS),
	tuiRow("the same, first open of the day (check and backup too)", "", fresh, func(t *tuiResult) []float64 { return one(t.IdleCPU) }, showMS),
	tuiRow("TUI peak RSS after visiting every tab", "≤ 200 MB at 100k", warm, func(t *tuiResult) []float64 { return []float64{float64(t.PeakRSS)} }, showMiB),
	tuiRow("of it the program's own (peak RssAnon)", "", warm, func(t *tuiResult) []float64 { return []float64{float64(t.PeakAnon)} }, showMiB),
	tuiRow("TUI peak RSS, first open of the day", "", fresh, func(t *tuiResult) []float64 { return []float64{float64(t.PeakRSS)} }, showMiB),
	tuiRow("first search letter (\"z\"): CPU of the keystroke", "≤ 5 ms", warm, func(t *tuiResult) []float64 { return msAll(t.KeyCPU) }, showMS),
	tuiRow("the same, keystroke to redraw, wall (with up to 16.7 ms of frame wait)", "", warm, func(t *tuiResult) []float64 { return msAll(t.KeyWall) }, showMS),
	tuiRow("CPU of the whole session (start, search, every tab, quit)", "", warm, func(t *tuiResult) []float64 { return one(t.TotalCPU) }, showMS),
	usageRow("`stats`, wall", "≤ 1 s", func(r runResult) *usage { return r.Stats }, wall, showMS),
	usageRow("`stats`, CPU", "", func(r runResult) *usage { return r.Stats }, cpu, showMS),
	{"`demo --members N`, wall", "linear", demoSamples(wall), showMS},
	{"`demo --members N`, CPU", "linear", demoSamples(cpu), showMS},
	{"`demo --members N`, max RSS", "", demoSamples(rss), showMiB},
	usageRow("export of one quarter, wall", "∝ the period", func(r runResult) *usage { return r.ExportQ }, wall, showMS),
	usageRow("export of one quarter, CPU", "", func(r runResult) *usage { return r.ExportQ }, cpu, showMS),
	usageRow("export of one quarter, max RSS", "", func(r runResult) *usage { return r.ExportQ }, rss, showMiB),
	usageRow("export of the year, wall", "", func(r runResult) *usage { return r.ExportY }, wall, showMS),
	usageRow("export of the year, CPU", "", func(r runResult) *usage { return r.ExportY }, cpu, showMS),
	usageRow("export of the year, max RSS", "", func(r runResult) *usage { return r.ExportY }, rss, showMiB),
	{"pages written per payment (4 KiB; bytes / 4096)", "≤ 10", func(_ *report, _ string, _ int, r runResult) []float64 {
		if r.PayBytes == 0 {
			return nil
		}
		return []float64{r.PayBytes / 4096}
	}, func(v float64) string { return fmt.Sprintf("%.1f", v) }},
	{"the same, a unit's month as one batch (one commit for all its payments)", "", func(_ *report, _ string, _ int, r runResult) []float64 {
		if r.BatchBytes == 0 {
			return nil
		}
		return []float64{r.BatchBytes / 4096}
	}, func(v float64) string { return fmt.Sprintf("%.2f", v) }},
	{"payments in that batch (the median unit owing the month)", "", func(_ *report, _ string, _ int, r runResult) []float64 {
		if r.BatchPays == 0 {
			return nil
		}
		return []float64{float64(r.BatchPays)}
	}, func(v float64) string { return fmt.Sprintf("%.0f", v) }},
	{"time per payment (one commit, two fdatasyncs)", "", func(_ *report, _ string, _ int, r runResult) []float64 {
		if r.PayTime == 0 {
			return nil
		}
		return one(r.PayTime)
	}, showMS},
	{"database file per member, two years of dues (the demo as written)", "≤ 3 KB", func(rep *report, label string, n int, _ runResult) []float64 {
		if v := rep.PerMember[label][n]; v > 0 {
			return []float64{v}
		}
		return nil
	}, func(v float64) string { return fmt.Sprintf("%.2f KB", v/1000) }},
}

// demoSamples are the demo's timings: those of every run where it was
// timed again, else the cached build's.
func demoSamples(get func(usage) float64) func(rep *report, label string, n int, r runResult) []float64 {
	return func(rep *report, label string, n int, r runResult) []float64 {
		if r.Demo != nil {
			return []float64{get(*r.Demo)}
		}
		if u, ok := rep.Demo[label][n]; ok && u.Wall > 0 {
			return []float64{get(u)}
		}
		return nil
	}
}

func msAll(ds []time.Duration) []float64 {
	out := make([]float64, len(ds))
	for i, d := range ds {
		out[i] = ms(d)
	}
	return out
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func sizeName(n int) string {
	if n%1000 == 0 {
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}

func (rep *report) print(w io.Writer, cfg config, trees []*tree) {
	fmt.Fprintf(w, "Machine: %s; %s. %s to %s; load average at start %s, at end %s.\n",
		rep.Machine, rep.Go, rep.Started, rep.Finished, rep.LoadStart, rep.LoadEnd)
	for _, t := range rep.Trees {
		fmt.Fprintln(w, "  "+t)
	}
	fmt.Fprintf(w, "Medians of %d runs", cfg.runs)
	if len(trees) == 2 {
		fmt.Fprint(w, " of each, alternating before and after; cells are before → after")
	}
	fmt.Fprintf(w, ". Quarter %s, year %s.\n\n", cfg.quarter, cfg.year)
	head := []string{"measure", "goal"}
	for _, n := range cfg.sizes {
		head = append(head, sizeName(n))
	}
	fmt.Fprintln(w, "| "+strings.Join(head, " | ")+" |")
	fmt.Fprintln(w, strings.Repeat("|---", len(head))+"|")
	for _, rw := range rows {
		cells := []string{rw.name, rw.goal}
		any := false
		for _, n := range cfg.sizes {
			var parts []string
			for _, t := range trees {
				var s []float64
				for _, r := range rep.Results[t.label][n] {
					s = append(s, rw.samples(rep, t.label, n, r)...)
				}
				if len(s) == 0 {
					parts = append(parts, "")
					continue
				}
				any = true
				parts = append(parts, rw.show(median(s)))
			}
			cells = append(cells, strings.Trim(strings.Join(parts, " → "), " →"))
		}
		if any {
			fmt.Fprintln(w, "| "+strings.Join(cells, " | ")+" |")
		}
	}
	for _, t := range trees {
		for _, n := range cfg.sizes {
			for i, r := range rep.Results[t.label][n] {
				for _, f := range r.Failed {
					fmt.Fprintf(w, "\n%s, %d members, run %d failed: %s", t.label, n, i+1, f)
				}
			}
		}
	}
	fmt.Fprintln(w)
}
