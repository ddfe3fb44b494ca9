package hardship

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

// formHeaderLines is the title, the line under it and a blank line.
const formHeaderLines = 3

// formScreen is what every form of the tab shares: a title and a line
// under it, the form (one line less than the screen, for a warning under
// it), a picker pushed for its Pick fields, and the form's keys. Each form
// embeds it and adds its own fields, View and save. It is not form.Screen
// because the line under the title follows the typing (the file form's
// per-capita income and suggested category) and the aid form warns of the
// yearly caps under its fields.
type formScreen struct {
	common.ScreenBase
	c    *common.Common
	st   *stack.Stack
	form *form.Form
	// done is the opener's next step once the form saved record id (show
	// the detail of a new file, the pane the record went to); may be nil.
	done func(id uint64) tea.Cmd
	w, h int
}

// newFormScreen wraps fm; done runs once it saved. Fill fm, then call open.
func newFormScreen(c *common.Common, st *stack.Stack, fm *form.Form, done func(uint64) tea.Cmd) formScreen {
	return formScreen{c: c, st: st, form: fm, done: done}
}

// open sets the form's check and shows it as filled so far: unchanged,
// its problems computed.
func (s *formScreen) open(validate func(*form.Form) model.Problems) {
	s.form.Validate = validate
	s.form.MarkClean()
	s.form.Revalidate()
}

// theForm is the form itself (for tests).
func (s *formScreen) theForm() *form.Form { return s.form }

func (s *formScreen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.form.SetSize(w, h-formHeaderLines-1)
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

// update hands the user's keys to the form: enter on a Pick field pushes a
// picker whose choice fills it; a submit without problems calls save.
func (s *formScreen) update(msg tea.Msg, save func() tea.Cmd) tea.Cmd {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
	default:
		return nil
	}
	act, cmd := s.form.Update(msg)
	return s.form.Answer(act, cmd, form.Answers{
		Pick: func(title string, opts []form.Option, cur uint64) {
			s.st.Push(picker.NewScreen(s.c, s.st, title, opts, cur, func(v uint64) tea.Cmd {
				s.form.Picked(v)
				return nil
			}))
		},
		Save: save,
	})
}

// view draws the title, the line under it and the form, each header line
// cut to the screen.
func (s *formScreen) view(title, sub string) string {
	st := s.c.Styles
	fit := func(x string) string { return ansi.Truncate(x, s.w, "~") }
	// a long line under the title (the suggestion's reason) wraps onto
	// the blank line before the form rather than being cut
	lines := strings.SplitN(ansi.Wrap(sub, max(1, s.w), ""), "\n", 2)
	second := ""
	if len(lines) == 2 {
		second = st.Muted.Render(fit(strings.ReplaceAll(strings.TrimSpace(lines[1]), "\n", " ")))
	}
	return st.Title.Render(fit(title)) + "\n" + st.Muted.Render(fit(lines[0])) + "\n" + second + "\n" + s.form.View()
}

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
	fm.SetValue("date", c.Today().String())
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
