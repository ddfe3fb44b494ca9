package i18n

func init() {
	register(EN, map[string]string{
		// temporary files, export
		"export.scratch_failed":       "cannot work in the private temporary folder beside the database: %s",
		"export.too_large_for_memory": "a report of the encrypted export is too large (over %d MB) to be built in memory only; plain text is never written to disk, so nothing was exported. Try a shorter period",
	})
}
