package cases

import (
	"strings"
	"testing"

	"unionbook/i18n"
)

// order is the order in which the texts appear on the screen's lines.
func order(screen string, texts ...string) string {
	var out []string
	for _, l := range strings.Split(screen, "\n") {
		for _, s := range texts {
			if strings.Contains(l, s) {
				out = append(out, s)
			}
		}
	}
	return strings.Join(out, " ")
}

// A click on a column title sorts the cases by it, a second click the
// other way, at both widths (channel and amount show from 100 columns).
func TestClickOnAColumnTitleSortsTheCases(t *testing.T) {
	for _, w := range []int{80, 120} {
		hs, _ := newHarness(t, i18n.EN, w, 30, true)
		const top = 2 // the table's titles, under the filters and the search
		names := []string{"王芳", "赵六", "张三"}
		if got := order(hs.Screen(), names...); got != "王芳 赵六 张三" {
			t.Fatalf("%d: newest first: %s\n%s", w, got, hs.Screen())
		}
		header := strings.Split(hs.Screen(), "\n")[top]
		x := strings.Index(header, "Received")
		if x < 0 {
			t.Fatalf("%d: no Received title:\n%s", w, hs.Screen())
		}
		hs.Click(x+1, top)
		if got := order(hs.Screen(), names...); got != "张三 赵六 王芳" {
			t.Errorf("%d: by date received: %s\n%s", w, got, hs.Screen())
		}
		if !strings.Contains(strings.Split(hs.Screen(), "\n")[top], "^") {
			t.Errorf("%d: no mark:\n%s", w, hs.Screen())
		}
		hs.Click(x+1, top)
		if got := order(hs.Screen(), names...); got != "王芳 赵六 张三" {
			t.Errorf("%d: by date, newest first: %s", w, got)
		}
		// the status: open, closed, entered by mistake
		hs.Click(strings.Index(header, "Status")+1, top)
		if got := order(hs.Screen(), names...); got != "赵六 张三 王芳" {
			t.Errorf("%d: by status: %s\n%s", w, got, hs.Screen())
		}
	}
}

// The list's help names each key that works there once: s and p were
// listed twice, the app's ? q 1-9 not at all, and x (clear the filters)
// is there once a filter is on; the footer ends with ? help and q quit, as
// every tab's does.
func TestListHelpNamesEachKeyOnce(t *testing.T) {
	hs, _ := newHarness(t, i18n.EN, 120, 40, true)
	hs.Keys("s") // a filter on: x has something to clear
	l := hs.list()
	seen := map[string]int{}
	for _, g := range l.FullHelp() {
		for _, b := range g {
			seen[b.Help().Key]++
		}
	}
	for k, n := range seen {
		if n > 1 {
			t.Errorf("the help lists %q %d times", k, n)
		}
	}
	for _, k := range []string{"x", "s", "p", "t", "c", "g", "f", "r", "/", "n", "?", "q"} {
		if seen[k] == 0 {
			t.Errorf("the help lacks %q: %v", k, seen)
		}
	}
	if seen[hs.C.Keys.Tabs.Help().Key] == 0 {
		t.Errorf("the help lacks the tab keys: %v", seen)
	}
	short := map[string]bool{}
	for _, b := range l.ShortHelp() {
		short[b.Help().Key] = true
	}
	if !short["?"] || !short["q"] {
		t.Errorf("the footer lacks ? or q: %v", short)
	}
}
