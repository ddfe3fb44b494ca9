package scratch

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func names(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

func TestSessionIsPrivateAndCloseRemovesEverything(t *testing.T) {
	db := filepath.Join(t.TempDir(), "union.db")
	s, err := Begin(db)
	if err != nil {
		t.Fatal(err)
	}
	if got := filepath.Dir(s.Dir()); got != Folder(db) {
		t.Fatalf("session folder %s is not in %s", s.Dir(), Folder(db))
	}
	if runtime.GOOS != "windows" {
		for _, d := range []string{Folder(db), s.Dir()} {
			fi, err := os.Stat(d)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != 0o700 {
				t.Fatalf("%s has mode %v, want 0700", d, fi.Mode().Perm())
			}
		}
	}
	f, err := s.CreateTemp("sheet-*")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("110101199003078670")
	f.Close()
	if _, err := s.MkdirTemp("book-*"); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(filepath.Dir(db), ".pkg.zip.123.tmp")
	os.WriteFile(outside, []byte("x"), 0o600)
	if err := s.Track(outside); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(Folder(db)); !os.IsNotExist(err) {
		t.Fatalf("the last session closed and left the scratch folder: %v", err)
	}
	if _, err := os.Stat(outside); !os.IsNotExist(err) {
		t.Fatal("a tracked file outlived its session")
	}
	if err := s.Close(); err != nil {
		t.Fatal("a second Close:", err)
	}
	// a folder another session still uses stays
	a, _ := Begin(db)
	b, _ := Begin(db)
	a.Close()
	if _, err := os.Stat(b.Dir()); err != nil {
		t.Fatal("closing one session removed another's folder")
	}
	b.Close()
}

func TestSweepKeepsLiveSessionsAndRemovesEndedOnes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "union.db")
	live, err := Begin(db)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	f, _ := live.CreateTemp("live-*")
	f.Close()

	dead, err := Begin(db)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := dead.CreateTemp("dead-*")
	g.Close()
	outside := filepath.Join(filepath.Dir(db), ".export.zip.42.tmp")
	os.WriteFile(outside, []byte("PK"), 0o600)
	dead.Track(outside)
	dead.lock.Close() // the process "ends" without cleaning up

	n, err := Sweep(db)
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Fatalf("swept %d sessions, want 1", n)
	}
	if _, err := os.Stat(dead.Dir()); !os.IsNotExist(err) {
		t.Fatal("the ended session's folder is still there")
	}
	if _, err := os.Stat(outside); !os.IsNotExist(err) {
		t.Fatal("the ended session's tracked file is still there")
	}
	if _, err := os.Stat(f.Name()); err != nil {
		t.Fatal("the live session's file was swept:", err)
	}
	if _, err := live.CreateTemp("more-*"); err != nil {
		t.Fatal("the live session no longer works:", err)
	}
}

func TestSweepRemovesOrphansAndOldLegacyFilesOnly(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "union.db")
	root := Folder(db)
	if err := os.MkdirAll(filepath.Join(root, "s123", "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(root, "s123", "sub", "x"), []byte("x"), 0o600)
	old := filepath.Join(dir, ".union.db.tmp-111")
	fresh := filepath.Join(dir, ".union.db.tmp-222")
	other := filepath.Join(dir, ".other.db.tmp-333")
	for _, p := range []string{old, fresh, other} {
		os.WriteFile(p, []byte("db"), 0o600)
	}
	past := time.Now().Add(-2 * time.Hour)
	os.Chtimes(old, past, past)
	os.Chtimes(other, past, past)
	if _, err := Sweep(db); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(root); !os.IsNotExist(err) {
		t.Fatalf("orphans left in %s: %v", root, err)
	}
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Fatal("an hour-old leftover of compact is still there")
	}
	for _, p := range []string{fresh, other} {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("%s was removed: it may belong to a running program or another database", p)
		}
	}
}

func TestSweepWithoutFolder(t *testing.T) {
	if n, err := Sweep(filepath.Join(t.TempDir(), "none.db")); n != 0 || err != nil {
		t.Fatal(n, err)
	}
}

// TestSweepAfterKill starts a real process that opens a session, writes a
// temporary file and is killed; the next sweep removes what it left, and
// a session of a process still running is kept.
func TestSweepAfterKill(t *testing.T) {
	if os.Getenv("SCRATCH_HELPER_DB") != "" {
		s, err := Begin(os.Getenv("SCRATCH_HELPER_DB"))
		if err != nil {
			os.Exit(3)
		}
		f, _ := s.CreateTemp("rows-*")
		f.WriteString("110101199003078670\n")
		os.Stdout.WriteString("ready\n")
		time.Sleep(time.Minute)
		os.Exit(0)
	}
	db := filepath.Join(t.TempDir(), "union.db")
	start := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestSweepAfterKill$")
		cmd.Env = append(os.Environ(), "SCRATCH_HELPER_DB="+db)
		out, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(out).ReadString('\n')
		if strings.TrimSpace(line) != "ready" {
			cmd.Process.Kill()
			t.Fatalf("helper said %q", line)
		}
		return cmd
	}
	killed, running := start(), start()
	defer func() { running.Process.Kill(); running.Wait() }()
	killed.Process.Kill()
	killed.Wait()
	n, err := Sweep(db)
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Fatalf("swept %d sessions, want the killed one only", n)
	}
	// the running helper's session: its lock, folder and file remain
	var lockFiles, dirs int
	for _, name := range names(t, Folder(db)) {
		if strings.HasSuffix(name, lockExt) {
			lockFiles++
		} else if fi, _ := os.Stat(filepath.Join(Folder(db), name)); fi != nil && fi.IsDir() {
			dirs++
			if len(names(t, filepath.Join(Folder(db), name))) != 1 {
				t.Fatal("the running session lost its file")
			}
		}
	}
	if lockFiles != 1 || dirs != 1 {
		t.Fatalf("after the sweep: %d locks, %d folders; want the running session's only", lockFiles, dirs)
	}
}
