package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"unionbook/storage"
)

// After a daily check found the database damaged, stats still prints its
// figures but ends with a one-line note on standard error and exit status
// 1; once the good backup is restored, it is quiet again.
func TestStatsSaysTheCheckFails(t *testing.T) {
	t.Parallel() // its own files only
	db := filepath.Join(t.TempDir(), "t.db")
	runEN("demo", "--db", db, "--members", "40", "--seed", "3").expect(t, 0)
	// yesterday's first open: a good daily backup
	open := func(now time.Time) error {
		s, err := storage.Open(db, storage.Options{Now: func() time.Time { return now }, NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		return s.BackupWarning()
	}
	if err := open(time.Now().Add(-24 * time.Hour)); err != nil {
		t.Fatal(err)
	}
	// one audit entry (which stats does not read) changed on disk, then
	// today's first open checks; the entry is compressed, so its bytes are
	// looked up in the file rather than its words
	var entry []byte
	bdb, err := bbolt.Open(db, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	bdb.View(func(tx *bbolt.Tx) error {
		_, v := tx.Bucket([]byte("audit")).Cursor().First() // the profile's
		entry = bytes.Clone(v)
		return nil
	})
	bdb.Close()
	data, _ := os.ReadFile(db)
	// every copy: the live entry's, and any a freed page still holds
	if len(entry) < 8 || !bytes.Contains(data, entry) {
		t.Fatal("no audit entry of the profile in the file")
	}
	changed := bytes.Clone(entry)
	changed[len(changed)-2] ^= 0x20
	data = bytes.ReplaceAll(data, entry, changed)
	os.WriteFile(db, data, 0o600)
	if err := open(time.Now()); err == nil {
		t.Fatal("today's check passed a changed record")
	}
	for _, c := range []struct {
		run  func(...string) result
		args []string
		note string
	}{
		{runEN, []string{"stats", "--db", db}, "the check fails"},
		{runZH, []string{"stats", "--db", db, "--json"}, "检查未通过"},
	} {
		r := c.run(c.args...).expect(t, 1)
		if !strings.Contains(r.stdout, "40") {
			t.Errorf("%v printed no figures:\n%s", c.args, r.stdout)
		}
		if lines := strings.Split(strings.TrimSpace(r.stderr), "\n"); len(lines) != 1 || !strings.Contains(r.stderr, c.note) || !strings.Contains(r.stderr, "unionbook check") {
			t.Errorf("%v: stderr %q, want one line saying %q and unionbook check", c.args, r.stderr, c.note)
		}
	}
	bs, _ := storage.Backups(db)
	if len(bs) == 0 {
		t.Fatal("no backup")
	}
	runEN("restore", bs[len(bs)-1].Path, "--db", db, "--yes").expect(t, 0)
	if r := runEN("stats", "--db", db).expect(t, 0); r.stderr != "" {
		t.Errorf("after the restore: %s", r.stderr)
	}
}
