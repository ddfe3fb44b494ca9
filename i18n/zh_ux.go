package i18n

func init() {
	register(ZH, map[string]string{
		"overview.col_rate": "收缴率",
		// between the clauses of one line of a member's detail
		"members.clause_sep": "；",
		// a new user's first steps
		"members.no_units_yet": "还没有单位：请先在 8 单位 标签页按 n 新增单位，再回来选择。",
		// the chart's month labels, space-separated, January first
		"overview.months": "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
	})
}
