package settings

import (
	"errors"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// section is one part of the union's details edited in a form: it builds
// the fields filled from the stored profile, and reads them back into the
// profile to save.
type section interface {
	title() string // catalogue key of the form's title
	build(c *common.Common) *form.Form
	read(f *form.Form) (model.Profile, model.Problems)
}

// formHead is the title and a blank line above the fields.
const formHead = 2

// formScreen is a section's form under its title: ctrl+s saves the
// profile the section reads, then goes back; esc is the stack's (it asks
// first when something was typed).
type formScreen struct {
	common.ScreenBase
	c    *common.Common
	st   *stack.Stack
	sec  section
	form *form.Form
}

func newFormScreen(c *common.Common, st *stack.Stack, sec section) *formScreen {
	f := sec.build(c)
	f.Validate = func(f *form.Form) model.Problems { _, ps := sec.read(f); return ps }
	f.MarkClean()
	f.Revalidate()
	return &formScreen{c: c, st: st, sec: sec, form: f}
}

func (s *formScreen) SetSize(w, h int) { s.form.SetSize(w, h-formHead-1) }
func (s *formScreen) Capturing() bool  { return true }
func (s *formScreen) Dirty() bool      { return s.form.Dirty() }

func (s *formScreen) Update(msg tea.Msg) tea.Cmd {
	act, cmd := s.form.Update(msg)
	return s.form.Answer(act, cmd, form.Answers{Cancel: s.st.Pop, Save: s.save})
}

func (s *formScreen) save() tea.Cmd {
	pr, _ := s.sec.read(s.form)
	if err := s.c.Store.SaveProfile(operator(s.c), pr); err != nil {
		var ps model.Problems
		if errors.As(err, &ps) {
			s.form.SetProblems(ps)
		}
		return common.SetStatus(s.c.Err(err), true)
	}
	s.st.Pop()
	return tea.Batch(common.SetStatus(s.c.T("settings.saved"), false), common.Changed(model.EntityProfile, 0))
}

func (s *formScreen) View() string {
	return s.c.Styles.Title.Render(s.c.T(s.sec.title())) + "\n\n" + s.form.View()
}

func (s *formScreen) Cursor() *tea.Cursor {
	c := s.form.Cursor()
	if c != nil {
		c.Y += formHead
	}
	return c
}

func (s *formScreen) ShortHelp() []key.Binding {
	k := s.c.Keys
	return []key.Binding{k.NextField, k.PrevField, k.Save, k.Back}
}

func (s *formScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
