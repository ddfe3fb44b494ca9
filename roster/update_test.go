package roster

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
)

// A row with another name, birth date or gender carrying a stored
// member's ID number is a problem, with update as with skip: it never
// replaces that member's name, join date, phone and political status.
func TestAnotherPersonsIDIsNeverAnUpdate(t *testing.T) {
	st := newStore(t, "青山厂")
	m := model.Member{No: "M0001", Name: "张三", IDNumber: "350303199002033073", UnitID: 1, JoinDate: 20200101,
		Phone: "13800138000", Political: "群众"}
	if err := st.CreateMember("t", &m); err != nil {
		t.Fatal(err)
	}
	path := writeXLSX(t, "Sheet1", [][]any{
		{"姓名", "性别", "出生日期", "身份证号", "手机", "政治面貌", "单位", "入会时间"},
		{"李四", "", "", "350303199002033073", "13900139000", "中共党员", "青山厂", "2024-03-01"},
		{"张三", "女", "", "350303199002033073", "", "", "", ""},
		{"张三", "", "1991-02-03", "350303199002033073", "", "", "", ""},
	})
	for _, dup := range []Duplicate{DupUpdate, DupSkip} {
		tab, _ := ReadFile(path, "")
		p, err := Prepare(tab, st, Options{Kind: Members, Today: testToday, OnDuplicate: dup})
		if err != nil {
			t.Fatal(err)
		}
		for row, col := range map[int]string{2: "A", 3: "B", 4: "C"} {
			if !hasIssue(p, row, col+":import.other_person") {
				t.Errorf("%v row %d: %v", dup, row, issuesOf(p, row))
			}
		}
		if p.Stats.Updates+p.Stats.Skipped != 0 {
			t.Errorf("%v: %+v", dup, p.Stats)
		}
		for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
			text := allText(p, l)
			for _, want := range []string{"张三 (M0001)", "1990-02-03"} {
				if !strings.Contains(text, want) {
					t.Errorf("the message does not name %s:\n%s", want, text)
				}
			}
		}
		if _, err := p.Commit(context.Background(), st, "t", nil); err != nil {
			t.Fatal(err)
		}
		got, _ := st.Member(m.ID)
		if got.Name != "张三" || got.Phone != "13800138000" || got.Political != "群众" || got.JoinDate != 20200101 {
			t.Fatalf("%v changed the stored member: %+v", dup, got)
		}
	}
}

// The same person's update lists, field by field, what it changes; the
// problems report shows it too.
func TestUpdatePreviewListsChanges(t *testing.T) {
	st := newStore(t, "青山厂", "红星厂")
	m := model.Member{No: "M0001", Name: "张三", IDNumber: "350303199002033073", UnitID: 1, JoinDate: 20200101,
		Phone: "13800138000", Political: "群众"}
	if err := st.CreateMember("t", &m); err != nil {
		t.Fatal(err)
	}
	path := writeXLSX(t, "Sheet1", [][]any{
		{"姓名", "性别", "身份证号", "手机", "政治面貌", "单位", "是否农民工", "入会时间"},
		{"张三", "男", "350303199002033073", "13900139000", "中共党员", "红星厂", "是", ""},
	})
	tab, _ := ReadFile(path, "")
	p, err := Prepare(tab, st, Options{Kind: Members, Today: testToday, OnDuplicate: DupUpdate})
	if err != nil {
		t.Fatal(err)
	}
	if p.HasProblems() || len(p.Items) != 1 || p.Items[0].Action != Update {
		t.Fatalf("%s %+v", allText(p, i18n.EN), p.Items)
	}
	it := p.Items[0]
	got := ChangesText(it.Changes, i18n.ZH)
	want := "手机号：13800138000 -> 13900139000；工作单位：青山厂 -> 红星厂；政治面貌：群众 -> 中共党员；农民工：否 -> 是"
	if got != want {
		t.Errorf("changes\n%s\nwant\n%s", got, want)
	}
	if en := ChangesText(it.Changes, i18n.EN); !strings.Contains(en, "13800138000 -> 13900139000") || !strings.Contains(en, "no -> yes") {
		t.Errorf("%s", en)
	}
	out := filepath.Join(t.TempDir(), "report.xlsx")
	if err := WriteReport(out, p, i18n.ZH, nil); err != nil {
		t.Fatal(err)
	}
	f, _ := excelize.OpenFile(out)
	defer f.Close()
	v, _ := f.GetCellValue("Sheet1", "I2")
	if !strings.Contains(v, "将更新") || !strings.Contains(v, "13900139000") {
		t.Errorf("the report's row 2 says %q", v)
	}
}
