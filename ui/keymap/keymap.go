// Package keymap defines the keys every screen shares, with their help text
// in the user's language. A tab's own keys (filter by unit, change status)
// live in its own keys struct, built with Binding.
package keymap

import (
	"strings"

	"charm.land/bubbles/v2/key"

	"unionbook/i18n"
)

// KeyMap holds the global bindings: the app's, moving in lists, the search
// box, forms and questions. Screens take the ones they use.
type KeyMap struct {
	Quit, ForceQuit, Help, Back key.Binding
	// Tabs are the tab keys, 1 to 9 and 0 for the tenth (see SetTabCount).
	Tabs                       key.Binding
	Up, Down, PageUp, PageDown key.Binding
	Home, End                  key.Binding
	Search, Open, New, Edit    key.Binding
	Delete                     key.Binding
	NextField, PrevField, Save key.Binding
	// ChoicePrev and ChoiceNext change a form's choice or check field.
	ChoicePrev, ChoiceNext  key.Binding
	Toggle, Confirm, Cancel key.Binding
	Keep                    key.Binding // keep editing, after a question about unsaved changes
	SearchDone, SearchClear key.Binding // in a search box: keep the filter / clear it
	// Export writes the list on screen to a workbook, as shown (every list;
	// see ui/listexport). Capital E: e edits, x clears filters.
	Export key.Binding

	// writes are the help of the keys that change the books, in a
	// read-only session (readonly.go); nil otherwise.
	writes map[string]bool   // by help text
	shared map[key.Help]bool // the shared keys above that do not write
}

// Binding is a binding of keys with help in language l: the first key is
// the one the help shows.
func Binding(l i18n.Lang, help string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keys[0], l.T(help)))
}

// New builds the key map with help in language l.
func New(l i18n.Lang) *KeyMap {
	b := func(help string, keys ...string) key.Binding { return Binding(l, help, keys...) }
	k := &KeyMap{
		Quit:        b("key.quit", "q"),
		ForceQuit:   b("key.quit", "ctrl+c"),
		Help:        b("key.help", "?"),
		Back:        b("key.back", "esc"),
		Up:          b("key.up", "up", "k"),
		Down:        b("key.down", "down", "j"),
		PageUp:      b("key.page_up", "pgup"),
		PageDown:    b("key.page_down", "pgdown"),
		Home:        b("key.home", "home", "g"),
		End:         b("key.end", "end", "G"),
		Search:      b("key.search", "/"),
		Open:        b("key.open", "enter"),
		New:         b("key.new", "n"),
		Edit:        b("key.edit", "e"),
		Delete:      b("key.delete", "d"),
		NextField:   b("key.next_field", "tab", "down"),
		PrevField:   b("key.prev_field", "shift+tab", "up"),
		Save:        b("key.save", "ctrl+s"),
		ChoicePrev:  b("key.choice_prev", "left", "h"),
		ChoiceNext:  b("key.choice_next", "right", "l", "space"),
		Toggle:      b("key.toggle", "space"),
		Confirm:     b("key.confirm", "y", "Y"),
		Cancel:      b("key.cancel", "n", "esc"),
		Keep:        b("key.keep_editing", "n"),
		SearchDone:  b("key.search_done", "enter"),
		SearchClear: b("key.search_clear", "esc"),
		Tabs:        b("key.tabs", TabKeys...),
		Export:      b("key.export_list", "E"),
	}
	k.Up.SetHelp("up/k", l.T("key.up"))
	k.Down.SetHelp("down/j", l.T("key.down"))
	k.NextField.SetHelp("tab", l.T("key.next_field"))
	k.PrevField.SetHelp("shift+tab", l.T("key.prev_field"))
	k.SetTabCount(len(TabKeys) - 1)
	return k
}

// TabKeys are the keys of the tabs in their order: 1 to 9, then 0 for the
// tenth, as on the keyboard's number row.
var TabKeys = []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}

// TabKey is the key of tab i (from 0), "" for a tab with no key.
func TabKey(i int) string {
	if i < 0 || i >= len(TabKeys) {
		return ""
	}
	return TabKeys[i]
}

// TabIndex is the tab a key names (from 0), or -1.
func TabIndex(k string) int {
	for i, t := range TabKeys {
		if t == k {
			return i
		}
	}
	return -1
}

// SetTabCount makes the Tabs binding answer to the keys of n tabs, and its
// help name them: "1-9", or "1-9,0" with a tenth tab.
func (k *KeyMap) SetTabCount(n int) {
	n = max(1, min(n, len(TabKeys)))
	keys := TabKeys[:n]
	help := keys[0]
	switch {
	case n > 9:
		help = "1-9," + strings.Join(keys[9:], ",")
	case n > 1:
		help = keys[0] + "-" + keys[n-1]
	}
	k.Tabs.SetKeys(keys...)
	k.Tabs.SetHelp(help, k.Tabs.Help().Desc)
}
