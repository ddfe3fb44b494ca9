package i18n

// The list of past exports: whether each package held one period's
// records or every record.

func init() {
	register(ZH, map[string]string{
		"exportui.scope_period": "本期",
		"exportui.scope_whole":  "全部",
	})
}
