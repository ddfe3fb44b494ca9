package storage_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"unionbook/demo"
	"unionbook/model"
	"unionbook/storage"
)

// The dues benchmarks run on the 100,000-member demo with two years of
// dues (about 2.4 million payments). Set UNIONBOOK_BENCH_DB to a database
// made with `unionbook demo --db X --members 100000` to skip building one
// (it is copied, not changed); otherwise one is built once per test binary.
var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
	benchDir  string
)

func benchDB(b *testing.B) *storage.Store {
	b.Helper()
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "unionbook-bench")
		if benchErr != nil {
			return
		}
		benchPath = filepath.Join(benchDir, "bench.db")
		if src := os.Getenv("UNIONBOOK_BENCH_DB"); src != "" {
			benchErr = copyFile(src, benchPath)
			return
		}
		s, err := storage.Open(benchPath, storage.Options{NoDailyBackup: true})
		if err != nil {
			benchErr = err
			return
		}
		start := time.Now()
		benchErr = demo.Load(s, demo.Options{Seed: demo.DefaultSeed, Members: 100_000})
		b.Logf("demo of 100,000 members with two years of dues loaded in %v", time.Since(start).Round(time.Millisecond))
		s.Close()
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	start := time.Now()
	s, err := storage.Open(benchPath, storage.Options{NoDailyBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("open: %v", time.Since(start).Round(time.Microsecond))
	b.Cleanup(func() { s.Close() })
	return s
}

func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func refMonth() model.Month { return min(demo.Reference, model.Today()).Month() }

// BenchmarkArrears100k is the list of members six or more months in arrears.
func BenchmarkArrears100k(b *testing.B) {
	s := benchDB(b)
	var n int
	for b.Loop() {
		storage.ForgetSharedReads(s) // a first read, as when the program starts
		ar, err := s.Arrears(refMonth(), 6)
		if err != nil {
			b.Fatal(err)
		}
		n = len(ar)
	}
	b.ReportMetric(float64(n), "members")
}

// BenchmarkCollectionByMonth100k is the year's collection figures.
func BenchmarkCollectionByMonth100k(b *testing.B) {
	s := benchDB(b)
	for b.Loop() {
		storage.ForgetSharedReads(s) // a first read, as when the program starts
		if _, err := s.CollectionByMonth(refMonth().Year()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCollectionByUnit100k is every unit's figures over a year.
func BenchmarkCollectionByUnit100k(b *testing.B) {
	s := benchDB(b)
	to := refMonth()
	for b.Loop() {
		storage.ForgetSharedReads(s) // a first read, as when the program starts
		if _, err := s.CollectionByUnit(to.Add(-11), to); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTabsLoad100k is what the Overview and Dues tabs read when the
// program starts, the two loads running at the same time as in the TUI:
// the Overview's roster counts, months, arrears and balance; the Dues
// tab's arrears list with the members' names and the collection by unit.
func BenchmarkTabsLoad100k(b *testing.B) {
	s := benchDB(b)
	asOf := refMonth()
	from := model.Month(asOf.Year()*100 + 1)
	for b.Loop() {
		storage.ForgetSharedReads(s)
		var wg sync.WaitGroup
		var errs [2]error
		wg.Go(func() {
			if _, err := s.Units(); err != nil {
				errs[0] = err
				return
			}
			_, _, errs[0] = s.RosterAndDuesShared(asOf.Year(), asOf)
		})
		wg.Go(func() {
			l, err := s.ArrearsList(asOf, 1)
			if err != nil {
				errs[1] = err
				return
			}
			ids := make([]uint64, len(l.Arrears))
			for i, a := range l.Arrears {
				ids[i] = a.MemberID
			}
			if _, err := s.MemberNamesByID(ids); err != nil {
				errs[1] = err
				return
			}
			_, errs[1] = s.CollectionByUnit(from, asOf)
		})
		wg.Wait()
		if err := errors.Join(errs[:]...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRecordPayment is one payment saved from the form on the 100,000
// member database: one transaction, with its fsync.
func BenchmarkRecordPayment(b *testing.B) {
	s := benchDB(b)
	ar, err := s.Arrears(refMonth(), 1)
	if err != nil || len(ar) == 0 {
		b.Fatal(len(ar), err)
	}
	i, k := 0, 0
	for b.Loop() {
		a := ar[i%len(ar)]
		if k >= len(a.Months) {
			i, k = i+1, 0
			a = ar[i%len(ar)]
		}
		info, err := s.MemberDues(a.MemberID)
		if err != nil {
			b.Fatal(err)
		}
		mo := a.Months[k]
		p := model.DuesPayment{MemberID: a.MemberID, From: mo, To: mo, Amount: max(1, model.RestOf(info.Calc, info.Paid(), mo, mo)),
			Date: model.Today(), Method: model.PayMobile}
		if err := s.RecordPayment("bench", &p); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkLedgerMonth100k is one month of the cash book with balances.
func BenchmarkLedgerMonth100k(b *testing.B) {
	s := benchDB(b)
	mo := refMonth()
	for b.Loop() {
		if _, err := s.Ledger(storage.LedgerFilter{From: mo.First(), To: mo.Last()}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMemberLines100k is the Members tab's roster read (lines, no
// histories) on the 100,000-member demo.
func BenchmarkMemberLines100k(b *testing.B) {
	s := benchDB(b)
	for b.Loop() {
		ls, err := s.MemberLines()
		if err != nil || len(ls) == 0 {
			b.Fatalf("%d lines, %v", len(ls), err)
		}
	}
}
