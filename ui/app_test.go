package ui

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// testNow is the fixed clock of every UI test, so golden files stay put.
var testNow = time.Date(2026, 11, 21, 9, 30, 0, 0, time.Local)

func openStore(t *testing.T) *storage.Store {
	t.Helper()
	s, err := storage.Open(filepath.Join(t.TempDir(), "ub.db"), storage.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// seed fills a store with a small township written in Chinese, with names
// chosen to exercise polyphonic initials (单, 曾) and wide-character alignment.
func seed(t *testing.T, s *storage.Store) {
	t.Helper()
	if err := s.SaveProfile("李秘书", model.Profile{UnionName: "青山镇总工会", HigherUnion: "滨江区总工会", DuesRateBP: 50, Operator: "李秘书", DuesSince: 202601}); err != nil {
		t.Fatal(err)
	}
	units := []*model.Unit{
		{Name: "青山镇宏达机械制造有限公司工会", Kind: 170, Employees: 320, Women: 120, MigrantWorkers: 150, Chair: "王建国", Phone: "0591-87654321", CreditCode: "91350100M000100Y43", WorkersCongress: true, OpenAffairs: true},
		{Name: "青山镇重庆村联合工会", Kind: 900, UnionType: model.UnionJoint, Employees: 80, Women: 30, Chair: "单志强"},
		{Name: "Qingshan Clinic Union", Kind: 400, Employees: 25, Women: 18},
	}
	for _, u := range units {
		if err := s.CreateUnit("李秘书", u); err != nil {
			t.Fatal(err)
		}
	}
	members := []model.Member{
		{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", Phone: "13812345678", UnitID: units[0].ID, JoinDate: 20150301, Ethnicity: "汉族"},
		{Name: "单丽华", Gender: model.Female, IDNumber: "500154199804106120", Phone: "13912345678", UnitID: units[1].ID, JoinDate: 20200601},
		{Name: "曾志伟", Gender: model.Male, IDNumber: "430302199312194239", UnitID: units[0].ID, JoinDate: 20180915},
		{Name: "阿依古丽·买买提", Gender: model.Female, IDNumber: "830000199201300022", UnitID: units[2].ID, JoinDate: 20160101, Ethnicity: "维吾尔族"},
		{Name: "李四", Gender: model.Male, IDNumber: "350303199002033073", UnitID: units[1].ID, JoinDate: 20120808},
	}
	for i := range members {
		if err := s.CreateMember("李秘书", &members[i]); err != nil {
			t.Fatal(err)
		}
	}
}

func newApp(t *testing.T, lang i18n.Lang, w, h int, withData bool) *App {
	t.Helper()
	s := openStore(t)
	if withData {
		seed(t, s)
	}
	c := NewCommon(Options{Store: s, Lang: lang})
	c.Today = func() model.Date { return model.DateOf(testNow) }
	a := New(c)
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	runCmd(a, a.Init())
	return a
}

// onMembers is an app with data, showing the Members tab.
func onMembers(t *testing.T, lang i18n.Lang, w, h int) *App {
	t.Helper()
	a := newApp(t, lang, w, h, true)
	send(a, press("2"))
	return a
}

// send delivers messages and runs the commands they return (one level
// deep, which is all the app's commands need), as the program would.
func send(a *App, msgs ...tea.Msg) {
	for _, m := range msgs {
		_, cmd := a.Update(m)
		runCmd(a, cmd)
	}
}

func runCmd(a *App, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	msg := cmd()
	switch msg := msg.(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			runCmd(a, c)
		}
	case nil:
	default:
		if _, isQuit := msg.(tea.QuitMsg); isQuit {
			return
		}
		_, next := a.Update(msg)
		runCmd(a, next)
	}
}

func press(s string) tea.Msg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	}
	r := []rune(s)
	return tea.KeyPressMsg{Code: r[0], Text: s}
}

// typeText sends text as an input method does: a whole word at a time for
// Chinese, one key per character otherwise.
func typeText(a *App, s string) {
	for _, r := range s {
		send(a, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// screen renders the view with a fixed, colourless profile.
func screen(t *testing.T, a *App) string {
	t.Helper()
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.NoTTY}
	if _, err := w.WriteString(a.View().Content); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// checkGeometry asserts the screen is exactly w cells by h lines, the
// promise that keeps wide characters aligned.
func checkGeometry(t *testing.T, out string, w, h int) {
	t.Helper()
	lines := strings.Split(out, "\n")
	if len(lines) != h {
		t.Errorf("screen has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got > w {
			t.Errorf("line %d is %d cells wide, more than %d: %q", i, got, w, l)
		}
	}
}

func requireGolden(t *testing.T, a *App, w, h int) {
	t.Helper()
	out := screen(t, a)
	checkGeometry(t, out, w, h)
	// the database lives in a fresh temporary folder each run
	out = strings.ReplaceAll(out, a.c.Store.Path(), "<db>")
	golden.RequireEqual(t, []byte(out))
}

// tab returns the number key of the tab with the given catalogue title key,
// so tests keep working as tabs are added.
func tab(t *testing.T, a *App, titleKey string) tea.Msg {
	t.Helper()
	want := a.c.T(titleKey)
	for i, p := range a.pages {
		if p.Title() == want {
			return press(string(rune('1' + i)))
		}
	}
	t.Fatalf("no tab %q", want)
	return nil
}
