package ui

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"unionbook/demo"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/uitest"
)

// The benchmarks run on the 100,000-member demo township. Building it takes
// a few seconds, once per test binary; set UNIONBOOK_BENCH_DB to reuse a
// database made with `unionbook demo --members 100000`.

var (
	benchOnce sync.Once
	benchPath string
)

func bigDB(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		if p := os.Getenv("UNIONBOOK_BENCH_DB"); p != "" {
			benchPath = p
			return
		}
		dir, err := os.MkdirTemp("", "ub-bench")
		if err != nil {
			b.Fatal(err)
		}
		benchPath = filepath.Join(dir, "big.db")
		s, err := storage.Open(benchPath, storage.Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		if err := demo.Load(s, demo.Options{Members: 100000}); err != nil {
			b.Fatal(err)
		}
	})
	return benchPath
}

// BenchmarkColdStart100k measures what stands between starting the program
// and its first drawn screen: open the database, build every tab, lay out
// and render the first. The roster, the overview's and the Dues tab's
// figures are read in the background after it (BenchmarkRosterLoad100k).
func BenchmarkColdStart100k(b *testing.B) {
	path := bigDB(b)
	b.ResetTimer()
	for b.Loop() {
		s, err := storage.Open(path, storage.Options{})
		if err != nil {
			b.Fatal(err)
		}
		a := New(NewCommon(Options{Store: s, Lang: i18n.ZH}))
		a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = a.View()
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
}

// BenchmarkRosterLoad100k is what stands between the first screen and the
// member rows: the Members tab reads the roster's lines and builds their
// search keys (in the background).
func BenchmarkRosterLoad100k(b *testing.B) {
	path := bigDB(b)
	s, err := storage.Open(path, storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	a := New(NewCommon(Options{Store: s, Lang: i18n.ZH}))
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	for b.Loop() {
		a.Update(a.members.Init()())
	}
	a.Update(uitest.Key("2"))
	if !strings.Contains(a.View().Content, "100000") {
		b.Fatal("the roster did not load")
	}
}

// BenchmarkSearchKeystroke100k measures one keystroke in the search box:
// filter 100,000 members and draw the screen. "fresh" types the first
// letter (every member is tested); "narrowing" types a second letter, which
// only tests the rows the first one kept.
func BenchmarkSearchKeystroke100k(b *testing.B) {
	path := bigDB(b)
	s, err := storage.Open(path, storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	c := NewCommon(Options{Store: s, Lang: i18n.ZH})
	c.Today = func() model.Date { return model.DateOf(time.Now()) }
	a := New(c)
	a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	uitest.RunCmd(a.Init(), func(m tea.Msg) tea.Cmd { _, cmd := a.Update(m); return cmd })
	a.Update(uitest.Key("2")) // the Members tab
	a.Update(uitest.Key("/"))
	if !strings.Contains(a.View().Content, "搜索") {
		b.Fatal("the search box is not open on the Members tab")
	}
	for _, q := range []string{"z", "1", "张"} {
		b.Run("fresh_"+q, func(b *testing.B) {
			for b.Loop() {
				a.Update(uitest.Key(q))
				_ = a.View()
				b.StopTimer()
				a.Update(uitest.Key("ctrl+u"))
				b.StartTimer()
			}
		})
	}
	b.Run("narrowing_zs", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			a.Update(uitest.Key("z"))
			b.StartTimer()
			a.Update(uitest.Key("s"))
			_ = a.View()
			b.StopTimer()
			a.Update(uitest.Key("ctrl+u"))
			b.StartTimer()
		}
	})
}

// BenchmarkStartLoads100k is the start as the program runs it: build every
// tab, then run the background loads (the roster's lines and search keys,
// the overview's and the Dues tab's figures) at the same time, each
// command in its own goroutine as Bubble Tea does, their answers handed to
// the app one by one, until none is left.
func BenchmarkStartLoads100k(b *testing.B) {
	path := bigDB(b)
	s, err := storage.Open(path, storage.Options{NoDailyBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		b.StopTimer()
		runtime.GC() // no figures kept from the last round (the store holds them weakly)
		b.StartTimer()
		a := New(NewCommon(Options{Store: s, Lang: i18n.ZH}))
		a.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		runConcurrently(a.initPages(), func(m tea.Msg) tea.Cmd { _, cmd := a.Update(m); return cmd })
		_ = a.View()
	}
}

// runConcurrently runs cmd and every command its answers return, each in
// its own goroutine, handing the answers to update on this goroutine.
func runConcurrently(cmd tea.Cmd, update func(tea.Msg) tea.Cmd) {
	msgs := make(chan tea.Msg)
	pending := 0
	var start func(tea.Cmd)
	start = func(c tea.Cmd) {
		if c == nil {
			return
		}
		pending++
		go func() { msgs <- c() }()
	}
	start(cmd)
	for pending > 0 {
		msg := <-msgs
		pending--
		switch msg := msg.(type) {
		case nil, tea.QuitMsg:
		case tea.BatchMsg:
			for _, c := range msg {
				start(c)
			}
		default:
			start(update(msg))
		}
	}
}
