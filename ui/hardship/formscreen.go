package hardship

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// formScreen is a form.Screen as every form of the tab shows it: a title
// and a line under it (WithSubtitle: the file form's per-capita income and
// suggested category follow the typing; the aid form warns of the yearly
// caps on the line kept free under the fields), and the opener's next step
// once saved. Each form embeds it and adds its fields and save.
type formScreen struct {
	*form.Screen
	c    *common.Common
	st   *stack.Stack
	form *form.Form
	// done is the opener's next step once the form saved record id (show
	// the detail of a new file, the pane the record went to); may be nil.
	done func(id uint64) tea.Cmd
}

// newFormScreen wraps fm; done runs once it saved. Fill fm, then call open.
func newFormScreen(c *common.Common, st *stack.Stack, fm *form.Form, done func(uint64) tea.Cmd) formScreen {
	return formScreen{c: c, st: st, form: fm, done: done}
}

// open shows the form under title and the line sub gives, as filled so
// far: unchanged, its problems computed by validate; save runs on a submit
// without problems.
func (s *formScreen) open(title string, sub func() string, validate func(*form.Form) model.Problems, save func() tea.Cmd) {
	s.form.Validate = validate
	s.form.MarkClean()
	s.form.Revalidate()
	s.Screen = form.NewScreen(s.c, s.st, title, s.form, save).WithSubtitle(sub)
}

// fixed is a subtitle that does not change.
func fixed(text string) func() string { return func() string { return text } }

// theForm is the form itself (for tests).
func (s *formScreen) theForm() *form.Form { return s.form }

// saved leaves the form after writing record id: back to the screen under
// it, then the opener's next step (done), the status line and the change
// broadcast to every tab.
func (s *formScreen) saved(entity model.Entity, id uint64, status string, isErr bool) tea.Cmd {
	s.st.Pop()
	var next tea.Cmd
	if s.done != nil {
		next = s.done(id)
	}
	return tea.Batch(next, common.SetStatus(status, isErr), common.Changed(entity, id))
}

// opts are the options of a field over vals, named by their catalogue keys.
func opts[T ~uint8](c *common.Common, vals []T, key func(T) string) []form.Option {
	out := make([]form.Option, len(vals))
	for i, v := range vals {
		out[i] = form.Option{Label: c.T(key(v)), Value: uint64(v)}
	}
	return out
}

// money is an amount as a form field shows it: empty for none.
func money(m model.Money) string {
	if m == 0 {
		return ""
	}
	return m.String()
}

// pushOr pushes s, or says why it could not be built.
func pushOr(c *common.Common, st *stack.Stack, s common.Screen, err error) tea.Cmd {
	if err != nil {
		return common.SetStatus(c.Err(err), true)
	}
	return st.Push(s)
}

// dateReasonForm is a form of a date (today, not in the future) and one
// more required text field: approving, closing, reversing.
func dateReasonForm(c *common.Common, second, hint string) (*form.Form, func(*form.Form) model.Problems) {
	fm := form.New(c,
		form.TextField("date", true, c.T("hint.date")),
		form.TextField(second, true, hint),
	)
	fm.SetDefault("date", c.Today().String())
	return fm, func(fm *form.Form) model.Problems {
		var ps model.Problems
		if d, err := model.ReadDate(fm.Value("date")); err != nil {
			ps = append(ps, form.ProblemOf("date", err))
		} else if d > c.Today() {
			ps = append(ps, model.Problem{Field: "date", Key: "problem.future"})
		}
		if strings.TrimSpace(fm.Value(second)) == "" {
			ps = append(ps, model.Problem{Field: second, Key: "problem.required"})
		}
		return ps
	}
}
