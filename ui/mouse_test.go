package ui

import (
	"github.com/charmbracelet/x/ansi"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/ui/chrome"
	"unionbook/ui/uitest"
)

// click clicks the left button at x, y of the screen.
func click(a *App, x, y int) { send(a, tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft}) }

// screenLine is line y of the screen as drawn.
func screenLine(a *App, y int) string { return strings.Split(screen(a), "\n")[y] }

// On the Members tab the screen's lines are: the header, the tab bar, the
// filter line, the column titles, then the members by number (张三,
// 单丽华, 曾志伟, 阿依古丽, 李四).
func TestClickSelectsTheMemberUnderThePointer(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.EN, 100, 30)
	first := chrome.HeaderLines + 2
	if !strings.Contains(screenLine(a, first+1), "单丽华") {
		t.Fatalf("line %d is not the second member:\n%s", first+1, screen(a))
	}
	click(a, 20, first+1)
	click(a, 20, first+1) // a second click on the selected row opens it
	uitest.Contains(t, screen(a), "单丽华 (member no 000002)")
	keys(a, "esc")
	click(a, 20, first+3)
	keys(a, "enter")
	uitest.Contains(t, screen(a), "阿依古丽·买买提 (member no 000004)")
}

func TestClickOnAColumnTitleSortsByIt(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.EN, 100, 30)
	titles := chrome.HeaderLines + 1
	x := strings.Index(screenLine(a, titles), "Name")
	if x < 0 {
		t.Fatalf("no Name title on line %d:\n%s", titles, screen(a))
	}
	click(a, x, titles-1) // the filter line above the titles: nothing
	if !strings.Contains(screenLine(a, titles), "No ^") {
		t.Fatalf("a click above the titles changed the order:\n%s", screen(a))
	}
	click(a, x, titles)
	if !strings.Contains(screenLine(a, titles), "Name ^") || !strings.Contains(screenLine(a, titles+1), "阿依古丽") {
		t.Errorf("a click on Name did not sort by name:\n%s", screen(a))
	}
	click(a, x, titles)
	if !strings.Contains(screenLine(a, titles), "Name v") {
		t.Errorf("a second click did not reverse the order:\n%s", screen(a))
	}
}

// A click on a unit's row in the Units tab selects it: the units start
// on the page's line 2, by pinyin (青山镇宏达, 青山镇重庆村, Qingshan
// Clinic).
func TestClickInTheUnitsTab(t *testing.T) {
	t.Parallel()
	a := newApp(t, i18n.ZH, 120, 40, true)
	send(a, tab(t, a, "tab.units"))
	row := chrome.HeaderLines + 2 + 1
	if !strings.Contains(screenLine(a, row), "重庆村") {
		t.Fatalf("line %d is not 重庆村:\n%s", row, screen(a))
	}
	click(a, 10, row)
	keys(a, "enter")
	uitest.Contains(t, screen(a), "单丽华", "李四")
}

func TestClickOnATabLabel(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.ZH, 100, 30)
	bar := screenLine(a, chrome.HeaderLines-1)
	x := strings.Index(bar, "8 单位")
	if x < 0 {
		t.Fatalf("no units label in %q", bar)
	}
	click(a, ansi.StringWidth(bar[:x]), chrome.HeaderLines-1) // on "8"
	uitest.Contains(t, screen(a), "宏达机械")
	click(a, 1, chrome.HeaderLines-1)
	uitest.Contains(t, screen(a), "经费结余")
}
