package i18n

// Everyday ergonomics, second round (issue 19): lists taken out from the
// books and the cases, the union's code, the Settings summary.
func init() {
	register(ZH, map[string]string{
		"books_ui.c_state":             "状态",
		"units.members_of":             "%s会员",
		"hint.union_code":              "工会法人资格证书上的统一社会信用代码：18 位，81 开头",
		"settings.key_cases":           "维权设置",
		"settings.key_fresh":           "开始记自己的账",
		"settings.cases_title":         "维权设置",
		"settings.hint_collective_min": "劳动争议调解仲裁法第七条：十人以上；不少地区统计按五人以上",
		"settings.collective_line":     "集体争议：%d 人及以上",
		"settings.pay_ahead_line":      "会费最多可提前 %d 个月缴纳",
		"settings.years_back_line":     "收支最早可记到 %d 年前",
		"settings.hint_pay_ahead":      "缴费日期最多早于所缴月份几个月，默认 12",
		"settings.hint_years_back":     "记账日期最早可在几年前，默认 5",
		"settings.whole_number":        "请填一个整数",
		"settings.more_above":          "（上面还有 %d 行，按 %s 向上）",
		"settings.more_below":          "（下面还有 %d 行，按 %s 向下）",
		"settings.fresh_title":         "演示数据",
		"settings.fresh_with":          "按 %s 开始记自己的账",
		"settings.fresh_line":          "现在打开的是演示数据库。开始记自己的账时，演示数据另存在它旁边，不会删除；程序重新打开，从一个空数据库开始",
		"settings.fresh_confirm":       "演示数据将另存为 %s，程序重新打开一个空数据库。按 y 开始，n 取消",
		"err.details":                  "详情：%s",
		"check.area.buckets":           "数据表",
		"check.area.records":           "记录校验和",
		"check.area.units":             "单位",
		"check.area.members":           "会员",
		"check.area.audit":             "操作日志",
		"check.area.sequences":         "编号",
		"check.area.dues":              "会费和账目",
		"check.area.events":            "活动",
		"check.area.hardship":          "帮扶档案",
		"check.area.cases":             "维权案件",
		"check.area.books":             "账簿",
		"profile.union_code_kind":      "工会的统一社会信用代码以 81（基层工会）或 89（其他工会）开头，这里是 %s 开头：是不是填成了所在单位的代码？",
	})
}
