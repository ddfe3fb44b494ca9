// Package keymap defines every key the TUI answers to, with its help text in
// the user's language.
package keymap

import (
	"charm.land/bubbles/v2/key"

	"unionbook/i18n"
)

// KeyMap holds the bindings. Screens take the ones they use.
type KeyMap struct {
	Quit, ForceQuit, Help, Back   key.Binding
	Tabs                          key.Binding // 1-9
	Up, Down, PageUp, PageDown    key.Binding
	Home, End                     key.Binding
	Search, Open, New, Edit       key.Binding
	Status, Delete, Sort, SortRev key.Binding
	FilterUnit, FilterStatus      key.Binding
	ClearFilter                   key.Binding
	NextField, PrevField, Save    key.Binding
	Toggle, Confirm, Cancel       key.Binding
	Keep                          key.Binding // keep editing, after a question about unsaved changes
	Members                       key.Binding
	SearchDone, SearchClear       key.Binding // in a search box: keep the filter / clear it
}

// New builds the key map with help in language l.
func New(l i18n.Lang) *KeyMap {
	b := func(help string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], l.T(help)))
	}
	k := &KeyMap{
		Quit:         b("key.quit", "q"),
		ForceQuit:    b("key.quit", "ctrl+c"),
		Help:         b("key.help", "?"),
		Back:         b("key.back", "esc"),
		Up:           b("key.up", "up", "k"),
		Down:         b("key.down", "down", "j"),
		PageUp:       b("key.page_up", "pgup"),
		PageDown:     b("key.page_down", "pgdown"),
		Home:         b("key.home", "home", "g"),
		End:          b("key.end", "end", "G"),
		Search:       b("key.search", "/"),
		Open:         b("key.open", "enter"),
		New:          b("key.new", "n"),
		Edit:         b("key.edit", "e"),
		Status:       b("key.status", "s"),
		Delete:       b("key.delete", "d"),
		Sort:         b("key.sort", "o"),
		SortRev:      b("key.sort_rev", "O"),
		FilterUnit:   b("key.filter_unit", "u"),
		FilterStatus: b("key.filter_status", "t"),
		ClearFilter:  b("key.clear_filter", "x"),
		NextField:    b("key.next_field", "tab", "down"),
		PrevField:    b("key.prev_field", "shift+tab", "up"),
		Save:         b("key.save", "ctrl+s"),
		Toggle:       b("key.toggle", "space"),
		Confirm:      b("key.confirm", "y"),
		Cancel:       b("key.cancel", "n", "esc"),
		Keep:         b("key.keep_editing", "n"),
		Members:      b("key.unit_members", "m"),
		SearchDone:   b("key.search_done", "enter"),
		SearchClear:  b("key.search_clear", "esc"),
	}
	k.Tabs = key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", l.T("key.tabs")))
	k.Up.SetHelp("up/k", l.T("key.up"))
	k.Down.SetHelp("down/j", l.T("key.down"))
	k.NextField.SetHelp("tab", l.T("key.next_field"))
	k.PrevField.SetHelp("shift+tab", l.T("key.prev_field"))
	return k
}
