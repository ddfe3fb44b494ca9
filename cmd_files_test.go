package main

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"unionbook/scratch"
)

// exportPkg makes a small demo database and its package for 2026-H1.
func exportPkg(t *testing.T, members string) (db, pkg string) {
	t.Helper()
	dir := t.TempDir()
	db = filepath.Join(dir, "town.db")
	runEN("demo", "--db", db, "--members", members, "--seed", "7").expect(t, 0)
	out := filepath.Join(dir, "usb")
	os.Mkdir(out, 0o700)
	r := runEN("export", "--db", db, "--period", "2026-H1", "--out", out).expect(t, 0)
	return db, strings.TrimSpace(r.stdout)
}

// forge rewrites a package through change, with a manifest that agrees
// (sizes and hashes recomputed), so that it passes verify.
func forge(t *testing.T, pkg string, change func(files map[string][]byte, man map[string]any)) string {
	t.Helper()
	zr, err := zip.OpenReader(pkg)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	zr.Close()
	var man map[string]any
	json.Unmarshal(files["manifest.json"], &man)
	delete(files, "manifest.json")
	change(files, man)
	for _, x := range man["files"].([]any) {
		f := x.(map[string]any)
		b := files[f["path"].(string)]
		sum := sha256.Sum256(b)
		f["size"], f["sha256"] = len(b), hex.EncodeToString(sum[:])
	}
	out := filepath.Join(t.TempDir(), "forged.zip")
	fo, _ := os.Create(out)
	zw := zip.NewWriter(fo)
	for name, b := range files {
		w, _ := zw.Create(name)
		w.Write(b)
	}
	w, _ := zw.Create("manifest.json")
	json.NewEncoder(w).Encode(man)
	zw.Close()
	fo.Close()
	return out
}

// A package whose data contradicts itself is not loaded at all: exit 1,
// the problem named, no database file left, and the good package then
// loads into the same path (it used to be refused as "already holds data").
func TestImportInconsistentPackageLeavesNoDatabase(t *testing.T) {
	t.Parallel() // its own files only
	_, pkg := exportPkg(t, "40")
	bad := forge(t, pkg, func(files map[string][]byte, _ map[string]any) {
		m := files["data/members.jsonl"]
		i := strings.Index(string(m), `"unit_id":`)
		j := i + strings.IndexByte(string(m[i:]), ',')
		files["data/members.jsonl"] = []byte(string(m[:i]) + `"unit_id":424242` + string(m[j:]))
	})
	dir := filepath.Join(t.TempDir(), "new folder")
	db := filepath.Join(dir, "books.db")
	for _, run := range []func(...string) result{runZH, runEN} {
		r := run("import", "package", bad, "--db", db).expect(t, 1)
		if !strings.Contains(r.stderr, "424242") {
			t.Errorf("the problem is not named:\n%s", r.stderr)
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			ents, _ := os.ReadDir(dir)
			t.Fatalf("a failed import left %v", ents)
		}
	}
	r := runZH("import", "package", pkg, "--db", db).expect(t, 0)
	if !strings.Contains(r.stdout, db) {
		t.Errorf("%s", r.stdout)
	}
	runEN("check", "--db", db).expect(t, 0)
	if ents, _ := os.ReadDir(scratch.Folder(db)); len(ents) != 0 {
		t.Errorf("the scratch folder keeps %d entries", len(ents))
	}
}

// Text from a package reaches the terminal without its escapes: verify,
// merge and import package print the union's name cleaned.
func TestPackageTextPrintsNoEscapes(t *testing.T) {
	_, pkg := exportPkg(t, "30")
	evil := forge(t, pkg, func(_ map[string][]byte, man map[string]any) {
		u := man["union"].(map[string]any)
		u["name"] = "\x1b[2J\x1b]0;pwned\a青山\u202e镇\u2066总工会\x9b"
	})
	out := filepath.Join(t.TempDir(), "district.xlsx")
	for _, args := range [][]string{
		{"verify", evil},
		{"merge", evil, "--out", out},
		{"import", "package", evil, "--db", ""},
	} {
		for _, run := range []func(...string) result{runZH, runEN} {
			if args[0] == "import" {
				args[len(args)-1] = filepath.Join(t.TempDir(), "x.db")
			}
			r := run(args...).expect(t, 0)
			all := r.stdout + r.stderr
			if strings.ContainsAny(all, "\x1b\a\u202e\u2066\u009b") {
				t.Errorf("%s printed an escape or a bidi control: %q", args[0], all)
			}
			if !strings.Contains(all, "青山镇总工会") {
				t.Errorf("%s does not name the union:\n%s", args[0], all)
			}
		}
	}
}

// The next start sweeps what a killed run left in the scratch folder and
// the half-written package it tracked; a running one's files stay.
func TestOpenSweepsLeftovers(t *testing.T) {
	db, _ := exportPkg(t, "20")
	// what a killed run leaves: its session's lock (no longer held), its
	// folder with a temporary sheet, and the list naming its half-written
	// package beside the export
	root := scratch.Folder(db)
	os.MkdirAll(filepath.Join(root, "s99"), 0o700)
	os.WriteFile(filepath.Join(root, "s99.lock"), nil, 0o600)
	sheet := filepath.Join(root, "s99", "excelize-1")
	os.WriteFile(sheet, []byte("110101199003078670"), 0o600)
	half := filepath.Join(t.TempDir(), ".town_2026-H1.zip.123.tmp")
	os.WriteFile(half, []byte("PK"), 0o600)
	os.WriteFile(filepath.Join(root, "s99.track"), []byte(half+"\n"), 0o600)
	live, _ := scratch.Begin(db)
	defer live.Close()
	g, _ := live.CreateTemp("rows-*")
	g.Close()

	runEN("stats", "--db", db).expect(t, 0)
	if _, err := os.Stat(sheet); !os.IsNotExist(err) {
		t.Error("a killed run's temporary file survived the next start")
	}
	if _, err := os.Stat(half); !os.IsNotExist(err) {
		t.Error("a killed export's half-written package survived the next start")
	}
	if _, err := os.Stat(g.Name()); err != nil {
		t.Error("the sweep removed a running session's file")
	}
}

// TestKilledExport kills real exports at random moments; after each, the
// next start leaves no temporary file anywhere: not beside the package,
// not in the scratch folder, not in the system temp folder.
func TestKilledExport(t *testing.T) {
	if args := os.Getenv("UNIONBOOK_HELPER_ARGS"); args != "" {
		noSync = false // the program as it is shipped
		os.Exit(run(strings.Split(args, "\x1f"), os.Stdout, os.Stderr, os.Getenv))
	}
	t.Parallel() // its own files only
	db, _ := exportPkg(t, "300")
	out := filepath.Join(t.TempDir(), "usb")
	os.Mkdir(out, 0o700)
	sysTemp := t.TempDir()
	rng := rand.New(rand.NewPCG(11, 12))
	interrupted := 0
	// Kills 0–3 come once the package is being written, 4–7 at a random
	// moment of the start (opening the database, checking the folder,
	// reading the records), before anything is in the folder.
	for i := range 8 {
		early := i >= 4
		cmd := exec.Command(os.Args[0], "-test.run=^TestKilledExport$")
		cmd.Env = append(os.Environ(), "TMPDIR="+sysTemp, "UNIONBOOK_HELPER_ARGS="+
			strings.Join([]string{"export", "--db", db, "--period", "2026", "--out", out}, "\x1f"))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if early {
			time.Sleep(time.Duration(rng.IntN(400)) * time.Millisecond)
		} else {
			// wait for the half-written package, then a random moment
			deadline := time.Now().Add(20 * time.Second)
			for time.Now().Before(deadline) {
				if m, _ := filepath.Glob(filepath.Join(out, ".*.tmp")); len(m) > 0 {
					break
				}
				time.Sleep(2 * time.Millisecond)
			}
			time.Sleep(time.Duration(rng.IntN(150*(i+1))) * time.Millisecond)
		}
		cmd.Process.Kill()
		cmd.Wait()
		if m, _ := filepath.Glob(filepath.Join(out, ".*.tmp")); len(m) > 0 && !early {
			interrupted++
		}
		runEN("stats", "--db", db).expect(t, 0) // the next start
		for _, d := range []string{out, scratch.Folder(db), sysTemp} {
			ents, _ := os.ReadDir(d)
			for _, e := range ents {
				if d == out && strings.HasSuffix(e.Name(), ".zip") {
					continue // an export that finished before the kill
				}
				t.Errorf("kill %d: left %s", i, filepath.Join(d, e.Name()))
			}
		}
	}
	if interrupted == 0 {
		t.Error("no kill caught an export half-way: the test proves nothing")
	}
	t.Logf("%d of 4 late kills interrupted an export", interrupted)
}
