package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"unionbook/storage"
	"unionbook/ui/filechooser"
	"unionbook/ui/transfer"
	"unionbook/ui/uitest"
)

// A fixture is a database seeded once per test binary: each test opens
// its own copy of the file, which costs a file copy instead of the fsync
// of every write of the seed. The walk of every advertised key alone
// opens more than a thousand apps.
type fixture struct {
	name string
	seed func(s *storage.Store) error
	once sync.Once
	path string
	err  error
}

// fixtureDir holds the seeded databases and their copies while the tests
// run; copies numbers the copies.
var (
	fixtureDir string
	copies     atomic.Int64
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "unionbook-ui-fixtures")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fixtureDir = dir
	// the Import/Export tab's file choosers show a fixed folder, not the
	// machine's Desktop
	transfer.Files = filechooser.NewFake(map[string]string{
		"/home/li/Desktop/花名册.xlsx": "", "/home/li/Desktop/单位名单.csv": "", "/media/li/KINGSTON/": "",
	}, uitest.FixedNow, filechooser.Place{Kind: filechooser.PlaceDesktop, Path: "/home/li/Desktop"},
		filechooser.Place{Kind: filechooser.PlaceDrive, Path: "/media/li/KINGSTON", Name: "KINGSTON"})
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// fixedClock is the stores' clock: audit entries and receipts carry the
// same time in the fixture and in the tests' own writes.
func fixedClock() time.Time { return uitest.FixedNow }

// open seeds the fixture the first time and opens a fresh copy of it,
// closed when the test ends.
func (f *fixture) open(tb testing.TB) *storage.Store {
	tb.Helper()
	f.once.Do(func() {
		s, err := storage.Open(filepath.Join(fixtureDir, f.name+"-seeding.db"), storage.Options{Now: fixedClock, NoSync: true})
		if err != nil {
			f.err = err
			return
		}
		// the copy is as long as the data: bbolt grows its file by up
		// to 16 MB at a time
		f.path = filepath.Join(fixtureDir, f.name+".db")
		if f.err = f.seed(s); f.err == nil {
			f.err = s.Backup(f.path)
		}
		if err := s.Close(); f.err == nil {
			f.err = err
		}
	})
	if f.err != nil {
		tb.Fatalf("seeding %s: %v", f.name, f.err)
	}
	data, err := os.ReadFile(f.path)
	if err != nil {
		tb.Fatal(err)
	}
	// copies sit side by side in the fixtures' folder: a folder per copy
	// (t.TempDir) costs more than the copy itself
	path := filepath.Join(fixtureDir, fmt.Sprintf("%s-%d.db", f.name, copies.Add(1)))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { os.Remove(path) })
	// a copy is not the first open of the day of a database in use: no
	// daily backup, as for a new database
	s, err := storage.Open(path, storage.Options{Now: fixedClock, NoDailyBackup: true, NoSync: true})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}
