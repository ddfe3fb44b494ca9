package i18n

// Everyday ergonomics, second round (issue 19): lists taken out from the
// books and the cases, the union's code, the Settings summary.
func init() {
	register(ZH, map[string]string{
		"books_ui.c_state": "状态",
		"units.members_of": "%s会员",
	})
}
