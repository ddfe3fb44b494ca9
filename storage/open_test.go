package storage

import (
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
)

func TestOpenCreatesPrivateFolderAndFile(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("Unix permission bits do not apply on Windows")
	}
	dir := filepath.Join(t.TempDir(), "a", "b")
	path := filepath.Join(dir, "unionbook.db")
	s := openAt(t, path)
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o600 {
		t.Errorf("file mode %o, want 600", got)
	}
	for _, d := range []string{dir, filepath.Dir(dir)} {
		di, err := os.Stat(d)
		if err != nil {
			t.Fatal(err)
		}
		if got := di.Mode().Perm(); got != 0o700 {
			t.Errorf("folder %s mode %o, want 700", d, got)
		}
	}
	empty, err := s.IsEmpty()
	if err != nil || !empty {
		t.Errorf("IsEmpty() = %v, %v on a new database", empty, err)
	}
}

func TestOpenMakesCopiedFilePrivate(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("Unix permission bits do not apply on Windows")
	}
	path := dbPath(t)
	s := openAt(t, path)
	s.Close()
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	openAt(t, path)
	fi, _ := os.Stat(path)
	if got := fi.Mode().Perm(); got != 0o600 {
		t.Errorf("file mode after reopen %o, want 600", got)
	}
}

func TestSecondOpenFailsQuicklyAsLocked(t *testing.T) {
	path := dbPath(t)
	openAt(t, path)
	for _, ro := range []bool{false, true} {
		start := time.Now()
		s2, err := Open(path, Options{ReadOnly: ro})
		took := time.Since(start)
		if err == nil {
			s2.Close()
			t.Fatalf("second open (read-only %v) succeeded while the first is open", ro)
		}
		if !errors.Is(err, i18n.E("err.db_locked")) {
			t.Errorf("second open (read-only %v): %v, want err.db_locked", ro, err)
		}
		if got := i18n.Text(err, i18n.ZH); !strings.Contains(got, "另一个") {
			t.Errorf("Chinese text %q does not say another window holds it", got)
		}
		t.Logf("second open (read-only %v) refused after %v", ro, took)
		if took > 2500*time.Millisecond {
			t.Errorf("second open took %v, want under 2.5s", took)
		}
	}
}

func TestReadOnlyOpenAfterClose(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	s := openAt(t, path)
	mustUnit(t, s, "红星机械厂")
	s.Close()
	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	us, err := r.Units()
	if err != nil || len(us) != 1 || us[0].Name != "红星机械厂" {
		t.Errorf("Units() = %v, %v", us, err)
	}
	if err := r.CreateUnit("x", testUnit("另一个厂")); err == nil {
		t.Error("write through a read-only store succeeded")
	}
}

func TestReadOnlyOpenOfMissingFileFails(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	if _, err := Open(path, Options{ReadOnly: true}); err == nil {
		t.Fatal("read-only open of a missing file succeeded")
	} else if !errors.Is(err, i18n.E("err.db_open")) {
		t.Errorf("error %v, want err.db_open", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Error("read-only open created the file")
	}
}

func TestDataSurvivesReopen(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	s := openAt(t, path)
	u := mustUnit(t, s, "红星机械厂")
	m := mustMember(t, s, "张三", "110101199003078670", u.ID)
	s.Close()

	s = openAt(t, path)
	got, err := s.Member(m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "张三" || got.No != "000001" || got.UnitID != u.ID || got.Birth.String() != "1990-03-07" {
		t.Errorf("member after reopen = %+v", got)
	}
	// Counters survive too: the next number and ID follow on.
	m2 := mustMember(t, s, "李四", "430302199312194239", u.ID)
	if m2.No != "000002" || m2.ID != m.ID+1 {
		t.Errorf("second member after reopen: no %s id %d", m2.No, m2.ID)
	}
	if n := len(auditAll(t, s)); n != 3 {
		t.Errorf("%d audit entries after reopen, want 3", n)
	}
}

func setSchemaVersion(t *testing.T, path string, v uint32) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bbolt.Tx) error {
		b := make([]byte, 4)
		binary.BigEndian.PutUint32(b, v)
		return tx.Bucket(bucketMeta).Put(keySchemaVersion, b)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSchemaVersionWritten(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	var got []byte
	s.db.View(func(tx *bbolt.Tx) error {
		got = append(got, tx.Bucket(bucketMeta).Get(keySchemaVersion)...)
		return nil
	})
	if len(got) != 4 || binary.BigEndian.Uint32(got) != SchemaVersion() {
		t.Errorf("schema_version = %x, want big-endian %d", got, SchemaVersion())
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	s := openAt(t, path)
	s.Close()
	setSchemaVersion(t, path, SchemaVersion()+5)
	for _, ro := range []bool{false, true} {
		_, err := Open(path, Options{ReadOnly: ro})
		if err == nil {
			t.Fatalf("open (read-only %v) of a newer database succeeded", ro)
		}
		var e *i18n.Error
		if !errors.Is(err, i18n.E("err.db_newer")) || !errors.As(err, &e) {
			t.Fatalf("error %v, want err.db_newer", err)
		}
		if len(e.Args) != 2 || e.Args[0] != int(SchemaVersion()+5) || e.Args[1] != int(SchemaVersion()) {
			t.Errorf("err.db_newer args %v", e.Args)
		}
		if got := i18n.Text(err, i18n.ZH); !strings.Contains(got, "请升级") {
			t.Errorf("Chinese text %q", got)
		}
	}
	// The refused open changed nothing: the version is still the newer one.
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bbolt.Tx) error {
		if v := schemaVersion(tx); v != SchemaVersion()+5 {
			t.Errorf("schema version after refused open = %d", v)
		}
		return nil
	})
}

// Not parallel: it changes the migrations.
func TestMigrationsRunFromEmptyFileInOneTransaction(t *testing.T) {
	path := dbPath(t)
	os.MkdirAll(filepath.Dir(path), 0o700)
	// A bbolt file with nothing in it: version 0.
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	// A later migration that fails must leave nothing of the earlier ones.
	saved := migrations
	t.Cleanup(func() { migrations = saved })
	migrations = append(append([]migration(nil), saved...), migration{
		name: "fails",
		up: func(tx *bbolt.Tx) error {
			if _, err := tx.CreateBucket([]byte("half_done")); err != nil {
				return err
			}
			return errors.New("boom")
		},
	})
	if _, err := Open(path, Options{}); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Fatalf("open with a failing migration: %v", err)
	}
	db, err = bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *bbolt.Tx) error {
		if v := schemaVersion(tx); v != 0 {
			t.Errorf("version %d after a failed migration, want 0", v)
		}
		if tx.Bucket(bucketMembers) != nil || tx.Bucket([]byte("half_done")) != nil {
			t.Error("a failed migration left buckets behind")
		}
		return nil
	})
	db.Close()

	// With the good list, the same file migrates to the current version.
	migrations = saved
	s := openAt(t, path)
	s.db.View(func(tx *bbolt.Tx) error {
		if v := schemaVersion(tx); v != SchemaVersion() {
			t.Errorf("version %d, want %d", v, SchemaVersion())
		}
		for _, b := range [][]byte{bucketMeta, bucketUnits, bucketMembers, bucketAudit, idxMemberIDNumber, idxMemberNo, idxUnitMembers, idxUnitName, idxUnitCredit} {
			if tx.Bucket(b) == nil {
				t.Errorf("bucket %s missing", b)
			}
		}
		return nil
	})
}

func TestOpenInReadOnlyFolder(t *testing.T) {
	t.Parallel()
	if runtime.GOOS == "windows" {
		t.Skip("folder permission bits do not apply on Windows")
	}
	dir := filepath.Join(t.TempDir(), "locked")
	if err := os.Mkdir(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	probe := filepath.Join(dir, "probe")
	if f, err := os.Create(probe); err == nil {
		f.Close()
		os.Remove(probe)
		t.Skip("this user can write into a mode 0500 folder (running as root?), so a read-only folder cannot be simulated")
	}
	for _, path := range []string{filepath.Join(dir, "unionbook.db"), filepath.Join(dir, "sub", "unionbook.db")} {
		start := time.Now()
		_, err := Open(path, Options{})
		if err == nil {
			t.Fatalf("Open(%s) in a read-only folder succeeded", path)
		}
		if time.Since(start) > time.Second {
			t.Errorf("Open took %v to fail", time.Since(start))
		}
		if !errors.Is(err, i18n.E("err.db_permission")) || !errors.Is(err, fs.ErrPermission) {
			t.Errorf("Open(%s): %v, want err.db_permission wrapping fs.ErrPermission", path, err)
		}
		if got := i18n.Text(err, i18n.ZH); !strings.Contains(got, "没有权限") || !strings.Contains(got, path) {
			t.Errorf("Chinese text %q", got)
		}
	}
}

func TestOpenUnderAFileFails(t *testing.T) {
	t.Parallel()
	// Works for every user, root included: the "folder" is a file.
	file := filepath.Join(t.TempDir(), "notafolder")
	os.WriteFile(file, []byte("x"), 0o600)
	path := filepath.Join(file, "unionbook.db")
	_, err := Open(path, Options{})
	if err == nil {
		t.Fatal("Open under a file succeeded")
	}
	if !errors.Is(err, i18n.E("err.db_open")) {
		t.Errorf("error %v, want err.db_open", err)
	}
	if got := i18n.Text(err, i18n.ZH); !strings.Contains(got, "无法打开数据库") || !strings.Contains(got, path) {
		t.Errorf("Chinese text %q", got)
	}
}

func TestOpenGarbageFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "roster.xlsx")
	garbage := make([]byte, 64<<10)
	for i := range garbage {
		garbage[i] = byte(i * 7)
	}
	os.WriteFile(path, garbage, 0o600)
	_, err := Open(path, Options{})
	if err == nil {
		t.Fatal("Open of a non-database file succeeded")
	}
	if !errors.Is(err, i18n.E("err.db_corrupt")) {
		t.Errorf("error %v, want err.db_corrupt", err)
	}
}

func TestDefaultPath(t *testing.T) {
	t.Parallel()
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_DATA_HOME": "/x/data", "HOME": "/home/li"}, "/x/data/unionbook/unionbook.db"},
		{map[string]string{"HOME": "/home/li"}, "/home/li/.local/share/unionbook/unionbook.db"},
		{map[string]string{"XDG_DATA_HOME": "relative", "HOME": "/home/li"}, "/home/li/.local/share/unionbook/unionbook.db"},
	}
	for _, c := range cases {
		got, err := defaultPath("linux", env(c.env))
		if err != nil || got != filepath.FromSlash(c.want) {
			t.Errorf("linux %v: %q, %v; want %q", c.env, got, err, c.want)
		}
	}
	for _, goos := range []string{"windows", "darwin"} {
		got, err := defaultPath(goos, env(nil))
		if err != nil {
			t.Skipf("no user config dir here: %v", err)
		}
		base, _ := os.UserConfigDir()
		if want := filepath.Join(base, "unionbook", "unionbook.db"); got != want {
			t.Errorf("%s: %q, want %q", goos, got, want)
		}
	}
	p, err := DefaultPath()
	if err != nil || !strings.HasSuffix(p, filepath.Join("unionbook", "unionbook.db")) {
		t.Errorf("DefaultPath() = %q, %v", p, err)
	}
}

func TestReadOnlyOpenOfUnmigratedFile(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(path, Options{ReadOnly: true}); !errors.Is(err, i18n.E("err.db_needs_upgrade")) {
		t.Errorf("read-only open of a version-0 file: %v", err)
	}
}

// An empty file where the database should be is data lost, not a new
// database: every open refuses it, names it and points to the backup.
func TestOpenEmptyFileSaysSo(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	s := openAt(t, path)
	fillSmall(t, s, 2)
	backup, err := s.AutoBackup(BackupDaily)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{true, false} {
		_, err := Open(path, Options{ReadOnly: ro, Now: testClock})
		if !errors.Is(err, i18n.E("err.db_corrupt")) {
			t.Fatalf("read-only %v: %v, want a damaged-database error", ro, err)
		}
		zh, en := i18n.Text(err, i18n.ZH), i18n.Text(err, i18n.EN)
		if !strings.Contains(zh, "是空的") || !strings.Contains(en, "is empty (0 bytes)") ||
			!strings.Contains(en, backup) || !strings.Contains(en, "unionbook restore") || strings.Contains(en, "bad file descriptor") {
			t.Errorf("read-only %v:\n%s\n%s", ro, zh, en)
		}
	}
	if fi, _ := os.Stat(path); fi.Size() != 0 {
		t.Error("a writable open wrote a new database over the empty file")
	}
	if _, err := CheckFile(path); err == nil || !strings.Contains(i18n.Text(err, i18n.EN), "is empty") {
		t.Errorf("CheckFile of an empty file: %v", err)
	}
}

func TestOpenFolderSaysSo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, ro := range []bool{true, false} {
		_, err := Open(dir, Options{ReadOnly: ro})
		if err == nil {
			t.Fatal("a folder opened as a database")
		}
		zh, en := i18n.Text(err, i18n.ZH), i18n.Text(err, i18n.EN)
		if !strings.Contains(zh, "是一个文件夹") || !strings.Contains(en, "is a folder") || strings.Contains(en, "damaged") ||
			!strings.Contains(en, filepath.Join(dir, "unionbook.db")) {
			t.Errorf("read-only %v:\n%s\n%s", ro, zh, en)
		}
	}
	if _, err := CheckFile(dir); err == nil || !strings.Contains(i18n.Text(err, i18n.EN), "is a folder") {
		t.Errorf("CheckFile of a folder: %v", err)
	}
}
