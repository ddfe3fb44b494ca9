package picker

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/ui/common"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// Screen is a picker as one level of a tab's stack, pushed by a form field
// or a filter: enter (or a second click on a row) chooses, pops the picker
// and hands the value to choose; esc is the stack's and goes back without
// choosing.
type Screen struct {
	common.ScreenBase
	p      *Picker
	st     *stack.Stack
	choose func(v uint64) tea.Cmd
}

// NewScreen builds the picker over options with current selected; push it
// on st.
func NewScreen(c *common.Common, st *stack.Stack, title string, options []widget.Option, current uint64, choose func(v uint64) tea.Cmd) *Screen {
	return &Screen{p: New(c, title, options, current), st: st, choose: choose}
}

// WithEmpty sets what the picker says when there is nothing at all to
// choose (an empty search finds nothing); "" keeps its own words.
func (s *Screen) WithEmpty(text string) *Screen {
	if text != "" && len(s.p.options) == 0 {
		s.p.table.SetEmptyText(text)
	}
	return s
}

// SetSize sets the picker's area.
func (s *Screen) SetSize(w, h int) { s.p.SetSize(w, h) }

// View draws the title with the search box, then the list.
func (s *Screen) View() string { return s.p.View() }

// Cursor is the caret of the search box.
func (s *Screen) Cursor() *tea.Cursor { return s.p.Cursor() }

// Capturing: typing goes to the search box.
func (s *Screen) Capturing() bool { return true }

// Update types, moves and chooses.
func (s *Screen) Update(msg tea.Msg) tea.Cmd {
	res, v, cmd := s.p.Update(msg)
	switch res {
	case Chosen:
		s.st.Pop()
		return s.choose(v)
	case Cancelled: // only off a stack: the stack keeps esc
		s.st.Pop()
	}
	return cmd
}

// ShortHelp: enter chooses, esc goes back.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.p.c.Keys
	return []key.Binding{k.Open, k.Back}
}

// FullHelp is ShortHelp: the arrows move, every other key types.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
