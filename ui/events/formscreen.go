package events

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// formHeaderLines: the form's title and a blank line.
const formHeaderLines = 2

// formScreen is what the tab's two forms share: the title over the form,
// the keys, and leaving after a save. Each form embeds it and adds its own
// fields, Update, View and save.
type formScreen struct {
	common.ScreenBase
	c    *common.Common
	st   *stack.Stack
	form *form.Form
	// done is the opener's next step once the form saved event id (its
	// detail from the list, the detail read again); may be nil.
	done func(id uint64) tea.Cmd
	w, h int
}

// theForm is the form itself (for tests).
func (s *formScreen) theForm() *form.Form { return s.form }

// open sets the form's check and shows it as filled so far: unchanged,
// its problems computed.
func (s *formScreen) open(validate func(*form.Form) model.Problems) {
	s.form.Validate = validate
	s.form.MarkClean()
	s.form.Revalidate()
}

func (s *formScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.form.SetSize(w, h-formHeaderLines)
}

func (s *formScreen) Capturing() bool { return true }
func (s *formScreen) Dirty() bool     { return s.form.Dirty() }

func (s *formScreen) Cursor() *tea.Cursor {
	c := s.form.Cursor()
	if c != nil {
		c.Y += formHeaderLines
	}
	return c
}

func (s *formScreen) ShortHelp() []key.Binding {
	k := s.c.Keys
	return []key.Binding{k.NextField, k.PrevField, k.Save, k.Back}
}

func (s *formScreen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// view draws the title over the form.
func (s *formScreen) view(title string) string {
	return s.c.Styles.Title.Render(title) + "\n\n" + s.form.View()
}

// saved leaves the form after it wrote event id: back to the screen under
// it, then the opener's next step, the status line and the change
// broadcast to every tab.
func (s *formScreen) saved(id uint64, status string) tea.Cmd {
	s.st.Pop()
	var next tea.Cmd
	if s.done != nil {
		next = s.done(id)
	}
	return tea.Batch(next, common.SetStatus(status, false), common.Changed(model.EntityEvent, id))
}

// isInput reports the user's keys and pasted text, all a form takes.
func isInput(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		return true
	}
	return false
}

// accountOptions are the accounts an event may pay from; values are
// indexes into accounts plus one.
func accountOptions(c *common.Common, accounts []model.Account) []form.Option {
	opts := make([]form.Option, len(accounts))
	for i, a := range accounts {
		opts[i] = form.Option{Label: a.Label(c.Lang == i18n.EN), Value: uint64(i + 1)}
	}
	return opts
}

// accountValue is the option of account code, 0 for none.
func accountValue(accounts []model.Account, code string) uint64 {
	for i, a := range accounts {
		if a.Code == code {
			return uint64(i + 1)
		}
	}
	return 0
}

// accountOf is the code of the account chosen in field key, "" for none.
func accountOf(f *form.Form, key string, accounts []model.Account) string {
	if v, ok := f.Choice(key); ok && v > 0 && int(v) <= len(accounts) {
		return accounts[v-1].Code
	}
	return ""
}

// parseCost reads a cost field: empty is none; a negative amount is a
// problem of its own.
func parseCost(f *form.Form, key string) (model.Money, *model.Problem) {
	v := model.Clean(f.Value(key))
	if v == "" {
		return 0, nil
	}
	m, err := model.ParseMoney(strings.TrimPrefix(v, "-"))
	switch {
	case err != nil:
		p := form.ProblemOf(key, err)
		return 0, &p
	case strings.HasPrefix(v, "-") && m != 0:
		return 0, &model.Problem{Field: key, Key: "problem.negative"}
	}
	return m, nil
}
