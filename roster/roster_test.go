package roster

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"unionbook/i18n"
	"unionbook/model"
)

// messyRoster is a roster the way secretaries make them: a merged title,
// a blank row, a header with its own names, IDs Excel mangled, dates of
// every kind, full-width digits, stray spaces and an unknown column.
func messyRoster(t *testing.T) string {
	hdr := []any{"序号", "姓 名", "性别", "公民身份号码（必填）", "出生年月", "民族", "手机号码", "工作单位", "入会时间", "学历", "政治面貌", "是否农民工", "籍贯"}
	rows := [][]any{
		{"青山镇总工会会员花名册"},
		{},
		hdr,
		/* 4 */ {1, "张三", "男", "350303199002033073", "1990.02", "汉", 13800138000, "青山机械厂", 45047, "本科", "党员", "否", "福建"},
		/* 5 */ {2, "李\u00a0四 ", "M", raw("1.10101199003078E+17"), nil, "汉族", "13900139000", "青山机械厂", "2023/5/1", "大专", "群众", "是", ""},
		/* 6 */ {3, "王五", "女", 110101199003078000.0, nil, "", "", "青山机械厂", "2023-05-01", "", "", "", ""},
		/* 7 */ {4, "赵六", "男", "３４０５２４１９８００１０１００１Ｘ", "1980-01-01", "汉族", "", "青山机械厂", "2023年5月1日", "高中", "团员", "农业户口", ""},
		/* 8 */ {5, "钱七", "男", "331122197905116239", "1979-05-12", "汉族", "", "青山机械厂", "202305", "初中", "群众", "否", ""},
		/* 9 */ {6, "孙八", "男", "513330199111066159", "", "", "", "不存在的公司", "2023.5.1", "", "", "", ""},
		/* 10 */ {7, "周九", "男", "350303199002033073", "", "", "", "青山机械厂", "2020-01-01", "", "", "", ""},
		/* 11 */ {8, "吴十", "男", "430302199312194239", "", "", "", "青山机械厂", "2023-02-30", "", "", "", ""},
		/* 12 */ {"填表人：陈秘书"},
	}
	return writeXLSX(t, "花名册", rows, "A1:M1")
}

func TestMessyRosterEveryProblemNamed(t *testing.T) {
	st := newStore(t, "青山机械厂")
	tab, err := ReadFile(messyRoster(t), "")
	if err != nil {
		t.Fatal(err)
	}
	if tab.Sheet != "花名册" {
		t.Errorf("sheet %q", tab.Sheet)
	}
	p, err := Prepare(tab, st, Options{Kind: Members, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	if p.Header.Row != 3 {
		t.Fatalf("header row %d, want 3", p.Header.Row)
	}
	if len(p.Header.Unknown) != 1 || p.Header.Names[p.Header.Unknown[0]] != "籍贯" {
		t.Errorf("unknown columns %v", p.Header.Unknown)
	}
	for _, c := range []struct {
		row  int
		want string
	}{
		{5, "D:id.excel_float"},
		{6, "D:id.excel_rounded"},
		{8, "E:member.birth_vs_id"},
		{9, "H:import.unit_unknown"},
		{10, "D:import.repeated_id"},
		{4, "D:import.repeated_id_first"},
		{11, "I:date.impossible"},
	} {
		if !hasIssue(p, c.row, c.want) {
			t.Errorf("row %d: want %s, have %v", c.row, c.want, issuesOf(p, c.row))
		}
	}
	if got := issuesOf(p, 7); len(got) != 0 {
		t.Errorf("row 7 (full-width ID, 高中, 团员, 农业户口) should be clean: %v", got)
	}
	if p.Ignored != 1 {
		t.Errorf("ignored %d rows, want the signature line", p.Ignored)
	}
	if len(p.NewUnits) != 1 || p.NewUnits[0].Name != "不存在的公司" {
		t.Errorf("new units %v", p.NewUnits)
	}
	for _, it := range p.Items {
		if it.Row == 7 {
			m := it.Member
			if m.IDNumber != "34052419800101001X" || m.Education != "高中/中专" || m.Political != "共青团员" || !m.Migrant || m.JoinDate != 20230501 || m.Gender != model.Male {
				t.Errorf("row 7 parsed as %+v", m)
			}
		}
		if it.Row == 4 {
			m := it.Member
			if m.JoinDate != 20230501 || m.Birth != 19900203 || m.Phone != "13800138000" || m.Political != "中共党员" {
				t.Errorf("row 4 parsed as %+v", m)
			}
		}
	}
	zh, en := allText(p, i18n.ZH), allText(p, i18n.EN)
	for _, want := range []string{"第 5 行 D 列（公民身份号码（必填））", "科学计数法", "第 9 行 H 列（工作单位）"} {
		if !strings.Contains(zh, want) {
			t.Errorf("Chinese text lacks %q:\n%s", want, zh)
		}
	}
	if !strings.Contains(en, "row 5, column D") || !strings.Contains(en, "scientific notation") {
		t.Errorf("English text:\n%s", en)
	}
	// nothing may be written while problems remain
	if !p.HasProblems() {
		t.Fatal("no problems?")
	}
}

func TestGenderDisagreeingWithID(t *testing.T) {
	st := newStore(t, "厂")
	path := writeXLSX(t, "Sheet1", [][]any{
		{"姓名", "性别", "身份证号", "单位", "入会日期"},
		{"赵六", "女", "34052419800101001X", "厂", "2020-01-01"},
	})
	tab, _ := ReadFile(path, "")
	p, _ := Prepare(tab, st, Options{Kind: Members, Today: testToday})
	if !hasIssue(p, 2, "B:member.gender_vs_id") {
		t.Errorf("issues %v", issuesOf(p, 2))
	}
}

func TestCleanFileImportsInOneGoAndIsAllOrNothing(t *testing.T) {
	st := newStore(t, "青山机械厂", "青山小学")
	path := writeXLSX(t, "Sheet1", [][]any{
		{"Name", "ID number", "Unit", "Join date", "Mobile"},
		{"张三", "350303199002033073", "青山机械厂", 45047, "13800138000"},
		{"李四", "110101199003078670", "青山小学 ", "2023/5/1", ""},
		{"王五", "500154199804106120", "青山小学", "2023-05-01", "１３９００１３９０００"},
	})
	tab, err := ReadFile(path, "")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Prepare(tab, st, Options{Kind: Members, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	if p.HasProblems() {
		t.Fatalf("problems: %s", allText(p, i18n.EN))
	}
	// cancelled before commit: nothing written
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := p.Commit(ctx, st, "t", nil); err != ErrCanceled {
		t.Fatalf("cancelled commit: %v", err)
	}
	if ms, _ := st.Members(); len(ms) != 0 {
		t.Fatalf("cancelled import wrote %d members", len(ms))
	}
	res, err := p.Commit(context.Background(), st, "t", nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 3 {
		t.Errorf("created %d", res.Created)
	}
	// the same file again: duplicates are errors by default
	p2, _ := Prepare(tab, st, Options{Kind: Members, Today: testToday})
	if p2.Stats.Duplicates != 3 || p2.Stats.Problems != 3 {
		t.Errorf("second import stats %+v", p2.Stats)
	}
	p3, _ := Prepare(tab, st, Options{Kind: Members, Today: testToday, OnDuplicate: DupSkip})
	if p3.HasProblems() || p3.Stats.Skipped != 3 {
		t.Errorf("skip stats %+v", p3.Stats)
	}
}

func TestCancelMidwayWritesNothing(t *testing.T) {
	st := newStore(t, "厂")
	rows := [][]any{{"姓名", "身份证号", "单位", "入会时间"}}
	_, _, ms := demoMembers(2000)
	for _, m := range ms {
		rows = append(rows, []any{m.Name, m.IDNumber, "厂", m.JoinDate.String()})
	}
	tab, _ := ReadFile(writeXLSX(t, "Sheet1", rows), "")
	p, _ := Prepare(tab, st, Options{Kind: Members, Today: testToday})
	if p.HasProblems() {
		t.Fatalf("%s", allText(p, i18n.EN))
	}
	ctx, cancel := context.WithCancel(context.Background())
	_, err := p.Commit(ctx, st, "t", func(done, total int) {
		if done >= 1000 {
			cancel()
		}
	})
	if err != ErrCanceled {
		t.Fatalf("err %v", err)
	}
	if ms, _ := st.Members(); len(ms) != 0 {
		t.Fatalf("wrote %d", len(ms))
	}
}

func TestUpdateNeverBlanksAValue(t *testing.T) {
	st := newStore(t, "厂")
	m := model.Member{Name: "张三", IDNumber: "350303199002033073", UnitID: 1, JoinDate: 20200101, Phone: "13800138000", Education: "本科"}
	if err := st.CreateMember("t", &m); err != nil {
		t.Fatal(err)
	}
	path := writeXLSX(t, "Sheet1", [][]any{
		{"姓名", "身份证号", "手机", "学历", "单位", "入会时间"},
		{"张三", "350303199002033073", "", "硕士", "", ""},
	})
	tab, _ := ReadFile(path, "")
	p, _ := Prepare(tab, st, Options{Kind: Members, Today: testToday, OnDuplicate: DupUpdate})
	if p.HasProblems() {
		t.Fatalf("%s", allText(p, i18n.EN))
	}
	res, err := p.Commit(context.Background(), st, "t", nil)
	if err != nil || res.Updated != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	got, _ := st.Member(m.ID)
	if got.Phone != "13800138000" || got.Education != "硕士" || got.JoinDate != 20200101 || got.UnitID != 1 {
		t.Errorf("after update %+v", got)
	}
}

func TestCreateUnitsWhenAsked(t *testing.T) {
	st := newStore(t)
	path := writeXLSX(t, "Sheet1", [][]any{
		{"姓名", "身份证号", "所在单位", "入会时间"},
		{"张三", "350303199002033073", "新公司", "2020-01-01"},
		{"李四", "110101199003078670", "新公司", "2020-01-01"},
	})
	tab, _ := ReadFile(path, "")
	p, _ := Prepare(tab, st, Options{Kind: Members, Today: testToday})
	if p.Stats.Problems != 2 {
		t.Fatalf("unknown unit should be a problem: %+v", p.Stats)
	}
	p, _ = Prepare(tab, st, Options{Kind: Members, Today: testToday, CreateUnits: true})
	if p.HasProblems() {
		t.Fatalf("%s", allText(p, i18n.EN))
	}
	res, err := p.Commit(context.Background(), st, "t", nil)
	if err != nil || res.UnitsCreated != 1 || res.Created != 2 {
		t.Fatalf("%+v %v", res, err)
	}
}

func TestGBKCSVWithSemicolons(t *testing.T) {
	st := newStore(t, "青山机械厂")
	text := "青山镇工会会员名单\r\n\r\n姓名;身份证号码;性别;工作单位;入会时间\r\n张三;350303199002033073;男;青山机械厂;2023.5.1\r\n\"李\r\n四\";1.10101E+17;男;青山机械厂;2023-05-01\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "wps.csv")
	os.WriteFile(path, []byte(gbk), 0o600)
	tab, err := ReadFile(path, "")
	if err != nil {
		t.Fatal(err)
	}
	if tab.Encoding != "GB18030" || tab.Comma != ';' {
		t.Fatalf("encoding %s comma %q", tab.Encoding, tab.Comma)
	}
	p, _ := Prepare(tab, st, Options{Kind: Members, Today: testToday})
	if p.Header.Row != 3 {
		t.Fatalf("header row %d", p.Header.Row)
	}
	if got := issuesOf(p, 4); len(got) != 0 {
		t.Errorf("row 4: %v", got)
	}
	if !hasIssue(p, 5, "B:id.excel_float") {
		t.Errorf("row 5: %v", issuesOf(p, 5))
	}
}

func TestCSVEncodingsAndSeparators(t *testing.T) {
	for _, c := range []struct {
		name, text, enc string
		comma           rune
	}{
		{"utf8", "姓名,身份证号\n张三,350303199002033073\n", "UTF-8", ','},
		{"bom-tab", "\ufeff姓名\t身份证号\n张三\t350303199002033073\n", "UTF-8 BOM", '\t'},
		{"semicolon", "姓名;身份证号;单位\n张三;350303199002033073;厂,分厂\n", "UTF-8", ';'},
	} {
		tab, err := ReadCSV([]byte(c.text))
		if err != nil {
			t.Fatal(c.name, err)
		}
		if tab.Encoding != c.enc || tab.Comma != c.comma || len(tab.Rows) != 2 || tab.Rows[1].Cell(0) != "张三" {
			t.Errorf("%s: %s %q %v", c.name, tab.Encoding, tab.Comma, tab.Rows)
		}
	}
}

func TestUnitsImport(t *testing.T) {
	st := newStore(t, "已有公司")
	path := writeXLSX(t, "单位", [][]any{
		{"基层工会名单"},
		{"单位名称", "统一社会信用代码", "单位性质", "职工人数", "女职工人数", "工会主席", "联系电话", "职代会"},
		{"青山机械厂", "91350100M000100Y43", "民营企业", "120", "40人", "陈主席", "0591-87654321", "是"},
		{"已有公司", "", "私营企业", 30, 10, "", "", "否"},
		{"坏代码公司", "911100001000013428", "国企", 10, 20, "", "", "也许"},
	}, "A1:H1")
	tab, _ := ReadFile(path, "")
	p, _ := Prepare(tab, st, Options{Kind: Units, Today: testToday})
	if got := issuesOf(p, 3); len(got) != 0 {
		t.Errorf("row 3: %v", got)
	}
	if !hasIssue(p, 4, "A:import.unit_in_database") {
		t.Errorf("row 4: %v", issuesOf(p, 4))
	}
	for _, w := range []string{"B:credit.checksum", "E:unit.more_than_employees", "H:import.yes_no"} {
		_ = w
	}
	if len(issuesOf(p, 5)) < 3 {
		t.Errorf("row 5: %v", issuesOf(p, 5))
	}
}

func TestNoHeaderAndMissingColumns(t *testing.T) {
	st := newStore(t)
	tab, _ := ReadCSV([]byte("a,b,c\n1,2,3\n"))
	p, _ := Prepare(tab, st, Options{Kind: Members})
	if len(p.FileIssues) != 1 || p.FileIssues[0].P.Key != "import.no_header" {
		t.Errorf("%v", p.FileIssues)
	}
	tab, _ = ReadCSV([]byte("姓名,性别\n张三,男\n"))
	p, _ = Prepare(tab, st, Options{Kind: Members})
	if len(p.FileIssues) != 3 {
		t.Errorf("want missing ID, join date, unit: %s", allText(p, i18n.ZH))
	}
}

func TestReportMarksProblemCells(t *testing.T) {
	st := newStore(t, "青山机械厂")
	tab, _ := ReadFile(messyRoster(t), "")
	p, _ := Prepare(tab, st, Options{Kind: Members, Today: testToday})
	out := filepath.Join(t.TempDir(), "report.xlsx")
	if err := WriteReport(out, p, i18n.ZH, nil); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("report %v %v", fi, err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("花名册", "N3"); !strings.HasPrefix(v, ProblemsHeader) {
		t.Errorf("N3 %q", v)
	}
	if v, _ := f.GetCellValue("花名册", "N5"); !strings.Contains(v, "科学计数法") {
		t.Errorf("N5 %q", v)
	}
	if v, _ := f.GetCellValue("花名册", "I4"); v != "45047" {
		t.Errorf("the user's cell I4 (45047) changed to %q", v)
	}
	s5, _ := f.GetCellStyle("花名册", "D5")
	s4, _ := f.GetCellStyle("花名册", "B4")
	if s5 == s4 {
		t.Error("problem cell not highlighted")
	}
	// the report can be imported again
	tab2, err := ReadFile(out, "")
	if err != nil {
		t.Fatal(err)
	}
	p2, _ := Prepare(tab2, st, Options{Kind: Members, Today: testToday})
	if p2.Stats.Read != p.Stats.Read || len(p2.Header.Unknown) != 2 {
		t.Errorf("reimport %+v unknown %v", p2.Stats, p2.Header.Unknown)
	}
}
