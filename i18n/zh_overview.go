package i18n

func init() {
	register(ZH, map[string]string{
		"overview.col_rate": "收缴率",
		// the chart's month labels, space-separated, January first
		"overview.months": "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
	})
}
