package keymap

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
)

// In a read-only session (unionbook --read-only: an auditor's or the
// district's look at a backup or a package) nothing may change the books.
// The keys that would are named here, by the catalogue key of their help,
// in one list for every tab, so that no screen needs to know: the app hides
// them from the key hints and the help screen and answers them with a
// status line saying why (ui/app.go). The store is opened read-only as
// well, so a key this list misses fails at the store, with the same reason.
//
// Each is named by the key its help shows and the catalogue key of its
// help text: both must agree, so a key that merely reads alike (退出, quit
// with q, and 退出, closing a hardship file with x) is not taken for
// another. A tab that adds a key which writes adds it here.
var writeHelp = []struct{ key, help string }{
	// shared: new, edit, delete, save, change a member's status
	{"n", "key.new"}, {"e", "key.edit"}, {"d", "key.delete"}, {"ctrl+s", "key.save"}, {"s", "key.status"},
	// dues
	{"p", "dues.key_pay"}, {"b", "dues.key_batch"}, {"w", "dues.key_wage"}, {"r", "dues.key_reverse"},
	// events
	{"r", "events.key_cost"}, {"d", "events.key_delete"},
	// cash book
	{"r", "cashbook.key_reverse"},
	// settings (the backup too: a read-only look makes no files beside what it opened)
	{"p", "settings.key_profile"}, {"d", "settings.key_dues"}, {"h", "settings.key_hardship"},
	{"b", "settings.key_backup"}, {"n", "settings.key_add_account"},
	// hardship
	{"a", "hardship.key_aid_member"}, {"a", "hardship.key_aid"}, {"v", "hardship.key_review"},
	{"p", "hardship.key_approve"}, {"l", "hardship.key_lift"}, {"h", "hardship.key_household"},
	{"x", "hardship.key_close"}, {"f", "hardship.key_refile"}, {"e", "hardship.key_edit_member"},
	{"d", "hardship.key_remove_member"}, {"r", "hardship.key_reverse"},
	// cases: a step, closing, reopening, voiding, deleting; a case form's workers and its save
	{"a", "cases.key_step"}, {"c", "cases.key_close"}, {"o", "cases.key_reopen"}, {"v", "cases.key_void"},
	{"d", "cases.key_delete"}, {"ctrl+s", "cases.key_done"},
	{"m", "cases.key_add_member"}, {"n", "cases.key_add_other"}, {"d", "cases.key_remove"},
	// import/export: importing a roster (an export changes no record; its
	// entry in the list of past exports fails, saying the look is read-only)
	{"i", "exportui.key_import"}, {"i", "importer.key_import"},
}

// WriteHelpKeys lists the catalogue keys of the keys that write (tests).
func WriteHelpKeys() []string {
	out := make([]string, len(writeHelp))
	for i, w := range writeHelp {
		out[i] = w.help
	}
	return out
}

// SetReadOnly makes this a read-only session's key map: Writes answers
// true for every key that changes the books, by its help in l.
func (k *KeyMap) SetReadOnly(l i18n.Lang) {
	k.writes = make(map[key.Help]bool, len(writeHelp))
	for _, w := range writeHelp {
		k.writes[key.Help{Key: w.key, Desc: l.T(w.help)}] = true
	}
}

// ReadOnly reports a read-only session.
func (k *KeyMap) ReadOnly() bool { return k.writes != nil }

// Writes reports, in a read-only session, that b changes the books.
func (k *KeyMap) Writes(b key.Binding) bool { return k.writes != nil && k.writes[b.Help()] }

// Writable is bs without the keys that change the books (all of bs outside
// a read-only session).
func (k *KeyMap) Writable(bs []key.Binding) []key.Binding {
	if k.writes == nil {
		return bs
	}
	out := make([]key.Binding, 0, len(bs))
	for _, b := range bs {
		if !k.Writes(b) {
			out = append(out, b)
		}
	}
	return out
}

// Blocked finds, in a read-only session, the binding among bs that msg
// presses and that would change the books.
func (k *KeyMap) Blocked(msg tea.KeyPressMsg, bs ...[]key.Binding) (key.Binding, bool) {
	if k.writes == nil {
		return key.Binding{}, false
	}
	s := msg.String()
	for _, group := range bs {
		for _, b := range group {
			if k.Writes(b) && slices.Contains(b.Keys(), s) {
				return b, true
			}
		}
	}
	return key.Binding{}, false
}
