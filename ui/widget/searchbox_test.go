package widget

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func newTestSearchBox() SearchBox {
	s := NewSearchBox("name or initials", SearchBoxStyles{})
	s.SetWidth(12)
	return s
}

func sbKey(s *SearchBox, k tea.KeyPressMsg) SearchEvent {
	ev, _ := s.Update(k)
	return ev
}

func sbType(t *testing.T, s *SearchBox, text string) {
	t.Helper()
	for _, r := range text {
		if ev := sbKey(s, tea.KeyPressMsg{Code: r, Text: string(r)}); ev != SearchChanged {
			t.Fatalf("typing %q: event %d, want SearchChanged", r, ev)
		}
	}
}

func TestSearchBoxIgnoresKeysUntilFocused(t *testing.T) {
	s := newTestSearchBox()
	if ev := sbKey(&s, tea.KeyPressMsg{Code: 'a', Text: "a"}); ev != SearchIgnored || s.Value() != "" {
		t.Fatalf("unfocused box took a key: event %d, value %q", ev, s.Value())
	}
	if s.Active() || s.Shown() {
		t.Error("a new box is neither active nor shown")
	}
	if got := s.View("Search", "/ to search"); got != "/ to search" {
		t.Errorf("view of an empty box %q, want the prompt", got)
	}
	if got := s.View("Search", ""); got != "" {
		t.Errorf("view with no prompt %q, want nothing", got)
	}
	if s.Cursor("Search", 0, 0, 80) != nil {
		t.Error("an unfocused box has no cursor")
	}
}

func TestSearchBoxTypingFilters(t *testing.T) {
	s := newTestSearchBox()
	s.Focus()
	sbType(t, &s, "zs")
	if s.Value() != "zs" || !s.Active() {
		t.Fatalf("value %q active %v", s.Value(), s.Active())
	}
	// a key that changes nothing is the box's, but nothing to filter
	if ev := sbKey(&s, tea.KeyPressMsg{Code: tea.KeyLeft}); ev != SearchHandled {
		t.Errorf("left: event %d, want SearchHandled", ev)
	}
	if ev := sbKey(&s, tea.KeyPressMsg{Code: tea.KeyBackspace}); ev != SearchChanged || s.Value() != "s" {
		t.Errorf("backspace: event %d value %q", ev, s.Value())
	}
	// not a key press: the page's
	if ev, _ := s.Update(tea.WindowSizeMsg{Width: 80, Height: 24}); ev != SearchIgnored {
		t.Errorf("window size: event %d, want SearchIgnored", ev)
	}
	if got := ansi.Strip(s.View("Search", "prompt")); got != "Search s           " {
		t.Errorf("view %q", got)
	}
}

func TestSearchBoxEscClearsAndLeaves(t *testing.T) {
	s := newTestSearchBox()
	s.Focus()
	sbType(t, &s, "张三")
	if ev := sbKey(&s, tea.KeyPressMsg{Code: tea.KeyEscape}); ev != SearchCleared {
		t.Fatalf("esc: event %d, want SearchCleared", ev)
	}
	if s.Value() != "" || s.Active() || s.Shown() {
		t.Errorf("after esc: value %q active %v shown %v", s.Value(), s.Active(), s.Shown())
	}
}

func TestSearchBoxEnterKeepsTheFilter(t *testing.T) {
	s := newTestSearchBox()
	s.Focus()
	sbType(t, &s, "wt")
	if ev := sbKey(&s, tea.KeyPressMsg{Code: tea.KeyEnter}); ev != SearchHandled {
		t.Fatalf("enter: event %d, want SearchHandled", ev)
	}
	if s.Value() != "wt" || s.Active() || !s.Shown() {
		t.Errorf("after enter: value %q active %v shown %v", s.Value(), s.Active(), s.Shown())
	}
	// the box still shows the filter, not the prompt
	if got := ansi.Strip(s.View("Search", "prompt")); got != "Search wt          " {
		t.Errorf("view %q", got)
	}
	// typing after leaving goes to the page, not the box
	if ev := sbKey(&s, tea.KeyPressMsg{Code: 'x', Text: "x"}); ev != SearchIgnored || s.Value() != "wt" {
		t.Errorf("x after enter: event %d value %q", ev, s.Value())
	}
}

func TestSearchBoxMoveKeysLeaveForTheList(t *testing.T) {
	for _, k := range []tea.KeyPressMsg{{Code: tea.KeyUp}, {Code: tea.KeyDown}, {Code: tea.KeyPgUp}, {Code: tea.KeyPgDown}} {
		s := newTestSearchBox()
		s.Focus()
		sbType(t, &s, "ab")
		if ev := sbKey(&s, k); ev != SearchIgnored {
			t.Errorf("%s: event %d, want SearchIgnored (the list moves)", k.String(), ev)
		}
		if s.Active() || s.Value() != "ab" {
			t.Errorf("%s: active %v value %q, want left with the filter kept", k.String(), s.Active(), s.Value())
		}
	}
}

func TestSearchBoxCursorAfterChineseText(t *testing.T) {
	s := newTestSearchBox()
	s.Focus()
	sbType(t, &s, "张三")
	// "查找 " is 5 cells, "张三" 4 more
	if got := s.CursorColumn("查找"); got != 9 {
		t.Errorf("cursor column %d, want 9", got)
	}
	c := s.Cursor("查找", 20, 1, 80)
	if c == nil || c.X != 29 || c.Y != 1 {
		t.Fatalf("cursor %+v, want (29, 1)", c)
	}
	sbKey(&s, tea.KeyPressMsg{Code: tea.KeyLeft})
	if got := s.CursorColumn("Search"); got != 7+2 {
		t.Errorf("after left: column %d, want 9 (before 三)", got)
	}
	// off the end of the line: no cursor rather than a wrong one
	if c := s.Cursor("查找", 20, 0, 25); c != nil {
		t.Errorf("cursor %+v past the line's width", c)
	}
	if c := s.Cursor("查找", 0, 0, 0); c == nil || c.X != 7 {
		t.Errorf("no width limit: cursor %+v, want x 7", c)
	}
}
