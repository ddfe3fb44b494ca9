package settings

import (
	"errors"
	"slices"

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

// withProfileProblems adds the profile's own problems to those found
// reading the form, one list per field: a field the form could not read
// keeps the reading's problem.
func withProfileProblems(pr *model.Profile, ps model.Problems) model.Problems {
	for _, q := range pr.Validate() {
		if len(ps.For(q.Field)) == 0 {
			ps = append(ps, q)
		}
	}
	return ps
}

// newFormScreen is a section's form under its title: ctrl+s saves the
// profile the section reads, then goes back; esc is the stack's (it asks
// first when something was typed).
func newFormScreen(c *common.Common, st *stack.Stack, sec section) *form.Screen {
	f := sec.build(c)
	// Only the section's own fields block its save: a problem elsewhere in
	// the profile (a union code kept from before it was checked) is the
	// store's to judge, and the profile form's to show.
	f.Validate = func(f *form.Form) model.Problems {
		_, ps := sec.read(f)
		return slices.DeleteFunc(ps, func(q model.Problem) bool { return q.Field != "" && !f.Has(q.Field) })
	}
	f.MarkClean()
	f.Revalidate()
	sc := form.NewScreen(c, st, c.T(sec.title()), f, func() tea.Cmd {
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
	if in, ok := sec.(interface{ intro(*common.Common) string }); ok {
		sc = sc.WithIntro(in.intro(c))
	}
	return sc
}
