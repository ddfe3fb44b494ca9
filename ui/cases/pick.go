package cases

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/picker"
	"unionbook/ui/stack"
)

// pickScreen is a searchable list pushed over a form to choose one option
// (a unit, a member, a risk check); enter chooses and hands the value to
// the callback, esc goes back without choosing.
type pickScreen struct {
	common.ScreenBase
	c      *common.Common
	st     *stack.Stack
	p      *picker.Picker
	choose func(uint64) tea.Cmd
}

func newPick(c *common.Common, st *stack.Stack, title string, opts []form.Option, current uint64, choose func(uint64) tea.Cmd) *pickScreen {
	return &pickScreen{c: c, st: st, p: picker.New(c, title, opts, current), choose: choose}
}

func (s *pickScreen) SetSize(w, h int)    { s.p.SetSize(w, h) }
func (s *pickScreen) View() string        { return s.p.View() }
func (s *pickScreen) Cursor() *tea.Cursor { return s.p.Cursor() }
func (s *pickScreen) Capturing() bool     { return true }
func (s *pickScreen) ShortHelp() []key.Binding {
	choose := s.c.Keys.Open
	choose.SetHelp("enter", s.c.T("cases.key_choose"))
	return []key.Binding{choose, s.c.Keys.Up, s.c.Keys.Down}
}
func (s *pickScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

func (s *pickScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.MouseMsg, tea.PasteMsg:
	default:
		return nil
	}
	res, v, cmd := s.p.Update(msg)
	if res == picker.Chosen {
		s.st.Pop()
		return tea.Batch(cmd, s.choose(v))
	}
	return cmd
}
