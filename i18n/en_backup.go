package i18n

func init() {
	register(EN, map[string]string{
		// what lies at the database path
		"err.db_is_dir":         "%s is a folder, not a database file; give the path of the database file itself (for example %s)",
		"err.db_empty":          "the database file %s is empty (0 bytes) and holds no data. If it held your records, put the newest backup back: unionbook restore \"%s\" --db \"%s\". To start a new database there, delete the empty file first",
		"err.db_empty_nobackup": "the database file %s is empty (0 bytes) and holds no data, and there is no backup next to it. If you have a copy elsewhere, put it back with unionbook restore FILE --db PATH; to start a new database there, delete the empty file first",
		// backups
		"err.backup_check_failed": "today's backup was not made: the database %s does not pass the check (%d problems, the first: %s). The earlier backups are kept; run unionbook check to see every problem",
		"err.backup_has_problems": "the backup was written, but the database does not pass the check (%d problems, the first: %s), so it is not counted as a good backup. Run unionbook check --db \"%s\" to see every problem",
		"err.gzip_damaged":        "the compressed file is cut short or damaged",
		"err.structure_damaged":   "its file structure is damaged",
		// unionbook backups
		"cli.cmd.backups":          "list the backups in the backups folder next to the database, and check each",
		"cli.cmd.backups_about":    "Newest first: when each was taken, its size, why (daily, before an import, a migration, a compact or a restore, by hand) and whether it passes the integrity check now. Kept: the newest of each of the last 7 days, 4 weeks and 12 months, and those taken before an import, restore, migration or compact (or by hand) for 30 days. Any of them can be given to unionbook restore as it is.",
		"cli.flag.quick":           "do not check the backups, only list them",
		"cli.backups_none":         "No backups in %s yet. UnionBook makes one on the first start of each day.",
		"cli.backups_title":        "Backups of %s (in %s), newest first:",
		"cli.backups_col_date":     "Taken",
		"cli.backups_col_size":     "Size",
		"cli.backups_col_kind":     "Kind",
		"cli.backups_col_check":    "Check",
		"cli.backups_col_file":     "File",
		"cli.backups_ok":           "OK",
		"cli.backups_problems":     "fails (%d problems)",
		"cli.backups_unreadable":   "cannot be read",
		"cli.backups_unchecked":    "not checked",
		"cli.backups_failed_then":  "failed when taken",
		"cli.backups_damaged_copy": "damaged copy",
		"cli.backups_total":        "In all: %d, %s.",
		"cli.backups_restore":      "To put the newest good one back: unionbook restore \"%s\" --db \"%s\"",
		"backup.kind.daily":        "daily",
		"backup.kind.import":       "before an import",
		"backup.kind.migrate":      "before an upgrade",
		"backup.kind.compact":      "before a compact",
		"backup.kind.restore":      "replaced by a restore",
		"backup.kind.manual":       "by hand",
		"backup.kind.damaged":      "damaged, kept by a restore",
		"backup.kind.other":        "other",
	})
}
