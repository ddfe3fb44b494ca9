package filechooser

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/ui/common"
	"unionbook/ui/stack"
	"unionbook/ui/uitest"
)

// tree is the fixed folder tree of the tests.
func tree() *Fake {
	return NewFake(map[string]string{
		"/home/li/Desktop/花名册2026.xlsx":                "xlsx",
		"/home/li/Desktop/会费收缴表.xlsx":                  "xlsx, a little longer",
		"/home/li/Desktop/照片.jpg":                      "jpg",
		"/home/li/Desktop/data.csv":                    "a,b\n1,2\n",
		"/home/li/Desktop/.hidden.xlsx":                "",
		"/home/li/Desktop/desktop.ini":                 "",
		"/home/li/Desktop/报表/":                         "",
		"/home/li/Desktop/区总工会下发/2026年度统计表.xlsx":       "x",
		"/home/li/Downloads/工会会员实名制信息采集模板_最终版(1).xlsx": strings.Repeat("x", 5000),
		"/home/li/Documents/":                          "",
		"/media/li/KINGSTON/导出/":                       "",
	}, uitest.FixedNow,
		Place{Kind: PlaceDesktop, Path: "/home/li/Desktop"},
		Place{Kind: PlaceDownloads, Path: "/home/li/Downloads"},
		Place{Kind: PlaceDocuments, Path: "/home/li/Documents"},
		Place{Kind: PlaceHome, Path: "/home/li"},
		Place{Kind: PlaceDrive, Path: "/media/li/KINGSTON", Name: "KINGSTON"},
	)
}

// root stands under the chooser and records what was chosen.
type root struct {
	common.ScreenBase
	chosen string
}

func (r *root) SetSize(int, int)          {}
func (r *root) Update(tea.Msg) tea.Cmd    { return nil }
func (r *root) View() string              { return "chosen: " + r.chosen }
func (r *root) ShortHelp() []key.Binding  { return nil }
func (r *root) FullHelp() [][]key.Binding { return nil }

// open pushes a chooser with o on a tab at w x h.
func open(t *testing.T, lang i18n.Lang, w, h int, o Options) (*uitest.PageHarness[stack.Tab], *root) {
	t.Helper()
	r := &root{}
	if o.FS == nil {
		o.FS = tree()
	}
	c := uitest.NewCommon(nil, lang, uitest.FixedNow)
	hs := uitest.NewPageHarness(t, c, w, h, func(c *common.Common) stack.Tab {
		tab := stack.NewTab(c, "t", r)
		tab.SetSize(w, h)
		return tab
	})
	hs.Send(nil)
	hs.P.Push(New(c, hs.P.Stack, o, func(p string) tea.Cmd { r.chosen = p; return nil }))
	hs.P.SetSize(w, hs.PageHeight())
	return hs, r
}

func TestGoldenChooserOpen(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := open(t, lang, w, h, Options{Title: lang.T("chooser.path"), Exts: []string{".xlsx", ".csv"}})
		hs.RequireGolden()
	})
}

// Downloads, with a long Chinese file name: the columns stay aligned.
func TestGoldenChooserSaveInDownloads(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := open(t, lang, w, h, Options{Title: "Save", Mode: Save, Exts: []string{".xlsx"}, Name: "会员名册-2026-11-21.xlsx"})
		hs.Keys("down", "enter") // Downloads
		hs.RequireGolden()
	})
}

func TestPlacesComeFirstAndFilesAreFiltered(t *testing.T) {
	hs, _ := open(t, i18n.EN, 100, 30, Options{Exts: []string{".xlsx", ".csv"}})
	out := hs.Screen()
	order := []string{"Desktop  /home/li/Desktop", "Downloads", "Documents", "Home folder", "Drive KINGSTON", "..", "报表/", "区总工会下发/", "data.csv", "花名册2026.xlsx", "会费收缴表.xlsx"}
	at := 0
	for _, s := range order {
		i := strings.Index(out[at:], s)
		if i < 0 {
			t.Fatalf("%q is missing or out of order:\n%s", s, out)
		}
		at += i
	}
	for _, s := range []string{"照片.jpg", ".hidden", "desktop.ini"} {
		if strings.Contains(out, s) {
			t.Errorf("%s is listed:\n%s", s, out)
		}
	}
}

func TestArrowsAndEnterOpenAFolderThenChooseAFile(t *testing.T) {
	hs, r := open(t, i18n.ZH, 100, 30, Options{Exts: []string{".xlsx"}})
	ch := hs.P.Top().(*Screen)
	for i := 0; i < len(ch.rows) && ch.rows[i].label != "区总工会下发/"; i++ {
		hs.Keys("down")
	}
	hs.Keys("enter")
	if ch.dir != "/home/li/Desktop/区总工会下发" {
		t.Fatalf("enter on the folder listed %q", ch.dir)
	}
	hs.Keys("end") // the field takes home and end: the list keeps its row
	for ch.table.Cursor() < len(ch.rows)-1 {
		hs.Keys("down")
	}
	hs.Keys("enter")
	if r.chosen != "/home/li/Desktop/区总工会下发/2026年度统计表.xlsx" || hs.P.Depth() != 1 {
		t.Errorf("chose %q, depth %d", r.chosen, hs.P.Depth())
	}
}

func TestTypingAPathAndTabCompletion(t *testing.T) {
	hs, r := open(t, i18n.EN, 100, 30, Options{Exts: []string{".xlsx", ".csv"}})
	hs.Keys("ctrl+u")
	hs.Type("/home/li/Desktop/区")
	hs.Keys("tab")
	ch := hs.P.Top().(*Screen)
	if v := ch.path.Value(); v != "/home/li/Desktop/区总工会下发/" || ch.dir != "/home/li/Desktop/区总工会下发" {
		t.Fatalf("tab made %q and listed %q", v, ch.dir)
	}
	hs.Type("2")
	hs.Keys("tab", "enter")
	if r.chosen != "/home/li/Desktop/区总工会下发/2026年度统计表.xlsx" {
		t.Errorf("chose %q", r.chosen)
	}

	hs, _ = open(t, i18n.EN, 100, 30, Options{Exts: []string{".xlsx", ".csv"}})
	hs.Type("d") // after /home/li/Desktop/: data.csv, desktop.ini is hidden
	hs.Keys("tab")
	if v := hs.P.Top().(*Screen).path.Value(); v != "/home/li/Desktop/data.csv" {
		t.Errorf("tab made %q", v)
	}
	hs.Keys("ctrl+u")
	hs.Type("/home/li/Desktop/照片.jpg")
	hs.Keys("enter")
	if !strings.Contains(hs.Screen(), "choose a .xlsx .csv file") {
		t.Errorf("a .jpg was not refused:\n%s", hs.Screen())
	}
	hs.Keys("ctrl+u")
	hs.Type("/home/li/nowhere/")
	hs.Keys("tab")
	if !strings.Contains(hs.Screen(), `no folder "/home/li/nowhere/"`) {
		t.Errorf("a missing folder was not said:\n%s", hs.Screen())
	}
}

func TestSeveralCandidatesAreListed(t *testing.T) {
	hs, _ := open(t, i18n.ZH, 100, 30, Options{Mode: Save, Exts: []string{".xlsx"}})
	hs.Keys("ctrl+u")
	hs.Type("/home/li/D")
	hs.Keys("tab")
	out := hs.Screen()
	if !strings.Contains(out, "Desktop/") || !strings.Contains(out, "Documents/") || !strings.Contains(out, "Downloads/") {
		t.Errorf("the candidates are not shown:\n%s", out)
	}
}

func TestMouseDoubleClickOpensAFolder(t *testing.T) {
	hs, _ := open(t, i18n.EN, 100, 30, Options{})
	ch := hs.P.Top().(*Screen)
	row := -1
	for i, r := range ch.rows {
		if r.label == "报表/" {
			row = i
		}
	}
	y := tableLine + 1 + row
	hs.Click(5, y)
	hs.Click(5, y)
	if ch.dir != "/home/li/Desktop/报表" {
		t.Errorf("a double click on 报表 listed %q", ch.dir)
	}
	hs.Click(5, pathLine) // back to typing
	if ch.focusList {
		t.Error("a click on the path did not give it the keys")
	}
}

func TestSaveKeepsTheNameAsSheMovesAndAsksBeforeReplacing(t *testing.T) {
	hs, r := open(t, i18n.EN, 100, 30, Options{Mode: Save, Exts: []string{".xlsx"}, Name: "会员名册.xlsx"})
	ch := hs.P.Top().(*Screen)
	if v := ch.path.Value(); v != "/home/li/Desktop/会员名册.xlsx" {
		t.Fatalf("the suggested path is %q", v)
	}
	hs.Keys("down", "down", "down", "down", "enter") // the USB stick
	if v := ch.path.Value(); v != "/media/li/KINGSTON/会员名册.xlsx" {
		t.Fatalf("after moving the path is %q", v)
	}
	hs.Keys("ctrl+s")
	if r.chosen != "/media/li/KINGSTON/会员名册.xlsx" {
		t.Fatalf("chose %q", r.chosen)
	}

	hs, r = open(t, i18n.EN, 100, 30, Options{Mode: Save, Exts: []string{".xlsx"}, Name: "花名册2026"})
	hs.Keys("ctrl+s") // the .xlsx is added, and that file exists
	if r.chosen != "" || !strings.Contains(hs.Screen(), "replace it?") {
		t.Fatalf("replacing a file was not asked:\n%s", hs.Screen())
	}
	hs.Keys("y")
	if r.chosen != "/home/li/Desktop/花名册2026.xlsx" {
		t.Errorf("chose %q", r.chosen)
	}
}

func TestEscLeavesWithoutChoosing(t *testing.T) {
	hs, r := open(t, i18n.EN, 80, 24, Options{})
	hs.Keys("esc")
	if hs.P.Depth() != 1 || r.chosen != "" {
		t.Errorf("esc: depth %d, chose %q", hs.P.Depth(), r.chosen)
	}
}

func TestPlacesOfEachSystem(t *testing.T) {
	dirs := map[string]bool{
		`C:\Users\li\Desktop`: true, `C:\Users\li\Downloads`: true, `C:\Users\li\OneDrive\Documents`: true,
		`D:\`: true, `E:\`: true, `C:\`: true,
		"/Users/li/Desktop": true, "/home/li/桌面": true, "/home/li/下载": true, "/media/li/KINGSTON": true,
		"/run/media/li/工会U盘": true,
	}
	isDir := func(p string) bool { return dirs[p] }
	list := func(d string) []string {
		return map[string][]string{
			"/Volumes":      {"/Volumes/Macintosh HD", "/Volumes/KINGSTON"},
			"/media/li":     {"/media/li/KINGSTON"},
			"/run/media/li": {"/run/media/li/工会U盘"},
		}[d]
	}
	show := func(ps []Place) string {
		var s []string
		for _, p := range ps {
			s = append(s, p.Path)
		}
		return strings.Join(s, "|")
	}
	for _, c := range []struct{ goos, home, want string }{
		{"windows", `C:\Users\li`, `C:\Users\li\Desktop|C:\Users\li\Downloads|C:\Users\li\OneDrive\Documents|C:\Users\li|D:\|E:\`},
		{"darwin", "/Users/li", "/Users/li/Desktop|/Users/li|/Volumes/KINGSTON"},
		{"linux", "/home/li", "/home/li/桌面|/home/li/下载|/home/li|/media/li/KINGSTON|/run/media/li/工会U盘"},
	} {
		if got := show(places(c.goos, c.home, "li", isDir, list)); got != c.want {
			t.Errorf("%s places:\n got %s\nwant %s", c.goos, got, c.want)
		}
	}
}

// A folder that is gone (a stick taken out) opens the Desktop instead.
func TestAMissingFolderOpensTheDesktop(t *testing.T) {
	hs, _ := open(t, i18n.EN, 100, 30, Options{Dir: "/media/li/GONE"})
	if d := hs.P.Top().(*Screen).dir; d != "/home/li/Desktop" {
		t.Errorf("opened %q", d)
	}
}
