package i18n

// The report command (cmd_report.go).

func init() {
	register(EN, map[string]string{
		"report.cmd":             "write a printable report: summary (work-summary figures, .docx), survey (the yearly grassroots union survey, .xlsx)",
		"report.cmd_about":       "summary --period P: the period's figures, each beside the same period last year with its source, for WPS or Word. survey --year Y: the survey year's (1 October to 30 September) grassroots union survey, after its logic checks, with the units and items that fail them.",
		"report.cmd_args":        "summary|survey",
		"report.flag_out":        "the file to write (by default in the current folder, named by union, report and period)",
		"report.flag_out_arg":    "FILE",
		"report.flag_period":     "the period: 2026, 2026-H1, 2026-Q3, 2026-07 or 2026-01..2026-06",
		"report.flag_period_arg": "PERIOD",
		"report.flag_year_arg":   "YEAR",
		"report.unknown_kind":    "there is no report called %s: use %s",
		"report.written":         "written: %s",
	})
}
