package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unionbook/storage"
)

// The new user's walk: take a backup, damage the database, be told what to
// do, restore, and find everything.
func TestBackupDamageRestoreWalkthrough(t *testing.T) {
	db := tempDB(t)
	runZH("demo", "--db", db, "--members", "300").expect(t, 0)
	before := runEN("stats", "--db", db, "--json").expect(t, 0).stdout

	r := runZH("backup", "--db", db).expect(t, 0)
	if !strings.Contains(r.stdout, "已备份") {
		t.Errorf("backup output %q", r.stdout)
	}
	bs, _ := storage.Backups(db)
	if len(bs) != 1 {
		t.Fatalf("backups %v", bs)
	}
	runEN("check", "--db", db).expect(t, 0)

	// Damage: overwrite pages near the start, where the data is.
	f, _ := os.OpenFile(db, os.O_RDWR, 0)
	f.WriteAt(make([]byte, 64<<10), 3*4096)
	f.Close()

	r = runZH("stats", "--db", db).expect(t, 1)
	if !strings.Contains(r.stderr, "已损坏") || !strings.Contains(r.stderr, bs[0].Path) || !strings.Contains(r.stderr, "unionbook restore") {
		t.Errorf("damaged database message: %q", r.stderr)
	}
	r = runEN("check", "--db", db).expect(t, 1)
	if !strings.Contains(r.stdout, "Problems found") || !strings.Contains(r.stderr, "unionbook restore") {
		t.Errorf("check of a damaged database:\n%s\n%s", r.stdout, r.stderr)
	}
	// the damage in her words, what bbolt said on a line of its own
	if !strings.Contains(r.stdout, "  - the file's structure is damaged") || !strings.Contains(r.stdout, "    details: ") {
		t.Errorf("the damage is not said in the user's words with its details:\n%s", r.stdout)
	}

	// Restore: refused without an answer, done with y.
	restoreInput = strings.NewReader("")
	runEN("restore", bs[0].Path, "--db", db).expect(t, 1)
	restoreInput = strings.NewReader("y\n")
	r = runZH("restore", bs[0].Path, "--db", db).expect(t, 0)
	if !strings.Contains(r.stdout, "已恢复 "+db) || !strings.Contains(r.stdout, "damaged") {
		t.Errorf("restore output %q", r.stdout)
	}
	runEN("check", "--db", db).expect(t, 0)
	if after := runEN("stats", "--db", db, "--json").expect(t, 0).stdout; after != before {
		t.Errorf("after restore:\n%s\nwant\n%s", after, before)
	}
}

func TestBackupOutAndCompact(t *testing.T) {
	t.Parallel() // its own files only
	db := tempDB(t)
	runZH("demo", "--db", db, "--members", "200").expect(t, 0)
	out := filepath.Join(t.TempDir(), "copy.db")
	runEN("backup", "--db", db, "--out", out).expect(t, 0)
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup file: %v %v", fi, err)
	}
	r := runEN("check", "--db", out).expect(t, 0)
	if !strings.HasPrefix(r.stdout, "OK: ") || !strings.Contains(r.stdout, "200 members") {
		t.Errorf("check output %q", r.stdout)
	}
	r = runZH("compact", "--db", db).expect(t, 0)
	if !strings.Contains(r.stdout, "已整理") {
		t.Errorf("compact output %q", r.stdout)
	}
	runEN("check", "--db", db).expect(t, 0)
}

func TestSafetyCommandsOnMissingFiles(t *testing.T) {
	db := tempDB(t)
	for _, cmd := range []string{"backup", "check", "compact"} {
		runEN(cmd, "--db", db).expect(t, 1)
		if _, err := os.Stat(db); err == nil {
			t.Errorf("%s created the database", cmd)
		}
	}
	restoreInput = strings.NewReader("y\n")
	r := runEN("restore", filepath.Join(t.TempDir(), "nope.db"), "--db", db).expect(t, 1)
	if !strings.Contains(r.stderr, "does not exist") {
		t.Errorf("restore of a missing file: %q", r.stderr)
	}
	runEN("restore", "--db", db).expect(t, 2)
}
