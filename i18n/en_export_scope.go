package i18n

// The list of past exports: whether each package held one period's
// records or every record.

func init() {
	register(EN, map[string]string{
		"exportui.scope_period": "period",
		"exportui.scope_whole":  "all",
	})
}
