package dues

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// formFrame is a form.Screen as the tab's forms show it: a title and a
// line under it (WithSubtitle), with the tab's data at hand and the stack
// to go back on once saved. esc is the stack's: it asks first when
// something was typed.
type formFrame struct {
	*form.Screen
	*data
	st   *stack.Stack
	form *form.Form
}

// open makes f the frame's form under title and the line sub gives,
// checked as typed by validate (which may read the frame); save runs on a
// submit without problems.
func (fr *formFrame) open(d *data, st *stack.Stack, f *form.Form, title string, sub func() string, validate func(*form.Form) model.Problems, save func() tea.Cmd) {
	fr.data, fr.st, fr.form = d, st, f
	f.Validate = validate
	f.MarkClean()
	f.Revalidate()
	fr.Screen = form.NewScreen(d.c, st, title, f, save).WithSubtitle(sub)
}

// width is the screen's width, for what a form draws under its fields.
func (fr *formFrame) width() int {
	w, _ := fr.Size()
	return w
}

// fixed is a subtitle that does not change.
func fixed(text string) func() string { return func() string { return text } }

func methodOptions(c *common.Common) []form.Option {
	opts := make([]form.Option, len(model.PayMethods))
	for i, m := range model.PayMethods {
		opts[i] = form.Option{Label: c.T(m.Key()), Value: uint64(m)}
	}
	return opts
}
