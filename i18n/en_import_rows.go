package i18n

func init() {
	register(EN, map[string]string{
		"import.skip_blank":       "not imported: none of the required columns filled",
		"import.skip_header":      "not imported: the header repeated",
		"import.skip_example":     "not imported: the template's example row",
		"import.skip_hint":        "not imported: the template's hints",
		"import.skip_footer":      "not imported: a total, signature or date line",
		"import.skip_note":        "not imported: a note",
		"import.skip_blank_n":     "without any required column: %d",
		"import.skip_header_n":    "repeated headers: %d",
		"import.skip_example_n":   "template examples: %d",
		"import.skip_hint_n":      "template hints: %d",
		"import.skip_footer_n":    "totals, signatures or dates: %d",
		"import.skip_note_n":      "notes: %d",
		"import.ignored_rows_why": "skipped %d rows that are not data (%s)",
		"import.report_is_source": "the problems report cannot replace the roster being imported (%s): choose another name",
		// unit names that nearly match a registered unit
		"import.match_core":         "the same name without the place, the company form and 工会",
		"import.match_part":         "the roster writes part of the registered name",
		"import.match_more":         "the roster's name holds the registered name",
		"import.unit_near_database": "a unit of a near name is registered: %s (%s); refuse the match if it is another unit",
		"import.unit_matches":       "%d unit names taken as registered units of near names:",
		"import.unit_match":         "%s -> %s (%s, %d rows)",
		"import.unit_match_refused": "%s is not %s (refused, %d rows)",
		"import.unit_matches_hint":  "if one is another unit, add --exact-units to take only names written exactly as registered",
		"cli.flag.exact_units":      "take a unit only by its name written exactly as registered, never by a near name (宏达机械 for 厦门宏达机械有限公司工会)",
		// a member's phone
		"phone.two_numbers":     "one phone number per cell",
		"phone.bad_char":        "a phone number cannot hold '%s', only digits, spaces, dashes and brackets",
		"phone.mobile_length":   "a mobile number has 11 digits, this one %d",
		"phone.mobile_prefix":   "no mobile number starts with %s (they start 13 to 19)",
		"phone.area_code":       "area code %s is wrong: it has 3 or 4 digits, a 0 then another digit, like 0592",
		"phone.landline_length": "a landline has 7 or 8 digits after the area code, this one %d",
		"phone.landline_digits": "a landline with its area code has 10 to 12 digits, this one %d; write it like 0592-5201083",
		"phone.no_area_code":    "the landline lacks its area code: write it like 0592-5201083",
	})
}
