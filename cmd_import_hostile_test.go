package main

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unionbook/storage"
)

// Hostile and broken rosters on the command line: exit 1, a message in
// the user's language that says what the file is, no backup, nothing
// written.
func TestImportHostileRosters(t *testing.T) {
	dir := t.TempDir()
	headerOnly := rosterXLSX(t, [][]any{{"青山镇工会会员花名册"}, {}, {"姓名", "身份证号", "性别", "工作单位", "入会时间"}})
	noBook := filepath.Join(dir, "照片.xlsx")
	f, _ := os.Create(noBook)
	zw := zip.NewWriter(f)
	w, _ := zw.Create("a.jpg")
	w.Write([]byte("jpeg"))
	zw.Close()
	f.Close()
	quote := filepath.Join(dir, "quote.csv")
	os.WriteFile(quote, []byte("姓名,身份证号,工作单位,入会时间\n张三,350303199002033073,青山机械厂,2023-05-01\n李四,\"110101199003078670,青山机械厂,2023-05-01\n"), 0o600)
	for _, c := range []struct {
		file   string
		zh, en string
	}{
		{headerOnly, "没有数据行", "no data rows"},
		{noBook, "没有 Excel 工作簿", "holds no Excel workbook"},
		{quote, "第 3 行有一个引号", "row 3 of the CSV file opens a quote"},
	} {
		db := importDB(t, "青山机械厂")
		r := runZH("import", "members", c.file, "--db", db).expect(t, 1)
		if !strings.Contains(r.stdout+r.stderr, c.zh) {
			t.Errorf("%s:\n%s%s", filepath.Base(c.file), r.stdout, r.stderr)
		}
		r = runEN("import", "members", c.file, "--db", db).expect(t, 1)
		if !strings.Contains(r.stdout+r.stderr, c.en) {
			t.Errorf("%s:\n%s%s", filepath.Base(c.file), r.stdout, r.stderr)
		}
		bs, _ := storage.Backups(db)
		for _, b := range bs {
			if b.Reason == storage.BackupImport {
				t.Errorf("%s: a backup was taken for nothing", filepath.Base(c.file))
			}
		}
		if n := memberCount(t, db); n != 0 {
			t.Errorf("%s: %d members written", filepath.Base(c.file), n)
		}
	}
}

// Twenty thousand unknown columns: the list of ignored columns is capped.
func TestImportManyUnknownColumnsCapsTheMessage(t *testing.T) {
	var b strings.Builder
	b.WriteString("姓名,身份证号,工作单位,入会时间")
	for range 20000 {
		b.WriteString(",备用列")
	}
	b.WriteString("\n张三,350303199002033073,青山机械厂,2023-05-01\n")
	path := filepath.Join(t.TempDir(), "wide.csv")
	os.WriteFile(path, []byte(b.String()), 0o600)
	db := importDB(t, "青山机械厂")
	r := runEN("import", "members", path, "--db", db, "--dry-run").expect(t, 0)
	if len(r.stdout) > 4000 || !strings.Contains(r.stdout, "and 19980 more") {
		t.Errorf("%d bytes of output:\n%.600s", len(r.stdout), r.stdout)
	}
}

// --on-duplicate update: another person's ID number is a problem that
// names the stored member; the same person's update is previewed field by
// field before anything is written.
func TestImportUpdatePreviewAndOtherPerson(t *testing.T) {
	db := importDB(t, "青山机械厂")
	runEN("import", "members", rosterXLSX(t, cleanRows), "--db", db).expect(t, 0)
	other := rosterXLSX(t, [][]any{
		{"花名册"}, {},
		{"姓名", "身份证号", "手机号", "政治面貌", "工作单位", "入会时间"},
		{"王五", "350303199002033073", "13900139000", "中共党员", "青山机械厂", "2024-01-01"},
	})
	r := runZH("import", "members", other, "--db", db, "--on-duplicate", "update").expect(t, 1)
	if !strings.Contains(r.stdout, "数据库中的 张三") || !strings.Contains(r.stdout, "不是同一个人") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	same := rosterXLSX(t, [][]any{
		{"花名册"}, {},
		{"姓名", "身份证号", "手机号", "政治面貌", "工作单位", "入会时间"},
		{"张三", "350303199002033073", "13900139000", "中共党员", "青山机械厂", ""},
	})
	r = runEN("import", "members", same, "--db", db, "--on-duplicate", "update", "--dry-run").expect(t, 0)
	if !strings.Contains(r.stdout, "1 stored members will be updated") || !strings.Contains(r.stdout, "row 4: 张三") ||
		!strings.Contains(r.stdout, "(blank) -> 13900139000") || !strings.Contains(r.stdout, "-> 中共党员") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
}
