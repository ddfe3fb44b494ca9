package listexport

import (
	"path/filepath"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/filechooser"
	"unionbook/ui/stack"
	"unionbook/ui/uitest"
	"unionbook/ui/widget"
)

// people are the rows of the test list, in the order shown.
var people = [][]string{
	{"000003", "曾志伟", "430302199312194239", "12"},
	{"000001", "张三", "110101199003078670", "1,234"},
	{"000002", "单丽华", "500154199804106120", "7"},
}

// list is a screen with a table of people whose ID numbers show masked.
type list struct {
	common.ScreenBase
	table widget.Table
}

func newList(w int) *list {
	l := &list{table: widget.NewTable([]widget.Column{
		{Title: "编号", Width: 7}, {Title: "姓名", Width: 8}, {Title: "身份证号", Width: 18}, {Title: "人数", Width: 6, AlignRight: true},
	}, widget.DefaultTableStyles())}
	l.table.SetSize(w, 10)
	l.table.SetRows(len(people), func(r, c int) string {
		if c == 2 {
			return model.MaskID(people[r][2])
		}
		return people[r][c]
	})
	return l
}

func (l *list) SetSize(w, h int)          { l.table.SetSize(w, h) }
func (l *list) Update(tea.Msg) tea.Cmd    { return nil }
func (l *list) View() string              { return l.table.View() }
func (l *list) ShortHelp() []key.Binding  { return nil }
func (l *list) FullHelp() [][]key.Binding { return nil }

// harness is a tab holding the list, on a store with a profile, whose
// file chooser opens in dir.
func harness(t *testing.T, lang i18n.Lang, w int, dir string) (*uitest.PageHarness[stack.Tab], *list) {
	t.Helper()
	s := uitest.OpenStore(t, uitest.FixedNow)
	p := model.DefaultProfile()
	p.UnionName = "青山镇总工会"
	if err := s.SaveProfile(uitest.Operator, p); err != nil {
		t.Fatal(err)
	}
	Files = filechooser.NewFake(map[string]string{dir + "/": ""}, uitest.FixedNow, filechooser.Place{Kind: filechooser.PlaceDesktop, Path: dir})
	t.Cleanup(func() { Files = filechooser.OS{} })
	l := newList(w)
	hs := uitest.NewPageHarness(t, uitest.NewCommon(s, lang, uitest.FixedNow), w, 24, func(c *common.Common) stack.Tab {
		return stack.NewTab(c, "t", l)
	})
	return hs, l
}

func start(hs *uitest.PageHarness[stack.Tab], l *list, unmask bool) {
	lst := List{Name: "会员", Filter: "搜索: z", Table: l.table}
	if unmask {
		lst.Unmasked = func(r, c int) (string, bool) { return people[r][2], c == 2 }
	}
	hs.Send(tea.Cmd(func() tea.Msg { return nil })) // nothing: settle
	hs.Driver().Run(Start(hs.C, hs.P.Stack, lst))
}

// readBack is the cells of the written sheet, row by row.
func readBack(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestTheListIsWrittenAsShownWithMaskedIDs(t *testing.T) {
	dir := t.TempDir()
	hs, l := harness(t, i18n.ZH, 100, dir)
	start(hs, l, true)
	if !strings.Contains(hs.Screen(), "身份证号：enter 按屏幕遮盖导出") {
		t.Fatalf("the ID question is not asked:\n%s", hs.Screen())
	}
	hs.Keys("enter") // masked
	if _, ok := hs.P.Top().(*filechooser.Screen); !ok {
		t.Fatalf("the file chooser did not open:\n%s", hs.Screen())
	}
	want := filepath.Join(dir, "会员-2026-11-21.xlsx")
	if !strings.Contains(hs.Screen(), want) {
		t.Errorf("the suggested path is not %s:\n%s", want, hs.Screen())
	}
	hs.Keys("ctrl+s")
	if hs.P.Depth() != 1 || !strings.Contains(hs.Status.Text, "已导出 3 行") {
		t.Fatalf("after writing: depth %d, status %q\n%s", hs.P.Depth(), hs.Status.Text, hs.Screen())
	}
	rows := readBack(t, want)
	if rows[0][0] != "会员" || !strings.Contains(rows[1][0], "青山镇总工会") || !strings.Contains(rows[1][0], "搜索: z") {
		t.Errorf("title and subtitle: %q", rows[:2])
	}
	if strings.Join(rows[2], ",") != "编号,姓名,身份证号,人数" {
		t.Errorf("header: %q", rows[2])
	}
	for i, p := range people {
		got := rows[3+i]
		if got[0] != p[0] || got[1] != p[1] || got[2] != model.MaskID(p[2]) {
			t.Errorf("row %d: %q, want %v masked", i, got, p)
		}
	}
	if rows[4][3] != "1234" && rows[4][3] != "1,234" {
		t.Errorf("the count was written as %q", rows[4][3])
	}
	es, err := hs.C.Store.Audit(0, 5)
	if err != nil || len(es) == 0 || es[0].Entity != model.EntityList || es[0].Label != "会员" {
		t.Fatalf("audit: %+v %v", es, err)
	}
	if s := model.AuditSummary(i18n.ZH, &es[0], nil); !strings.Contains(s, "否") {
		t.Errorf("the audit entry does not say the IDs were masked: %s", s)
	}
}

func TestFullIDsAreWrittenAndLogged(t *testing.T) {
	dir := t.TempDir()
	hs, l := harness(t, i18n.EN, 100, dir)
	start(hs, l, true)
	hs.Keys("f", "ctrl+s")
	rows := readBack(t, filepath.Join(dir, "会员-2026-11-21.xlsx"))
	if rows[3][2] != people[0][2] {
		t.Errorf("the ID was written as %q", rows[3][2])
	}
	es, _ := hs.C.Store.Audit(0, 5)
	var full string
	for _, c := range es[0].Changes {
		if c.Field == "full_ids" {
			full = c.New
		}
	}
	if full != "yes" {
		t.Errorf("the audit log does not record full IDs: %+v", es[0])
	}
}

// On a narrow screen the table hides a column: the file leaves it out too.
func TestOnlyTheColumnsOnScreen(t *testing.T) {
	dir := t.TempDir()
	hs, l := harness(t, i18n.EN, 30, dir)
	start(hs, l, false)
	hs.Keys("ctrl+s")
	rows := readBack(t, filepath.Join(dir, "会员-2026-11-21.xlsx"))
	if len(rows[2]) != 3 || rows[2][2] != "身份证号" {
		t.Errorf("header %q: want the columns that show at 30 cells, not 人数", rows[2])
	}
}

func TestEscStopsBeforeAnythingIsWritten(t *testing.T) {
	dir := t.TempDir()
	hs, l := harness(t, i18n.EN, 100, dir)
	start(hs, l, true)
	hs.Keys("esc")
	if hs.P.Depth() != 1 {
		t.Errorf("esc on the question left depth %d", hs.P.Depth())
	}
	start(hs, l, false)
	hs.Keys("esc")
	if hs.P.Depth() != 1 {
		t.Errorf("esc in the chooser left depth %d", hs.P.Depth())
	}
}

func TestEmptyListSaysSo(t *testing.T) {
	hs, _ := harness(t, i18n.EN, 100, t.TempDir())
	empty := newList(100)
	empty.table.SetRows(0, nil)
	hs.Driver().Run(Start(hs.C, hs.P.Stack, List{Name: "x", Table: empty.table}))
	if hs.P.Depth() != 1 || !strings.Contains(hs.Status.Text, "nothing to export") {
		t.Errorf("an empty list: depth %d, status %q", hs.P.Depth(), hs.Status.Text)
	}
}

func TestFileName(t *testing.T) {
	if got := FileName(`会员/单位:宏达*`, "2026-11-21"); got != "会员-单位-宏达--2026-11-21.xlsx" {
		t.Errorf("FileName = %q", got)
	}
}

// A big list is written a chunk at a time with its progress shown; esc
// stops it before the file is written.
func TestBigListShowsProgressAndCanBeCancelled(t *testing.T) {
	dir := t.TempDir()
	hs, _ := harness(t, i18n.EN, 100, dir)
	sn := sheet{name: "big", cols: []widget.Column{{Title: "n"}}}
	for i := range 5000 {
		sn.rows = append(sn.rows, []string{strings.Repeat("x", i%7)})
	}
	path := filepath.Join(dir, "big.xlsx")
	w := newWriting(hs.C, hs.P.Stack, sn, path)
	w.SetSize(100, 20)
	hs.P.Stack.Push(w) // its Init is run by hand, a step at a time
	msg := w.Init()().(progressMsg)
	if msg.rows != chunkRows || msg.finished {
		t.Fatalf("the first step wrote %d rows", msg.rows)
	}
	next := w.Update(msg)
	if !strings.Contains(w.View(), "2000 / 5000 rows written") {
		t.Errorf("no progress shown:\n%s", w.View())
	}
	hs.Keys("esc")
	hs.Driver().Run(func() tea.Msg { return next() })
	if hs.P.Depth() != 1 || !strings.Contains(hs.Status.Text, "cancelled") {
		t.Errorf("esc: depth %d, status %q", hs.P.Depth(), hs.Status.Text)
	}
	if _, err := filechooser.OS.Stat(filechooser.OS{}, path); err == nil {
		t.Error("a cancelled export left a file")
	}
}

// A read-only look writes nothing into what it looks at: a list goes out
// with its ID numbers masked, without asking, and no audit entry is
// written (the store would refuse it; the status line says so instead of
// an error).
func TestReadOnlyExportsMaskedAndLogsNothing(t *testing.T) {
	dir := t.TempDir()
	path := uitest.StorePath(t)
	s, err := storage.Open(path, storage.Options{NoDailyBackup: true, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	p := model.DefaultProfile()
	p.UnionName = "青山镇总工会"
	if err := s.SaveProfile(uitest.Operator, p); err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := storage.Open(path, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	before, _ := ro.Audit(0, 10)

	Files = filechooser.NewFake(map[string]string{dir + "/": ""}, uitest.FixedNow, filechooser.Place{Kind: filechooser.PlaceDesktop, Path: dir})
	t.Cleanup(func() { Files = filechooser.OS{} })
	c := uitest.NewCommon(ro, i18n.ZH, uitest.FixedNow)
	c.ReadOnly = true
	l := newList(100)
	hs := uitest.NewPageHarness(t, c, 100, 24, func(c *common.Common) stack.Tab { return stack.NewTab(c, "t", l) })
	start(hs, l, true)
	if _, ok := hs.P.Top().(*filechooser.Screen); !ok {
		t.Fatalf("a read-only look asked about ID numbers instead of opening the chooser:\n%s", hs.Screen())
	}
	hs.Keys("ctrl+s")
	if hs.P.Depth() != 1 || hs.Status.Error || !strings.Contains(hs.Status.Text, "不记入操作日志") {
		t.Fatalf("after writing: depth %d, status %+v", hs.P.Depth(), hs.Status)
	}
	rows := readBack(t, filepath.Join(dir, "会员-2026-11-21.xlsx"))
	if rows[3][2] != model.MaskID(people[0][2]) {
		t.Errorf("the ID went out as %q", rows[3][2])
	}
	if after, _ := ro.Audit(0, 10); len(after) != len(before) {
		t.Errorf("the audit log grew from %d to %d entries", len(before), len(after))
	}
}
