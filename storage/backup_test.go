package storage

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// fillSmall writes a unit and a few members.
func fillSmall(t *testing.T, s *Store, n int) {
	t.Helper()
	u := mustUnit(t, s, "备份测试公司工会")
	for i := range n {
		mustMember(t, s, "会员"+string(rune('甲'+i)), residentID("110101", model.NewDate(1990, 1, 1+i%28), 2*i+1), u.ID)
	}
}

func noTempFiles(t *testing.T, dir string) {
	t.Helper()
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.Contains(e.Name(), tmpMark) {
			t.Errorf("temporary file left behind: %s", filepath.Join(dir, e.Name()))
		}
	}
}

func TestBackupIsConsistentAndPrivate(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	fillSmall(t, s, 5)
	dest := filepath.Join(t.TempDir(), "copy.db")
	if err := s.Backup(dest); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(dest)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", fi.Mode().Perm())
	}
	c := openAt(t, dest)
	if dump(t, c) != dump(t, s) {
		t.Error("the backup differs from the database")
	}
	noTempFiles(t, filepath.Dir(dest))
}

func TestDailyBackupAndPruning(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	day := func(d int) func() time.Time {
		return func() time.Time { return time.Date(2024, 6, d, 9, 0, 0, 0, time.Local) }
	}
	s, err := Open(path, Options{Now: day(1)})
	if err != nil {
		t.Fatal(err)
	}
	fillSmall(t, s, 2)
	s.Close()
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Fatalf("a new database was backed up: %v", bs)
	}
	for d := 1; d <= 6; d++ {
		for range 2 { // the second open of a day makes none
			s, err := Open(path, Options{Now: day(d), KeepBackups: 3})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.BackupWarning(); err != nil {
				t.Fatal(err)
			}
			s.Close()
		}
	}
	bs, err := Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 3 {
		t.Fatalf("%d backups kept, want 3: %v", len(bs), bs)
	}
	for i, want := range []string{"20240606", "20240605", "20240604"} {
		if !strings.Contains(filepath.Base(bs[i].Path), "unionbook-"+want+"-090000-daily") || bs[i].Reason != BackupDaily {
			t.Errorf("backup %d is %s, want the one of %s", i, bs[i].Path, want)
		}
	}
	if NewestBackup(path) != bs[0].Path {
		t.Errorf("NewestBackup %q", NewestBackup(path))
	}
}

func TestAutoBackupNamesNeverCollide(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	a, err := s.AutoBackup(BackupImport)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.AutoBackup(BackupImport)
	if err != nil {
		t.Fatal(err)
	}
	if a == b || !strings.HasSuffix(a, "-import.db") || !strings.HasSuffix(b, "-import-2.db") {
		t.Errorf("two backups in one second: %s, %s", a, b)
	}
}

// oldDatabase writes a database at the schema version before the current
// one, with a member.
func oldDatabase(t *testing.T) string {
	t.Helper()
	if SchemaVersion() < 2 {
		t.Skip("needs a schema older than the current one to migrate from, and there is only version 1")
	}
	path := dbPath(t)
	s := openAt(t, path)
	fillSmall(t, s, 1)
	s.Close()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bbolt.Tx) error { return putSchemaVersion(tx, SchemaVersion()-1) })
	db.Close()
	return path
}

func TestBackupBeforeMigration(t *testing.T) {
	t.Parallel()
	path := oldDatabase(t)
	s, err := Open(path, Options{Now: testClock, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	bs, _ := Backups(path)
	if len(bs) != 1 || bs[0].Reason != BackupMigrate {
		t.Fatalf("backups %v, want one before the migration", bs)
	}
	db, err := bbolt.Open(bs[0].Path, 0o600, &bbolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.View(func(tx *bbolt.Tx) error {
		if v := schemaVersion(tx); v != SchemaVersion()-1 {
			t.Errorf("the migration backup has version %d, want the old %d", v, SchemaVersion()-1)
		}
		return nil
	})
}

func TestBackupFileWhileOpenElsewhere(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	fillSmall(t, s, 4)
	// s holds the write lock, as the TUI would in another process: the
	// read-only open times out and the live copy is taken.
	dest := filepath.Join(t.TempDir(), "hot.db")
	if err := BackupFile(s.Path(), dest); err != nil {
		t.Fatal(err)
	}
	c := openAt(t, dest)
	if dump(t, c) != dump(t, s) {
		t.Error("the live copy differs")
	}
	// And with the database closed, through bbolt's read transaction.
	s.Close()
	dest2 := filepath.Join(t.TempDir(), "cold.db")
	if err := BackupFile(s.Path(), dest2); err != nil {
		t.Fatal(err)
	}
}

// damage writes garbage over n bytes at off.
func damage(t *testing.T, path string, off int64, n int, b byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	buf := make([]byte, n)
	for i := range buf {
		buf[i] = b
	}
	if _, err := f.WriteAt(buf, off); err != nil {
		t.Fatal(err)
	}
}

func TestDamagedDatabaseNamesTheBackup(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	s := openAt(t, path)
	fillSmall(t, s, 20)
	backup, err := s.AutoBackup(BackupDaily)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	good, _ := os.ReadFile(path)
	var pageSize int64 = int64(os.Getpagesize())

	cases := map[string]func(){
		"truncated":        func() { os.Truncate(path, 3*pageSize) },
		"meta overwritten": func() { damage(t, path, 0, int(2*pageSize), 0x5a) },
		"pages zeroed":     func() { damage(t, path, 2*pageSize, int(4*pageSize), 0) },
		"pages garbage":    func() { damage(t, path, 3*pageSize, int(pageSize), 0xff) },
	}
	for name, spoil := range cases {
		t.Run(name, func(t *testing.T) {
			os.WriteFile(path, good, 0o600)
			spoil()
			_, err := Open(path, Options{Now: testClock})
			if err == nil {
				t.Fatal("a damaged database opened")
			}
			if !errors.Is(err, i18n.E("err.db_corrupt")) {
				t.Fatalf("error %v, want err.db_corrupt", err)
			}
			for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
				msg := i18n.Text(err, l)
				if !strings.Contains(msg, backup) || !strings.Contains(msg, "unionbook restore") {
					t.Errorf("%s message does not point to the backup and restore: %s", l.Code(), msg)
				}
			}
		})
	}
}

// TestRandomDamageNeverPanics overwrites random stretches of a database:
// opening and reading it gives an error or the data, never a panic.
func TestRandomDamageNeverPanics(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	s := openAt(t, path)
	fillSmall(t, s, 25)
	var used int64
	s.db.View(func(tx *bbolt.Tx) error { used = tx.Size(); return nil })
	s.Close()
	good, _ := os.ReadFile(path)
	rng := rand.New(rand.NewPCG(7, 7))
	rounds := 150
	if testing.Short() {
		rounds = 30
	}
	opened := 0
	for i := range rounds {
		os.WriteFile(path, good, 0o600)
		off := rng.Int64N(used) // where the data is
		n := 1 + rng.IntN(512)
		if rng.IntN(4) == 0 {
			os.Truncate(path, off)
		} else {
			damage(t, path, off, n, byte(rng.IntN(256)))
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("round %d (offset %d, %d bytes): panic %v", i, off, n, r)
				}
			}()
			s, err := Open(path, Options{Now: testClock, NoDailyBackup: true})
			if err != nil {
				if !errors.Is(err, i18n.E("err.db_corrupt")) && !errors.Is(err, i18n.E("err.db_newer")) && !errors.Is(err, i18n.E("err.db_needs_upgrade")) {
					t.Logf("round %d: %v", i, err)
				}
				return
			}
			opened++
			s.Members()
			s.Units()
			s.Check()
			s.Close()
		}()
	}
	t.Logf("%d of %d damaged files still opened (the damage hit free space or a value)", opened, rounds)
}

func TestRestore(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	s := openAt(t, path)
	fillSmall(t, s, 3)
	snap := filepath.Join(t.TempDir(), "snap.db")
	if err := s.Backup(snap); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	mustUnit(t, s, "恢复后应消失的单位")
	// While the database is open, restore refuses.
	if _, err := Restore(snap, path); !errors.Is(err, i18n.E("err.db_locked")) {
		t.Fatalf("restore over an open database: %v", err)
	}
	s.Close()

	sum, err := InspectBackup(snap)
	if err != nil || sum.Members != 3 || sum.Units != 1 {
		t.Fatalf("InspectBackup: %+v %v", sum, err)
	}
	kept, err := Restore(snap, path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(kept, "-restore") {
		t.Errorf("kept %q", kept)
	}
	s = openAt(t, path)
	if dump(t, s) != before {
		t.Error("the restored database differs from the backup")
	}
	k := openAt(t, kept)
	if us, _ := k.Units(); len(us) != 2 {
		t.Errorf("the kept database has %d units, want 2 (with the later one)", len(us))
	}
	noTempFiles(t, filepath.Dir(path))
	if _, err := Restore(path, path); !errors.Is(err, i18n.E("err.restore_same")) {
		t.Errorf("restore of the database over itself: %v", err)
	}
}

func TestRestoreRefusesBadFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "unionbook.db")
	s := openAt(t, path)
	fillSmall(t, s, 2)
	s.Close()
	orig, _ := os.ReadFile(path)

	garbage := filepath.Join(dir, "roster.xlsx")
	os.WriteFile(garbage, []byte(strings.Repeat("PK\x03\x04", 5000)), 0o600)
	plain := filepath.Join(dir, "plain.db") // bbolt, but not ours
	db, _ := bbolt.Open(plain, 0o600, nil)
	db.Close()
	newer := filepath.Join(dir, "newer.db")
	os.WriteFile(newer, orig, 0o600)
	db, _ = bbolt.Open(newer, 0o600, nil)
	db.Update(func(tx *bbolt.Tx) error { return putSchemaVersion(tx, SchemaVersion()+1) })
	db.Close()
	broken := filepath.Join(dir, "broken.db") // an index entry pointing nowhere
	os.WriteFile(broken, orig, 0o600)
	db, _ = bbolt.Open(broken, 0o600, nil)
	db.Update(func(tx *bbolt.Tx) error { return tx.Bucket(idxMemberNo).Put([]byte("999999"), itob(999)) })
	db.Close()

	for file, key := range map[string]string{
		garbage:                          "err.restore_not_db",
		plain:                            "err.restore_not_db",
		newer:                            "err.db_newer",
		broken:                           "err.restore_check_failed",
		filepath.Join(dir, "missing.db"): "err.file_missing",
	} {
		if _, err := Restore(file, path); !errors.Is(err, i18n.E(key)) {
			t.Errorf("restore %s: %v, want %s", filepath.Base(file), err, key)
		}
	}
	if now, _ := os.ReadFile(path); string(now) != string(orig) {
		t.Error("a refused restore changed the database")
	}
}

func TestRestoreOverDamagedDatabase(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	s := openAt(t, path)
	fillSmall(t, s, 3)
	b, err := s.AutoBackup(BackupDaily)
	if err != nil {
		t.Fatal(err)
	}
	want := dump(t, s)
	s.Close()
	os.Truncate(path, 8192)
	kept, err := Restore(b, path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(kept, "-damaged") {
		t.Errorf("the damaged file was kept as %q", kept)
	}
	if NewestBackup(path) != b {
		t.Errorf("NewestBackup %q points to the damaged copy, want %q", NewestBackup(path), b)
	}
	if got := dump(t, openAt(t, path)); got != want {
		t.Error("restored data differs")
	}
}

func TestCompact(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	s := openAt(t, path)
	u := mustUnit(t, s, "整理测试公司工会")
	var ids []uint64
	for i := range 300 {
		m := mustMember(t, s, "临时", residentID("110101", model.NewDate(1991, time.Month(1+i%12), 1+i%28), 2*(i%400)+1), u.ID)
		ids = append(ids, m.ID)
	}
	for _, id := range ids[:280] {
		if err := s.DeleteMember("测试员", id); err != nil {
			t.Fatal(err)
		}
	}
	want := dump(t, s)
	if _, err := Compact(path, Options{}); !errors.Is(err, i18n.E("err.db_locked")) {
		t.Errorf("compact of an open database: %v", err)
	}
	s.Close()
	res, err := Compact(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	if res.After > res.Before || res.Backup == "" {
		t.Errorf("compact: %+v", res)
	}
	s = openAt(t, path)
	if dump(t, s) != want {
		t.Error("compact changed the data")
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Errorf("check after compact: %v %v", err, r.Problems)
	}
	// New records still get new IDs: the sequences came along.
	m := mustMember(t, s, "新会员", residentID("110101", model.NewDate(1993, 3, 3), 5), u.ID)
	if m.ID <= ids[len(ids)-1] {
		t.Errorf("new member ID %d reuses an old one", m.ID)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode after compact %v", fi.Mode().Perm())
	}
	noTempFiles(t, filepath.Dir(path))
}
