package roster

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// samePlan fails unless Load made the plan ReadFile and Prepare make.
func samePlan(t *testing.T, want, got *Plan) {
	t.Helper()
	wt, gt := want.Table, got.Table
	if wt.Sheet != gt.Sheet || wt.Width != gt.Width || wt.Date1904 != gt.Date1904 ||
		!reflect.DeepEqual(wt.Sheets, gt.Sheets) || !reflect.DeepEqual(wt.Merged, gt.Merged) || !reflect.DeepEqual(wt.Rows, gt.Rows) {
		t.Errorf("tables differ:\nwant %s %d %v %v\nhave %s %d %v %v", wt.Sheet, wt.Width, wt.Merged, wt.Rows, gt.Sheet, gt.Width, gt.Merged, gt.Rows)
	}
	if !reflect.DeepEqual(want.Header, got.Header) {
		t.Errorf("headers differ:\nwant %+v\nhave %+v", want.Header, got.Header)
	}
	if !reflect.DeepEqual(want.Items, got.Items) && !(len(want.Items) == 0 && len(got.Items) == 0) {
		t.Errorf("items differ:\nwant %+v\nhave %+v", want.Items, got.Items)
	}
	if !reflect.DeepEqual(want.FileIssues, got.FileIssues) || !reflect.DeepEqual(want.NewUnits, got.NewUnits) ||
		want.Stats != got.Stats || want.Ignored != got.Ignored || want.NoJoinDate != got.NoJoinDate {
		t.Errorf("plans differ:\nwant %v %v %+v %d %d\nhave %v %v %+v %d %d", want.FileIssues, want.NewUnits, want.Stats, want.Ignored, want.NoJoinDate,
			got.FileIssues, got.NewUnits, got.Stats, got.Ignored, got.NoJoinDate)
	}
}

func compareLoad(t *testing.T, st *storage.Store, path, sheet string, opts Options) *Plan {
	t.Helper()
	tab, err := ReadFile(path, sheet)
	if err != nil {
		t.Fatal(err)
	}
	want, err := Prepare(tab, st, opts)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Load(context.Background(), path, sheet, st, opts)
	if err != nil {
		t.Fatal(err)
	}
	samePlan(t, want, got)
	return got
}

// longRoster is a roster of n members under a title, with a signature
// line, a blank row and a repeated header among them.
func longRoster(n int) [][]any {
	rows := [][]any{{"青山镇总工会会员花名册"}, {}, {"序号", "姓名", "身份证号", "性别", "工作单位", "入会时间", "备注"}}
	ids := []string{"350303199002033073", "110101199003078670", "500154199804106120", "430302199312194239", "513330199111066159"}
	for i := 0; i < n; i++ {
		switch i {
		case 40:
			rows = append(rows, []any{})
		case 70:
			rows = append(rows, []any{"序号", "姓名", "身份证号", "性别", "工作单位", "入会时间"})
		}
		unit := "青山机械厂"
		if i%7 == 3 {
			unit = "新开的厂"
		}
		rows = append(rows, []any{i + 1, fmt.Sprintf("会员%d", i), ids[i%len(ids)], "男", unit, 45047 + i, nil, fmt.Sprint(i)})
	}
	return append(rows, []any{"填表人：陈秘书"})
}

func TestLoadMakesThePlanReadFileAndPrepareMake(t *testing.T) {
	st := newStore(t, "青山机械厂")
	for _, dup := range []Duplicate{DupError, DupSkip} {
		compareLoad(t, st, messyRoster(t), "", Options{Kind: Members, Today: testToday, OnDuplicate: dup})
	}
	compareLoad(t, st, messyRoster(t), "花名册", Options{Kind: Members, Today: testToday, CreateUnits: true})
	// more rows than the header is looked for in, and more than a batch
	long := writeXLSX(t, "Sheet1", longRoster(600), "A1:G1")
	p := compareLoad(t, st, long, "", Options{Kind: Members, Today: testToday})
	if p.Stats.Read != 600 || p.Ignored != 2 {
		t.Errorf("stats %+v, ignored %d", p.Stats, p.Ignored)
	}
	compareLoad(t, st, long, "", Options{Kind: Members, Today: testToday, CreateUnits: true, JoinDate: model.NewDate(2020, time.May, 1)})
	compareLoad(t, st, long, "", Options{Kind: Units, Today: testToday})
	// a unit merged down the rows of its members: filled before checking
	merged := writeXLSX(t, "Sheet1", [][]any{
		{"姓名", "身份证号", "工作单位", "入会时间"},
		{"张三", "350303199002033073", "青山机械厂", "2023-05-01"},
		{"李四", "110101199003078670", nil, "2023-05-01"},
	}, "C2:C3")
	p = compareLoad(t, st, merged, "", Options{Kind: Members, Today: testToday})
	if p.HasProblems() {
		t.Errorf("merged unit not filled: %v", p.Issues())
	}
	// no header, and a missing column
	compareLoad(t, st, writeXLSX(t, "Sheet1", [][]any{{"a", "b"}, {"c", "d"}}), "", Options{Kind: Members, Today: testToday})
	compareLoad(t, st, writeXLSX(t, "Sheet1", [][]any{{"姓名", "工作单位", "入会时间"}, {"张三", "青山机械厂", "2023-05-01"}}), "", Options{Kind: Members, Today: testToday})
	// a header the user mapped
	tab, _ := ReadFile(long, "")
	h := FindHeader(tab, Members)
	h.Set(6, FNotes)
	compareLoad(t, st, long, "", Options{Kind: Members, Today: testToday, Header: &h})
}

func TestLoadFindsTheFirstSheetWithData(t *testing.T) {
	st := newStore(t, "青山机械厂")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "说明")
	f.SetCellValue("说明", "A1", "填表说明：每人一行")
	f.NewSheet("空表")
	f.NewSheet("花名册")
	for r, row := range longRoster(30) {
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		f.SetSheetRow("花名册", cell, &row)
	}
	path := t.TempDir() + "/多表.xlsx"
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	p := compareLoad(t, st, path, "", Options{Kind: Members, Today: testToday})
	if p.Table.Sheet != "花名册" || p.Stats.Read != 30 {
		t.Errorf("sheet %q, %+v", p.Table.Sheet, p.Stats)
	}
	p = compareLoad(t, st, path, "说明", Options{Kind: Members, Today: testToday})
	if p.Table.Sheet != "说明" || len(p.FileIssues) != 1 {
		t.Errorf("sheet %q, %v", p.Table.Sheet, p.FileIssues)
	}
	if _, err := Load(context.Background(), path, "没有", st, Options{Kind: Members}); err == nil || !strings.Contains(i18n.Text(err, i18n.EN), "no sheet") {
		t.Errorf("unknown sheet: %v", err)
	}
}

func TestLoadCSVAndErrors(t *testing.T) {
	st := newStore(t, "青山机械厂")
	dir := t.TempDir()
	csv := dir + "/r.csv"
	if err := os.WriteFile(csv, []byte("姓名,身份证号,工作单位,入会时间\n张三,350303199002033073,青山机械厂,2023-05-01\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	compareLoad(t, st, csv, "", Options{Kind: Members, Today: testToday})
	if _, err := Load(context.Background(), dir+"/none.xlsx", "", st, Options{}); err == nil {
		t.Error("a missing file loaded")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx, writeXLSX(t, "Sheet1", longRoster(600)), "", st, Options{Kind: Members, Today: testToday}); err != ErrCanceled {
		t.Errorf("cancelled load: %v", err)
	}
}

// join dates: a roster without the column, one with blank cells, and the
// default given for them (--join-date).
func TestJoinDateDefault(t *testing.T) {
	st := newStore(t, "青山机械厂")
	noCol := writeXLSX(t, "Sheet1", [][]any{
		{"姓名", "身份证号", "工作单位"},
		{"张三", "350303199002033073", "青山机械厂"},
		{"李四", "110101199003078670", "青山机械厂"},
	})
	p := compareLoad(t, st, noCol, "", Options{Kind: Members, Today: testToday})
	if len(p.FileIssues) != 1 || p.FileIssues[0].P.Key != "import.missing_join_date" || len(p.Items) != 0 || !p.WantsJoinDate() {
		t.Fatalf("want one file problem, have %v (%d items)", p.Issues(), len(p.Items))
	}
	for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
		if msg := p.FileIssues[0].Localize(l); !strings.Contains(msg, "--join-date") || !strings.Contains(msg, l.T("field.join_date")) || !strings.Contains(msg, "入会时间") {
			t.Errorf("%s: %s", l.Code(), msg)
		}
	}
	d := model.NewDate(2023, time.May, 1)
	p = compareLoad(t, st, noCol, "", Options{Kind: Members, Today: testToday, JoinDate: d})
	if p.HasProblems() || p.Stats.New != 2 || p.NoJoinDate != 2 || !p.WantsJoinDate() {
		t.Fatalf("%v %+v", p.Issues(), p.Stats)
	}
	for _, it := range p.Items {
		if it.Member.JoinDate != d {
			t.Errorf("row %d joined %v", it.Row, it.Member.JoinDate)
		}
	}
	// a date in the row wins; a blank cell takes the default or is a problem
	withCol := writeXLSX(t, "Sheet1", [][]any{
		{"姓名", "身份证号", "工作单位", "入会时间"},
		{"张三", "350303199002033073", "青山机械厂", "2019-03-08"},
		{"李四", "110101199003078670", "青山机械厂", nil},
		{"王五", "500154199804106120", "青山机械厂", "2023-02-30"},
	})
	p = compareLoad(t, st, withCol, "", Options{Kind: Members, Today: testToday, JoinDate: d})
	if p.NoJoinDate != 1 || p.Items[0].Member.JoinDate != model.NewDate(2019, time.March, 8) || p.Items[1].Member.JoinDate != d {
		t.Errorf("%d without; joined %v, %v", p.NoJoinDate, p.Items[0].Member.JoinDate, p.Items[1].Member.JoinDate)
	}
	if got := issuesOf(p, 4); len(got) != 1 || got[0] != "D:date.impossible" {
		t.Errorf("a wrong date is not replaced by the default: %v", got)
	}
	p = compareLoad(t, st, withCol, "", Options{Kind: Members, Today: testToday})
	if p.NoJoinDate != 1 || !hasIssue(p, 3, "D:problem.required") || !p.WantsJoinDate() {
		t.Errorf("%d without; %v", p.NoJoinDate, issuesOf(p, 3))
	}
	// every row has its own: the default changes nothing
	full := writeXLSX(t, "Sheet1", [][]any{{"姓名", "身份证号", "工作单位", "入会时间"}, {"张三", "350303199002033073", "青山机械厂", "2019-03-08"}})
	p = compareLoad(t, st, full, "", Options{Kind: Members, Today: testToday})
	if p.WantsJoinDate() || p.HasProblems() {
		t.Errorf("wants a join date: %v", p.Issues())
	}
	// a default after today is refused once
	p = compareLoad(t, st, noCol, "", Options{Kind: Members, Today: testToday, JoinDate: testToday + 1})
	if len(p.FileIssues) != 1 || p.FileIssues[0].P.Key != "import.join_date_future" {
		t.Errorf("%v", p.FileIssues)
	}
	// written, and an update keeps the join date in the database
	p = compareLoad(t, st, noCol, "", Options{Kind: Members, Today: testToday, JoinDate: d})
	if _, err := p.Commit(context.Background(), st, "t", nil); err != nil {
		t.Fatal(err)
	}
	m, _, _ := st.MemberByIDNumber("350303199002033073")
	if m.JoinDate != d {
		t.Errorf("written join date %v", m.JoinDate)
	}
	p = compareLoad(t, st, noCol, "", Options{Kind: Members, Today: testToday, JoinDate: model.NewDate(2024, time.May, 1), OnDuplicate: DupUpdate})
	if p.HasProblems() || p.Items[0].Member.JoinDate != d {
		t.Errorf("update overwrote the join date: %v %v", p.Issues(), p.Items[0].Member.JoinDate)
	}
}

// clean is model.Clean.
func TestCleanIsModelClean(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		if s := "a" + string(r) + "b"; clean(s) != model.Clean(s) {
			t.Fatalf("%U: %q, model %q", r, clean(s), model.Clean(s))
		}
	}
	for r := rune(0x3000); r <= 0xFFFF; r++ {
		if s := string(r) + " 1"; clean(s) != model.Clean(s) {
			t.Fatalf("%U: %q, model %q", r, clean(s), model.Clean(s))
		}
	}
	for _, s := range []string{"", " ", "  张三 ", "\t1\n", "李\u00a0四 ", "３４０５", "2023-05-01", " 青山机械厂", "\u3000王五", "a\u200bb", "Ｘ", "x\xffy", "\u00b7"} {
		if clean(s) != model.Clean(s) {
			t.Errorf("%q: %q, model %q", s, clean(s), model.Clean(s))
		}
	}
}

// the quick ways DateCell, PhoneCell and GenderCell take give what the
// long ways give.
func TestCellShortcuts(t *testing.T) {
	for _, s := range []string{"2023-05-01", "2023-02-30", "2023-13-01", "0000-00-00", "45047", "3653", "3654", "0", "99999", "00123", "1990-02-29", "2000-02-29"} {
		for _, d1904 := range []bool{false, true} {
			d, mo, err := DateCell(s, d1904)
			wd, wmo, werr := dateCellSlow(s, d1904)
			if d != wd || mo != wmo || fmt.Sprint(err) != fmt.Sprint(werr) {
				t.Errorf("%q %v: %v %v %v, want %v %v %v", s, d1904, d, mo, err, wd, wmo, werr)
			}
		}
	}
	for _, s := range []string{"13800138000", "12800138000", "1380013800", "138001380001", "19912345678"} {
		got, err := PhoneCell(s)
		want, werr := model.NormalizeMobile(s)
		if got != want || (err == nil) != (werr == nil) {
			t.Errorf("%q: %q %v, want %q %v", s, got, err, want, werr)
		}
	}
	for _, s := range []string{"男", "女", " 男 "} {
		g, err := GenderCell(s)
		wg, _ := model.ParseGender(s)
		if err != nil || g != wg {
			t.Errorf("%q: %v %v", s, g, err)
		}
	}
}

// dateCellSlow is DateCell without its shortcuts.
func dateCellSlow(s string, date1904 bool) (model.Date, bool, error) {
	t := model.Clean(s)
	if d, err := model.ParseDate(t); err == nil {
		return d, false, nil
	} else if e, ok := err.(*i18n.Error); ok && e.Key == "date.impossible" {
		return 0, false, err
	}
	if m := reYYYYMM.FindStringSubmatch(t); m != nil {
		return DateCell(s, date1904) // not a shortcut's case
	}
	if mo, err := model.ParseMonth(t); err == nil {
		return mo.First(), true, nil
	}
	if reSerial.MatchString(t) {
		var f float64
		fmt.Sscan(t, &f)
		if d, ok := serialDate(f, date1904); ok {
			return d, false, nil
		}
	}
	return 0, false, i18n.E("import.date_format", shortText(s))
}

// Load says how many rows it has read as it goes, ending with all of them.
func TestLoadProgress(t *testing.T) {
	rows := [][]any{{"姓名", "身份证号码", "工作单位", "入会时间"}}
	for i := 0; i < 2000; i++ {
		rows = append(rows, []any{"陈建国", idChen, "宏达", "2010-07-01"})
	}
	for _, path := range []string{writeXLSX(t, "Sheet1", rows), csvOf(t, rows)} {
		var seen []int
		_, err := Load(context.Background(), path, "", newStore(t, "宏达"), Options{Kind: Members, Today: testToday,
			Progress: func(n int) { seen = append(seen, n) }})
		if err != nil {
			t.Fatal(err)
		}
		if len(seen) < 2 || seen[len(seen)-1] != 2001 || !slices.IsSorted(seen) {
			t.Errorf("%s: progress %v", filepath.Ext(path), seen)
		}
	}
}

// csvOf writes rows as a CSV file.
func csvOf(t *testing.T, rows [][]any) string {
	var b strings.Builder
	for _, r := range rows {
		for i, v := range r {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprint(&b, v)
		}
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "r.csv")
	writeFile(t, path, b.String())
	return path
}
