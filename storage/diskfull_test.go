//go:build linux

package storage

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// Disk full and read-only folders, on a small tmpfs mounted for the test
// (root only; skipped elsewhere with the reason). Root ignores file
// permissions, so a read-only folder is a tmpfs remounted read-only.

func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs (needs root): %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

func readOnly(t *testing.T, dir string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Fatalf("remount read-only: %v %s", err, out)
	}
}

func bigStore(t *testing.T, members int) *Store {
	t.Helper()
	s := openTest(t)
	u := mustUnit(t, s, "磁盘测试公司工会")
	err := s.Bulk("测试员", func(b *Batch) error {
		for i := range members {
			m := testMember(fmt.Sprintf("会员%d", i), residentID("110101", model.NewDate(1980+i/336%40, time.Month(1+i/28%12), 1+i%28), 2*(i%400)+1), u.ID)
			m.Notes = "填充数据，让备份大于小磁盘的容量。填充数据，让备份大于小磁盘的容量。"
			if err := b.CreateMember(m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBackupOnFullDisk(t *testing.T) {
	t.Parallel()
	disk := smallDisk(t, "256k")
	s := bigStore(t, 3000)
	before := fileHash(t, s)
	dest := filepath.Join(disk, "backup.db")
	err := s.Backup(dest)
	if !errors.Is(err, i18n.E("err.disk_full")) {
		t.Fatalf("backup to a full disk: %v, want err.disk_full", err)
	}
	t.Logf("zh: %s", i18n.Text(err, i18n.ZH))
	if ents, _ := os.ReadDir(disk); len(ents) != 0 {
		t.Errorf("left on the full disk: %v", ents)
	}
	if fileHash(t, s) != before {
		t.Error("the database changed")
	}
	// bbolt's hot copy from another process's view, too.
	if _, _, err := BackupFile(s.Path(), dest); !errors.Is(err, i18n.E("err.disk_full")) {
		t.Errorf("BackupFile to a full disk: %v", err)
	}
	if ents, _ := os.ReadDir(disk); len(ents) != 0 {
		t.Errorf("left on the full disk: %v", ents)
	}
}

func TestBackupToReadOnlyFolder(t *testing.T) {
	t.Parallel()
	disk := smallDisk(t, "1m")
	readOnly(t, disk)
	s := openTest(t)
	fillSmall(t, s, 2)
	err := s.Backup(filepath.Join(disk, "b.db"))
	if !errors.Is(err, i18n.E("err.write_permission")) {
		t.Fatalf("backup to a read-only folder: %v", err)
	}
}

func TestDatabaseOnFullDisk(t *testing.T) {
	t.Parallel()
	disk := smallDisk(t, "1m")
	path := filepath.Join(disk, "unionbook.db")
	s, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	u := mustUnit(t, s, "满盘测试公司工会")
	var last model.Member
	var werr error
	for i := 0; i < 20000; i++ {
		m := testMember(fmt.Sprintf("会员%d", i), residentID("110101", model.NewDate(1980+i/336%40, time.Month(1+i/28%12), 1+i%28), 2*(i%400)+1), u.ID)
		m.Notes = "填充数据填充数据填充数据填充数据填充数据填充数据填充数据填充数据"
		if werr = s.CreateMember("测试员", m); werr != nil {
			break
		}
		last = *m
	}
	if !errors.Is(werr, i18n.E("err.disk_full")) {
		t.Fatalf("writing until the disk is full ended with %v, want err.disk_full", werr)
	}
	t.Logf("disk full after member %s: %s", last.No, i18n.Text(werr, i18n.ZH))
	s.Close()
	// Free nothing: the database still opens read-only, passes the check
	// and holds every member written before the failure.
	s, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("check after a full disk: %v %v", err, r.Problems)
	}
	if m, err := s.Member(last.ID); err != nil || m.No != last.No {
		t.Errorf("the last member written before the disk filled: %v", err)
	}
}

func TestDatabaseInReadOnlyFolder(t *testing.T) {
	t.Parallel()
	disk := smallDisk(t, "1m")
	path := filepath.Join(disk, "unionbook.db")
	s, err := Open(path, Options{Now: testClock})
	if err != nil {
		t.Fatal(err)
	}
	fillSmall(t, s, 2)
	s.Close()
	readOnly(t, disk)
	_, err = Open(path, Options{Now: testClock})
	if !errors.Is(err, i18n.E("err.db_permission")) {
		t.Fatalf("open in a read-only folder: %v", err)
	}
	// Reading still works.
	s, err = Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// A disk with room for the migration's backup but not for the dense copy
// does not keep the database from opening: it opens as it was, every
// record reading, and the next open with room copies it.
func TestDenseCopyOnFullDisk(t *testing.T) {
	t.Parallel()
	disk := smallDisk(t, "8m")
	path := filepath.Join(disk, "unionbook.db")
	s, err := Open(path, Options{Now: testClock, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	u := mustUnit(t, s, "满盘测试公司工会")
	if err := s.Bulk("测试员", func(b *Batch) error {
		for i := range 1500 {
			m := testMember(fmt.Sprintf("会员%d", i), residentID("110101", model.NewDate(1980+i/336%40, time.Month(1+i/28%12), 1+i%28), 2*(i%400)+1), u.ID)
			if err := b.CreateMember(m); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	// Back to main: audit entries in their earlier form, the schema before.
	if err := s.db.Update(func(tx *bbolt.Tx) error {
		if err := forEach(tx, bucketAudit, func(e *model.AuditEntry) error {
			b, err := encMode.Marshal(e)
			if err != nil {
				return err
			}
			return tx.Bucket(bucketAudit).Put(itob(e.ID), withChecksum(b))
		}); err != nil {
			return err
		}
		return putSchemaVersion(tx, migrationVersion(migrationDense)-1)
	}); err != nil {
		t.Fatal(err)
	}
	want, _ := s.Audit(0, 5)
	s.Close()
	fi, _ := os.Stat(path)
	// Leave room for the compressed backup, not for a copy of the file.
	var st syscall.Statfs_t
	if err := syscall.Statfs(disk, &st); err != nil {
		t.Fatal(err)
	}
	room := fi.Size() / 5
	t.Logf("file %d bytes, room %d", fi.Size(), room)
	filler := filepath.Join(disk, "filler")
	if err := os.WriteFile(filler, make([]byte, int64(st.Bavail)*st.Bsize-room), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path, Options{Now: testClock, NoDailyBackup: true})
	if err != nil {
		t.Fatalf("open with no room for the copy: %v", err)
	}
	got, err := s.Audit(0, 5)
	if bs, _ := filepath.Glob(filepath.Join(disk, "backups", "*")); len(bs) > 0 {
		bfi, _ := os.Stat(bs[0])
		t.Logf("backup %d bytes", bfi.Size())
	}
	pending := false
	s.db.View(func(tx *bbolt.Tx) error { pending = densePending(tx); return nil })
	s.Close()
	if err != nil || !reflect.DeepEqual(got, want) || !pending {
		t.Fatalf("no room: audit %v (%v), still to copy %v", len(got), err, pending)
	}
	os.Remove(filler)
	s, err = Open(path, Options{Now: testClock, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.db.View(func(tx *bbolt.Tx) error { pending = densePending(tx); return nil })
	if got, err := s.Audit(0, 5); pending || err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("with room again: still to copy %v, audit %d %v", pending, len(got), err)
	}
}
