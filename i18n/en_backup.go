package i18n

func init() {
	register(EN, map[string]string{
		// what lies at the database path
		"err.db_is_dir":         "%s is a folder, not a database file; give the path of the database file itself (for example %s)",
		"err.db_empty":          "the database file %s is empty (0 bytes) and holds no data. If it held your records, put the newest backup back: unionbook restore \"%s\" --db \"%s\". To start a new database there, delete the empty file first",
		"err.db_empty_nobackup": "the database file %s is empty (0 bytes) and holds no data, and there is no backup next to it. If you have a copy elsewhere, put it back with unionbook restore FILE --db PATH; to start a new database there, delete the empty file first",
	})
}
