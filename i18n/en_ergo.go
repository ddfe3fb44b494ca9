package i18n

// Everyday ergonomics (issue 19): member checks shared by the forms and
// the import, the list export, the file chooser, the demo's mark.
func init() {
	register(EN, map[string]string{
		"member.id_birth_future":   "the birth date in the ID number, %s, is later than today: check the ID number",
		"member.id_born_too_early": "the birth date in the ID number, %s, is before %d: check the ID number",
		"member.born_too_early":    "the birth date cannot be before %d",
	})
}

func init() {
	register(EN, map[string]string{
		"hardship.overdue_legend": "! review overdue",
	})
}
