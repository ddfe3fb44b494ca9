package i18n

// What a read-only look (unionbook --read-only) needs of the books' and
// the lists' screens: the budget's enter named for what it does (so the
// look refuses it), a list written without an audit entry.

func init() {
	register(EN, map[string]string{
		"books_ui.key_set_budget":     "change the line",
		"listexport.written_readonly": "Exported %d rows to %s (a read-only look: ID numbers masked as on screen, no audit entry)",
	})
}
