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
// file).
//
// Every key a screen offers is named in writeHelp or in readHelp: a test
// (keymap_test.go) finds every key help in the TUI's code and fails on one
// in neither list, and the read-only key walk (ui/readonly_test.go) on one
// a screen offers; so a tab that adds a key decides here whether it writes.
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
	// the books: 存现/取现, paying 工会经费, ticking against the bank
	// statement and its balance, a budget line
	"books_ui.key_transfer", "books_ui.key_pay", "books_ui.key_tick", "books_ui.key_tick_all",
	"books_ui.key_statement_balance", "books_ui.key_set_budget",
	// settings (the backup too: a read-only look makes no files beside what
	// it opened); the opening balances and the books' settings
	"settings.key_profile", "settings.key_dues", "settings.key_hardship",
	"settings.key_backup", "settings.key_add_account", "settings.key_use_chart", "settings.key_openings", "settings.key_books",
	"settings.key_cases",
	"settings.key_fresh", // sets the demo aside: a file changes
	// hardship
	"hardship.key_aid_member", "hardship.key_aid", "hardship.key_review",
	"hardship.key_approve", "hardship.key_lift", "hardship.key_household",
	"hardship.key_close", "hardship.key_refile", "hardship.key_edit_member",
	"hardship.key_remove_member", "hardship.key_reverse",
	// cases: a step (new or changed), closing, reopening, voiding, deleting
	"cases.key_step", "cases.key_edit_step", "cases.key_close", "cases.key_reopen", "cases.key_void",
	"cases.key_delete",
	// import/export: importing a roster (an export changes no record; its
	// entry in the list of past exports fails, saying the look is read-only)
	"exportui.key_import", "importer.key_import",
	// a list written with whole ID numbers, which only the audit log may
	// record (a read-only look takes lists out masked, without asking)
	"listexport.key_full",
	// the organisation register: a visit to an unorganised employer, its
	// union formed, its leaving; the register's settings
	"units.key_visit", "units.key_formed", "units.key_gone", "settings.key_org",
	// the first run: the profile or the demo (never shown in a read-only look)
	"setup.choice_profile", "setup.choice_demo",
}

// readHelp are the keys that change nothing in the books: moving, going
// back, filters and periods, opening a screen, choosing options, and
// writing files out (reports, a list, the district package, the import's
// problems report: files, not the books).
var readHelp = []string{
	// shared
	"key.back", "key.cancel", "key.choice_next", "key.choice_prev", "key.clear_filter", "key.confirm",
	"key.down", "key.end", "key.export_list", "key.filter_status", "key.filter_unit", "key.help",
	"key.home", "key.keep_editing", "key.next_field", "key.open", "key.page_down", "key.page_up",
	"key.prev_field", "key.quit", "key.search", "key.search_clear", "key.search_done", "key.sort",
	"key.sort_rev", "key.tabs", "key.toggle", "key.unit_members", "key.up",
	// the audit log
	"audit.key_action", "audit.key_date", "audit.key_entity",
	// the books: the menu, a year, printing
	"books_ui.key_books", "books_ui.key_next_year", "books_ui.key_prev_year", "books_ui.key_print",
	// cases: filters, periods, figures, the risk checks
	"cases.key_channel", "cases.key_clear", "cases.key_collective", "cases.key_figures", "cases.key_next",
	"cases.key_open_only", "cases.key_period", "cases.key_prev", "cases.key_risks", "cases.key_state",
	"cases.key_type",
	// a case form's workers and the chooser of members (the form's save writes)
	"cases.key_add_member", "cases.key_add_other", "cases.key_remove", "cases.key_edit_worker", "cases.key_done",
	"cases.key_choose",
	// cash book: filters, months, the statement, the record an entry came from
	"cashbook.key_account", "cashbook.key_all_months", "cashbook.key_clear", "cashbook.key_direction",
	"cashbook.key_linked", "cashbook.key_next_month", "cashbook.key_prev_month", "cashbook.key_statement",
	"cashbook.key_year",
	// the file chooser
	"chooser.key_choose", "chooser.key_complete", "chooser.key_move", "chooser.key_open",
	// dues: arrears, units, a year, finding a member; ticking members of a
	// batch (the batch's save writes)
	"dues.key_arrears", "dues.key_find", "dues.key_tick", "dues.key_tick_all", "dues.key_units", "dues.key_year",
	// dues: all arrears or the long runs, a unit's members; receipts, an
	// arrears notice and an import's problems written to files
	"dues.key_all", "dues.key_members", "dues.key_receipt", "dues.key_notice", "dues.key_problem_report",
	// events: filters, periods, figures; choosing participants (the
	// event's save writes)
	"events.key_add_shown", "events.key_add_unit", "events.key_all_months", "events.key_clear",
	"events.key_clear_sel", "events.key_done", "events.key_figures", "events.key_next", "events.key_only_sel",
	"events.key_period", "events.key_prev", "events.key_toggle", "events.key_type", "events.key_unit",
	// the export of the district package and the reports' entry
	"exportui.key_back", "exportui.key_cancel", "exportui.key_change", "exportui.key_change_back",
	"exportui.key_choose", "exportui.key_choose_dir", "exportui.key_complete", "exportui.key_enter",
	"exportui.key_export", "exportui.key_history", "exportui.key_next", "exportui.key_prev",
	"exportui.key_reports", "exportui.key_start", "exportui.key_submit",
	// hardship: filters, panes, the view
	"hardship.key_category", "hardship.key_pane", "hardship.key_pane_back", "hardship.key_view",
	// the import's preview, mapping and options (importing writes)
	"importer.key_again", "importer.key_another", "importer.key_column", "importer.key_create",
	"importer.key_cycle", "importer.key_dup", "importer.key_join_date", "importer.key_join_set",
	"importer.key_kind", "importer.key_map_done", "importer.key_mapping", "importer.key_matches",
	"importer.key_problems", "importer.key_refuse", "importer.key_report", "importer.key_row",
	"importer.key_skip", "importer.key_stop_import", "importer.key_stop_reading",
	// a list written as shown, masked; stopping it
	"listexport.key_cancel", "listexport.key_masked",
	// members: a member's dues
	"members.key_dues",
	// the reports (ui/reports)
	"reports.key_next", "reports.key_open", "reports.key_stop", "reports.key_to_file", "reports.key_write",
	// settings: the chart, the audit log
	"settings.key_audit", "settings.key_chart",
	// the organisation register: the unorganised employers, 换届 due, the
	// figures, a unit's panes and honours; the model workers' care
	"units.key_employers", "units.key_elections", "units.key_figures", "units.key_pane", "units.key_pane_back",
	"units.key_honours", "members.key_model_workers",
}

// WriteHelpKeys lists the catalogue keys of the keys that write (tests).
func WriteHelpKeys() []string {
	return slices.Clone(writeHelp)
}

// ReadHelpKeys lists the catalogue keys of the keys that change nothing
// (tests).
func ReadHelpKeys() []string {
	return slices.Clone(readHelp)
}

// Classified reports whether a binding's help text, in language l, names
// a key of either list: a key in neither has not been decided on.
func Classified(l i18n.Lang, desc string) bool {
	for _, list := range [][]string{writeHelp, readHelp} {
		for _, h := range list {
			if l.T(h) == desc {
				return true
			}
		}
	}
	return false
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
