package dues

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/ui/uitest"
)

// As a new secretary would: pay the unit's quarter in one batch with one
// member paying short, see the shortfall, print the unit's arrears notice
// and the batch's receipts.
func TestQuarterBatchShortfallNoticeAndReceipts(t *testing.T) {
	hs, ms := harness(t, i18n.ZH, 100, 30)
	dir := t.TempDir()
	hs.P.data.lastDir = dir
	store := hs.P.data.c.Store
	// the quarter 2026-09 … 2026-11 (张三 paid September already)
	hs.Keys("c", "b", "tab", "ctrl+u")
	hs.Type("2026-09")
	hs.Keys("ctrl+s")
	pv := top[*preview](t, hs.P)
	if len(pv.batch.Lines) != 2 || pv.batch.Lines[0].Owing != 3080 || pv.batch.Lines[1].Owing != 3000 {
		t.Fatalf("lines %+v", pv.batch.Lines)
	}
	// 李四 pays 25.00 of 30.00
	hs.Keys("j", "e", "ctrl+u")
	hs.Type("25")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "25.00（少 5.00）", "实收 55.80 元（应收 60.80 元）")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "已入账 宏达工会 2026-09~2026-11 会费：2 人，合计 55.80 元")
	info, _ := store.MemberDues(ms[1].ID)
	if d := info.Month(202611); !d.Underpaid() || d.Rest() != 500 {
		t.Errorf("李四's November %+v", d)
	}
	// 李四's dues say so
	hs.P.ShowMember(ms[1].ID)
	uitest.Contains(t, hs.Screen(), "本月（2026-11）已缴 5.00，尚欠 5.00 元", "少缴 5.00")

	// the receipts of the batch, from the unit's row
	hs.Keys("esc", "c", "x")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "已保存")
	files, _ := filepath.Glob(filepath.Join(dir, "会费收据_宏达工会_*.xlsx"))
	if len(files) != 1 {
		t.Fatalf("receipts written: %v\n%s", files, hs.Screen())
	}
	checkXLSX(t, files[0], "会费收据", "叁拾元零捌角整", "贰拾伍元整")

	// the unit's arrears notice: nobody owes a whole month before November,
	// so the notice lists none yet; a month later 李四's 5.00 is overdue
	hs.Keys("n")
	if !strings.Contains(ansi.Strip(hs.Screen()), "没有欠缴") {
		t.Errorf("notice with nobody in arrears:\n%s", hs.Screen())
	}
}

// A unit's notice lists its members in arrears and adds them up.
func TestNoticeOfAUnit(t *testing.T) {
	hs, _ := harness(t, i18n.EN, 100, 30)
	dir := t.TempDir()
	hs.P.data.lastDir = dir
	hs.Keys("c", "n")
	uitest.Contains(t, hs.Screen(), "2 members owe 35.40 yuan (up to 2026-10)")
	hs.Keys("ctrl+s")
	files, _ := filepath.Glob(filepath.Join(dir, "arrears-notice_*.xlsx"))
	if len(files) != 1 {
		t.Fatalf("notice written: %v\n%s", files, hs.Screen())
	}
	checkXLSX(t, files[0], "Notice of union dues in arrears", "35.40", "叁拾伍元肆角整", "Total")
}

func checkXLSX(t *testing.T, path string, want ...string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("%s: %v %v", path, fi, err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var all strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for _, r := range rows {
			all.WriteString(strings.Join(r, "|") + "\n")
		}
	}
	for _, w := range want {
		if !strings.Contains(all.String(), w) {
			t.Errorf("%s lacks %q:\n%s", filepath.Base(path), w, all.String())
		}
	}
}

// Wage bases from a file chosen in the file chooser: the preview names
// the rows' problems and writes nothing; a clean file is written at once.
func TestImportWagesFromAChosenFile(t *testing.T) {
	hs, ms := harness(t, i18n.ZH, 100, 30)
	dir := t.TempDir()
	hs.P.data.lastDir = dir
	os.WriteFile(filepath.Join(dir, "bad.csv"), []byte("会员编号,缴费基数\n000001,abc\n"), 0o600)
	os.WriteFile(filepath.Join(dir, "good.csv"), []byte("会员编号,缴费基数,起始月份\n000001,5000,2026-12\n000002,2000,2026-12\n"), 0o600)
	hs.Keys("i")
	hs.Type("bad.csv")
	hs.Keys("enter")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "第 2 行 B 列（缴费基数）", "什么都没有写入")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "没有写入")
	hs.Keys("esc", "i")
	hs.Type("good.csv")
	hs.Keys("enter", "ctrl+s")
	uitest.Contains(t, hs.Screen(), "1 人将设置新基数，1 人基数不变")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "已设置 1 名会员的缴费基数（1 人不变）")
	m, _ := hs.P.data.c.Store.Member(ms[0].ID)
	if m.BaseFor(202612) != 500000 || m.BaseFor(202611) != 308500 {
		t.Errorf("张三's bases %+v", m.Wages)
	}
}
