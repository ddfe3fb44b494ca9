package i18n

// Everyday ergonomics (issue 19): member checks shared by the forms and
// the import, the list export, the file chooser, the demo's mark.
func init() {
	register(ZH, map[string]string{
		"member.id_birth_future":   "身份证号中的出生日期 %s 晚于今天，请核对身份证号",
		"member.id_born_too_early": "身份证号中的出生日期 %s 早于 %d 年，请核对身份证号",
		"member.born_too_early":    "出生日期不能早于 %d 年",
	})
}

func init() {
	register(ZH, map[string]string{
		"hardship.overdue_legend": "!=逾期未复核",
	})
}
