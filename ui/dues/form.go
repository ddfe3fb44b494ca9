package dues

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/picker"
	"unionbook/ui/stack"
)

// formHeaderLines is the title and the line under it above every form,
// with a blank line.
const formHeaderLines = 3

// formFrame is what the tab's forms share: a title and a line of
// explanation over the fields, the caret for input methods, and the stack
// to go back on once saved. esc is the stack's: it asks first when
// something was typed.
type formFrame struct {
	common.ScreenBase
	*data
	st   *stack.Stack
	form *form.Form
	w, h int
	top  int // the lines above the form as last drawn (0: formHeaderLines)
}

// open makes f the frame's form, checked as typed by validate (which may
// read the frame).
func (fr *formFrame) open(d *data, st *stack.Stack, f *form.Form, validate func(*form.Form) model.Problems) {
	fr.data, fr.st, fr.form = d, st, f
	f.Validate = validate
	f.MarkClean()
	f.Revalidate()
}

func (f *formFrame) SetSize(w, h int) {
	f.w, f.h = w, h
	f.form.SetSize(w, h-f.topLines()-1)
}

func (f *formFrame) topLines() int {
	if f.top == 0 {
		return formHeaderLines
	}
	return f.top
}

func (f *formFrame) Capturing() bool { return true }
func (f *formFrame) Dirty() bool     { return f.form.Dirty() }

// answer runs what the user asked of the form: save calls save, enter on
// a pick field opens a picker of the field's options.
func (f *formFrame) answer(msg tea.Msg, save func() tea.Cmd) tea.Cmd {
	act, cmd := f.form.Update(msg)
	return f.form.Answer(act, cmd, form.Answers{
		Cancel: f.st.Pop,
		Pick: func(title string, opts []form.Option, cur uint64) {
			f.st.Push(picker.NewScreen(f.c, f.st, title, opts, cur, func(v uint64) tea.Cmd {
				f.form.Picked(v)
				return nil
			}))
		},
		Save: save,
	})
}

// view draws the title (cut to the width), the explanation under it
// (wrapped, at most two lines: at 80 columns its end was lost) and the
// form, which takes the height left.
func (f *formFrame) view(title, sub string) string {
	st := f.c.Styles
	lines := strings.Split(ansi.Wrap(sub, max(f.w, 20), ""), "\n")
	if len(lines) > 2 {
		lines = []string{lines[0], ansi.Truncate(strings.Join(lines[1:], " "), f.w, "~")}
	}
	if top := len(lines) + 2; top != f.topLines() {
		f.top = top
		f.form.SetSize(f.w, f.h-top-1)
	}
	return st.Title.Render(ansi.Truncate(title, f.w, "~")) + "\n" + st.Muted.Render(strings.Join(lines, "\n")) + "\n\n" + f.form.View()
}

func (f *formFrame) Cursor() *tea.Cursor {
	c := f.form.Cursor()
	if c != nil {
		c.Y += f.topLines()
	}
	return c
}

func (f *formFrame) ShortHelp() []key.Binding {
	k := f.c.Keys
	return []key.Binding{k.NextField, k.PrevField, k.Save, k.Back}
}

func (f *formFrame) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

func methodOptions(c *common.Common) []form.Option {
	opts := make([]form.Option, len(model.PayMethods))
	for i, m := range model.PayMethods {
		opts[i] = form.Option{Label: c.T(m.Key()), Value: uint64(m)}
	}
	return opts
}
