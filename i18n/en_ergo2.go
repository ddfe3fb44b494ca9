package i18n

// Everyday ergonomics, second round (issue 19): lists taken out from the
// books and the cases, the union's code, the Settings summary.
func init() {
	register(EN, map[string]string{
		"books_ui.c_state":             "State",
		"units.members_of":             "Members of %s",
		"hint.union_code":              "the unified social credit code on the union's legal-person certificate: 18 characters, starting 81",
		"settings.key_cases":           "case rules",
		"settings.key_fresh":           "start my own books",
		"settings.cases_title":         "Cases",
		"settings.hint_collective_min": "Labour Dispute Mediation and Arbitration Law, art. 7: ten or more; many regions count five or more",
		"settings.collective_line":     "Collective dispute: %d workers or more",
		"settings.pay_ahead_line":      "Dues may be paid up to %d months ahead",
		"settings.years_back_line":     "Cash-book entries may be dated up to %d years back",
		"settings.hint_pay_ahead":      "months a payment may come before the months it pays; 12 by default",
		"settings.hint_years_back":     "how many years back an entry may be dated; 5 by default",
		"settings.whole_number":        "give a whole number",
		"settings.more_above":          "(%d more lines above: %s)",
		"settings.more_below":          "(%d more lines below: %s)",
		"settings.fresh_title":         "Demo",
		"settings.fresh_with":          "%s to start your own books",
		"settings.fresh_line":          "This is the demo's database. Starting your own books keeps the demo in a file beside it, never deleted, and starts the program again on a new, empty database",
		"settings.fresh_confirm":       "The demo will be kept as %s and the program starts again on a new, empty database. y starts, n cancels",
		"err.details":                  "details: %s",
		"check.area.buckets":           "the tables",
		"check.area.records":           "the records' checksums",
		"check.area.units":             "the units",
		"check.area.members":           "the members",
		"check.area.audit":             "the audit log",
		"check.area.sequences":         "the numbering",
		"check.area.dues":              "dues and the cash book",
		"check.area.events":            "the events",
		"check.area.hardship":          "the hardship files",
		"check.area.cases":             "the cases",
		"check.area.books":             "the books",
		"profile.union_code_kind":      "a union's unified social credit code starts with 81 (a grassroots union) or 89 (another union), not %s: is this the employer's code?",
	})
}
