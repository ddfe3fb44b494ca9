package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unionbook/model"
	"unionbook/storage"
)

// bases reads every member's wage bases by name.
func bases(t *testing.T, db string) map[string][]model.WageBase {
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
	out := map[string][]model.WageBase{}
	for _, m := range ms {
		out[m.Name] = m.Wages
	}
	return out
}

// A roster with a wage column gives new members their base; a wage sheet
// then changes it from a month, found by ID number or member number, all
// rows or none. A mistyped resident ID number is named as such, not as a
// number nobody has.
func TestImportRosterWithWagesThenWageSheet(t *testing.T) {
	db := importDB(t, "青山机械厂")
	roster := rosterXLSX(t, [][]any{
		{"青山镇工会会员花名册"},
		{},
		{"姓名", "身份证号", "性别", "工作单位", "入会时间", "月工资"},
		{"张三", "350303199002033073", "男", "青山机械厂", "2023/5/1", "3085"},
		{"李四", "110101199003078670", "男", "青山机械厂", "2023/5/1", 4200.5},
	})
	runZH("import", "members", roster, "--db", db).expect(t, 0)
	b := bases(t, db)
	if len(b["张三"]) != 1 || b["张三"][0] != (model.WageBase{From: 202305, Base: 308500}) || b["李四"][0].Base != 420050 {
		t.Fatalf("bases from the roster %v", b)
	}

	dir := t.TempDir()
	bad := filepath.Join(dir, "工资.csv")
	os.WriteFile(bad, []byte("会员编号,身份证号,姓名,缴费基数,起始月份\n"+
		",350303199002033073,张三,5000,2026-01\n"+
		"000002,,李四,-1,2026-01\n"+
		",350111198505071084,王五,3000,2026-01\n"+
		",110101199001011234,赵六,3000,2026-01\n"), 0o600)
	r := runZH("import", "wages", bad, "--db", db).expect(t, 1)
	for _, want := range []string{"第 3 行", "金额不能为负数", "第 4 行", "没有身份证号为 350111198505071084 的会员",
		"第 5 行 B 列（身份证号）：身份证号校验位不对", "3 行有问题", "未写入"} {
		if !strings.Contains(r.stdout+r.stderr, want) {
			t.Errorf("missing %q in:\n%s%s", want, r.stdout, r.stderr)
		}
	}
	if b2 := bases(t, db); len(b2["张三"]) != 1 {
		t.Errorf("a refused file wrote %v", b2["张三"])
	}

	good := filepath.Join(dir, "工资2.csv")
	os.WriteFile(good, []byte("会员编号,缴费基数\n000001,5000\n000002,4200.50\n"), 0o600)
	r = runZH("import", "wages", good, "--db", db, "--from", "2026-01").expect(t, 0)
	if !strings.Contains(r.stdout, "1 人新基数，1 人不变") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	b = bases(t, db)
	if len(b["张三"]) != 2 || b["张三"][1] != (model.WageBase{From: 202601, Base: 500000}) || len(b["李四"]) != 1 {
		t.Errorf("bases after the sheet %v", b)
	}
}
