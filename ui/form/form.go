// Package form is the TUI's data-entry form: labelled text, choice and
// check fields, validation as you type with each problem shown next to its
// field, and the real cursor placed at the caret for input methods. Screen
// shows a form as one level of a tab's stack, with its pickers above it.
package form

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/picker"
	"unionbook/ui/widget"
)

// Kind is the kind of a field.
type Kind int

const (
	Text   Kind = iota
	Choice      // one of a few options, changed with left/right or space
	Pick        // one of many options, chosen in a searchable picker (enter)
	Check       // yes/no
)

// Option is one choice of a Choice or Pick field.
type Option = widget.Option

// Field is one line of a form.
type Field struct {
	Key      string // field key: label "field.<Key>", and the key of its problems
	Kind     Kind
	Required bool
	Hint     string // placeholder for text fields
	Options  []Option
	// Empty is what a Pick field's picker says when there is nothing at
	// all to choose, and how to get something ("no units yet: add one in
	// the Units tab"); "" for the picker's own words.
	Empty string

	input   widget.TextField
	choice  int // index into Options; -1 for none
	checked bool
}

// Action tells the parent what the user asked for.
type Action int

const (
	None       Action = iota
	Submit            // ctrl+s, or enter on the last field
	OpenPicker        // enter on a Pick field: the parent shows a picker
)

// Form is a vertical list of fields.
type Form struct {
	c        *common.Common
	fields   []*Field
	focus    int
	problems model.Problems
	touched  map[string]bool
	showAll  bool
	dirty    bool
	width    int
	height   int
	offset   int // first visible line
	// Validate turns the current values into a record and returns its
	// problems; it runs after every change.
	Validate func(*Form) model.Problems
}

// New makes a form of the given fields.
func New(c *common.Common, fields ...*Field) *Form {
	f := &Form{c: c, fields: fields, touched: map[string]bool{}}
	for _, fl := range fields {
		fl.input = widget.NewTextField()
		fl.input.SetPlaceholder(fl.Hint)
		fl.choice = -1
		if fl.Kind == Choice && len(fl.Options) > 0 && fl.Required {
			fl.choice = 0
		}
	}
	f.focusField(0)
	return f
}

// TextField makes a text field.
func TextField(key string, required bool, hint string) *Field {
	return &Field{Key: key, Kind: Text, Required: required, Hint: hint}
}

// ChoiceField makes a field with a few options.
func ChoiceField(key string, required bool, opts []Option) *Field {
	return &Field{Key: key, Kind: Choice, Required: required, Options: opts}
}

// PickField makes a field whose option is chosen in a picker.
func PickField(key string, required bool, opts []Option) *Field {
	return &Field{Key: key, Kind: Pick, Required: required, Options: opts}
}

// WithEmpty sets what the picker says when there is nothing to choose.
func (fl *Field) WithEmpty(text string) *Field {
	fl.Empty = text
	return fl
}

// CheckField makes a yes/no field.
func CheckField(key string) *Field { return &Field{Key: key, Kind: Check} }

func (f *Form) field(key string) *Field {
	for _, fl := range f.fields {
		if fl.Key == key {
			return fl
		}
	}
	panic("form: no field " + key)
}

// Value is a text field's content.
func (f *Form) Value(key string) string { return f.field(key).input.Value() }

// SetValue fills a text field with a value to edit (a stored record's):
// typing goes on at its end.
func (f *Form) SetValue(key, v string) { f.field(key).input.SetValue(v) }

// SetDefault fills a text field with a guess the user may take or replace
// (today's date, the operator, this quarter): shown selected while it is
// focused and untouched, the first character typed there replaces it,
// while a moving or deleting key first makes it text to edit.
func (f *Form) SetDefault(key, v string) { f.field(key).input.SetDefault(v) }

// Choice is the value of the chosen option and whether one is chosen.
func (f *Form) Choice(key string) (uint64, bool) {
	fl := f.field(key)
	if fl.choice < 0 || fl.choice >= len(fl.Options) {
		return 0, false
	}
	return fl.Options[fl.choice].Value, true
}

// SetChoice chooses the option with value v.
func (f *Form) SetChoice(key string, v uint64) {
	fl := f.field(key)
	for i, o := range fl.Options {
		if o.Value == v {
			fl.choice = i
			return
		}
	}
}

// ClearChoice leaves a choice field without a value, so the user must
// choose (or the form derives it, as gender from an ID number).
func (f *Form) ClearChoice(key string) { f.field(key).choice = -1 }

// Touched reports whether the user has changed or left the field.
func (f *Form) Touched(key string) bool { return f.touched[key] }

// Checked reads a check field.
func (f *Form) Checked(key string) bool { return f.field(key).checked }

// SetChecked sets a check field.
func (f *Form) SetChecked(key string, v bool) { f.field(key).checked = v }

// Focused is the key of the focused field.
func (f *Form) Focused() string { return f.fields[f.focus].Key }

// FocusedField returns the focused field.
func (f *Form) FocusedField() *Field { return f.fields[f.focus] }

// Dirty reports changes since the form was filled.
func (f *Form) Dirty() bool { return f.dirty }

// MarkClean forgets changes (after filling a form for editing).
func (f *Form) MarkClean() { f.dirty = false }

// Problems are the problems found by the last validation.
func (f *Form) Problems() model.Problems { return f.problems }

// SetProblems shows problems found elsewhere (by the store, after saving):
// all of them, touched or not.
func (f *Form) SetProblems(ps model.Problems) {
	f.problems = ps
	f.showAll = true
	f.focusFirstProblem()
}

// focusFirstProblem moves the focus, and the caret, to the first field
// (top down) with a problem, where the user goes on typing after a
// refused save; with none among the fields the focus stays.
func (f *Form) focusFirstProblem() {
	for i, fl := range f.fields {
		if len(f.problems.For(fl.Key)) > 0 {
			f.focusField(i)
			return
		}
	}
}

// Revalidate runs Validate now.
func (f *Form) Revalidate() {
	if f.Validate != nil {
		f.problems = f.Validate(f)
	}
}

// SetSize sets the area the form may use.
func (f *Form) SetSize(w, h int) {
	f.width, f.height = w, h
	for _, fl := range f.fields {
		fl.input.SetWidth(f.inputWidth())
	}
	f.scrollToFocus()
}

func (f *Form) labelWidth() int {
	w := 0
	for _, fl := range f.fields {
		w = max(w, ansi.StringWidth(f.c.T("field."+fl.Key)))
	}
	return w + 3 // "* " marker for required fields and a gap
}

func (f *Form) inputWidth() int {
	return max(10, min(40, f.width-f.labelWidth()-4))
}

func (f *Form) focusField(i int) {
	if i < 0 || i >= len(f.fields) {
		return
	}
	f.fields[f.focus].input.Blur()
	f.focus = i
	if f.fields[i].Kind == Text {
		f.fields[i].input.Focus()
	}
	f.scrollToFocus()
}

// Update handles a message and tells the parent what the user asked for.
func (f *Form) Update(msg tea.Msg) (Action, tea.Cmd) {
	k := f.c.Keys
	fl := f.fields[f.focus]
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, k.Save):
			f.showAll = true
			f.Revalidate()
			return Submit, nil
		case key.Matches(km, k.NextField):
			f.leave()
			f.focusField((f.focus + 1) % len(f.fields))
			return None, nil
		case key.Matches(km, k.PrevField):
			f.leave()
			f.focusField((f.focus + len(f.fields) - 1) % len(f.fields))
			return None, nil
		case key.Matches(km, k.Open): // enter: pick, or on to the next field
			if fl.Kind == Pick {
				return OpenPicker, nil
			}
			f.leave()
			if f.focus == len(f.fields)-1 {
				f.showAll = true
				f.Revalidate()
				return Submit, nil
			}
			f.focusField(f.focus + 1)
			return None, nil
		}
		switch fl.Kind {
		case Choice:
			switch {
			case key.Matches(km, k.ChoicePrev):
				f.cycle(fl, -1)
			case key.Matches(km, k.ChoiceNext):
				f.cycle(fl, 1)
			}
			return None, nil
		case Check:
			if key.Matches(km, k.Toggle, k.ChoicePrev, k.ChoiceNext) {
				fl.checked = !fl.checked
				f.changed(fl)
			}
			return None, nil
		case Pick:
			if km.Text != "" && !key.Matches(km, k.Toggle) {
				// what was typed (a letter, or the word an input method
				// committed) is the picker's search: the returned command
				// hands the key again to the screen in front, the picker
				// by then, which puts it before keys typed since
				return OpenPicker, func() tea.Msg { return picker.OpeningKey{KeyPressMsg: km} }
			}
			return None, nil
		}
	}
	if fl.Kind != Text {
		return None, nil
	}
	before := fl.input.Value()
	var cmd tea.Cmd
	fl.input, cmd = fl.input.Update(msg)
	if fl.input.Value() != before {
		f.changed(fl)
	}
	return None, cmd
}

// Picked records the option chosen in the parent's picker.
func (f *Form) Picked(v uint64) {
	fl := f.fields[f.focus]
	f.SetChoice(fl.Key, v)
	f.changed(fl)
	f.leave()
}

func (f *Form) cycle(fl *Field, d int) {
	n := len(fl.Options)
	if n == 0 {
		return
	}
	if fl.choice < 0 {
		fl.choice = 0
	} else {
		fl.choice = (fl.choice + d + n) % n
	}
	f.changed(fl)
}

func (f *Form) changed(fl *Field) {
	f.dirty = true
	f.touched[fl.Key] = true
	f.Revalidate()
}

// leave marks the focused field as visited, so its problems show.
func (f *Form) leave() {
	f.touched[f.fields[f.focus].Key] = true
	f.Revalidate()
}

// visibleProblems are the messages to show under a field.
func (f *Form) visibleProblems(fl *Field) []string {
	if !f.showAll && !f.touched[fl.Key] {
		return nil
	}
	var out []string
	for _, p := range f.problems.For(fl.Key) {
		out = append(out, p.Message(f.c.Lang))
	}
	return out
}

// lines renders every line and returns the index of the focused field's line.
func (f *Form) lines() ([]string, int) {
	st := f.c.Styles
	lw := f.labelWidth()
	iw := f.inputWidth()
	var out []string
	focusLine := 0
	for i, fl := range f.fields {
		mark := "  "
		if fl.Required {
			mark = "* "
		}
		label := f.c.T("field." + fl.Key)
		label = mark + label + strings.Repeat(" ", max(0, lw-2-ansi.StringWidth(label)))
		if i == f.focus {
			label = st.Focused.Render(label)
			focusLine = len(out)
		} else {
			label = st.Label.Render(label)
		}
		val := f.renderValue(fl, i == f.focus, iw)
		line := label + val
		probs := f.visibleProblems(fl)
		errText := ""
		if len(probs) > 0 {
			errText = "! " + strings.Join(probs, "; ")
		}
		room := f.width - ansi.StringWidth(line) - 2
		if errText != "" && ansi.StringWidth(errText) <= room {
			line += "  " + st.Error.Render(errText)
			errText = ""
		}
		out = append(out, line)
		if errText != "" {
			indent := strings.Repeat(" ", lw)
			for _, wl := range strings.Split(lipgloss.Wrap(errText, max(10, f.width-lw), ""), "\n") {
				out = append(out, indent+st.Error.Render(wl))
			}
		}
	}
	return out, focusLine
}

func (f *Form) renderValue(fl *Field, focused bool, iw int) string {
	st := f.c.Styles
	box := st.Input
	if focused {
		box = st.InputFocus
	}
	switch fl.Kind {
	case Text:
		return box.Render(fl.input.View())
	case Choice, Pick:
		text := f.c.T("form.none")
		if fl.choice >= 0 && fl.choice < len(fl.Options) {
			text = fl.Options[fl.choice].Label
		}
		if fl.Kind == Choice {
			text = "< " + text + " >"
		} else {
			text = text + "  [enter]"
		}
		return box.Render(pad(ansi.Truncate(text, iw, "~"), iw))
	case Check:
		text := "[ ] " + f.c.T("form.no")
		if fl.checked {
			text = "[x] " + f.c.T("form.yes")
		}
		return box.Render(pad(text, iw))
	}
	return ""
}

func pad(s string, w int) string {
	return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
}

func (f *Form) scrollToFocus() {
	if f.height <= 0 {
		return
	}
	lines, focus := f.lines()
	if focus < f.offset {
		f.offset = focus
	}
	// keep the focused field and the lines of its problems visible
	end := focus + 1
	for end < len(lines) && strings.HasPrefix(ansi.Strip(lines[end]), strings.Repeat(" ", f.labelWidth())) {
		end++
	}
	if end > f.offset+f.height {
		f.offset = end - f.height
	}
	f.offset = max(0, min(f.offset, max(0, len(lines)-f.height)))
}

// View draws the visible part of the form, f.height lines at most.
func (f *Form) View() string {
	f.scrollToFocus()
	lines, _ := f.lines()
	end := min(len(lines), f.offset+f.height)
	if f.height <= 0 {
		end = len(lines)
	}
	return strings.Join(lines[f.offset:end], "\n")
}

// Cursor is the real cursor's position inside View() for the focused text
// field, or nil.
func (f *Form) Cursor() *tea.Cursor {
	fl := f.fields[f.focus]
	if fl.Kind != Text {
		return nil
	}
	_, focusLine := f.lines()
	y := focusLine - f.offset
	if y < 0 || (f.height > 0 && y >= f.height) {
		return nil
	}
	return tea.NewCursor(f.labelWidth()+fl.input.CursorColumn(), y)
}

// FocusKey moves the focus to the named field.
func (f *Form) FocusKey(key string) {
	for i, fl := range f.fields {
		if fl.Key == key {
			f.focusField(i)
		}
	}
}

// ProblemOf turns a value parser's error into a problem of field.
func ProblemOf(field string, err error) model.Problem {
	var ie *i18n.Error
	if errors.As(err, &ie) {
		return model.Problem{Field: field, Key: ie.Key, Args: ie.Args}
	}
	return model.Problem{Field: field, Key: "problem.invalid"}
}
