package i18n

func init() {
	register(EN, map[string]string{
		// record checksums (storage/codec.go, check_records.go)
		"err.record_checksum":            "its checksum does not match: the file was changed on disk after it was written",
		"err.record_unreadable":          "its contents cannot be read: the file is damaged",
		"err.record_missing":             "an index or another record points at it, but it is not there: the file is damaged",
		"check.checksum":                 "%s %s was changed on disk after it was written: its checksum does not match",
		"check.no_checksum":              "%s %s has no checksum, although every record of this database should have one",
		"check.count.records":            "%d records with their checksums verified",
		"check.count.records_legacy":     "%d records from before checksums (they get theirs when the database is next opened normally)",
		"err.db_record_damaged":          "the database %s is damaged: a record was changed on disk after it was written and can no longer be trusted. To see which, run: unionbook check --db \"%s\". The newest backup that passes the check is %s; to put it back, run: unionbook restore \"%s\" --db \"%s\"",
		"err.db_record_damaged_nobackup": "the database %s is damaged: a record was changed on disk after it was written and can no longer be trusted. To see which, run: unionbook check --db \"%s\". No backup that passes the check was found next to it; if you have a copy elsewhere, put it back with unionbook restore FILE --db PATH",
		"err.db_record_missing":          "the database %s is damaged: an index or a record points at a record that is no longer there. To see which, run: unionbook check --db \"%s\". The newest backup that passes the check is %s; to put it back, run: unionbook restore \"%s\" --db \"%s\"",
		"err.db_record_missing_nobackup": "the database %s is damaged: an index or a record points at a record that is no longer there. To see which, run: unionbook check --db \"%s\". No backup that passes the check was found next to it; if you have a copy elsewhere, put it back with unionbook restore FILE --db PATH",
	})
}
