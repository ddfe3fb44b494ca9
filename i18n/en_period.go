package i18n

// District packages of one period (district/period.go): export --whole,
// the export form's choice, import package of a period package.

func init() {
	register(EN, map[string]string{
		"period.flag_whole":          "export the records of every date (enough to rebuild the database exactly), not only the period's",
		"period.opening_memo":        "carried forward to %s (district package)",
		"period.opening_negative":    "the period package's opening balance of %s would be below zero (%s): the books show less than nothing in it before the period. Correct the books, or export every record with --whole",
		"period.imported_period":     "This database holds the records of %s only (and the records they refer to) and the roster as at its end; the dues and books before the period are not in it, their balances are carried forward.",
		"period.readonly_of_package": "package %s %s (that period only)",
		"period.f_scope":             "Records",
		"period.scope_period":        "this period's",
		"period.scope_whole":         "every record",
		"period.scope_note_period":   "the period's dues, books and log, the roster at its end",
		"period.scope_note_whole":    "records of every date, to rebuild the database",
		"period.pv_scope":            "Records: %s",
		"period.step_scope":          "choosing the period's records",
		"period.form_about":          "This period's records: its dues, books, audit log and the roster at its end. Every record: the records of every date, to rebuild the database.",
	})
}
