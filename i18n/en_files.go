package i18n

func init() {
	register(EN, map[string]string{
		// temporary files, export
		"export.scratch_failed":       "cannot work in the private temporary folder beside the database: %s",
		"export.too_large_for_memory": "a report of the encrypted export is too large (over %d MB) to be built in memory only; plain text is never written to disk, so nothing was exported. Try a shorter period",
		// packages
		"pkg.bad_size":            "the manifest of \"%s\" gives the file \"%s\" an impossible size (%d bytes): refused",
		"pkg.line_too_long":       "%s line %d is longer than %d MB: not data this program writes, refused",
		"pkg.import_inconsistent": "the data of the package \"%s\" contradicts itself (%d problems): nothing was imported, the database is as it was:",
		"pkg.more_problems":       "... and %d more problems",
	})
}
