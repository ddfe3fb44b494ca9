// Package stack holds a tab's screens one above the other: the list at the
// bottom, then a detail view, a form, a picker or a statement opened from it.
// Keys and mouse go to the screen on top; esc pops it, asking first when it
// holds unsaved changes; everything else (background results, data changes)
// reaches every screen, so a list under a form stays current.
//
// A tab is usually a Stack plus its Title (see Tab). Screens push and pop
// through the Stack they were given when built, so no screen needs to know
// what lies under it.
package stack

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/ui/common"
)

// Stack is a tab's screens, bottom first. The zero value is not usable: use New.
type Stack struct {
	c       *common.Common
	screens []common.Screen
	w, h    int
	// confirming: the top screen has unsaved changes and esc was pressed;
	// the next key says whether to drop them.
	confirming bool
}

// New builds a stack whose bottom screen is root; root is never popped.
func New(c *common.Common, root common.Screen) *Stack {
	return &Stack{c: c, screens: []common.Screen{root}}
}

// NewFunc builds a stack whose bottom screen root makes, given the stack:
// for a root that opens further levels (a list pushing a detail).
func NewFunc(c *common.Common, root func(st *Stack) common.Screen) *Stack {
	s := &Stack{c: c}
	s.screens = []common.Screen{root(s)}
	return s
}

// Push puts s on top, sized to the stack. When s has an Init method its
// command is returned (a screen that loads in the background).
func (s *Stack) Push(sc common.Screen) tea.Cmd {
	sc.SetSize(s.w, s.h)
	s.screens = append(s.screens, sc)
	s.confirming = false
	if in, ok := sc.(interface{ Init() tea.Cmd }); ok {
		return in.Init()
	}
	return nil
}

// Pop drops the top screen without asking; the root stays. Screens call it
// when they are done (a form saved, a picker chose).
func (s *Stack) Pop() {
	if len(s.screens) > 1 {
		s.screens[len(s.screens)-1] = nil
		s.screens = s.screens[:len(s.screens)-1]
	}
	s.confirming = false
}

// PopTo drops screens until depth screens are left (at least the root).
func (s *Stack) PopTo(depth int) {
	for len(s.screens) > max(1, depth) {
		s.Pop()
	}
}

// Replace puts sc in place of the top screen (the root when it is alone).
func (s *Stack) Replace(sc common.Screen) tea.Cmd {
	if len(s.screens) == 1 {
		sc.SetSize(s.w, s.h)
		s.screens[0] = sc
		return nil
	}
	s.Pop()
	return s.Push(sc)
}

// Top is the screen in front.
func (s *Stack) Top() common.Screen { return s.screens[len(s.screens)-1] }

// Root is the bottom screen.
func (s *Stack) Root() common.Screen { return s.screens[0] }

// Depth is the number of screens, 1 when only the root is shown.
func (s *Stack) Depth() int { return len(s.screens) }

// Confirming reports that the stack is asking whether to drop changes.
func (s *Stack) Confirming() bool { return s.confirming }

// SetSize sizes every screen: the one in front now and those it may pop back to.
func (s *Stack) SetSize(w, h int) {
	s.w, s.h = w, h
	for _, sc := range s.screens {
		sc.SetSize(w, h)
	}
}

// Update gives input to the top screen and everything else to every screen.
func (s *Stack) Update(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		return s.key(km)
	}
	switch msg.(type) {
	case tea.MouseMsg, tea.KeyMsg, tea.PasteMsg, tea.PasteStartMsg, tea.PasteEndMsg: // input: the top screen's
		if s.confirming {
			return nil
		}
		return s.Top().Update(msg)
	}
	// Screens may push or pop while handling a broadcast; walk a copy.
	screens := append([]common.Screen(nil), s.screens...)
	cmds := make([]tea.Cmd, 0, len(screens))
	for _, sc := range screens {
		cmds = append(cmds, sc.Update(msg))
	}
	return tea.Batch(cmds...)
}

func (s *Stack) key(msg tea.KeyPressMsg) tea.Cmd {
	k := s.c.Keys
	if s.confirming {
		s.confirming = false
		if key.Matches(msg, k.Confirm) {
			s.Pop()
		}
		return nil
	}
	top := s.Top()
	if key.Matches(msg, k.Back) && len(s.screens) > 1 && !handlesBack(top) {
		if top.Dirty() {
			s.confirming = true
			return nil
		}
		s.Pop()
		return nil
	}
	return top.Update(msg)
}

// View draws the top screen; while asking about unsaved changes the
// question takes its last line.
func (s *Stack) View() string {
	v := s.Top().View()
	if !s.confirming {
		return v
	}
	return overLastLine(v, s.h, s.c.Styles.StatusError.Render(ansi.Truncate(s.c.T("stack.discard_confirm"), s.w, "~")))
}

// Cursor is the top screen's, none while asking.
func (s *Stack) Cursor() *tea.Cursor {
	if s.confirming {
		return nil
	}
	return s.Top().Cursor()
}

// Capturing is true while the top screen takes typing, and while asking
// (so y and n reach the question, not the app).
func (s *Stack) Capturing() bool { return s.confirming || s.Top().Capturing() }

// Dirty reports unsaved changes on any screen of the stack.
func (s *Stack) Dirty() bool {
	for _, sc := range s.screens {
		if sc.Dirty() {
			return true
		}
	}
	return false
}

// ShortHelp is the top screen's keys, with esc when there is a level to go
// back to (unless the screen uses esc itself just now, and says what for).
func (s *Stack) ShortHelp() []key.Binding {
	if s.confirming {
		return []key.Binding{s.c.Keys.Confirm, s.c.Keys.Keep}
	}
	h := s.Top().ShortHelp()
	if len(s.screens) > 1 && !handlesBack(s.Top()) && !hasBinding(h, s.c.Keys.Back) {
		h = append(h, s.c.Keys.Back)
	}
	return h
}

func handlesBack(sc common.Screen) bool {
	bh, ok := sc.(common.BackHandler)
	return ok && bh.HandlesBack()
}

// FullHelp is the top screen's key groups.
func (s *Stack) FullHelp() [][]key.Binding { return s.Top().FullHelp() }

func hasBinding(bs []key.Binding, b key.Binding) bool {
	for _, x := range bs {
		if x.Help().Key == b.Help().Key {
			return true
		}
	}
	return false
}

// Tab is a page made of a stack and a label: embed it in a tab's Page.
type Tab struct {
	*Stack
	title string
}

// NewTab builds a tab labelled title whose bottom screen is root.
func NewTab(c *common.Common, title string, root common.Screen) Tab {
	return Tab{Stack: New(c, root), title: title}
}

// NewTabFunc builds a tab labelled title whose bottom screen root makes,
// given the tab's stack to push on.
func NewTabFunc(c *common.Common, title string, root func(st *Stack) common.Screen) Tab {
	return Tab{Stack: NewFunc(c, root), title: title}
}

// Title is the tab label.
func (t Tab) Title() string { return t.title }

// splitLines cuts v into exactly h lines (at least one).
func splitLines(v string, h int) []string {
	lines := strings.Split(v, "\n")
	h = max(1, h)
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines
}

func joinLines(lines []string) string { return strings.Join(lines, "\n") }
