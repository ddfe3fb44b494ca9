package storage

import (
	"os"
	"path/filepath"
	"testing"

	"unionbook/scratch"
)

// The compacted copy is built in the database's private scratch folder,
// not beside the database, and neither place keeps anything afterwards;
// a copy a killed compact left there goes at the next sweep.
func TestCompactBuildsInScratchAndLeavesNothing(t *testing.T) {
	path := dbPath(t)
	s := openAt(t, path)
	fillSmall(t, s, 5)
	s.Close()
	// another run's session (an export still running) is not compact's
	other, err := scratch.Begin(path)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := other.CreateTemp("compact-*.db")
	f.Close()
	if _, err := Compact(path, Options{Now: testClock}); err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range ents {
		switch e.Name() {
		case filepath.Base(path), "backups", filepath.Base(scratch.Folder(path)):
		default:
			t.Errorf("left beside the database: %s", e.Name())
		}
	}
	if _, err := os.Stat(f.Name()); err != nil {
		t.Fatal("compact's own session removed another session's file")
	}
	other.Close()
	if ents, _ := os.ReadDir(scratch.Folder(path)); len(ents) != 0 {
		t.Errorf("scratch folder keeps %d entries", len(ents))
	}
}
