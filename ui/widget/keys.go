package widget

import "charm.land/bubbles/v2/key"

// The widgets answer to fixed editing and moving keys, given here as
// bindings so a widget's Update reads like every screen's. They carry no
// help text: the screens that use a widget advertise its keys from the key
// map, in the user's language.

// TableKeys move a table's cursor.
type TableKeys struct {
	Up, Down, PageUp, PageDown, Home, End key.Binding
}

// DefaultTableKeys are the arrow keys, the vi keys and the emacs keys.
func DefaultTableKeys() TableKeys {
	return TableKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k", "ctrl+p")),
		Down:     key.NewBinding(key.WithKeys("down", "j", "ctrl+n")),
		PageUp:   key.NewBinding(key.WithKeys("pgup")),
		PageDown: key.NewBinding(key.WithKeys("pgdown")),
		Home:     key.NewBinding(key.WithKeys("home", "g")),
		End:      key.NewBinding(key.WithKeys("end", "G")),
	}
}

// TextFieldKeys edit a text field.
type TextFieldKeys struct {
	Left, Right, Home, End          key.Binding
	WordLeft, WordRight             key.Binding
	Backspace, Delete               key.Binding
	DeleteToStart, DeleteToEnd      key.Binding
	DeleteWordLeft, DeleteWordRight key.Binding
}

// DefaultTextFieldKeys are the keys of a shell's line editor.
func DefaultTextFieldKeys() TextFieldKeys {
	return TextFieldKeys{
		Left:            key.NewBinding(key.WithKeys("left", "ctrl+b")),
		Right:           key.NewBinding(key.WithKeys("right", "ctrl+f")),
		Home:            key.NewBinding(key.WithKeys("home", "ctrl+a")),
		End:             key.NewBinding(key.WithKeys("end", "ctrl+e")),
		WordLeft:        key.NewBinding(key.WithKeys("ctrl+left", "alt+left", "alt+b")),
		WordRight:       key.NewBinding(key.WithKeys("ctrl+right", "alt+right", "alt+f")),
		Backspace:       key.NewBinding(key.WithKeys("backspace", "ctrl+h", "shift+backspace")),
		Delete:          key.NewBinding(key.WithKeys("delete", "ctrl+d")),
		DeleteToStart:   key.NewBinding(key.WithKeys("ctrl+u")),
		DeleteToEnd:     key.NewBinding(key.WithKeys("ctrl+k")),
		DeleteWordLeft:  key.NewBinding(key.WithKeys("ctrl+w", "alt+backspace", "ctrl+backspace")),
		DeleteWordRight: key.NewBinding(key.WithKeys("alt+delete", "alt+d", "ctrl+delete")),
	}
}

// SearchBoxKeys leave a search box.
type SearchBoxKeys struct {
	// Clear empties the box and leaves it (esc).
	Clear key.Binding
	// Done leaves the box keeping the filter (enter).
	Done key.Binding
	// Leave are the move keys: they leave the box keeping the filter and
	// move in the list.
	Leave key.Binding
}

// DefaultSearchBoxKeys are esc, enter and the arrow and page keys.
func DefaultSearchBoxKeys() SearchBoxKeys {
	return SearchBoxKeys{
		Clear: key.NewBinding(key.WithKeys("esc")),
		Done:  key.NewBinding(key.WithKeys("enter")),
		Leave: key.NewBinding(key.WithKeys("up", "down", "pgup", "pgdown")),
	}
}

// Option is one choice of a list of labelled values: a field's choices, a
// picker's rows.
type Option struct {
	Label string
	Value uint64
}
