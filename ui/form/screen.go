package form

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/ui/common"
	"unionbook/ui/picker"
	"unionbook/ui/stack"
)

// titleLines are the lines above a form screen's fields: its title and a
// blank line.
const titleLines = 2

// maxSubtitleLines is how far a subtitle wraps (WithSubtitle): the rest of
// a longer one is cut on its second line.
const maxSubtitleLines = 2

// Screen is a form as one level of a tab's stack: a title over the
// fields. enter on a Pick field (or typing on it) pushes a picker above
// it; ctrl+s, or enter on the last field, saves when no problem is left;
// esc is the stack's, which asks first when something was changed.
//
// A tab builds the Form (its fields, Validate) and the save function and
// pushes NewScreen(c, st, title, f, save): the scaffolding around a form is
// written once, here.
type Screen struct {
	common.ScreenBase
	c     *common.Common
	st    *stack.Stack
	title string
	intro string // a muted line under the title, or ""
	form  *Form
	save  func() tea.Cmd
	// submit is ctrl+s with the help of what it does, when that is not
	// saving a record (a report's form goes on to write a file): a
	// read-only session refuses saves, not this.
	submit *key.Binding
	// subtitle is the muted line under the title (WithSubtitle), read at
	// each View; nil for none.
	subtitle func() string
	// pickOptions are the options of a Pick field's picker when they are
	// not the field's own (WithPickOptions).
	pickOptions func(field string) []Option
	w, h        int
}

// NewScreen shows f under title on st. save runs on a submit that has no
// problems left; it writes, and on success pops the screen (st.Pop or
// st.Replace) and returns common.Changed with a status line, on failure
// returns f.SaveError(err, ...).
func NewScreen(c *common.Common, st *stack.Stack, title string, f *Form, save func() tea.Cmd) *Screen {
	return &Screen{c: c, st: st, title: title, form: f, save: save}
}

// WithIntro adds a line under the title that says what the form is for;
// a long one wraps.
func (s *Screen) WithIntro(text string) *Screen {
	s.intro = text
	return s
}

// WithSubmit names what ctrl+s does on this form, by the catalogue key of
// its help ("reports.key_next"), when it saves no record.
func (s *Screen) WithSubmit(help string) *Screen {
	b := key.NewBinding(key.WithKeys(s.c.Keys.Save.Keys()...), key.WithHelp(s.c.Keys.Save.Help().Key, s.c.T(help)))
	s.submit = &b
	return s
}

// WithSubtitle puts a muted line right under the title, then a blank line:
// what the form is about or what the typing so far comes to (text is
// called at each View, so it may follow the typing). A long one wraps onto
// a second line, and the fields move down a line; the fields keep one
// line free under them, for what a screen adds below its View.
func (s *Screen) WithSubtitle(text func() string) *Screen {
	s.subtitle = text
	return s
}

// WithPickOptions gives the pickers of the form's Pick fields other
// options than the fields' own (the accounts indented under their
// parents): opts returns them for the field's key, nil for the field's
// own.
func (s *Screen) WithPickOptions(opts func(field string) []Option) *Screen {
	s.pickOptions = opts
	return s
}

// Form is the form shown.
func (s *Screen) Form() *Form { return s.form }

// introLines is the intro wrapped to the width (none without one).
func (s *Screen) introLines() []string {
	if s.intro == "" {
		return nil
	}
	return strings.Split(ansi.Wrap(s.intro, max(10, s.w), ""), "\n")
}

// top is the number of lines above the fields.
func (s *Screen) top() int {
	if s.subtitle != nil {
		return 1 + len(s.subtitleLines()) + 1
	}
	if n := len(s.introLines()); n > 0 {
		return titleLines + n + 1
	}
	return titleLines
}

// SetSize gives the fields what the title leaves.
func (s *Screen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.sizeFields()
}

// sizeFields gives the fields what the lines above them leave (and, with
// a subtitle, the line under them).
func (s *Screen) sizeFields() {
	fields := s.h - s.top()
	if s.subtitle != nil {
		fields-- // the line under the fields
	}
	s.form.SetSize(s.w, max(1, fields))
}

// View draws the title and the visible fields.
func (s *Screen) View() string {
	st := s.c.Styles
	if s.subtitle != nil {
		s.sizeFields() // the subtitle may have grown or shrunk a line
		return st.Title.Render(ansi.Truncate(s.title, s.w, "~")) + "\n" +
			st.Muted.Render(strings.Join(s.subtitleLines(), "\n")) + "\n\n" + s.form.View()
	}
	head := st.Title.Render(ansi.Truncate(s.title, max(10, s.w), "~")) + "\n\n"
	for _, l := range s.introLines() {
		head += st.Muted.Render(l) + "\n"
	}
	if s.intro != "" {
		head += "\n"
	}
	return head + s.form.View()
}

// subtitleLines is the subtitle wrapped to the width, at most
// maxSubtitleLines lines, the last cut where more would not fit.
func (s *Screen) subtitleLines() []string {
	lines := strings.Split(ansi.Wrap(s.subtitle(), max(s.w, 20), ""), "\n")
	if len(lines) > maxSubtitleLines {
		last := strings.Join(lines[maxSubtitleLines-1:], " ")
		lines = append(lines[:maxSubtitleLines-1], ansi.Truncate(last, s.w, "~"))
	}
	return lines
}

// Size is the screen's size as last given to SetSize (for what a screen
// draws under the form).
func (s *Screen) Size() (w, h int) { return s.w, s.h }

// Cursor is the caret of the focused text field.
func (s *Screen) Cursor() *tea.Cursor {
	c := s.form.Cursor()
	if c != nil {
		c.Y += s.top()
	}
	return c
}

// Capturing: a form takes typing.
func (s *Screen) Capturing() bool { return true }

// Dirty reports changes since the form was filled.
func (s *Screen) Dirty() bool { return s.form.Dirty() }

// Update edits the form, opens pickers and saves. A form takes only
// typing (keys and paste): the stack hands every screen the messages
// broadcast to all.
func (s *Screen) Update(msg tea.Msg) tea.Cmd {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
	default:
		return nil
	}
	act, cmd := s.form.Update(msg)
	switch act {
	case OpenPicker:
		title, opts, current := s.form.PickRequest()
		if s.pickOptions != nil {
			if own := s.pickOptions(s.form.Focused()); own != nil {
				opts = own
			}
		}
		return tea.Batch(s.st.Push(picker.NewScreen(s.c, s.st, title, opts, current, func(v uint64) tea.Cmd {
			s.form.Picked(v)
			return nil
		}).WithEmpty(s.form.PickEmpty())), cmd) // cmd: the key typed to open it, for its search
	case Submit:
		if blocked := s.form.SubmitBlocked(); blocked != nil {
			return blocked
		}
		return s.save()
	}
	return cmd
}

// ShortHelp lists the keys of every form (moving between fields only
// when there are two or more); ctrl+s says what WithSubmit named.
func (s *Screen) ShortHelp() []key.Binding {
	k := s.c.Keys
	save := k.Save
	if s.submit != nil {
		save = *s.submit
	}
	if len(s.form.fields) < 2 {
		return []key.Binding{save, k.Back}
	}
	return []key.Binding{k.NextField, k.PrevField, save, k.Back}
}

// FullHelp is ShortHelp: every other key types into the field.
func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
