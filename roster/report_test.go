package roster

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
)

// styledRoster is a secretary's own roster as Excel keeps it: a merged
// title, a header in bold on a fill, date cells with a date format (the
// join date, and a contract end date the import does not use), a unit
// merged down its members' rows, a note merged across, widths set by
// hand, and a second sheet of instructions.
func styledRoster(t *testing.T) string {
	f := excelize.NewFile()
	defer f.Close()
	sh := "花名册"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", sh))
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}}})
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14, Font: &excelize.Font{Family: "宋体", Size: 11}})
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	rows := [][]any{
		{"厦门宏达机械有限公司工会 会员花名册"},
		{"序号", "姓名", "身份证号码", "工作单位", "入会时间", "劳动合同到期", "手机号码"},
		{1, "陈建国", idChen, "厦门宏达机械有限公司工会", time.Date(2010, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC), "13905920001"},
		{2, "林秀英", idLin, nil, time.Date(2031, 3, 15, 0, 0, 0, 0, time.UTC), time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC), "0592-520108"},
		{3, "黄志明", idHuang, nil, time.Date(2016, 9, 1, 0, 0, 0, 0, time.UTC), time.Date(2028, 1, 31, 0, 0, 0, 0, time.UTC), "13905920003"},
		{"注：以上信息由各车间核对，上传时把不必要的内容清空"},
	}
	for r, row := range rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			must(f.SetCellValue(sh, cell, v))
		}
	}
	must(f.SetCellStyle(sh, "A1", "A1", title))
	must(f.SetCellStyle(sh, "A2", "G2", head))
	must(f.SetCellStyle(sh, "C3", "C5", text))
	must(f.SetCellStyle(sh, "E3", "F5", date))
	for _, m := range []string{"A1:G1", "D3:D5", "A6:G6"} {
		a, b, _ := strings.Cut(m, ":")
		must(f.MergeCell(sh, a, b))
	}
	must(f.SetColWidth(sh, "B", "B", 11))
	must(f.SetColWidth(sh, "C", "C", 21.5))
	must(f.SetColWidth(sh, "D", "D", 30))
	if _, err := f.NewSheet("填表说明"); err != nil {
		t.Fatal(err)
	}
	must(f.SetCellValue("填表说明", "A1", "入会时间请填写到日"))
	path := filepath.Join(t.TempDir(), "花名册.xlsx")
	must(f.SaveAs(path))
	return path
}

// The report is the user's workbook with a problems column and fills
// added, and nothing else changed: values, dates and their formats,
// merges, widths, the other sheets.
func TestReportKeepsTheUsersWorkbook(t *testing.T) {
	src := styledRoster(t)
	st := newStore(t, "厦门宏达机械有限公司工会")
	p, err := Load(context.Background(), src, "", st, Options{Kind: Members, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	if p.Stats.Read != 3 || p.Stats.Problems != 1 || !hasIssue(p, 4, "E:problem.future") || !hasIssue(p, 4, "G:phone.landline_length") {
		t.Fatalf("stats %+v: %s", p.Stats, allText(p, i18n.ZH))
	}
	out := filepath.Join(t.TempDir(), "问题.xlsx")
	if err := WriteReport(out, p, i18n.ZH, nil); err != nil {
		t.Fatal(err)
	}
	before, err := excelize.OpenFile(src)
	if err != nil {
		t.Fatal(err)
	}
	defer before.Close()
	after, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer after.Close()
	sh := "花名册"
	if got := after.GetSheetList(); !slices.Equal(got, before.GetSheetList()) {
		t.Errorf("sheets %v", got)
	}
	// every cell of the user's columns reads as it did, dates as dates
	for r := 1; r <= 6; r++ {
		for c := 1; c <= 7; c++ {
			cell, _ := excelize.CoordinatesToCellName(c, r)
			b, _ := before.GetCellValue(sh, cell)
			a, _ := after.GetCellValue(sh, cell)
			if a != b {
				t.Errorf("%s: %q, was %q", cell, a, b)
			}
			bt, _ := before.GetCellType(sh, cell)
			at, _ := after.GetCellType(sh, cell)
			if at != bt {
				t.Errorf("%s: type %v, was %v", cell, at, bt)
			}
		}
	}
	if v, _ := after.GetCellValue(sh, "F3"); v != "12-31-26" {
		t.Errorf("the contract date F3 reads %q", v) // NumFmt 14 as excelize shows it
	}
	// the bad date cell keeps its date format under the fill
	id, _ := after.GetCellStyle(sh, "E4")
	s, _ := after.GetStyle(id)
	if s == nil || s.NumFmt != 14 || len(s.Fill.Color) == 0 || s.Fill.Color[0] != "FFC7CE" || s.Font == nil || s.Font.Family != "宋体" {
		t.Errorf("E4 style %+v", s)
	}
	if id3, _ := after.GetCellStyle(sh, "E3"); id3 == id {
		t.Error("the good date cell E3 is filled too")
	}
	mb, _ := before.GetMergeCells(sh, true)
	ma, _ := after.GetMergeCells(sh, true)
	if merges(ma) != merges(mb) || merges(ma) != "A1:G1 A6:G6 D3:D5" {
		t.Errorf("merges %s, were %s", merges(ma), merges(mb))
	}
	for _, col := range []string{"B", "C", "D"} {
		wb, _ := before.GetColWidth(sh, col)
		wa, _ := after.GetColWidth(sh, col)
		if wa != wb {
			t.Errorf("column %s width %v, was %v", col, wa, wb)
		}
	}
	if v, _ := after.GetCellValue("填表说明", "A1"); v != "入会时间请填写到日" {
		t.Errorf("the instructions sheet: %q", v)
	}
	// the problems column, after the last
	for cell, want := range map[string]string{
		"H2": ProblemsHeader, "H4": "入会时间：不能晚于今天", "H6": "未导入：说明文字",
	} {
		if v, _ := after.GetCellValue(sh, cell); !strings.Contains(v, want) {
			t.Errorf("%s %q, want %q", cell, v, want)
		}
	}
	if v, _ := after.GetCellValue(sh, "H3"); v != "" {
		t.Errorf("H3, a row without problems: %q", v)
	}
	// and it is the roster to import again once fixed
	p2, err := Load(context.Background(), out, "", st, Options{Kind: Members, Today: testToday})
	if err != nil || p2.Stats.Read != 3 || len(p2.IgnoredRows) != 1 {
		t.Errorf("reimport: %v %+v %v", err, p2.Stats, p2.IgnoredRows)
	}
}

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
}

func merges(ms []excelize.MergeCell) string {
	var out []string
	for _, m := range ms {
		out = append(out, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

// The report never replaces the roster it is about.
func TestReportRefusesTheSourceFile(t *testing.T) {
	src := styledRoster(t)
	p, err := Load(context.Background(), src, "", newStore(t), Options{Kind: Members, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	err = WriteReport(src, p, i18n.EN, nil)
	if got := i18n.Text(err, i18n.EN); !strings.Contains(got, "cannot replace the roster") {
		t.Errorf("report over its source: %v", got)
	}
}

// A CSV roster's report is a new workbook of its rows.
func TestReportOfACSVFile(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "r.csv")
	writeFile(t, src, "姓名,身份证号码,工作单位,入会时间,手机\n陈建国,"+idChen+",宏达,2020-01-01,13905920001\n林秀英,"+idLin+",宏达,2020-01-01,0592-520108\n合计,2人\n")
	p, err := Load(context.Background(), src, "", newStore(t, "宏达"), Options{Kind: Members, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "问题.xlsx")
	if err := WriteReport(out, p, i18n.EN, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for cell, want := range map[string]string{"A2": "陈建国", "F1": ProblemsHeader, "F3": "手机: a landline has 7 or 8 digits", "F4": "not imported: a total"} {
		if v, _ := f.GetCellValue("Sheet1", cell); !strings.HasPrefix(v, want) {
			t.Errorf("%s %q, want %q", cell, v, want)
		}
	}
}

// A sheet too large to copy in memory is written anew: its rows as text,
// dates in the date columns written out, its merges kept.
func TestReportOfALargeSheetIsWrittenAnew(t *testing.T) {
	defer func(n int) { maxCopyRows = n }(maxCopyRows)
	maxCopyRows = 3
	src := styledRoster(t)
	st := newStore(t, "厦门宏达机械有限公司工会")
	p, err := Load(context.Background(), src, "", st, Options{Kind: Members, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "问题.xlsx")
	if err := WriteReport(out, p, i18n.ZH, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 1 {
		t.Errorf("sheets %v", got)
	}
	for cell, want := range map[string]string{"E3": "2010-07-01", "C3": idChen, "H4": "手机号码：座机号", "H6": "未导入：说明文字"} {
		if v, _ := f.GetCellValue("花名册", cell); !strings.HasPrefix(v, want) {
			t.Errorf("%s %q, want %q", cell, v, want)
		}
	}
	if ms, _ := f.GetMergeCells("花名册", true); merges(ms) != "A1:G1 A6:G6 D3:D5" {
		t.Errorf("merges %s", merges(ms))
	}
}

// A workbook with macros is not copied into an .xlsx (Excel would refuse
// the file): its report is written anew.
func TestReportOfAnXLSMIsWrittenAnew(t *testing.T) {
	src := styledRoster(t)
	xlsm := strings.TrimSuffix(src, ".xlsx") + ".xlsm"
	if err := os.Rename(src, xlsm); err != nil {
		t.Fatal(err)
	}
	p, err := Load(context.Background(), xlsm, "", newStore(t, "厦门宏达机械有限公司工会"), Options{Kind: Members, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "问题.xlsx")
	if err := WriteReport(out, p, i18n.ZH, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 1 || got[0] != "花名册" {
		t.Errorf("sheets %v: the workbook was copied", got)
	}
}
