package i18n

func init() {
	register(ZH, map[string]string{
		// 款项日期须合情理（model/entry_dates.go）
		"dues.date_long_before":    "缴费日期 %s 比所缴的第一个月（%s）早得太多：会费最多提前 %d 个月缴纳。请核对日期（这个上限可在本会信息中设置）",
		"date.too_long_ago":        "日期 %s 已是 %d 年多以前。请核对（这个上限可在本会信息中设置）",
		"profile.pay_ahead_months": "会费最多可提前几个月缴纳：请填 0 到 %d 之间的数（0 表示 12）",
		"profile.entry_years_back": "收支记账最早可记到几年前：请填 0 到 %d 之间的数（0 表示 5）",
		"field.pay_ahead_months":   "会费最多提前缴纳月数",
		"field.entry_years_back":   "收支记账最早可记年数",
	})
}
