package storage

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/scratch"
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

func TestDailyBackupsAreCompressedAndChecked(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	day := func(d int) func() time.Time {
		return func() time.Time { return time.Date(2024, 6, d, 9, 0, 0, 0, time.Local) }
	}
	s, err := Open(path, Options{Now: day(1), NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	fillSmall(t, s, 2)
	s.Close()
	if bs, _ := Backups(path); len(bs) != 0 {
		t.Fatalf("a new database was backed up: %v", bs)
	}
	for d := 1; d <= 3; d++ {
		for range 2 { // the second open of a day makes none
			s, err := Open(path, Options{Now: day(d), NoSync: true})
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
		t.Fatalf("%d backups, want one a day: %v", len(bs), bs)
	}
	fi, _ := os.Stat(path)
	for i, want := range []string{"20240603", "20240602", "20240601"} {
		b := bs[i]
		if filepath.Base(b.Path) != "unionbook-"+want+"-090000-daily.db.gz" || b.Reason != BackupDaily || !b.Compressed || !b.Good() {
			t.Errorf("backup %d is %+v, want the one of %s", i, b, want)
		}
		if b.Size <= 0 || b.Size > fi.Size()/4 {
			t.Errorf("backup %s is %d bytes, the database %d: not compressed?", b.Path, b.Size, fi.Size())
		}
		sum, err := InspectBackup(b.Path)
		if err != nil || sum.Members != 2 {
			t.Errorf("backup %s: %+v %v", b.Path, sum, err)
		}
		if bfi, _ := os.Stat(b.Path); bfi.Mode().Perm() != 0o600 {
			t.Errorf("backup mode %v", bfi.Mode().Perm())
		}
	}
	if NewestBackup(path) != bs[0].Path || NewestGoodBackup(path) != bs[0].Path {
		t.Errorf("NewestBackup %q, NewestGoodBackup %q", NewestBackup(path), NewestGoodBackup(path))
	}
	noTempFiles(t, BackupDir(path))
}

// A database whose record was changed on disk: the day's backup is not
// made, Open says why, and the good backups of earlier days all stay.
func TestDailyBackupRefusedWhenTheCheckFails(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	day := func(d int) func() time.Time {
		return func() time.Time { return time.Date(2024, 6, d, 9, 0, 0, 0, time.Local) }
	}
	s, err := Open(path, Options{Now: day(1), NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	fillSmall(t, s, 3)
	s.Close()
	for d := 2; d <= 9; d++ {
		s, err := Open(path, Options{Now: day(d), NoSync: true})
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	good, _ := Backups(path)
	if len(good) != 8 {
		t.Fatalf("%d backups before the damage", len(good))
	}
	spoilRecord(t, path, bucketMembers, 2)
	for d := 10; d <= 30; d++ {
		s, err := Open(path, Options{Now: day(d), NoSync: true})
		if err != nil {
			t.Fatalf("day %d: %v", d, err)
		}
		err = s.BackupWarning()
		s.Close()
		if !errors.Is(err, i18n.E("err.backup_check_failed")) {
			t.Fatalf("day %d: backup warning %v, want err.backup_check_failed", d, err)
		}
		if zh := i18n.Text(err, i18n.ZH); !strings.Contains(zh, "今天的备份没有做") || !strings.Contains(zh, "校验和不符") {
			t.Errorf("Chinese warning %q", zh)
		}
	}
	after, _ := Backups(path)
	// Of the eight good ones, the newest of each day within the last 7
	// days that have one, and of each week and month: all eight here.
	if len(after) != len(good) {
		t.Errorf("%d backups after three weeks of refused ones, want the %d good ones: %v", len(after), len(good), after)
	}
	if NewestBackup(path) != good[0].Path {
		t.Errorf("NewestBackup %q, want %q", NewestBackup(path), good[0].Path)
	}
}

// spoilRecord changes a byte of a record's CBOR, leaving its checksum: the
// silent damage bbolt does not see.
func spoilRecord(t *testing.T, path string, bucket []byte, id uint64) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucket)
		v := append([]byte(nil), b.Get(itob(id))...)
		if len(v) < 10 {
			return fmt.Errorf("no record %d in %s", id, bucket)
		}
		v[len(v)-1] ^= 0x01
		return b.Put(itob(id), v)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// The retention policy on a year and a half of backups: dailies, a few
// before imports, one that failed the check, a damaged copy.
func TestRetentionPolicy(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 15, 12, 0, 0, 0, time.Local)
	var bs []BackupInfo
	at := func(daysAgo int, hour int) time.Time {
		d := now.AddDate(0, 0, -daysAgo)
		return time.Date(d.Year(), d.Month(), d.Day(), hour, 0, 0, 0, time.Local)
	}
	for ago := 0; ago < 540; ago++ {
		if ago%9 == 4 {
			continue // days the program was not opened
		}
		bs = append(bs, BackupInfo{Path: fmt.Sprintf("daily-%d", ago), At: at(ago, 9), Reason: BackupDaily})
	}
	for _, ago := range []int{1, 20, 45, 200} {
		bs = append(bs, BackupInfo{Path: fmt.Sprintf("import-%d", ago), At: at(ago, 15), Reason: BackupImport})
	}
	bs = append(bs, BackupInfo{Path: "problems-3", At: at(3, 16), Reason: BackupImport, Problems: true},
		BackupInfo{Path: "damaged-40", At: at(40, 16), Reason: BackupDamaged, Problems: true},
		BackupInfo{Path: "manual-10", At: at(10, 17), Reason: BackupManual})
	slices.SortFunc(bs, func(a, b BackupInfo) int { return b.At.Compare(a.At) })

	keep := keptBackups(bs, now)
	kept := map[string]bool{}
	for i, b := range bs {
		if keep[i] {
			kept[b.Path] = true
		}
	}
	want := []string{
		// the newest of each of the last 7 days that have one (day 4 has
		// none; on day 1 the import was later than the daily)
		"daily-0", "import-1", "daily-2", "daily-3", "daily-5", "daily-6", "daily-7",
		"problems-3", "manual-10", "import-20", // within 30 days
		// the newest of each of the last 4 weeks and 12 months
	}
	for _, p := range want {
		if !kept[p] {
			t.Errorf("%s not kept", p)
		}
	}
	for _, p := range []string{"daily-1", "import-45", "import-200", "damaged-40", "daily-8", "daily-300"} {
		if kept[p] {
			t.Errorf("%s kept", p)
		}
	}
	weeks, months := map[string]bool{}, map[string]bool{}
	for p := range kept {
		for _, b := range bs {
			if b.Path == p && b.Good() {
				y, w := b.At.ISOWeek()
				weeks[fmt.Sprint(y, w)] = true
				months[b.At.Format("2006-01")] = true
			}
		}
	}
	if len(months) != 12 || len(weeks) < 4 {
		t.Errorf("kept backups cover %d months and %d weeks, want 12 and at least 4", len(months), len(weeks))
	}
	if len(kept) > 7+4+12+5 {
		t.Errorf("%d kept: %v", len(kept), kept)
	}
	t.Logf("kept %d of %d", len(kept), len(bs))
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
	if a == b || !strings.HasSuffix(a, "-import.db.gz") || !strings.HasSuffix(b, "-import-2.db.gz") {
		t.Errorf("two backups in one second: %s, %s", a, b)
	}
}

// oldDatabase writes a database at the schema version before the current
// one, with a member.
func oldDatabase(t *testing.T) string {
	t.Helper()
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
	db, done, err := openBackup(bs[0].Path, "")
	if err != nil {
		t.Fatal(err)
	}
	defer done()
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
	if _, r, err := BackupFile(s.Path(), dest); err != nil || !r.OK() {
		t.Fatal(err, r)
	}
	c := openAt(t, dest)
	if dump(t, c) != dump(t, s) {
		t.Error("the live copy differs")
	}
	// Into the backups folder, compressed.
	auto, r, err := BackupFile(s.Path(), "")
	if err != nil || !r.OK() || !strings.HasSuffix(auto, "-manual.db.gz") || filepath.Dir(auto) != BackupDir(s.Path()) {
		t.Fatalf("live copy into the folder: %s %v %v", auto, r, err)
	}
	if sum, err := InspectBackup(auto); err != nil || sum.Members != 4 {
		t.Errorf("live copy: %+v %v", sum, err)
	}
	// And with the database closed, through bbolt's read transaction.
	s.Close()
	dest2 := filepath.Join(t.TempDir(), "cold.db.gz")
	if _, _, err := BackupFile(s.Path(), dest2); err != nil {
		t.Fatal(err)
	}
	if sum, err := InspectBackup(dest2); err != nil || sum.Members != 4 {
		t.Errorf("cold copy: %+v %v", sum, err)
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
	good = good[:used] // the rest is room bbolt reserved to grow into
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
			r, _ := s.Check()
			s.Close()
			// The report is read after the database is closed, as
			// unionbook check does: it must hold nothing of the file.
			if r != nil {
				for _, p := range r.Problems {
					p.Localize(i18n.ZH)
					p.Localize(i18n.EN)
				}
			}
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
	if sum, err := InspectBackup(kept); err != nil || sum.Units != 2 {
		t.Errorf("the kept database has %d units, want 2 (with the later one): %v", sum.Units, err)
	}
	noTempFiles(t, filepath.Dir(path))
	if _, err := Restore(path, path); !errors.Is(err, i18n.E("err.restore_same")) {
		t.Errorf("restore of the database over itself: %v", err)
	}
}

// Restore reads a compressed backup as it is; the unpacked copy it reads
// is gone afterwards, and nothing went to the system's temporary folder.
// (Not parallel: it sets TMPDIR to see that.)
func TestRestoreFromCompressedBackup(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	path := dbPath(t)
	s := openAt(t, path)
	fillSmall(t, s, 3)
	before := dump(t, s)
	gz, err := s.AutoBackup(BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	mustUnit(t, s, "恢复后应消失的单位")
	s.Close()
	if sum, err := InspectBackup(gz); err != nil || sum.Members != 3 || sum.Units != 1 {
		t.Fatalf("InspectBackup(%s): %+v %v", gz, sum, err)
	}
	if r, err := CheckBackup(gz); err != nil || !r.OK() {
		t.Fatalf("CheckBackup: %v %v", r, err)
	}
	if _, err := Restore(gz, path); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path)
	if dump(t, s) != before {
		t.Error("the database restored from a .gz differs from what was backed up")
	}
	if ents, _ := os.ReadDir(tmp); len(ents) != 0 {
		t.Errorf("left in the temporary folder: %v", ents)
	}
	if _, err := os.Stat(scratch.Folder(path)); err == nil {
		t.Errorf("the scratch folder %s is left", scratch.Folder(path))
	}
	noTempFiles(t, filepath.Dir(path))
	noTempFiles(t, BackupDir(path))
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

	// Compressed backups cut short, changed, or compressing something else.
	s = openAt(t, path)
	gz, err := s.AutoBackup(BackupManual)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	gzData, _ := os.ReadFile(gz)
	cut := filepath.Join(dir, "cut.db.gz")
	os.WriteFile(cut, gzData[:len(gzData)/2], 0o600)
	changed := filepath.Join(dir, "changed.db.gz")
	flipped := append([]byte(nil), gzData...)
	flipped[len(flipped)-6] ^= 0xff // in the gzip trailer's CRC
	os.WriteFile(changed, flipped, 0o600)
	notgz := filepath.Join(dir, "notgz.db.gz")
	os.WriteFile(notgz, orig, 0o600)
	orig, _ = os.ReadFile(path)

	for file, key := range map[string]string{
		cut:                              "err.restore_damaged",
		changed:                          "err.restore_damaged",
		notgz:                            "err.restore_not_db",
		garbage:                          "err.restore_not_db",
		plain:                            "err.restore_not_db",
		newer:                            "err.db_newer",
		broken:                           "err.restore_check_failed",
		filepath.Join(dir, "missing.db"): "err.file_missing",
	} {
		if _, err := Restore(file, path); !errors.Is(err, i18n.E(key)) {
			t.Errorf("restore %s: %v, want %s", filepath.Base(file), err, key)
		} else if zh := i18n.Text(err, i18n.ZH); strings.HasSuffix(file, ".gz") && key == "err.restore_damaged" && !strings.Contains(zh, "压缩文件不完整或已损坏") {
			t.Errorf("restore %s: Chinese message %q", filepath.Base(file), zh)
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

// A daily backup deferred at Open (the terminal interface's start) is not
// begun until StartDailyBackup, and Close makes it when nothing did.
func TestDeferredDailyBackup(t *testing.T) {
	t.Parallel()
	path := dbPath(t)
	day := func(d int) func() time.Time {
		return func() time.Time { return time.Date(2024, 6, d, 9, 0, 0, 0, time.Local) }
	}
	s, err := Open(path, Options{Now: day(1), NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	fillSmall(t, s, 2)
	s.Close()
	count := func() int {
		bs, err := Backups(path)
		if err != nil {
			t.Fatal(err)
		}
		return len(bs)
	}
	s, err = Open(path, Options{Now: day(2), NoSync: true, DeferDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // room for a backup that ought not to run
	if n := count(); n != 0 {
		t.Fatalf("%d backups before StartDailyBackup, want none", n)
	}
	s.StartDailyBackup()
	s.StartDailyBackup() // twice is once
	if err := s.BackupWarning(); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 1 {
		t.Fatalf("%d backups after StartDailyBackup, want the day's", n)
	}
	s.Close()
	// Closed before anything began it: Close makes it.
	s, err = Open(path, Options{Now: day(3), NoSync: true, DeferDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if n := count(); n != 2 {
		t.Fatalf("%d backups after closing on the third day, want two", n)
	}
}
