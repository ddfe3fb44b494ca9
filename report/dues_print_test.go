package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
)

func openDoc(t *testing.T, path string) *excelize.File {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// cells is every non-empty cell of a docSheet, by row.
func docCells(t *testing.T, f *excelize.File, docSheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(docSheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func docText(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "|") + "\n")
	}
	return b.String()
}

func TestReceiptsThreeToAPage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "收据.xlsx")
	var rs []Receipt
	for i := range 4 {
		rs = append(rs, Receipt{No: "2026-00000" + string(rune('1'+i)), Payer: "张三（000001）", Unit: "宏达工会", Months: "2026-01至2026-03",
			Amount: 12000, Method: model.PayCash, Date: 20261121, Operator: "李秘书"})
	}
	rs[3].Note = "2026-03 少缴，仍欠 6.20 元"
	if err := WriteReceipts(path, i18n.ZH, "青山镇总工会", rs); err != nil {
		t.Fatal(err)
	}
	f := openDoc(t, path)
	docSheet := f.GetSheetList()[0]
	all := docText(docCells(t, f, docSheet))
	for _, want := range []string{"青山镇总工会  工会会费收据", "收据号：2026-000004", "交款人|张三（000001）", "金额（大写）|壹佰贰拾元整", "经办人：李秘书",
		"缴费方式|现金", "所属月份|2026-01至2026-03", "2026-03 少缴，仍欠 6.20 元", "沿此线剪开"} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
	if n := strings.Count(all, "工会会费收据"); n != 4 {
		t.Errorf("%d receipts", n)
	}
	// the amount is a number formatted as money
	v, _ := f.GetCellValue(docSheet, "E5")
	if v != "¥120.00" {
		t.Errorf("amount cell %q", v)
	}
	// A4 portrait, a page break after the third
	lay, err := f.GetPageLayout(docSheet)
	if err != nil || *lay.Size != 9 || *lay.Orientation != "portrait" {
		t.Errorf("layout %+v %v", lay, err)
	}
	xml := docSheetXML(t, path)
	if !strings.Contains(xml, "<rowBreaks") || strings.Count(xml, "<brk ") != 1 {
		t.Errorf("page breaks: %s", docBetween(xml, "<rowBreaks", "</rowBreaks>"))
	}
}

func TestBatchReceiptListsItsMembers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "收据.xlsx")
	r := Receipt{No: "2026-000010", Payer: "宏达工会", Unit: "宏达工会", Months: "2026-01至2026-03", Amount: 10620, Method: model.PayPayroll,
		Date: 20261121, Operator: "李秘书", Members: []ReceiptLine{{No: "000001", Name: "张三", Months: "2026-01至2026-03", Amount: 4620}, {No: "000002", Name: "李四", Months: "2026-01至2026-03", Amount: 6000}}}
	if err := WriteReceipts(path, i18n.EN, "Qingshan", []Receipt{r}); err != nil {
		t.Fatal(err)
	}
	f := openDoc(t, path)
	list := f.GetSheetList()
	if len(list) != 2 {
		t.Fatalf("sheets %v", list)
	}
	all := docText(docCells(t, f, list[0]))
	if !strings.Contains(all, "壹佰零陆元贰角整") || !strings.Contains(all, "Payroll deduction") {
		t.Errorf("receipt\n%s", all)
	}
	ms := docText(docCells(t, f, list[1]))
	if !strings.Contains(ms, "1|000001|张三|2026-01至2026-03|46.20") || !strings.Contains(ms, "Total||||106.20") {
		t.Errorf("members\n%s", ms)
	}
}

func TestNoticeAddsUpAndHasRoomToSign(t *testing.T) {
	path := filepath.Join(t.TempDir(), "催缴.xlsx")
	n := &Notice{Union: "青山镇总工会", Unit: "宏达工会", AsOf: 202610, Date: 20261121, Deadline: 20261231, Operator: "李秘书",
		Lines: []NoticeLine{
			{No: "000001", Name: "张三", Months: "2026-03~2026-10", Count: 8, Amount: 12320},
			{No: "000002", Name: "李四", Months: "2026-04", Count: 1, Amount: 500, Underpaid: 1},
		}}
	if err := WriteNotice(path, i18n.ZH, n); err != nil {
		t.Fatal(err)
	}
	f := openDoc(t, path)
	docSheet := f.GetSheetList()[0]
	all := docText(docCells(t, f, docSheet))
	for _, want := range []string{"工会会费催缴通知单", "致：宏达工会", "截至 2026-10，贵单位下列 2 名会员尚欠工会会费，合计 128.20 元（大写：壹佰贰拾捌元贰角整）",
		"请于 2026-12-31 前缴清", "1|000001|张三|2026-03~2026-10|8|123.20", "含 1 个月少缴", "合计|||壹佰贰拾捌元贰角整|9|128.20",
		"经办人：李秘书", "青山镇总工会（盖章）", "签收人"} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
	if strings.Contains(all, "%!") {
		t.Errorf("a format verb went wrong:\n%s", all)
	}
	lay, _ := f.GetPageLayout(docSheet)
	if *lay.Size != 9 || *lay.Orientation != "portrait" {
		t.Errorf("layout %+v", lay)
	}
}

// sheetXML is the first docSheet's XML as written.
func docSheetXML(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, ok := f.Pkg.Load("xl/worksheets/sheet1.xml")
	if !ok {
		t.Fatal("no sheet1.xml")
	}
	return string(v.([]byte))
}

func docBetween(s, a, b string) string {
	i := strings.Index(s, a)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], b)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j+len(b)]
}
