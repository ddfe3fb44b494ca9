package widget

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// SearchBoxStyles style a SearchBox's line. Pages fill them from their
// screen styles, as they do a Table's; widget itself knows no theme.
type SearchBoxStyles struct {
	Label  lipgloss.Style // the label before the box ("Search")
	Box    lipgloss.Style // the box while it holds a filter but is not focused
	Focus  lipgloss.Style // the box while typing
	Prompt lipgloss.Style // the prompt drawn instead while empty and not focused
}

// SearchEvent says what a SearchBox made of a message.
type SearchEvent int

const (
	// SearchIgnored: the box did not take the message (it is not focused,
	// the message is not a key press, or it is a move key: up, down, pgup
	// or pgdown leave the box keeping the filter and are the list's to
	// handle). Handle the message as usual.
	SearchIgnored SearchEvent = iota
	// SearchHandled: the box took the key and the text is the same (enter
	// left the box keeping the filter, or the caret moved).
	SearchHandled
	// SearchChanged: typing changed the text; filter again.
	SearchChanged
	// SearchCleared: esc emptied the box and left it; filter again.
	SearchCleared
)

// SearchBox is a list page's incremental search: "/" focuses it (the page
// calls Focus), typing filters, esc clears it and leaves, enter and the move
// keys leave it keeping the filter. It draws as "Search <box>" while focused
// or holding text, else as a prompt, and puts the real cursor at its caret
// so that an input method opens there.
type SearchBox struct {
	field  TextField
	styles SearchBoxStyles
	// Keys are the keys that leave the box.
	Keys SearchBoxKeys
}

// NewSearchBox makes an empty, unfocused box showing placeholder while
// empty.
func NewSearchBox(placeholder string, st SearchBoxStyles) SearchBox {
	f := NewTextField()
	f.SetPlaceholder(placeholder)
	return SearchBox{field: f, styles: st, Keys: DefaultSearchBoxKeys()}
}

// Focus starts typing in the box.
func (s *SearchBox) Focus() { s.field.Focus() }

// Blur leaves the box, keeping its text.
func (s *SearchBox) Blur() { s.field.Blur() }

// Active reports whether the box is focused (typed keys go to it).
func (s SearchBox) Active() bool { return s.field.Focused() }

// Value is the search text.
func (s SearchBox) Value() string { return s.field.Value() }

// SetValue replaces the search text (a page clearing its filters).
func (s *SearchBox) SetValue(v string) { s.field.SetValue(v) }

// SetWidth sets the box's width in cells, not counting the label.
func (s *SearchBox) SetWidth(w int) { s.field.SetWidth(w) }

// Shown reports whether View draws the box rather than the prompt: while
// focused or holding text.
func (s SearchBox) Shown() bool { return s.Active() || s.Value() != "" }

// Update applies a key press while the box is focused; see SearchEvent.
func (s *SearchBox) Update(msg tea.Msg) (SearchEvent, tea.Cmd) {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || !s.Active() {
		return SearchIgnored, nil
	}
	switch {
	case key.Matches(km, s.Keys.Clear):
		s.field.Blur()
		s.field.SetValue("")
		return SearchCleared, nil
	case key.Matches(km, s.Keys.Done):
		s.field.Blur()
		return SearchHandled, nil
	case key.Matches(km, s.Keys.Leave):
		s.field.Blur()
		return SearchIgnored, nil
	}
	before := s.field.Value()
	var cmd tea.Cmd
	s.field, cmd = s.field.Update(msg)
	if s.field.Value() != before {
		return SearchChanged, cmd
	}
	return SearchHandled, cmd
}

// View draws "label <box>" while the box is shown, else the prompt in the
// prompt style ("" for no prompt draws nothing).
func (s SearchBox) View(label, prompt string) string {
	if !s.Shown() {
		if prompt == "" {
			return ""
		}
		return s.styles.Prompt.Render(prompt)
	}
	box := s.styles.Box
	if s.Active() {
		box = s.styles.Focus
	}
	return s.styles.Label.Render(label+" ") + box.Render(s.field.View())
}

// CursorColumn is the caret's column in what View(label, ...) draws: the
// label, a space, then the caret's column in the box (Chinese characters
// count two cells).
func (s SearchBox) CursorColumn(label string) int {
	return ansi.StringWidth(label+" ") + s.field.CursorColumn()
}

// Cursor is the real cursor for a box drawn by View(label, ...) at column x
// of line y, on a line width cells wide (0: no limit). It is nil while the
// box is not focused or when the caret would fall off the line.
func (s SearchBox) Cursor(label string, x, y, width int) *tea.Cursor {
	if !s.Active() {
		return nil
	}
	x += s.CursorColumn(label)
	if width > 0 && x >= width {
		return nil
	}
	return tea.NewCursor(x, y)
}
