package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"unionbook/storage"
)

// backupsFixture: a demo database with three backups, the newest cut short.
func backupsFixture(t *testing.T) (db string, bs []storage.BackupInfo) {
	t.Helper()
	db = tempDB(t)
	runZH("demo", "--db", db, "--members", "120").expect(t, 0)
	runZH("backup", "--db", db).expect(t, 0)
	s, err := storage.Open(db, storage.Options{NoDailyBackup: true, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AutoBackup(storage.BackupImport); err != nil {
		t.Fatal(err)
	}
	cut, err := s.AutoBackup(storage.BackupCompact)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	data, _ := os.ReadFile(cut)
	os.WriteFile(cut, data[:len(data)/3], 0o600)
	bs, _ = storage.Backups(db)
	if len(bs) != 3 || bs[0].Path != cut {
		t.Fatalf("backups %v", bs)
	}
	return db, bs
}

func TestBackupsListsAndChecksEach(t *testing.T) {
	t.Parallel() // its own files only
	db, bs := backupsFixture(t)
	zh := runZH("backups", "--db", db).expect(t, 0).stdout
	for _, want := range []string{"备份时间", "大小", "类型", "文件", "检查", "整理前", "导入前", "手动", "无法读取", "通过",
		bs[0].Path + " 已损坏", "压缩文件不完整或已损坏", "共 3 份备份",
		`unionbook restore "` + bs[1].Path + `" --db "` + db + `"`} {
		if !strings.Contains(zh, want) {
			t.Errorf("Chinese listing lacks %q:\n%s", want, zh)
		}
	}
	// The file names start in one column, Chinese kinds being two cells wide.
	var starts []int
	for _, line := range strings.Split(zh, "\n") {
		for _, b := range bs {
			if i := strings.Index(line, filepath.Base(b.Path)); i >= 0 && strings.HasPrefix(line, "  20") {
				starts = append(starts, ansi.StringWidth(line[:i]))
			}
		}
	}
	if len(starts) != 3 || starts[0] != starts[1] || starts[1] != starts[2] {
		t.Errorf("file column not aligned (%v):\n%s", starts, zh)
	}
	en := runEN("backups", "--db", db).expect(t, 0).stdout
	for _, want := range []string{"Taken", "before a compact", "before an import", "by hand", "cannot be read", "OK", "In all: 3"} {
		if !strings.Contains(en, want) {
			t.Errorf("English listing lacks %q:\n%s", want, en)
		}
	}
	quick := runEN("backups", "--db", db, "--quick").expect(t, 0).stdout
	if !strings.Contains(quick, "not checked") || strings.Contains(quick, "cannot be read") {
		t.Errorf("--quick listing:\n%s", quick)
	}
	empty := runZH("backups", "--db", tempDB(t)).expect(t, 0).stdout
	if !strings.Contains(empty, "还没有备份") {
		t.Errorf("no backups: %q", empty)
	}
}

// check of a damaged database ends with the newest backup that passes the
// check now, not the newest by name (cut short here).
func TestCheckNamesTheNewestGoodBackup(t *testing.T) {
	db, bs := backupsFixture(t)
	s, err := storage.Open(db, storage.Options{NoDailyBackup: true, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// A byte of a member's record changed: bbolt sees nothing, the checksum does.
	spoilOneRecord(t, db)
	r := runZH("check", "--db", db).expect(t, 1)
	if !strings.Contains(r.stdout, "写入后在磁盘上被改动过") {
		t.Errorf("check output:\n%s", r.stdout)
	}
	want := `unionbook restore "` + bs[1].Path + `" --db "` + db + `"`
	if !strings.Contains(r.stderr, want) {
		t.Errorf("check's last word does not name the newest good backup %s:\n%s", bs[1].Path, r.stderr)
	}
	// stats refuses the changed record with the same way back.
	r = runEN("stats", "--db", db).expect(t, 1)
	if !strings.Contains(r.stderr, "a record was changed on disk") || !strings.Contains(r.stderr, want) {
		t.Errorf("stats on a changed record:\n%s", r.stderr)
	}
	// And the restore reads the compressed backup as it lies.
	restoreInput = strings.NewReader("y\n")
	r = runZH("restore", bs[1].Path, "--db", db).expect(t, 0)
	if !strings.Contains(r.stdout, "已恢复") {
		t.Errorf("restore output:\n%s", r.stdout)
	}
	runEN("check", "--db", db).expect(t, 0)
	runEN("check", "--db", bs[1].Path).expect(t, 0) // a .gz, checked as it lies
}

// spoilOneRecord changes the last byte of the CBOR of the first member
// record in the file, wherever copies of it lie.
func spoilOneRecord(t *testing.T, db string) {
	t.Helper()
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	// A member record: format 2, CRC, then a CBOR map whose key 1 is the
	// ID 1 and key 2 the member number "000001".
	marker := []byte("\x01\x01\x02\x66" + "000001")
	i := strings.Index(string(data), string(marker))
	if i < 5 {
		t.Fatal("no member record found in the file")
	}
	j := i + len(marker) + 4
	data[j] ^= 0x01
	if err := os.WriteFile(db, data, 0o600); err != nil {
		t.Fatal(err)
	}
}
