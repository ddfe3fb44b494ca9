package widget

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// grapheme is one user-perceived character and its width in cells.
type grapheme struct {
	s string
	w int
}

// TextField is a single-line text input that measures everything in display
// cells, so Chinese text (two cells per character) scrolls, truncates and
// places the caret correctly. It draws no cursor of its own: put the real
// terminal cursor at CursorColumn() (relative to where View() is drawn) so
// that an input method's candidate window opens at the caret.
type TextField struct {
	g           []grapheme
	pos         int // caret, as an index into g
	off         int // first visible display cell (horizontal scroll)
	width       int
	focused     bool
	placeholder string
	limit       int
	// preset: the text is a default the user has not touched yet (SetDefault)
	preset bool

	// Keys are the editing keys.
	Keys TextFieldKeys
	// TextStyle styles the text; PlaceholderStyle the placeholder;
	// DefaultStyle an untouched default in a focused field, shown selected
	// since typing replaces it. Only colours and attributes are used.
	TextStyle        lipgloss.Style
	PlaceholderStyle lipgloss.Style
	DefaultStyle     lipgloss.Style
}

// NewTextField returns an empty, unfocused field 20 cells wide.
func NewTextField() TextField {
	return TextField{
		width:            20,
		Keys:             DefaultTextFieldKeys(),
		PlaceholderStyle: lipgloss.NewStyle().Faint(true),
		DefaultStyle:     lipgloss.NewStyle().Reverse(true),
	}
}

// split breaks s into graphemes, dropping control characters and escape
// sequences and turning tabs into spaces. Newlines are removed.
func split(s string) []grapheme {
	s = ansi.Strip(s)
	s = strings.NewReplacer("\r\n", "", "\n", "", "\r", "", "\t", " ").Replace(s)
	var out []grapheme
	for len(s) > 0 {
		c, w := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		if c == "" {
			_, n := utf8.DecodeRuneInString(s)
			c, s = s[:n], s[n:]
			continue
		}
		s = s[len(c):]
		r, _ := utf8.DecodeRuneInString(c)
		if unicode.IsControl(r) || r == utf8.RuneError {
			continue
		}
		out = append(out, grapheme{c, w})
	}
	return out
}

// SetValue replaces the text and puts the caret at its end.
func (f *TextField) SetValue(s string) {
	f.preset = false
	f.g = split(s)
	if f.limit > 0 && len(f.g) > f.limit {
		f.g = f.g[:f.limit]
	}
	f.pos = len(f.g)
	f.fix()
}

// SetDefault fills the field with a default the user has not chosen, as
// a dialog shows a default selected: the first character typed or pasted
// replaces it whole, while a moving or deleting key first makes it text
// to edit (the caret is at its end).
func (f *TextField) SetDefault(s string) {
	f.SetValue(s)
	f.preset = len(f.g) > 0
}

// IsDefault reports whether the field still holds the untouched default
// of SetDefault.
func (f TextField) IsDefault() bool { return f.preset }

// Value returns the text.
func (f TextField) Value() string {
	var b strings.Builder
	for _, g := range f.g {
		b.WriteString(g.s)
	}
	return b.String()
}

// SetWidth sets the number of display cells available for the text.
func (f *TextField) SetWidth(w int) {
	f.width = max(w, 1)
	f.fix()
}

// Width returns the field's width in cells.
func (f TextField) Width() int { return f.width }

// Focus makes the field accept keys.
func (f *TextField) Focus() { f.focused = true }

// Blur makes the field ignore keys.
func (f *TextField) Blur() { f.focused = false }

// Focused reports whether the field accepts keys.
func (f TextField) Focused() bool { return f.focused }

// SetPlaceholder sets the text shown while the field is empty.
func (f *TextField) SetPlaceholder(s string) { f.placeholder = s }

// SetCharLimit limits the text to n characters (graphemes; a Chinese
// character counts as one); n <= 0 means no limit.
func (f *TextField) SetCharLimit(n int) {
	f.limit = max(n, 0)
	if f.limit > 0 && len(f.g) > f.limit {
		f.g = f.g[:f.limit]
		f.pos = min(f.pos, len(f.g))
		f.fix()
	}
}

// Position returns the caret as a character (grapheme) index.
func (f TextField) Position() int { return f.pos }

// SetPosition moves the caret to character index i (clamped).
func (f *TextField) SetPosition(i int) {
	f.pos = min(max(i, 0), len(f.g))
	f.fix()
}

// Reset clears the text.
func (f *TextField) Reset() { f.SetValue("") }

// caretX is the display column of the caret within the whole text.
func (f TextField) caretX() int {
	x := 0
	for _, g := range f.g[:f.pos] {
		x += g.w
	}
	return x
}

func (f TextField) totalWidth() int {
	x := 0
	for _, g := range f.g {
		x += g.w
	}
	return x
}

// fix adjusts the horizontal scroll so the caret is visible; it only
// scrolls when the caret would leave the field, and never leaves empty room
// at the right while text is hidden at the left.
func (f *TextField) fix() {
	w := max(f.width, 1)
	cx := f.caretX()
	f.off = min(f.off, max(f.totalWidth()+1-w, 0))
	if cx < f.off {
		f.off = cx
	}
	if cx > f.off+w-1 {
		f.off = cx - w + 1
	}
	f.off = max(f.off, 0)
}

// CursorColumn returns the display column of the caret within View(),
// counted in cells from 0; it is always less than the width.
func (f TextField) CursorColumn() int {
	return min(max(f.caretX()-f.off, 0), max(f.width-1, 0))
}

// View renders the field: exactly width cells, the visible part of the text
// (or the placeholder when empty). A wide character cut by either edge is
// replaced by spaces rather than split.
func (f TextField) View() string {
	w := max(f.width, 1)
	if len(f.g) == 0 {
		if f.placeholder == "" {
			return strings.Repeat(" ", w)
		}
		return inline(f.PlaceholderStyle).Render(Fit(f.placeholder, w, false))
	}
	var b strings.Builder
	x, end := 0, f.off+w
	for _, g := range f.g {
		gx := x
		x += g.w
		if x <= f.off {
			continue
		}
		if gx >= end {
			break
		}
		if gx >= f.off && x <= end {
			b.WriteString(g.s)
			continue
		}
		// partially visible: blank the visible part
		b.WriteString(strings.Repeat(" ", min(x, end)-max(gx, f.off)))
	}
	used := min(x, end) - f.off
	pad := strings.Repeat(" ", max(0, w-used))
	if f.preset && f.focused {
		return inline(f.DefaultStyle).Render(b.String()) + inline(f.TextStyle).Render(pad)
	}
	return inline(f.TextStyle).Render(b.String() + pad)
}

// Update handles typing (including whole words from an input method),
// pasting and the editing keys. It ignores everything while not focused.
func (f TextField) Update(msg tea.Msg) (TextField, tea.Cmd) {
	if !f.focused {
		return f, nil
	}
	switch msg := msg.(type) {
	case tea.PasteMsg:
		f.insert(msg.Content)
	case tea.KeyPressMsg:
		if msg.Text != "" && msg.Mod&^(tea.ModShift|tea.ModCapsLock|tea.ModNumLock) == 0 {
			f.insert(msg.Text)
			break
		}
		k, ks := f.Keys, keystroke{msg}
		if f.preset && key.Matches(ks, k.Left, k.Right, k.Home, k.End, k.WordLeft, k.WordRight,
			k.Backspace, k.Delete, k.DeleteToStart, k.DeleteToEnd, k.DeleteWordLeft, k.DeleteWordRight) {
			f.preset = false // an editing key: the default becomes text to edit
		}
		switch {
		case key.Matches(ks, k.Left):
			f.pos = max(f.pos-1, 0)
		case key.Matches(ks, k.Right):
			f.pos = min(f.pos+1, len(f.g))
		case key.Matches(ks, k.Home):
			f.pos = 0
		case key.Matches(ks, k.End):
			f.pos = len(f.g)
		case key.Matches(ks, k.Backspace):
			if f.pos > 0 {
				f.splice(f.pos-1, f.pos, nil)
			}
		case key.Matches(ks, k.Delete):
			if f.pos < len(f.g) {
				f.splice(f.pos, f.pos+1, nil)
			}
		case key.Matches(ks, k.DeleteToStart):
			f.splice(0, f.pos, nil)
		case key.Matches(ks, k.DeleteToEnd):
			f.splice(f.pos, len(f.g), nil)
		case key.Matches(ks, k.DeleteWordLeft):
			f.splice(f.wordLeft(), f.pos, nil)
		case key.Matches(ks, k.DeleteWordRight):
			f.splice(f.pos, f.wordRight(), nil)
		case key.Matches(ks, k.WordLeft):
			f.pos = f.wordLeft()
		case key.Matches(ks, k.WordRight):
			f.pos = f.wordRight()
		default:
			return f, nil
		}
	default:
		return f, nil
	}
	f.fix()
	return f, nil
}

// dropDefault empties a field that holds its untouched default, before
// what was typed takes its place.
func (f *TextField) dropDefault() {
	if f.preset {
		f.preset = false
		f.g, f.pos, f.off = nil, 0, 0
	}
}

// insert puts s at the caret, respecting the character limit; what is
// typed over an untouched default replaces it.
func (f *TextField) insert(s string) {
	add := split(s)
	if len(add) > 0 {
		f.dropDefault()
	}
	if f.limit > 0 {
		add = add[:min(len(add), max(f.limit-len(f.g), 0))]
	}
	if len(add) == 0 {
		return
	}
	f.splice(f.pos, f.pos, add)
}

// splice replaces f.g[from:to] with add and leaves the caret after the
// inserted text. It always builds a new slice, so copies of the field made
// before (TextField is a value type) keep their own text.
func (f *TextField) splice(from, to int, add []grapheme) {
	g := make([]grapheme, 0, len(f.g)-(to-from)+len(add))
	g = append(g, f.g[:from]...)
	g = append(g, add...)
	g = append(g, f.g[to:]...)
	f.g = g
	f.pos = from + len(add)
}

// Character classes for word movement. Chinese has no spaces, so a run of
// Han characters is one "word", separate from a run of Latin letters or
// digits next to it.
const (
	classSpace = iota
	classWord
	classWide
	classPunct
)

func class(g grapheme) int {
	r, _ := utf8.DecodeRuneInString(g.s)
	switch {
	case unicode.IsSpace(r):
		return classSpace
	case g.w >= 2 && !unicode.IsPunct(r):
		return classWide
	case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
		return classWord
	default:
		return classPunct
	}
}

// wordLeft returns the start of the word left of the caret.
func (f TextField) wordLeft() int {
	i := f.pos
	for i > 0 && class(f.g[i-1]) == classSpace {
		i--
	}
	if i == 0 {
		return 0
	}
	c := class(f.g[i-1])
	for i > 0 && class(f.g[i-1]) == c {
		i--
	}
	return i
}

// wordRight returns the end of the word right of the caret.
func (f TextField) wordRight() int {
	i, n := f.pos, len(f.g)
	for i < n && class(f.g[i]) == classSpace {
		i++
	}
	if i == n {
		return n
	}
	c := class(f.g[i])
	for i < n && class(f.g[i]) == c {
		i++
	}
	return i
}

// keystroke matches a key press by its keystroke ("alt+b"), not by the
// text it carries ("b"), so that a modified letter is an editing key.
type keystroke struct{ tea.KeyPressMsg }

func (k keystroke) String() string { return k.Keystroke() }
