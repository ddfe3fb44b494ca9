package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"unionbook/model"
	"unionbook/storage"
)

// fresh sets the demo aside (kept, renamed beside it) and the next open
// finds a new, empty database; it never moves the user's own books.
func TestFreshSetsTheDemoAsideAndNeverRealBooks(t *testing.T) {
	db := tempDB(t)
	runEN("demo", "--db", db, "--members", "60").expect(t, 0)
	r := runZH("fresh", "--db", db).expect(t, 0)
	kept := strings.TrimSuffix(db, ".db") + "-demo-" + model.Today().String() + ".db"
	if !strings.Contains(r.stdout, kept) {
		t.Errorf("fresh does not say where the demo is kept: %q", r.stdout)
	}
	s, err := storage.Open(kept, storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if demo, _ := s.IsDemo(); !demo {
		t.Error("the kept file is not the demo")
	}
	s.Close()
	s, err = storage.Open(db, storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	empty, _ := s.IsEmpty()
	demo, _ := s.IsDemo()
	if !empty || demo {
		t.Errorf("after fresh the database is empty %v, demo %v", empty, demo)
	}
	// her own books: a profile saved by hand
	p := model.DefaultProfile()
	p.UnionName = "青山镇总工会"
	if err := s.SaveProfile("李秘书", p); err != nil {
		t.Fatal(err)
	}
	s.Close()
	r = runZH("fresh", "--db", db).expect(t, 1)
	if !strings.Contains(r.stderr, "不是演示数据库") {
		t.Errorf("fresh on real books: %q", r.stderr)
	}
	if _, err := os.Stat(db); err != nil {
		t.Errorf("real books were moved: %v", err)
	}
	// a second demo set aside the same day does not replace the first
	os.Remove(db)
	runEN("demo", "--db", db, "--members", "60").expect(t, 0)
	runEN("fresh", "--db", db).expect(t, 0)
	if _, err := os.Stat(filepath.Join(filepath.Dir(db), "unionbook-demo-"+model.Today().String()+"-2.db")); err != nil {
		t.Errorf("the second demo was not kept beside the first: %v", err)
	}
}

// verify shows when a package was made in local time, not UTC.
func TestLocalTimeOfAManifest(t *testing.T) {
	at := time.Date(2026, 11, 21, 9, 30, 0, 0, time.UTC)
	if got, want := localTime(at.Format(time.RFC3339)), at.Local().Format("2006-01-02 15:04"); got != want || strings.Contains(got, "T") {
		t.Errorf("localTime = %q, want %q", got, want)
	}
	if got := localTime("yesterday"); got != "yesterday" {
		t.Errorf("a time that is not RFC 3339 became %q", got)
	}
}

// demo --help says how many unions the demo makes, and a demo has that
// many (it said 78: the two unions formed from its unorganised employers
// were left out, where the Units tab and the welcome screen say 80).
func TestDemoHelpCountsItsUnions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	runEN("demo", "--db", db, "--members", "60").expect(t, 0)
	var st struct {
		Units int `json:"units"`
	}
	if err := json.Unmarshal([]byte(runEN("stats", "--db", db, "--json").expect(t, 0).stdout), &st); err != nil {
		t.Fatal(err)
	}
	for _, r := range []result{runEN("demo", "--help"), runZH("demo", "--help")} {
		if want := strconv.Itoa(st.Units); !regexp.MustCompile(`\b` + want + ` (grassroots unions|个基层工会)`).MatchString(r.stdout) {
			t.Errorf("a demo has %s unions; its help says:\n%s", want, r.stdout)
		}
	}
}
