package i18n

// Everyday ergonomics (issue 19): member checks shared by the forms and
// the import, the list export, the file chooser, the demo's mark.
func init() {
	register(EN, map[string]string{
		"member.id_birth_future":   "the birth date in the ID number, %s, is later than today: check the ID number",
		"member.id_born_too_early": "the birth date in the ID number, %s, is before %d: check the ID number",
		"member.born_too_early":    "the birth date cannot be before %d",
	})
}

func init() {
	register(EN, map[string]string{
		"hardship.overdue_legend": "! review overdue",
	})
}

// the file chooser (ui/filechooser)
func init() {
	register(EN, map[string]string{
		"chooser.path":         "Path",
		"chooser.desktop":      "Desktop",
		"chooser.downloads":    "Downloads",
		"chooser.documents":    "Documents",
		"chooser.home":         "Home folder",
		"chooser.drive":        "Drive %s",
		"chooser.col_name":     "Name",
		"chooser.col_kind":     "Type",
		"chooser.col_size":     "Size",
		"chooser.col_modified": "Modified",
		"chooser.kind_place":   "place",
		"chooser.kind_drive":   "drive",
		"chooser.kind_parent":  "up",
		"chooser.kind_folder":  "folder",
		"chooser.kind_file":    "file",
		"chooser.only":         "showing %s files only; type a path, tab completes it",
		"chooser.not_folder":   "no folder \"%s\"",
		"chooser.not_file":     "no file \"%s\"",
		"chooser.wrong_ext":    "choose a %s file",
		"chooser.overwrite":    "\"%s\" exists: replace it? (y replaces / n keeps it)",
		"chooser.unreadable":   "cannot open \"%s\": %s",
		"chooser.empty":        "nothing to choose in this folder",
		"chooser.candidates":   "matches: %s",
		"chooser.no_match":     "no folder or file begins so",
		"chooser.key_open":     "open",
		"chooser.key_complete": "complete",
		"chooser.key_choose":   "choose",
		"chooser.key_move":     "move",
	})
}

// a list written to a workbook, in the audit log
func init() {
	register(EN, map[string]string{
		"entity.list":          "list",
		"audit.field_list":     "list",
		"audit.field_rows":     "rows",
		"audit.field_full_ids": "full ID numbers",
	})
}

// taking a list out as shown (ui/listexport)
func init() {
	register(EN, map[string]string{
		"key.export_list":             "export list",
		"listexport.nothing":          "the list is empty: nothing to export",
		"listexport.choose_title":     "Export \"%s\" as an Excel workbook: where to save it",
		"listexport.written_on":       "exported %s",
		"listexport.ask_ids":          "ID numbers: enter masked as shown  f in full (noted in the audit log)",
		"listexport.key_masked":       "masked IDs",
		"listexport.key_full":         "full IDs",
		"listexport.key_cancel":       "cancel",
		"listexport.written":          "Exported %d rows to %s",
		"listexport.written_readonly": "Exported %d rows to %s (read-only look: ID numbers masked, not noted in the audit log)",
		"listexport.failed":           "could not write %s: %s",
		"listexport.cancelled":        "Export cancelled; no file written",
		"listexport.writing":          "Exporting \"%s\"",
		"listexport.progress":         "%s / %s rows written",
		"listexport.stopping":         "stopping...",
	})
}

// the demo's mark and the way to a new, empty database
func init() {
	register(EN, map[string]string{
		"cli.cmd.fresh":         "set the demo aside and start a new, empty database",
		"cli.cmd.fresh_about":   "The demo database is renamed and kept beside it (for example unionbook-demo-2026-11-21.db), never deleted; the next start opens a new, empty database. It works on the demo only: a database with your own records is never moved. UnionBook must be closed while it runs.",
		"cli.fresh_done":        "The demo is kept as %s. The next start on %s opens a new, empty database.",
		"demo.not_demo":         "%s is not the demo: it holds your own records and is not moved. To start other books, give a new file with --db",
		"demo.set_aside_failed": "could not set the demo database %s aside: %s",
		"app.demo_badge":        "DEMO",
		"app.demo_status":       "This is the demo. For your own books: Setup (0), then f (the demo is kept)",
	})
}
