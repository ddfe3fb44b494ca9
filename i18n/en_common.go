package i18n

func init() {
	register(EN, map[string]string{
		"app.name":      "UnionBook",
		"app.untitled":  "Unnamed union",
		"err.internal":  "internal error: %s",
		"err.db_locked": "the database is already open in another unionbook window; close that window first",
		"err.db_newer":  "the database has schema version %d but this program supports up to %d; please upgrade UnionBook",
		"err.db_open":   "cannot open database %s: %s",
		"err.not_found": "record not found",
	})
}
