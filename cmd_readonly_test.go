package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"go.etcd.io/bbolt"

	"unionbook/district"
	"unionbook/i18n"
	"unionbook/ui"
	"unionbook/ui/uitest"
)

// tree is every file under dir with the SHA-256 of its bytes.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			out = append(out, p+"/")
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fi, _ := d.Info()
		out = append(out, fmt.Sprintf("%s %x %s", p, sha256.Sum256(b), fi.ModTime()))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// lookReadOnly opens path read-only as `unionbook --read-only --db path`
// does, drives the interface through every tab pressing the keys that
// write, tries a write through the store, and closes: what an auditor
// could do to the file.
func lookReadOnly(t *testing.T, path string, keys district.Keys) string {
	t.Helper()
	e := &env{ctx: context.Background(), stdout: io.Discard, stderr: io.Discard, getenv: os.Getenv, lang: i18n.ZH}
	v, err := openReadOnly(e, path, keys)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := v.Close(); err != nil {
			t.Error(err)
		}
	}()
	ms, err := v.store.Members()
	if err != nil || len(ms) == 0 {
		t.Fatalf("the read-only look shows %d members: %v", len(ms), err)
	}
	c := ui.NewCommon(ui.Options{Store: v.store, Lang: i18n.ZH, ReadOnly: true, Opened: v.opened})
	app := ui.New(c)
	drive := uitest.Driver{Update: func(m tea.Msg) tea.Cmd { _, cmd := app.Update(m); return cmd }}
	drive.Send(tea.WindowSizeMsg{Width: 120, Height: 40})
	drive.Run(app.Init())
	for _, tab := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"} {
		drive.Keys("esc", "esc", tab, "n", "e", "d", "p", "b", "w", "r", "s", "ctrl+s", "enter", "d", "e", "a", "r", "x", "esc")
	}
	p, _, _ := v.store.Profile()
	p.UnionName = "changed"
	if err := v.store.SaveProfile("auditor", p); !errors.Is(err, i18n.E("err.read_only")) {
		t.Errorf("a write through the store: %v", err)
	}
	return uitest.Screen(app.View().Content)
}

func TestReadOnlyRunChangesNoByte(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data) // the scratch copies go into the program's own folder
	t.Setenv("HOME", data)
	dir := t.TempDir()
	db := filepath.Join(dir, "town.db")
	runEN("demo", "--db", db, "--members", "60").expect(t, 0)
	// The day's backup is due again: a writable open would make one now.
	os.RemoveAll(filepath.Join(dir, "backups"))

	// A compressed backup, a package, an encrypted package and a file of
	// an older schema (a database before its first migration), beside it.
	gz := filepath.Join(dir, "town-backup.db.gz")
	raw, _ := os.ReadFile(db)
	f, _ := os.Create(gz)
	zw := gzip.NewWriter(f)
	zw.Write(raw)
	zw.Close()
	f.Close()
	out := filepath.Join(dir, "usb")
	os.Mkdir(out, 0o700)
	pkg := strings.TrimSpace(runEN("export", "--db", db, "--period", "2026-H1", "--out", out).expect(t, 0).stdout)
	pass := filepath.Join(dir, "pass.txt")
	os.WriteFile(pass, []byte("district secret words\n"), 0o600)
	encPkg := strings.TrimSpace(runEN("export", "--db", db, "--period", "2026-H1", "--out", out, "--passphrase-file", pass).expect(t, 0).stdout)
	old := filepath.Join(dir, "old.db")
	odb, err := bbolt.Open(old, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	odb.Close()
	os.RemoveAll(filepath.Join(dir, "backups"))
	os.RemoveAll(filepath.Join(dir, ".town.db.scratch"))

	before := tree(t, dir)
	shown := lookReadOnly(t, db, district.Keys{})
	if !strings.Contains(shown, "只读：town.db") {
		t.Errorf("the header does not say read-only:\n%s", shown)
	}
	if !strings.Contains(lookReadOnly(t, gz, district.Keys{}), "只读：备份 town-backup.db.gz") {
		t.Error("the header does not name the backup")
	}
	if !strings.Contains(lookReadOnly(t, pkg, district.Keys{}), "只读：数据包") {
		t.Error("the header does not name the package")
	}
	lookReadOnly(t, encPkg, district.Keys{Passphrase: "district secret words"})
	if after := tree(t, dir); !slices.Equal(before, after) {
		t.Errorf("a read-only look changed the folder:\nbefore %v\nafter  %v", before, after)
	}
	// The copies are gone with the session.
	if left, _ := filepath.Glob(filepath.Join(data, "unionbook", ".*scratch", "*")); len(left) > 0 {
		t.Errorf("the read-only copies were left behind: %v", left)
	}

	// An older schema: shown from an upgraded copy, the file untouched.
	e := &env{ctx: context.Background(), stdout: io.Discard, stderr: io.Discard, getenv: os.Getenv, lang: i18n.EN}
	v, err := openReadOnly(e, old, district.Keys{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(v.opened, "upgraded copy of old.db") || !v.store.ReadOnly() {
		t.Errorf("older schema: %q", v.opened)
	}
	v.Close()
	if after := tree(t, dir); !slices.Equal(before, after) {
		t.Errorf("the read-only look at an older file changed the folder")
	}
	// A package takes seconds to check and load: the terminal says what it
	// is doing before the interface appears (it stayed blank).
	var said bytes.Buffer
	ep := &env{ctx: context.Background(), stdout: io.Discard, stderr: &said, getenv: os.Getenv, lang: i18n.EN}
	if v, err := openReadOnly(ep, pkg, district.Keys{}); err != nil {
		t.Fatal(err)
	} else {
		// a period package (the default) says it holds that period only
		if !strings.Contains(v.opened, "2026-H1 (that period only)") {
			t.Errorf("a period package opened as %q", v.opened)
		}
		v.Close()
	}
	if !strings.Contains(said.String(), "loading the package "+filepath.Base(pkg)) {
		t.Errorf("opening a package said %q", said.String())
	}
	// A wrong passphrase for the package says so.
	if _, err := openReadOnly(e, encPkg, district.Keys{Passphrase: "wrong"}); !errors.Is(err, i18n.E("pkg.wrong_key")) {
		t.Errorf("wrong passphrase: %v", err)
	}
	// The test sees a change when there is one: a writable open makes the
	// day's backup.
	r := runEN("stats", "--db", db) // read-only too
	r.expect(t, 0)
	if !slices.Equal(before, tree(t, dir)) {
		t.Error("stats changed the folder")
	}
	runEN("crosscheck-key", "--db", db, "--passphrase-file", pass).expect(t, 0)
	if slices.Equal(before, tree(t, dir)) {
		t.Error("a writable open changed nothing: the comparison sees nothing")
	}
}

func TestReadOnlyCommandLine(t *testing.T) {
	r := runEN("--read-only", "--db", filepath.Join(t.TempDir(), "missing.db")).expect(t, 1)
	if !strings.Contains(r.stderr, "does not exist") {
		t.Errorf("%s", r.stderr)
	}
}
