package i18n

func init() {
	register(EN, map[string]string{
		"overview.col_rate": "rate",
		// the chart's month labels, space-separated, January first
		"overview.months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
	})
}
