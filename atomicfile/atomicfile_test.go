package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

type recorder struct{ tracked, untracked []string }

func (r *recorder) Track(p string) error { r.tracked = append(r.tracked, p); return nil }
func (r *recorder) Untrack(p string)     { r.untracked = append(r.untracked, p) }

func TestWriteReplacesWholeAndPrivate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "roster.xlsx")
	os.WriteFile(path, []byte("old"), 0o644)
	rec := &recorder{}
	if err := WriteTracked(path, rec, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Fatalf("file holds %q", b)
	}
	if fi, _ := os.Stat(path); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", fi.Mode().Perm())
	}
	if len(rec.tracked) != 1 || len(rec.untracked) != 1 || rec.tracked[0] != rec.untracked[0] {
		t.Fatalf("tracked %v, untracked %v", rec.tracked, rec.untracked)
	}
	if b := filepath.Base(rec.tracked[0]); !strings.HasPrefix(b, ".roster.xlsx.") || !strings.HasSuffix(b, ".tmp") {
		t.Fatalf("temporary file named %s", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Fatalf("left %d files", len(ents))
	}
}

func TestFailedWriteLeavesTheOldFileAndNoTemporary(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "pkg.zip")
	os.WriteFile(path, []byte("old"), 0o600)
	boom := errors.New("disk gone")
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("x", 1<<17))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Fatal("the earlier file was changed")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Fatalf("left %d files", len(ents))
	}
}
