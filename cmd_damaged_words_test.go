package main

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A compressed backup cut short is named for what it is in her words, in
// a read-only look and in a restore; what gzip said is a details line.
func TestCutBackupInTheUsersWords(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	t.Setenv("HOME", data)
	dir := t.TempDir()
	db := filepath.Join(dir, "town.db")
	runEN("demo", "--db", db, "--members", "20").expect(t, 0)
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	gz := filepath.Join(dir, "cut.db.gz")
	f, _ := os.Create(gz)
	zw := gzip.NewWriter(f)
	zw.Write(raw)
	zw.Close()
	f.Close()
	whole, _ := os.ReadFile(gz)
	os.WriteFile(gz, whole[:len(whole)/2], 0o600)

	r := runZH("--read-only", "--db", gz).expect(t, 1)
	if !strings.Contains(r.stderr, "备份 "+gz+" 不完整或已损坏，无法解压") || !strings.Contains(r.stderr, "\n  详情：unexpected EOF") {
		t.Errorf("read-only look of a cut backup:\n%s", r.stderr)
	}
	r = runEN("restore", gz, "--db", filepath.Join(dir, "other.db"), "--yes").expect(t, 1)
	if first, _, _ := strings.Cut(r.stderr, "\n"); strings.Contains(first, "EOF") || !strings.Contains(r.stderr, "details: unexpected EOF") {
		t.Errorf("restore of a cut backup:\n%s", r.stderr)
	}
}
