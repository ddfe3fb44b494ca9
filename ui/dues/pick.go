package dues

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/picker"
	"unionbook/ui/stack"
)

// pickScreen is a picker pushed over the screen that wants a choice:
// enter chooses, goes back and hands the choice to chosen; esc (the
// stack's) goes back without one.
type pickScreen struct {
	common.ScreenBase
	c      *common.Common
	st     *stack.Stack
	p      *picker.Picker
	chosen func(uint64) tea.Cmd
}

func newPicker(c *common.Common, st *stack.Stack, title string, opts []form.Option, current uint64, chosen func(uint64) tea.Cmd) *pickScreen {
	return &pickScreen{c: c, st: st, p: picker.New(c, title, opts, current), chosen: chosen}
}

func (s *pickScreen) SetSize(w, h int)    { s.p.SetSize(w, h) }
func (s *pickScreen) View() string        { return s.p.View() }
func (s *pickScreen) Cursor() *tea.Cursor { return s.p.Cursor() }
func (s *pickScreen) Capturing() bool     { return true }

func (s *pickScreen) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(common.DataChangedMsg); ok {
		return nil // its options stay as they were when it opened
	}
	res, v, cmd := s.p.Update(msg)
	if res == picker.Chosen {
		s.st.Pop()
		return tea.Batch(cmd, s.chosen(v))
	}
	return cmd
}

func (s *pickScreen) ShortHelp() []key.Binding  { return []key.Binding{s.c.Keys.Open, s.c.Keys.Back} }
func (s *pickScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
