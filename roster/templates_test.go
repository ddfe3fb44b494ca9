package roster

import (
	"context"
	"slices"
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
)

// Rosters as public union, HR and association systems lay them out: the
// columns, the hint and example rows, the notes and the footers below are
// those of their import templates and exports (a provincial union's member
// information template, an HR system's export with bilingual 中文_field
// headers, a staff template with an example row and numbered empty rows,
// an enterprise register), filled with made-up people.

// residentID completes 17 digits with their check character (GB 11643).
func residentID(first17 string) string {
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(first17[i]-'0') * w
	}
	return first17 + string("10X98765432"[sum%11])
}

// Made-up members of a Xiamen enterprise: ID numbers that pass the check.
var (
	idChen  = residentID("35020319850312301") // male, 1985-03-12
	idLin   = residentID("35020619881003202") // female, 1988-10-03
	idHuang = residentID("35021119920517401") // male, 1992-05-17
	idWu    = residentID("35020319791126502") // female, 1979-11-26
)

// unionTemplate is a member information template as provincial unions
// hand them out: a title and an instruction merged across the sheet, a
// header with required marks, a hint row and an example row under it,
// the members, a note merged across the sheet, and a footer of totals,
// signatures and a date line.
func unionTemplate(t *testing.T) string {
	rows := [][]any{
		{"厦门市湖里区总工会 基层工会会员信息采集表"},
		{"填写说明：1.带*为必填项；2.证件号码请设为文本格式；3.上传时把不必要的内容清空"},
		{"序号", "姓名*", "性别", "出生日期", "民族", "移动电话", "证件号码*", "所属企业/工会*", "工会会员号", "工种", "户籍类型", "入会时间*"},
		{"", "必填", "下拉选择", "yyyy-mm-dd", "", "11位手机号", "必填，18位", "必填", "选填", "", "下拉选择", "必填"},
		{"示例", "张三", "男", "1990-01-01", "汉族", "13800138000", "110101199001011234", "XX公司工会", "", "钳工", "农业户口", "2020-01-01"},
		{1, "陈建国", "男", "1985-03-12", "汉族", "13905920001", idChen, "厦门宏达机械有限公司工会", "HL-0001", "钳工", "城镇", "2010-07-01"},
		{2, "林秀英", "女", "1988-10-03", "汉族", "0592-5201083", idLin, "厦门宏达机械有限公司工会", "HL-0002", "会计", "农村", "2012-03-15"},
		{3, "黄志明", "男", "1992-05-17", "畲族", "13905920003", idHuang, "厦门宏达机械有限公司工会", "HL-0003", "焊工", "农业户口", "2016-09-01"},
		{4, "吴丽华", "女", "1979-11-26", "汉族", "", idWu, "厦门宏达机械有限公司工会", "HL-0004", "仓管", "非农业户口", "2003-05-01"},
		{"注：上传时把不必要的内容清空，不要改动表头"},
		{"合计", "4人"},
		{"制表人：陈秘书", "", "", "", "审核人：林主席", "", "", "日期：2025年5月20日"},
		{"", "", "", "", "", "", "", "", "单位（盖章）"},
		{"", "", "", "", "", "", "", "", "    年   月   日"},
	}
	return writeXLSX(t, "会员信息", rows, "A1:L1", "A2:L2", "A10:L10")
}

func TestUnionTemplateImportsOnlyTheMembers(t *testing.T) {
	st := newStore(t, "厦门宏达机械有限公司工会")
	p, err := Load(context.Background(), unionTemplate(t), "", st, Options{Kind: Members, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	if p.Header.Row != 3 || len(p.FileIssues) > 0 {
		t.Fatalf("header row %d, file issues %v", p.Header.Row, allText(p, i18n.EN))
	}
	for f, col := range map[Field]int{FName: 1, FPhone: 5, FIDNumber: 6, FUnit: 7, FMemberNo: 8, FJob: 9, FHukou: 10, FJoinDate: 11} {
		if c := p.Header.Column(f); c != col {
			t.Errorf("%s in column %s, want %s", f, ColumnName(c), ColumnName(col))
		}
	}
	if p.Stats.Read != 4 || p.Stats.Valid != 4 {
		t.Errorf("stats %+v: %s", p.Stats, allText(p, i18n.ZH))
	}
	want := map[int]string{4: SkipHint, 5: SkipExample, 10: SkipNote, 11: SkipFooter, 12: SkipFooter, 13: SkipFooter, 14: SkipFooter}
	if got := ignoredByRow(p); !mapsEqual(got, want) {
		t.Errorf("rows not data: %v, want %v", got, want)
	}
	if len(p.NewUnits) != 0 {
		t.Errorf("new units %v: a note or footer became a unit", p.NewUnits)
	}
	for _, it := range p.Items {
		if it.Member.Name == "林秀英" && (it.Member.Phone != "0592-5201083" || !it.Member.Migrant) {
			t.Errorf("林秀英: phone %q migrant %v", it.Member.Phone, it.Member.Migrant)
		}
	}
	if got := p.IgnoredText(i18n.ZH); got != "填写提示 1 行，模板示例 1 行，说明 1 行，合计、签字或日期 4 行" {
		t.Errorf("ignored text %q", got)
	}
}

// ignoredByRow maps the rows that are not data to why.
func ignoredByRow(p *Plan) map[int]string {
	m := map[int]string{}
	for _, r := range p.IgnoredRows {
		m[r.Row] = r.Why
	}
	return m
}

func mapsEqual[K comparable, V comparable](a, b map[K]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// hrExport is an HR system's export of its employee master: a title and
// an explanation merged across, headers written 中文_field_key, a bare ID
// column of record numbers before the ID number, and no join date (the
// union adds one for all).
func hrExport(t *testing.T) string {
	rows := [][]any{
		{"员工主表"},
		{"【说明】每名员工一行；身份证号为全系统唯一标识，不可修改。"},
		{"ID", "姓名_real_name", "身份证号_id_card_no", "性别_gender", "出生年月_birth_date", "民族_ethnicity",
			"政治面貌_political_status", "户籍属性_hometown_type", "籍贯_native_place", "联系方式_phone", "用工公司_company", "岗位名称_position_name"},
		{1, "陈建国", idChen, "男", "1985-03", "汉族", "中共党员", "城镇", "福建厦门", "13905920001", "厦门宏达机械有限公司工会", "钳工"},
		{2, "林秀英", idLin, "女", 1988.1, "汉族", "群众", "农村", "福建漳州", "13905920002", "厦门宏达机械有限公司工会", "会计"},
		{3, "黄志明", idHuang, "男", "1992-05", "畲族", "共青团员", "农村", "福建宁德", "13905920003", "厦门宏达机械有限公司工会", "焊工"},
	}
	return writeXLSX(t, "员工主表", rows, "A1:L1", "A2:L2")
}

func TestBilingualHeadersAndABareIDColumn(t *testing.T) {
	st := newStore(t, "厦门宏达机械有限公司工会")
	p, err := Load(context.Background(), hrExport(t), "", st, Options{Kind: Members, Today: testToday, JoinDate: model.NewDate(2024, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	for f, col := range map[Field]int{FName: 1, FIDNumber: 2, FGender: 3, FBirth: 4, FEthnicity: 5, FPolitical: 6, FHukou: 7, FPhone: 9, FUnit: 10, FJob: 11} {
		if c := p.Header.Column(f); c != col {
			t.Errorf("%s in column %s, want %s", f, ColumnName(c), ColumnName(col))
		}
	}
	if p.Header.Fields[0] != "" || slices.Contains(p.Header.Unknown, 0) {
		t.Errorf("the ID column of record numbers is mapped or named unknown: %q %v", p.Header.Fields[0], p.Header.Unknown)
	}
	if names, _ := p.Header.UnknownNames(5); len(names) != 1 || names[0] != "I 籍贯_native_place" {
		t.Errorf("unknown columns %v", names)
	}
	// 1988.1 is how Excel keeps 1988.10 typed as a number: the ID says October
	if p.Stats.Read != 3 || p.Stats.Valid != 3 {
		t.Errorf("stats %+v: %s", p.Stats, allText(p, i18n.ZH))
	}
	if len(p.IgnoredRows) != 0 {
		t.Errorf("ignored %v", p.IgnoredRows)
	}
}

// An English sheet whose bare ID column holds the ID numbers: with no
// other column for them, it is read as the ID number.
func TestBareIDColumnOfIDNumbers(t *testing.T) {
	tab, err := ReadCSV([]byte("Name,ID,Unit,Joined\nChen Jianguo," + idChen + ",Hongda,2020-01-01\nLin Xiuying," + idLin + ",Hongda,2020-01-01\n"))
	if err != nil {
		t.Fatal(err)
	}
	if h := FindHeader(tab, Members); h.Column(FIDNumber) != 1 {
		t.Errorf("ID column of ID numbers mapped to %v", h.Fields)
	}
	tab, _ = ReadCSV([]byte("ID,Name,ID number,Unit,Joined\n1,Chen Jianguo," + idChen + ",Hongda,2020-01-01\n"))
	if h := FindHeader(tab, Members); h.Column(FIDNumber) != 2 || h.Fields[0] != "" {
		t.Errorf("ID beside ID number: %v", h.Fields)
	}
	// 编号 and 序号 are row numbers, never the ID number
	tab, _ = ReadCSV([]byte("编号,姓名,身份证号码,工作单位,入会时间\n1,陈建国," + idChen + ",宏达,2020-01-01\n"))
	if h := FindHeader(tab, Members); h.Column(FIDNumber) != 2 || h.Fields[0] != "" {
		t.Errorf("编号 beside 身份证号码: %v", h.Fields)
	}
}

// staffTemplate is a staff template as an HR tool generates it: a title,
// the header, an example row whose first cell says to delete it, numbered
// empty rows whose text cells hold the apostrophe the generator wrote, and
// the staff typed over some of them.
func staffTemplate(t *testing.T) string {
	rows := [][]any{
		{"厦门宏达机械有限公司 员工资料"},
		{"序号", "姓名", "手机号", "身份证号", "银行卡号", "部门", "入职年月日", "备注"},
		{"上传时请删除此行和空行", "例如:张三", "13800138000", "440881000000000000", "132546879879564132", "生产部", "2019-1-1", "对员工的备注"},
		{1, "陈建国", "13905920001", idChen, "'", "生产部", "2010-7-1", ""},
		{2, "林秀英", "13905920002", idLin, "'", "财务部", "2012-3-15", ""},
		{3, "", "", "'", "'", "", "", ""},
		{4, "", "", "'", "'", "", "", ""},
		{5, "", "", "'", "'", "", "", ""},
	}
	return writeXLSX(t, "员工资料", rows, "A1:H1")
}

func TestStaffTemplateExampleAndNumberedEmptyRows(t *testing.T) {
	st := newStore(t, "厦门宏达机械有限公司工会")
	p, err := Load(context.Background(), staffTemplate(t), "", st,
		Options{Kind: Members, Today: testToday, Unit: "厦门宏达机械有限公司工会", JoinDate: model.NewDate(2024, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	if p.Stats.Read != 2 || p.Stats.Valid != 2 {
		t.Errorf("stats %+v: %s", p.Stats, allText(p, i18n.ZH))
	}
	want := map[int]string{3: SkipExample, 6: SkipBlank, 7: SkipBlank, 8: SkipBlank}
	if got := ignoredByRow(p); !mapsEqual(got, want) {
		t.Errorf("rows not data: %v, want %v", got, want)
	}
}

// enterpriseRegister is a list of enterprises as a development zone keeps
// it, with the names such registers use for the columns, a note merged
// across under the units and a total.
func enterpriseRegister(t *testing.T) string {
	rows := [][]any{
		{"序号", "企业名称", "营业执照注册号", "企业性质", "员工总人数", "注册地址", "工会主席", "联系电话"},
		{1, "厦门宏达机械有限公司工会", "91350200MA2XXXXX0A", "私营企业", 120, "厦门市湖里区华泰路8号", "林主席", "0592-5201083"},
		{2, "厦门海润食品有限公司", "", "民营", "85人", "厦门市湖里区金山路2号", "王主席", "13905920009"},
		{"上传时把不必要的内容清空"},
		{"合计", "", "", "", 205},
	}
	return writeXLSX(t, "企业名单", rows, "A4:H4")
}

func TestEnterpriseRegisterNamesAndANoteThatIsNoUnit(t *testing.T) {
	st := newStore(t)
	p, err := Load(context.Background(), enterpriseRegister(t), "", st, Options{Kind: Units, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	for f, col := range map[Field]int{FUnitName: 1, FCreditCode: 2, FUnitKind: 3, FEmployees: 4, FAddress: 5, FChair: 6, FUnitPhone: 7} {
		if c := p.Header.Column(f); c != col {
			t.Errorf("%s in column %s, want %s", f, ColumnName(c), ColumnName(col))
		}
	}
	if p.Stats.Read != 2 {
		t.Errorf("read %d units: %s", p.Stats.Read, allText(p, i18n.ZH))
	}
	for _, it := range p.Items {
		if strings.Contains(it.Unit.Name, "清空") {
			t.Errorf("the note became unit %q", it.Unit.Name)
		}
		if it.Unit.Name == "厦门海润食品有限公司" && (it.Unit.Employees != 85 || it.Unit.Kind != 170 || it.Unit.Address != "厦门市湖里区金山路2号") {
			t.Errorf("海润: %+v", it.Unit)
		}
	}
	want := map[int]string{4: SkipNote, 5: SkipFooter}
	if got := ignoredByRow(p); !mapsEqual(got, want) {
		t.Errorf("rows not data: %v, want %v", got, want)
	}
}

// A merged cell's text goes down its first column only: a unit merged
// down its members' rows fills them, a note merged across does not fill
// the name, ID and unit columns.
func TestMergedCellsFillDownNotSideways(t *testing.T) {
	rows := [][]any{
		{"姓名", "身份证号", "工作单位", "入会时间", "备注"},
		{"陈建国", idChen, "厦门宏达机械有限公司工会", "2010-07-01", ""},
		{"林秀英", idLin, nil, "2012-03-15", ""},
		{"黄志明", idHuang, nil, "2016-09-01", ""},
		{"以上人员均已审核，上传时请把不必要的内容清空"},
	}
	path := writeXLSX(t, "Sheet1", rows, "C2:C4", "A5:E5")
	st := newStore(t, "厦门宏达机械有限公司工会")
	p, err := Load(context.Background(), path, "", st, Options{Kind: Members, Today: testToday, CreateUnits: true})
	if err != nil {
		t.Fatal(err)
	}
	if p.Stats.Read != 3 || p.Stats.Valid != 3 || len(p.NewUnits) != 0 {
		t.Errorf("stats %+v, new units %v: %s", p.Stats, p.NewUnits, allText(p, i18n.ZH))
	}
	row5 := p.Table.Rows[len(p.Table.Rows)-1]
	if row5.Num != 5 || row5.Cell(1) != "" || row5.Cell(2) != "" {
		t.Errorf("the note was copied sideways: %q", row5.Cells)
	}
	if got := ignoredByRow(p); got[5] != SkipNote {
		t.Errorf("rows not data: %v", got)
	}
}

// A sheet whose only known column is 姓名 says which required columns it
// lacks, instead of "no header row".
func TestNameOnlyHeaderNamesTheMissingColumns(t *testing.T) {
	tab, err := ReadCSV([]byte("姓名,公民身份号,所在企业单位,参加工会的时间\n陈建国," + idChen + ",宏达,2020-01-01\n"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Prepare(tab, newStore(t), Options{Kind: Members, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	if p.Header.Row != 1 {
		t.Fatalf("header row %d", p.Header.Row)
	}
	var missing []string
	for _, is := range p.FileIssues {
		if is.P.Key == "import.no_header" {
			t.Errorf("no header row: %s", is.Localize(i18n.ZH))
		}
		if len(is.P.Args) > 0 {
			if a, ok := is.P.Args[0].(i18nArg); ok {
				missing = append(missing, string(a))
			}
		}
	}
	if want := []string{"field.id_number", "field.join_date", "field.unit"}; !slices.Equal(missing, want) {
		t.Errorf("missing %v, want %v", missing, want)
	}
	if !strings.Contains(allText(p, i18n.ZH), "表中没有「身份证号」列") {
		t.Errorf("message: %s", allText(p, i18n.ZH))
	}
}

// Hint rows as templates put them under the header: every cell a hint.
func TestHintRowsUnderTheHeader(t *testing.T) {
	tab, err := ReadCSV([]byte("姓名,身份证号码,工作单位,入会时间,手机\n" +
		"（必填）,（必填）18位,（必填）,格式：2020-01-01,选填\n" +
		"陈建国," + idChen + ",宏达,2020-01-01,\n"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Prepare(tab, newStore(t, "宏达"), Options{Kind: Members, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	if p.Stats.Read != 1 || p.Stats.Valid != 1 || ignoredByRow(p)[2] != SkipHint {
		t.Errorf("stats %+v, ignored %v: %s", p.Stats, p.IgnoredRows, allText(p, i18n.ZH))
	}
}

// A member whose note reads like a footer or a hint is still a member:
// only an example mark drops a row with a name.
func TestRealRowsWithTemplateWordsInNotesStay(t *testing.T) {
	tab, err := ReadCSV([]byte("姓名,身份证号码,工作单位,入会时间,备注\n" +
		"陈建国," + idChen + ",宏达,2020-01-01,负责人：车间主任\n" +
		"林秀英," + idLin + ",宏达,2020-01-01,合计工龄 12 年\n" +
		"黄志明," + idHuang + ",宏达,2020-01-01,已调走，请删除会籍\n" +
		"吴丽华," + idWu + ",宏达,2020-01-01,必填项已核对\n"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Prepare(tab, newStore(t, "宏达"), Options{Kind: Members, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	if p.Stats.Read != 4 || len(p.IgnoredRows) != 0 {
		t.Errorf("read %d, ignored %v", p.Stats.Read, p.IgnoredRows)
	}
}

// A year and month typed as a number: Excel keeps 1988.10 as 1988.1. The
// ID number decides between January and October; a birth month that fits
// neither is still a problem.
func TestYearMonthNumberEndingInZero(t *testing.T) {
	idJan := residentID("35020319880115301") // 1988-01-15
	rows := [][]any{
		{"姓名", "身份证号码", "出生年月", "工作单位", "入会时间"},
		{"林秀英", idLin, 1988.10, "宏达", "2012-03-15"},  // October, typed 1988.10
		{"陈一月", idJan, 1988.1, "宏达", "2012-03-15"},   // January
		{"黄志明", idHuang, 1992.1, "宏达", "2016-09-01"}, // the ID says May
		{"吴丽华", idWu, "1979.11", "宏达", "2003-05-01"}, // November, as text
	}
	st := newStore(t, "宏达")
	p, err := Load(context.Background(), writeXLSX(t, "Sheet1", rows), "", st, Options{Kind: Members, Today: testToday})
	if err != nil {
		t.Fatal(err)
	}
	births := map[string]model.Date{}
	for _, it := range p.Items {
		births[it.Member.Name] = it.Member.Birth
	}
	if births["林秀英"] != model.NewDate(1988, 10, 3) || births["陈一月"] != model.NewDate(1988, 1, 15) || births["吴丽华"] != model.NewDate(1979, 11, 26) {
		t.Errorf("births %v", births)
	}
	if got := issuesOf(p, 4); len(got) != 1 || got[0] != "C:member.birth_vs_id" {
		t.Errorf("row 4 (1992.1, born in May): %v", got)
	}
	if p.Stats.Problems != 1 {
		t.Errorf("stats %+v: %s", p.Stats, allText(p, i18n.ZH))
	}
}
