package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"unionbook/model"
	"unionbook/storage"
)

func importDB(t *testing.T, units ...string) string {
	t.Helper()
	db := tempDB(t)
	st, err := storage.Open(db, storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range units {
		u := model.Unit{Name: n, Kind: 170}
		if err := st.CreateUnit("t", &u); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	return db
}

func memberCount(t *testing.T, db string) int {
	t.Helper()
	st, err := storage.Open(db, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ms, err := st.Members()
	if err != nil {
		t.Fatal(err)
	}
	return len(ms)
}

func rosterXLSX(t *testing.T, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for r, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	f.MergeCell("Sheet1", "A1", "E1")
	path := filepath.Join(t.TempDir(), "花名册.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

var cleanRows = [][]any{
	{"青山镇工会会员花名册"},
	{},
	{"姓名", "身份证号", "性别", "工作单位", "入会时间"},
	{"张三", "350303199002033073", "男", "青山机械厂", 45047},
	{"李四", "110101199003078670", "男", "青山机械厂", "2023/5/1"},
}

func TestImportCleanRosterInOneGo(t *testing.T) {
	db := importDB(t, "青山机械厂")
	path := rosterXLSX(t, cleanRows)
	r := runZH("import", "members", path, "--db", db).expect(t, 0)
	if !strings.Contains(r.stdout, "读取 2 行，无问题 2 行，有问题 0 行，新增 2 行") || !strings.Contains(r.stdout, "已备份数据库") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	if n := memberCount(t, db); n != 2 {
		t.Errorf("%d members", n)
	}
	if bs, _ := storage.Backups(db); len(bs) == 0 {
		t.Error("no backup before the import")
	}
	// again: duplicates are an error by default, skip skips them
	runEN("import", "members", path, "--db", db).expect(t, 1)
	r = runEN("import", "members", "--on-duplicate", "skip", path, "--db", db).expect(t, 0)
	if !strings.Contains(r.stdout, "2 already in the database") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
}

func TestImportWithProblemsWritesNothing(t *testing.T) {
	db := importDB(t, "青山机械厂")
	rows := append(append([][]any{}, cleanRows...), []any{"王五", 110101199003078000.0, "女", "青山机械厂", "2023-05-01"})
	path := rosterXLSX(t, rows)
	report := filepath.Join(t.TempDir(), "问题.xlsx")
	r := runZH("import", "members", path, "--db", db, "--report", report).expect(t, 1)
	if !strings.Contains(r.stdout, "第 6 行 B 列（身份证号）") || !strings.Contains(r.stderr, "未写入任何数据") {
		t.Errorf("stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
	if n := memberCount(t, db); n != 0 {
		t.Fatalf("%d members written", n)
	}
	if _, err := os.Stat(report); err != nil {
		t.Fatal(err)
	}
	runEN("import", "members", path, "--db", db, "--dry-run", "--skip-invalid").expect(t, 0)
	if n := memberCount(t, db); n != 0 {
		t.Fatalf("dry run wrote %d", n)
	}
	r = runEN("import", "members", path, "--db", db, "--skip-invalid").expect(t, 0)
	if n := memberCount(t, db); n != 2 || !strings.Contains(r.stdout, "written: 2 new") {
		t.Fatalf("%d members; %s", n, r.stdout)
	}
}

func TestImportGBKCSVAndUnits(t *testing.T) {
	db := importDB(t)
	units := "单位名称,单位性质,职工人数\r\n青山机械厂,私营企业,120\r\n"
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(units)
	up := filepath.Join(t.TempDir(), "units.csv")
	os.WriteFile(up, []byte(gbk), 0o600)
	runEN("import", "units", up, "--db", db).expect(t, 0)
	members := "会员花名册\r\n姓名\t公民身份号码\t所在单位\t入会日期\r\n张三\t350303199002033073\t青山机械厂\t2023年5月1日\r\n"
	gbk, _ = simplifiedchinese.GBK.NewEncoder().String(members)
	mp := filepath.Join(t.TempDir(), "members.csv")
	os.WriteFile(mp, []byte(gbk), 0o600)
	r := runZH("import", "members", mp, "--db", db).expect(t, 0)
	if !strings.Contains(r.stdout, "GB18030") || memberCount(t, db) != 1 {
		t.Errorf("%s", r.stdout)
	}
}

func TestImportUsage(t *testing.T) {
	db := importDB(t)
	runEN("import", "members", "x.xlsx", "--db", db, "--on-duplicate", "maybe").expect(t, 2)
	runEN("import", "people", "x.xlsx", "--db", db).expect(t, 2)
	runEN("import", "members", "--db", db).expect(t, 2)
	r := runEN("import", "package", "x.zip", "--db", db).expect(t, 1)
	if !strings.Contains(r.stderr, "does not exist") {
		t.Errorf("%s", r.stderr)
	}
	r = runZH("import", "members", "/nonexistent/x.xlsx", "--db", db).expect(t, 1)
	if !strings.Contains(r.stderr, "找不到文件") {
		t.Errorf("%s", r.stderr)
	}
}

func TestImportJoinDate(t *testing.T) {
	db := importDB(t, "青山机械厂")
	noCol := rosterXLSX(t, [][]any{
		{"青山镇工会会员花名册"},
		{"姓名", "身份证号", "性别", "工作单位"},
		{"张三", "350303199002033073", "男", "青山机械厂"},
		{"李四", "110101199003078670", "男", "青山机械厂"},
	})
	// without --join-date: one problem naming the column and the flag
	r := runZH("import", "members", noCol, "--db", db).expect(t, 1)
	if n := strings.Count(r.stdout, "--join-date"); n != 1 || !strings.Contains(r.stdout, "入会日期") || !strings.Contains(r.stderr, "未写入任何数据") {
		t.Errorf("%d mentions of --join-date\nstdout:\n%s\nstderr:\n%s", n, r.stdout, r.stderr)
	}
	r = runEN("import", "members", noCol, "--db", db).expect(t, 1)
	if strings.Count(r.stdout, "--join-date") != 1 || !strings.Contains(r.stdout, `no "Joined" column`) {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	if n := memberCount(t, db); n != 0 {
		t.Fatalf("%d members written", n)
	}
	// bad values are usage errors
	runEN("import", "members", noCol, "--db", db, "--join-date", "2023-02-30").expect(t, 2)
	r = runZH("import", "members", noCol, "--db", db, "--join-date", "去年").expect(t, 2)
	if !strings.Contains(r.stderr, "--join-date") || !strings.Contains(r.stderr, "不是日期") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	runEN("import", "units", noCol, "--db", db, "--join-date", "2023-05-01").expect(t, 2)
	r = runEN("import", "members", noCol, "--db", db, "--join-date", "2099-01-01").expect(t, 1)
	if !strings.Contains(r.stdout, "after today") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	// with it, in any form ParseDate reads
	r = runEN("import", "members", noCol, "--db", db, "--join-date", "2023年5月1日").expect(t, 0)
	if !strings.Contains(r.stdout, "2 rows without a join date get 2023-05-01") || !strings.Contains(r.stdout, "written: 2 new") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	joined := func(id string) model.Date {
		t.Helper()
		st, err := storage.Open(db, storage.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		m, ok, err := st.MemberByIDNumber(id)
		if err != nil || !ok {
			t.Fatalf("%s: %v %v", id, ok, err)
		}
		return m.JoinDate
	}
	if d := joined("350303199002033073"); d.String() != "2023-05-01" {
		t.Errorf("joined %v", d)
	}
	// a join date in the file wins; a blank cell takes the default, or is
	// a problem without it (with a hint)
	withCol := rosterXLSX(t, [][]any{
		{"青山镇工会会员花名册"},
		{"姓名", "身份证号", "性别", "工作单位", "入会时间"},
		{"王五", "500154199804106120", "女", "青山机械厂", "2019/3/8"},
		{"钱七", "430302199312194239", "男", "青山机械厂", ""},
	})
	r = runEN("import", "members", withCol, "--db", db).expect(t, 1)
	if !strings.Contains(r.stdout, "row 4") || !strings.Contains(r.stdout, "1 rows have no join date") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	runZH("import", "members", withCol, "--db", db, "--join-date", "2024.1.2").expect(t, 0)
	if a, b := joined("500154199804106120"), joined("430302199312194239"); a.String() != "2019-03-08" || b.String() != "2024-01-02" {
		t.Errorf("joined %v and %v", a, b)
	}
}

// A template as unions hand it out, filled in with nicknames of the
// registered unit: the hint, example, note and footer rows are skipped
// and said why, the near unit names go to the registered unit (and are
// listed), a landline is a phone, the rows with problems are left out
// with --skip-invalid and the result says how many.
func TestImportTemplateWithNearUnitNames(t *testing.T) {
	db := importDB(t, "厦门宏达机械有限公司工会")
	path := rosterXLSX(t, [][]any{
		{"基层工会会员信息采集表"},
		{"姓名*", "身份证号码*", "所属企业/工会*", "入会时间*", "联系电话"},
		{"必填", "必填，18位", "必填", "格式：2020-01-01", "手机或座机"},
		{"例如：张三", "110101199001011234", "XX公司工会", "2020-01-01", "13800138000"},
		{"陈建国", "350203198503123018", "宏达机械", "2010-07-01", "0592-5201083"},
		{"林秀英", "350206198810032027", "宏达机械", "2012-03-15", "139059200"},
		{"合计", "2人"},
		{"填表人：陈秘书", "", "审核人：", "日期："},
	})
	r := runEN("import", "members", path, "--db", db, "--skip-invalid").expect(t, 0)
	for _, want := range []string{
		"skipped 4 rows that are not data (template hints: 1, template examples: 1, totals, signatures or dates: 2)",
		"1 unit names taken as registered units of near names:",
		"宏达机械 -> 厦门宏达机械有限公司工会 (the roster writes part of the registered name, 2 rows)",
		"row 6, column E (联系电话): a mobile number has 11 digits, this one 9",
		"written: 1 new", "1 rows with problems were left out",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	st, err := storage.Open(db, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if us, _ := st.Units(); len(us) != 1 {
		t.Errorf("%d units", len(us))
	}
	if ms, _ := st.Members(); len(ms) != 1 || ms[0].Phone != "0592-5201083" {
		t.Errorf("members %+v", ms)
	}
}
