package settings

import (
	"errors"

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

// newFormScreen is a section's form under its title: ctrl+s saves the
// profile the section reads, then goes back; esc is the stack's (it asks
// first when something was typed).
func newFormScreen(c *common.Common, st *stack.Stack, sec section) *form.Screen {
	f := sec.build(c)
	f.Validate = func(f *form.Form) model.Problems { _, ps := sec.read(f); return ps }
	f.MarkClean()
	f.Revalidate()
	return form.NewScreen(c, st, c.T(sec.title()), f, func() tea.Cmd {
		pr, _ := sec.read(f)
		if err := c.Store.SaveProfile(c.OperatorName(), pr); err != nil {
			var ps model.Problems
			if errors.As(err, &ps) {
				f.SetProblems(ps)
			}
			return common.SetStatus(c.Err(err), true)
		}
		st.Pop()
		return tea.Batch(common.SetStatus(c.T("settings.saved"), false), common.Changed(model.EntityProfile, 0))
	})
}
