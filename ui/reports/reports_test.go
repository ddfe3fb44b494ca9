package reports

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/officetest"
	"unionbook/report"
	"unionbook/ui/filechooser"
	"unionbook/ui/keymap"
	"unionbook/ui/uitest"
)

func TestGoldenReportsList(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		f := open(t, lang, w, h)
		f.hs.Keys("down")
		f.hs.RequireGolden()
	})
}

func TestGoldenSummaryForm(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		f := open(t, lang, w, h)
		f.hs.Keys("enter")
		f.hs.RequireGolden()
	})
}

func TestGoldenJournalForm(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		f := open(t, lang, w, h)
		f.hs.Keys("down", "down", "enter", "down", "right")
		f.hs.RequireGolden()
	})
}

func TestGoldenSurveyChecks(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		f := open(t, lang, w, h)
		f.hs.Keys("down", "enter", "ctrl+s")
		f.hs.RequireGolden()
	})
}

func TestGoldenWriting(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		f := openAt(t, lang, w, h, "/home/li/Desktop")
		d := f.holdWriting()
		d.Keys("enter", "ctrl+s", "ctrl+s")
		f.writingOnTop(t)
		f.hs.RequireGolden()
		d.Keys("esc")
		d.Run(f.writingOnTop(t).listen())
	})
}

// The summary as the secretary makes it: the list, the form with this
// half year, the file chooser on the Desktop with the name suggested, the
// writing; back at the list with where it went, and the document opens
// in LibreOffice with the figures.
func TestSummaryFromTheScreen(t *testing.T) {
	f := open(t, i18n.ZH, 100, 30)
	hs := f.hs
	uitest.Contains(t, hs.Screen(), "报表", "> 工作总结数据  (.docx)", "  基层工会调查表  (.xlsx)", "  记账凭证  (.xlsx)")
	hs.Keys("enter")
	uitest.Contains(t, hs.Screen(), "工作总结数据", "期间", "2026-H2", "ctrl+s 继续")
	hs.Keys("ctrl+s")
	if _, ok := hs.P.Top().(*filechooser.Screen); !ok {
		t.Fatalf("no file chooser:\n%s", hs.Screen())
	}
	want := filepath.Join(f.dir, f.union+"_工作总结数据_2026-H2.docx")
	uitest.Contains(t, hs.Screen(), "保存工作总结数据", want)
	hs.Keys("ctrl+s")
	if hs.P.Depth() != f.e.depth || hs.Status.Text != "已写出 "+want || hs.Status.Error {
		t.Fatalf("after writing: depth %d, status %+v\n%s", hs.P.Depth(), hs.Status, hs.Screen())
	}
	if fi, err := os.Stat(want); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("the document: %v %v", fi, err)
	}
	officetest.Need(t)
	text := officetest.Convert(t, want, "txt:Text (encoded):UTF8", ".txt")
	s, err := report.BuildSummary(hs.C.Store, model.Period{From: 202607, To: 202612, Text: "2026-H2"}, i18n.ZH, uitest.FixedNow)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"members_in_union", "income", "bank_balance", "funds_paid"} {
		fig, _ := s.Figure(key)
		if !strings.Contains(text, report.Sentence(i18n.ZH, fig)) {
			t.Errorf("the document lacks %q", report.Sentence(i18n.ZH, fig))
		}
	}
}

// The survey: the checks that fail are on the screen before she chooses
// where to save, the same as the workbook's first sheet, and the status
// line says how many fail.
func TestSurveyChecksBeforeSaving(t *testing.T) {
	f := open(t, i18n.EN, 120, 40)
	hs := f.hs
	hs.Keys("down", "enter")
	uitest.Contains(t, hs.Screen(), "Survey year", "2026")
	hs.Keys("ctrl+s")
	problems, err := report.Checks(hs.C.Store, "survey", report.Options{Year: 2026, Lang: i18n.EN, Now: uitest.FixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) == 0 {
		t.Fatal("the demo township passes every check: nothing to show")
	}
	screen := hs.Screen()
	uitest.Contains(t, screen, "logic checks", "checks fail: fix them before sending", "enter choose where to save")
	uitest.Contains(t, screen, problems[0].Unit[:10], problems[0].Item)
	hs.Keys("enter")
	want := filepath.Join(f.dir, f.union+"_grassroots union survey_2026.xlsx")
	uitest.Contains(t, hs.Screen(), want)
	hs.Keys("ctrl+s")
	if hs.Status.Text != "Written: "+want+"; "+strconv.Itoa(len(problems))+" checks fail, listed on its first sheet" {
		t.Fatalf("status %+v\n%s", hs.Status, hs.Screen())
	}
	x, err := excelize.OpenFile(want)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows(x.GetSheetList()[0])
	listed := 0
	for _, r := range rows {
		for _, p := range problems {
			if len(r) >= 4 && r[1] == p.Unit && r[3] == p.Text {
				listed++
				break
			}
		}
	}
	if listed != len(problems) {
		t.Errorf("the first sheet lists %d of the %d failed checks", listed, len(problems))
	}
}

// The journal's form asks for the money account; the file is the bank's.
func TestJournalOfTheBank(t *testing.T) {
	f := open(t, i18n.ZH, 100, 30)
	hs := f.hs
	hs.Keys("down", "down", "enter", "down", "right", "ctrl+s")
	want := filepath.Join(f.dir, "银行存款日记账_2026-11.xlsx")
	uitest.Contains(t, hs.Screen(), "保存银行存款日记账", want)
	hs.Keys("ctrl+s")
	if _, err := os.Stat(want); err != nil || hs.Status.Text != "已写出 "+want {
		t.Fatalf("%v, status %+v", err, hs.Status)
	}
}

// A period or year that cannot be is named next to its field, and nothing
// goes on.
func TestReportFormRefusesWhatCannotBe(t *testing.T) {
	for _, c := range []struct {
		item        []string
		typed, want string
	}{
		{[]string{"enter"}, "2026-13", "期间"},
		{[]string{"enter"}, "2027-H1", "尚未开始"},
		{[]string{"enter"}, "", "必填"},
		{[]string{"down", "enter"}, "2028", "2028"},
		{[]string{"down", "enter"}, "1999", "1999"},
	} {
		f := open(t, i18n.ZH, 100, 30)
		hs := f.hs
		hs.Keys(c.item...)
		depth := hs.P.Depth()
		for range 10 { // the field emptied
			hs.Keys("backspace")
		}
		hs.Type(c.typed)
		hs.Keys("ctrl+s")
		if hs.P.Depth() != depth || !strings.Contains(hs.Screen(), c.want) {
			t.Errorf("%s %q: depth %d→%d\n%s", c.item, c.typed, depth, hs.P.Depth(), hs.Screen())
		}
	}
}

// esc while writing stops it: no file, and the list says so.
func TestStopWriting(t *testing.T) {
	f := open(t, i18n.ZH, 100, 30)
	d := f.holdWriting()
	d.Keys("enter", "ctrl+s", "ctrl+s")
	w := f.writingOnTop(t)
	uitest.Contains(t, f.hs.Screen(), "正在写出工作总结数据", "3/7 步")
	d.Keys("esc")
	uitest.Contains(t, f.hs.Screen(), "正在停止")
	d.Run(w.listen())
	if f.hs.P.Depth() != f.e.depth || f.hs.Status.Text != "已停止，没有写出文件" {
		t.Fatalf("depth %d, status %+v", f.hs.P.Depth(), f.hs.Status)
	}
	if es, _ := os.ReadDir(f.dir); len(es) != 0 {
		t.Errorf("a stopped report left %v", es)
	}
}

// Nothing here writes to the database: in a read-only session no key of
// these screens is one the session refuses.
func TestNoKeyOfTheReportsWrites(t *testing.T) {
	km := keymap.New(i18n.ZH)
	km.SetReadOnly(i18n.ZH)
	f := open(t, i18n.ZH, 100, 30)
	check := func(where string) {
		for _, g := range f.hs.P.FullHelp() {
			for _, b := range g {
				if km.Writes(b) {
					t.Errorf("%s: %s %s writes", where, b.Help().Key, b.Help().Desc)
				}
			}
		}
		for _, b := range f.hs.P.ShortHelp() {
			if km.Writes(b) {
				t.Errorf("%s: %s %s writes", where, b.Help().Key, b.Help().Desc)
			}
		}
	}
	check("list")
	f.hs.Keys("down", "enter")
	check("form")
	f.hs.Keys("ctrl+s")
	check("checks")
	f.hs.Keys("enter")
	check("file chooser")
}
