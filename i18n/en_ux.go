package i18n

func init() {
	register(EN, map[string]string{
		"overview.col_rate": "rate",
		// between the clauses of one line of a member's detail
		"members.clause_sep": "; ",
		// a new user's first steps
		"members.no_units_yet": "No units yet: add one in tab 8 Units (press n), then choose it here.",
		// the chart's month labels, space-separated, January first
		"overview.months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
	})
}
