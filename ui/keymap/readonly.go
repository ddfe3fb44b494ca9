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
// Each is named by the catalogue key of its help text, whatever key a tab
// binds it to. The shared keys that do not write (quit, help, back …) are
// never taken for one that reads alike (退出: quit, and closing a hardship
// file). A tab that adds a key which writes adds its help key here.
var writeHelp = []string{
	// shared: new, edit, delete, save, change a member's status
	"key.new", "key.edit", "key.delete", "key.save", "key.status",
	// dues
	"dues.key_pay", "dues.key_batch", "dues.key_wage", "dues.key_reverse",
	// dues: a member's exception, a unit's handling, a unit's report and
	// its deletion, a reminder, wage bases from a file, a batch line's
	// amount (printing a receipt or notice writes a file, not the books)
	"dues.key_exception", "dues.key_handling", "dues.key_report", "dues.key_delete_report",
	"dues.key_remind", "dues.key_import", "dues.key_amount",
	// events
	"events.key_cost", "events.key_delete",
	// cash book
	"cashbook.key_reverse",
	// settings (the backup too: a read-only look makes no files beside what it opened)
	"settings.key_profile", "settings.key_dues", "settings.key_hardship",
	"settings.key_backup", "settings.key_add_account", "settings.key_cases",
	"settings.key_fresh", // sets the demo aside: a file changes
	// hardship
	"hardship.key_aid_member", "hardship.key_aid", "hardship.key_review",
	"hardship.key_approve", "hardship.key_lift", "hardship.key_household",
	"hardship.key_close", "hardship.key_refile", "hardship.key_edit_member",
	"hardship.key_remove_member", "hardship.key_reverse",
	// cases: a step, closing, reopening, voiding, deleting; a case form's workers and its save
	"cases.key_step", "cases.key_close", "cases.key_reopen", "cases.key_void",
	"cases.key_delete", "cases.key_done",
	"cases.key_add_member", "cases.key_add_other", "cases.key_remove",
	// import/export: importing a roster (an export changes no record; its
	// entry in the list of past exports fails, saying the look is read-only)
	"exportui.key_import", "importer.key_import",
}

// WriteHelpKeys lists the catalogue keys of the keys that write (tests).
func WriteHelpKeys() []string {
	return slices.Clone(writeHelp)
}

// SetReadOnly makes this a read-only session's key map: Writes answers
// true for every key that changes the books, by its help in l.
func (k *KeyMap) SetReadOnly(l i18n.Lang) {
	k.writes = make(map[string]bool, len(writeHelp))
	for _, h := range writeHelp {
		k.writes[l.T(h)] = true
	}
	k.shared = map[key.Help]bool{}
	for _, b := range []key.Binding{k.Quit, k.ForceQuit, k.Help, k.Back, k.Up, k.Down, k.PageUp, k.PageDown,
		k.Home, k.End, k.Search, k.Open, k.NextField, k.PrevField, k.ChoicePrev, k.ChoiceNext, k.Toggle,
		k.Confirm, k.Cancel, k.Keep, k.SearchDone, k.SearchClear, k.Tabs, k.Export} {
		k.shared[b.Help()] = true
	}
}

// ReadOnly reports a read-only session.
func (k *KeyMap) ReadOnly() bool { return k.writes != nil }

// Writes reports, in a read-only session, that b changes the books.
func (k *KeyMap) Writes(b key.Binding) bool {
	return k.writes != nil && k.writes[b.Help().Desc] && !k.shared[b.Help()]
}

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
