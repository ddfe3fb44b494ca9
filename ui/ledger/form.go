package ledger

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// formHead is the title and a blank line above a form's fields.
const formHead = 2

// formFrame is what the tab's forms share: the fields under a title, the
// caret for input methods, and the stack to go back on once saved. esc is
// the stack's: it asks first when something was typed.
type formFrame struct {
	common.ScreenBase
	*book
	st   *stack.Stack
	form *form.Form
}

func (f *formFrame) SetSize(w, h int) { f.form.SetSize(w, h-formHead) }
func (f *formFrame) Capturing() bool  { return true }
func (f *formFrame) Dirty() bool      { return f.form.Dirty() }

// view draws the form under title.
func (f *formFrame) view(title string) string {
	return f.c.Styles.Title.Render(title) + "\n\n" + f.form.View()
}

func (f *formFrame) Cursor() *tea.Cursor {
	c := f.form.Cursor()
	if c != nil {
		c.Y += formHead
	}
	return c
}

func (f *formFrame) ShortHelp() []key.Binding {
	k := f.c.Keys
	return []key.Binding{k.NextField, k.PrevField, k.Save, k.Back}
}

func (f *formFrame) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }
