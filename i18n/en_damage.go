package i18n

func init() {
	register(EN, map[string]string{
		// the banner above the page while the daily check finds damage
		"app.damage_banner":     "The database fails the check (problems found: %d; unionbook check lists them). Today's backup was not made; the earlier ones are kept.",
		"app.damage_restore":    "The newest good backup is %s. To put it back, quit and run:",
		"app.damage_nobackup":   "No backup that passes the check was found. Run unionbook check to see every problem; if you have a copy elsewhere, quit and run: unionbook restore FILE --db \"%s\"",
		"cli.stats_check_fails": "the check fails: the daily check of %s found %d problems in the database, so the figures above may be wrong; run unionbook check",
	})
}
