package i18n

func init() {
	register(EN, map[string]string{
		// temporary files, export
		"export.scratch_failed":       "cannot work in the private temporary folder beside the database: %s",
		"export.too_large_for_memory": "a report of the encrypted export is too large (over %d MB) to be built in memory only; plain text is never written to disk, so nothing was exported. Try a shorter period (a quarter)",
		// packages
		"pkg.bad_size":            "the manifest of \"%s\" gives the file \"%s\" an impossible size (%d bytes): refused",
		"pkg.line_too_long":       "%s line %d is longer than %d MB: not data this program writes, refused",
		"pkg.import_inconsistent": "the data of the package \"%s\" contradicts itself (%d problems): nothing was imported, the database is as it was:",
		"pkg.more_problems":       "... and %d more problems",
		// import: files that cannot be read
		"import.is_folder":          "%s is a folder: choose the roster file",
		"import.xlsx_password":      "\"%s\" is protected by a password to open it and cannot be read. Open it in Excel or WPS, remove the password (File > Info > Protect Workbook > Encrypt with Password, cleared), save as .xlsx and import that",
		"import.xlsx_not_zip":       "\"%s\" is named .xlsx but is not an Excel workbook (damaged, or only renamed)",
		"import.xlsx_damaged":       "\"%s\" is damaged and cannot be read. Open it in Excel or WPS, save it as .xlsx again and import that",
		"import.xlsx_no_workbook":   "\"%s\" is a zip file but holds no Excel workbook",
		"import.xlsx_too_large":     "\"%s\" unzips to more than %d MB, or far more than it stores: not a roster, refused (nothing was written)",
		"import.too_many_rows":      "\"%s\" has more than %d rows: not a roster, refused (nothing was written)",
		"import.too_many_cells":     "\"%s\" has more than %d cells: not a roster, refused (nothing was written)",
		"import.csv_unclosed_quote": "row %d of the CSV file opens a quote (\") that is never closed, so everything after it became one cell. Close or remove the quote in that row and import again",
		"import.no_rows":            "there are no data rows under the header (row %d): nothing to import",
		"import.more_columns":       "... and %d more",
		// import: updating stored members
		"import.other_person": "the ID number is that of %s in the database, but the %s differs (stored: %s): not the same person, neither updated nor skipped. Check the ID number",
		"import.blank":        "(blank)",
		"import.will_update":  "will update %s",
		"import.updates":      "%d stored members will be updated:",
		"import.more_updates": "... and %d more (the --report workbook lists them all)",
	})
}
