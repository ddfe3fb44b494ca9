package transfer

import (
	"charm.land/bubbles/v2/key"

	"unionbook/ui/common"
)

// keys are the tab's own keys, by the screen that answers to them; the
// app's (esc back, up and down in lists, paging) are common.Common's.
type keys struct {
	// the menu
	openImport, openExport, openHistory, menuUp, menuDown, choose key.Binding
	openReports                                                   key.Binding

	// reading the file, a file that cannot be read
	stopReading, another key.Binding
	// the preview
	importRows, problems, mapping, kind, dup, create, joinDate, skip key.Binding
	report, matches                                                  key.Binding
	openRow                                                          key.Binding
	rowUp                                                            key.Binding // up only: k chooses the kind
	// the column mapping, the join date, the unit name matches
	colLeft, colRight, cycle, mapDone, setDate, refuse, matchDone key.Binding
	// importing, the result
	stopImport, again key.Binding

	// the export form
	next, prev, enter, completeDir, chooseDir, change, changeBack, submit key.Binding
	// the export preview, exporting, the result
	start, stopExport, history, done key.Binding
}

func newKeys(c *common.Common) keys {
	b := func(help string, ks ...string) key.Binding {
		return key.NewBinding(key.WithKeys(ks...), key.WithHelp(ks[0], c.T(help)))
	}
	return keys{
		openImport:  b("exportui.key_import", "i"),
		openExport:  b("exportui.key_export", "E"),
		openHistory: b("exportui.key_history", "h"),
		openReports: b("exportui.key_reports", "r"),
		menuUp:      b("exportui.key_prev", "up"),
		menuDown:    b("exportui.key_next", "down"),
		choose:      b("exportui.key_choose", "enter"),

		stopReading: b("importer.key_stop_reading", "esc"),
		another:     b("importer.key_another", "enter"),

		importRows: b("importer.key_import", "i"),
		problems:   b("importer.key_problems", "p"),
		mapping:    b("importer.key_mapping", "m"),
		kind:       b("importer.key_kind", "k"),
		dup:        b("importer.key_dup", "d"),
		create:     b("importer.key_create", "c"),
		joinDate:   b("importer.key_join_date", "t"),
		skip:       b("importer.key_skip", "s"),
		report:     b("importer.key_report", "r"),
		matches:    b("importer.key_matches", "u"),
		openRow:    b("importer.key_row", "enter"),
		rowUp:      b("key.up", "up"),

		colLeft:   b("importer.key_column", "left", "h"),
		colRight:  b("importer.key_column", "right", "l"),
		cycle:     b("importer.key_cycle", "space", "enter"),
		mapDone:   b("importer.key_map_done", "esc"),
		setDate:   b("importer.key_join_set", "enter"),
		refuse:    b("importer.key_refuse", "space", "enter"),
		matchDone: b("importer.key_map_done", "esc"),

		stopImport: b("importer.key_stop_import", "esc"),
		again:      b("importer.key_again", "enter"),

		next:        b("exportui.key_next", "down", "tab"),
		prev:        b("exportui.key_prev", "up", "shift+tab"),
		enter:       b("exportui.key_enter", "enter"),
		completeDir: b("exportui.key_complete", "tab"),
		chooseDir:   b("exportui.key_choose_dir", "ctrl+o"),
		change:      b("exportui.key_change", "space", "right", "l"),
		changeBack:  b("exportui.key_change_back", "left", "h"),
		submit:      b("exportui.key_submit", "ctrl+s"),

		start:      b("exportui.key_start", "enter"),
		stopExport: b("exportui.key_cancel", "esc"),
		history:    b("exportui.key_history", "h"),
		done:       b("exportui.key_back", "enter"),
	}
}
