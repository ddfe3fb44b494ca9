package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/ui/chrome"
	"unionbook/ui/common"
	"unionbook/ui/stack"
	"unionbook/ui/uitest"
)

// clickLabel clicks the tab bar on the label that starts with prefix.
func clickLabel(t *testing.T, a *App, prefix string) {
	t.Helper()
	bar := screenLine(a, chrome.HeaderLines-1)
	i := strings.Index(bar, prefix)
	if i < 0 {
		t.Fatalf("no tab %q in %q", prefix, bar)
	}
	click(a, ansi.StringWidth(bar[:i]), chrome.HeaderLines-1)
}

// A form with unsaved changes waits in its tab while she looks at another:
// its label is marked, q asks before quitting, and the form is still
// there, as she left it, when she comes back.
func TestUnsavedFormWaitsInItsTab(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.ZH, 100, 30)
	keys(a, "n")
	typeText(a, "王五")
	clickLabel(t, a, "8 单位")
	out := screen(a)
	uitest.Contains(t, out, "2 会员*", "青山镇重庆村联合工会")
	uitest.Lacks(t, out, "8 单位*")
	if _, cmd := a.Update(uitest.Key("q")); cmd != nil {
		t.Fatal("q quit while another tab held unsaved changes")
	}
	uitest.Contains(t, screen(a), "确定退出吗")
	keys(a, "n")
	uitest.Lacks(t, screen(a), "确定退出吗")
	clickLabel(t, a, "2 会员*")
	uitest.Contains(t, screen(a), "新增会员", "王五")
	// saved or dropped, the mark goes
	keys(a, "esc", "y")
	uitest.Contains(t, screen(a), "2 会员 ")
	uitest.Lacks(t, screen(a), "会员*")
	if _, cmd := a.Update(uitest.Key("q")); cmd == nil {
		t.Error("q did not quit once nothing was left unsaved")
	}
}

// Digits are typed where something takes typing, and switch tabs elsewhere.
func TestDigitsTypeInASearchAndSwitchTabsElsewhere(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.EN, 100, 30)
	keys(a, "/", "3")
	if a.active != 1 {
		t.Fatalf("a digit typed in the search box switched to tab %d", a.active+1)
	}
	keys(a, "enter", "3")
	if a.active != 2 {
		t.Errorf("3 outside the search box went to tab %d", a.active+1)
	}
}

// stubScreen is the only screen of a tab added by a test.
type stubScreen struct {
	common.ScreenBase
	text string
}

func (s *stubScreen) SetSize(int, int)          {}
func (s *stubScreen) View() string              { return s.text }
func (s *stubScreen) Update(tea.Msg) tea.Cmd    { return nil }
func (s *stubScreen) ShortHelp() []key.Binding  { return nil }
func (s *stubScreen) FullHelp() [][]key.Binding { return nil }

// stubPage is a tab as a tab package makes it.
type stubPage struct{ stack.Tab }

// The tenth tab (Settings, since the Cases tab joined as the sixth) takes
// the key 0: the tab bar shows it, at 80 columns in both languages, and the
// help names it.
func TestATenthTabTakesKeyZero(t *testing.T) {
	t.Parallel()
	uitest.EachIn(t, []uitest.Size{{W: 80, H: 24}, {W: 120, H: 40}}, func(t *testing.T, lang i18n.Lang, w, h int) {
		a := newApp(t, lang, w, h, true)
		if len(a.pages) != 10 {
			t.Fatalf("%d tabs", len(a.pages))
		}
		tenth := "0 " + string([]rune(a.pages[9].Title())[:1])
		bar := screenLine(a, chrome.HeaderLines-1)
		if !strings.Contains(bar, tenth) || ansi.StringWidth(bar) > w {
			t.Fatalf("the tab bar does not show the tenth tab's key in %d cells: %q", w, bar)
		}
		keys(a, "0")
		if a.active != 9 {
			t.Errorf("0 went to tab %d", a.active+1)
		}
		keys(a, "?")
		uitest.Contains(t, screen(a), "1-9,0")
		keys(a, "esc", "9")
		if a.active != 8 {
			t.Errorf("9 went to tab %d", a.active+1)
		}
		clickLabel(t, a, tenth)
		if a.active != 9 {
			t.Errorf("a click on the tenth label went to tab %d", a.active+1)
		}
		uitest.CheckGeometry(t, screen(a), w, h)
	})
}

// With nine tabs the help says 1-9 and 0 does nothing.
func TestNineTabsSayOneToNine(t *testing.T) {
	t.Parallel()
	a := newApp(t, i18n.EN, 100, 30, true)
	a.setPages(append(a.pages[:8:8], &stubPage{stack.NewTab(a.c, "Stub", &stubScreen{text: "stub page"})}))
	if got := a.c.Keys.Tabs.Help().Key; got != "1-9" {
		t.Errorf("tab keys read %q", got)
	}
	keys(a, "2", "0")
	if a.active != 1 {
		t.Errorf("0 switched to tab %d with nine tabs", a.active+1)
	}
}

// At 80 columns the ten tabs' labels fit whole, in both languages: no
// "2 Membe … 0 Settin" cut mid-word; with a tab holding unsaved changes
// too.
func TestTabLabelsFitWholeAt80Columns(t *testing.T) {
	t.Parallel()
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		a := newApp(t, lang, 80, 24, true)
		check := func(when string) {
			t.Helper()
			bar := screenLine(a, chrome.HeaderLines-1)
			for i, p := range a.pages {
				label := []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}[i] + " " + p.Title()
				if !strings.Contains(bar, label) {
					t.Errorf("%s %s: the bar %q cuts %q", lang.Code(), when, bar, label)
				}
			}
		}
		check("at start")
		keys(a, "2", "n")
		typeText(a, "王五")
		check("with unsaved changes")
	}
}
