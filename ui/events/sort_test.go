package events

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

// A click on a column title sorts the events by it, a second click the
// other way; the mark shows in the title.
func TestClickOnAColumnTitleSortsTheEvents(t *testing.T) {
	for _, w := range []int{80, 120} { // the place column shows from 110
		hs, _ := newHarness(t, i18n.EN, w, 30, true)
		if got := order(hs.Screen(), "篮球赛", "消防"); got != "消防 篮球赛" {
			t.Fatalf("%d: newest first: %s", w, got)
		}
		header := strings.Split(hs.Screen(), "\n")[1]
		x := strings.Index(header, "People")
		if x < 0 {
			t.Fatalf("%d: no People title:\n%s", w, hs.Screen())
		}
		hs.Click(x+1, 1) // 10 person-times, then 27
		if got := order(hs.Screen(), "篮球赛", "消防"); got != "篮球赛 消防" {
			t.Errorf("%d: by people: %s\n%s", w, got, hs.Screen())
		}
		if !strings.Contains(strings.Split(hs.Screen(), "\n")[1], "^") {
			t.Errorf("%d: no mark:\n%s", w, hs.Screen())
		}
		hs.Click(x+1, 1)
		if got := order(hs.Screen(), "篮球赛", "消防"); got != "消防 篮球赛" {
			t.Errorf("%d: by people, descending: %s", w, got)
		}
		// by date, oldest first
		hs.Click(strings.Index(header, "Date")+1, 1)
		if got := order(hs.Screen(), "篮球赛", "消防"); got != "篮球赛 消防" {
			t.Errorf("%d: by date: %s", w, got)
		}
	}
}
