package i18n

func init() {
	register(EN, map[string]string{
		// opening the database
		"err.db_permission":    "no permission to create or open the database at %s; check the folder's permissions or choose another place with --db",
		"err.db_corrupt":       "%s is not a UnionBook database, or it is damaged; restore it from a backup",
		"err.db_needs_upgrade": "the database %s must be upgraded first, which a read-only open cannot do; open it normally once",
		"err.record_format":    "unknown record format %d; please upgrade UnionBook",
		// uniqueness and references
		"member.duplicate_id":   "this ID number is already registered to member %s (number %s)",
		"member.duplicate_no":   "this member number is already used by member %s (number %s)",
		"member.unit_missing":   "the chosen unit does not exist (it may have been deleted); please choose again",
		"unit.duplicate_name":   "a unit named \"%s\" already exists; please check it is not registered twice",
		"unit.duplicate_credit": "this unified social credit code is already registered to unit \"%s\"",
		"unit.in_use":           "%d members still belong to this unit, so it cannot be deleted; move them to another unit or record their status change first",
	})
}
