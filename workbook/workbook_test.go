package workbook

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
)

// reopen writes the book and opens what was written, as Excel would.
func reopen(t *testing.T, b *Book) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if _, err := b.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func raw(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestTableLayout(t *testing.T) {
	b, err := New(Options{Lang: i18n.ZH, Union: "青山镇总工会", Subtitle: "期间：2026年"})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	tb, err := b.Table("会员名册", "会员名册", []Column{
		{Header: "序号", ColKind: KInt}, {Header: "姓名"}, {Header: "会费", ColKind: KMoney}, {Header: "收缴率", ColKind: KPct},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := tb.Row(1, "张三", model.Money(123450), Pct(9876)); err != nil {
		t.Fatal(err)
	}
	if err := tb.Row(2, "李四", nil, Pct(10000)); err != nil {
		t.Fatal(err)
	}
	if err := tb.Total(nil, "合计", model.Money(123450), Pct(5000)); err != nil {
		t.Fatal(err)
	}
	tb.Close()
	f := reopen(t, b)
	want := map[string]string{
		"A1": "会员名册", "A2": "期间：2026年", "A3": "序号", "B3": "姓名", "C3": "会费",
		"A4": "1", "B4": "张三", "C4": "1234.5", "D4": "0.9876", "C5": "", "D5": "1", "B6": "合计", "D6": "0.5",
	}
	for cell, v := range want {
		if got := raw(t, f, "会员名册", cell); got != v {
			t.Errorf("%s = %q, want %q", cell, got, v)
		}
	}
	if tb.Count() != 3 || b.Cells() != 12 {
		t.Errorf("count %d cells %d", tb.Count(), b.Cells())
	}
	if got := b.Sheets(); len(got) != 1 || got[0] != "会员名册" {
		t.Errorf("sheets %v", got)
	}
}

// Money goes to Excel as the exact decimal of the fen it holds, never off
// by a fen, however large: up to 15 significant digits as a number, beyond
// that (more than a double can hold) as the exact text.
func TestMoneyIsExactToTheFen(t *testing.T) {
	amounts := []model.Money{0, 1, 10, 99, 100, 1001, 123456, -1, -12345,
		999_999_999_999_999, -999_999_999_999_999, 999_999_999_999_990, 123_456_789_012_345,
		1_000_000_000_000_000, 9_007_199_254_740_993, 9_223_372_036_854_775_807, -9_223_372_036_854_775_808}
	// and a spread over every magnitude, each with odd fen
	for v := model.Money(7); v > 0 && v < 1e18; v = v*10 + 3 {
		amounts = append(amounts, v, -v)
	}
	for _, a := range amounts {
		if v, ok := moneyValue(a); ok {
			// what excelize writes for the double: its shortest form
			if got, want := strconv.FormatFloat(v, 'f', -1, 64), strings.TrimRight(strings.TrimRight(a.String(), "0"), "."); got != want {
				t.Errorf("%s is written as %s", a, got)
			}
		} else if a <= maxExactFen && a >= -maxExactFen {
			t.Errorf("%s is within a double's 15 digits but not written as a number", a)
		}
	}
	b, _ := New(Options{Lang: i18n.EN})
	defer b.Close()
	tb, _ := b.Table("m", "m", []Column{{Header: "amount", ColKind: KMoney}})
	for _, a := range amounts {
		if err := tb.Row(a); err != nil {
			t.Fatal(err)
		}
	}
	tb.Close()
	f := reopen(t, b)
	for i, a := range amounts {
		got := raw(t, f, "m", "A"+strconv.Itoa(4+i))
		if _, ok := moneyValue(a); !ok {
			if got != a.Display() {
				t.Errorf("%s written as %q, want the exact text %q", a, got, a.Display())
			}
			continue
		}
		r, err := model.ParseMoney(got)
		if err != nil || r != a {
			t.Errorf("%s reads back as %q (%v)", a, got, err)
		}
	}
}

// A long table continues on a further sheet with its title and header.
func TestLongTableContinues(t *testing.T) {
	b, _ := New(Options{Lang: i18n.ZH, MaxRows: 10})
	defer b.Close()
	tb, _ := b.Table("名册", "会员名册", []Column{{Header: "序号", ColKind: KInt}})
	for i := 1; i <= 15; i++ {
		if err := tb.Row(i); err != nil {
			t.Fatal(err)
		}
	}
	tb.Close()
	f := reopen(t, b)
	if got := b.Sheets(); len(got) != 3 || got[1] != "名册 (2)" {
		t.Fatalf("sheets %v", got)
	}
	if raw(t, f, "名册 (2)", "A3") != "序号" || raw(t, f, "名册 (2)", "A4") != "8" {
		t.Error("the second sheet does not repeat the header and continue the rows")
	}
	if !strings.Contains(raw(t, f, "名册 (3)", "A1"), "会员名册") {
		t.Error("the third sheet lost the title")
	}
}

// Text from the database or a file reaches the workbook without terminal
// escapes or bidi controls, which would make a cell say what it does not hold.
func TestTextIsStrippedOfControls(t *testing.T) {
	b, _ := New(Options{Lang: i18n.ZH, Union: "青山\u202e镇"})
	defer b.Close()
	tb, _ := b.Table("s\x1b", "标题\u202e", []Column{{Header: "姓名"}})
	tb.Row("张\u202e三\x1b[2J\u2066")
	tb.Close()
	f := reopen(t, b)
	if got := raw(t, f, "s", "A4"); got != "张三" { // the escape sequence goes whole
		t.Errorf("cell %q", got)
	}
	if got := raw(t, f, "s", "A1"); got != "标题" {
		t.Errorf("title %q", got)
	}
}

// bigSheet writes rows until the sheet's XML outgrows excelize's 16 MB
// in-memory chunk.
func bigSheet(t *testing.T, b *Book) {
	t.Helper()
	tb, err := b.Table("big", "big", []Column{{Header: "id"}, {Header: "note"}})
	if err != nil {
		t.Fatal(err)
	}
	note := strings.Repeat("备注", 40)
	for i := 0; b.Size() < 20<<20; i++ {
		if err := tb.Row("11010119900307867"+strconv.Itoa(i%10), note); err != nil {
			t.Fatal(err)
		}
	}
	if err := tb.Close(); err != nil {
		t.Fatal(err)
	}
}

// With a TmpDir the rows of a large sheet go there (a private scratch
// folder), never to the system's temp folder, and Close removes them.
func TestLargeSheetUsesTmpDirAndCloseRemovesIt(t *testing.T) {
	dir, sys := t.TempDir(), systemTemp(t)
	b, _ := New(Options{Lang: i18n.ZH, TmpDir: dir})
	bigSheet(t, b)
	if ents, _ := os.ReadDir(dir); len(ents) == 0 {
		t.Fatal("a 20 MB sheet kept no temporary file in TmpDir: the test does not reach excelize's limit")
	}
	if ents, _ := os.ReadDir(sys); len(ents) != 0 {
		t.Error("a temporary file went to the system temp folder")
	}
	if _, err := b.WriteTo(&bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	b.Close()
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("Close left %d files", len(ents))
	}
}

// Without a TmpDir nothing is written to disk at all (an encrypted
// export's workbooks), up to MemoryBytes.
func TestInMemoryBookWritesNoFile(t *testing.T) {
	sys := systemTemp(t)
	b, _ := New(Options{Lang: i18n.ZH})
	defer b.Close()
	bigSheet(t, b)
	if ents, _ := os.ReadDir(sys); len(ents) != 0 {
		t.Error("an in-memory book wrote a temporary file")
	}
	f := reopen(t, b)
	if raw(t, f, "big", "A4") != "110101199003078670" {
		t.Error("the rows kept in memory were not written")
	}
	// the bound
	b2, _ := New(Options{Lang: i18n.ZH})
	defer b2.Close()
	b2.limit = 1 << 20
	tb, _ := b2.Table("s", "s", []Column{{Header: "x"}})
	var err error
	for i := 0; err == nil && i < 100000; i++ {
		err = tb.Row(strings.Repeat("x", 100))
	}
	if !errors.Is(err, ErrTooLargeForMemory) {
		t.Fatalf("past the bound: %v", err)
	}
}

// systemTemp points the system temp folder (os.TempDir) at an empty
// folder of the test's own and returns it.
func systemTemp(t *testing.T) string {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	t.Setenv("TMP", dir)
	t.Setenv("TEMP", dir)
	if os.TempDir() != dir {
		t.Skip("the system temp folder cannot be redirected here")
	}
	return dir
}
