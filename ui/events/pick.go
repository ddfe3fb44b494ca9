package events

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/picker"
	"unionbook/ui/stack"
)

// pickScreen is a searchable list pushed over the screen that needs a
// choice (a form's Pick field, the member to give aid to): enter chooses
// and hands the value to choose, esc (the stack's) goes back.
type pickScreen struct {
	common.ScreenBase
	c      *common.Common
	st     *stack.Stack
	picker *picker.Picker
	choose func(v uint64) tea.Cmd
}

func newPickScreen(c *common.Common, st *stack.Stack, title string, opts []form.Option, current uint64, choose func(uint64) tea.Cmd) *pickScreen {
	return &pickScreen{c: c, st: st, picker: picker.New(c, title, opts, current), choose: choose}
}

func (s *pickScreen) SetSize(w, h int)    { s.picker.SetSize(w, h) }
func (s *pickScreen) View() string        { return s.picker.View() }
func (s *pickScreen) Cursor() *tea.Cursor { return s.picker.Cursor() }
func (s *pickScreen) Capturing() bool     { return true }

// Update takes the user's keys and mouse; results meant for other screens
// are not the picker's.
func (s *pickScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.MouseMsg, tea.PasteMsg:
	default:
		return nil
	}
	res, v, cmd := s.picker.Update(msg)
	switch res {
	case picker.Chosen:
		s.st.Pop()
		return tea.Batch(cmd, s.choose(v))
	case picker.Cancelled:
		s.st.Pop()
	}
	return cmd
}

func (s *pickScreen) ShortHelp() []key.Binding {
	return []key.Binding{s.c.Keys.Open, s.c.Keys.Back}
}

func (s *pickScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
