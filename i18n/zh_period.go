package i18n

// District packages of one period (district/period.go): export --whole,
// the export form's choice, import package of a period package.

func init() {
	register(ZH, map[string]string{
		"period.flag_whole":          "导出全部日期的记录（可据以完整重建数据库），而不只是本期的记录",
		"period.opening_memo":        "%s 期初结转（上报数据包）",
		"period.opening_negative":    "本期数据包的%s期初余额为负（%s）：账上本期以前的余额小于零。请先更正账目，或加 --whole 导出全部记录",
		"period.imported_period":     "这个数据库只含 %s 这一期间的记录（以及它们引用的记录）和期末的会员名册；期间以前的会费和账目不在其中，期初余额已结转。",
		"period.readonly_of_package": "数据包 %s %s（只含本期）",
		"period.f_scope":             "数据范围",
		"period.scope_period":        "本期记录",
		"period.scope_whole":         "全部记录",
		"period.scope_note_period":   "只含本期的会费、账目、日志和期末名册",
		"period.scope_note_whole":    "各个日期的全部记录，可完整重建数据库",
		"period.pv_scope":            "数据范围：%s",
		"period.step_scope":          "挑选本期的记录",
		"period.form_about":          "本期记录：本期的会费、账目和操作日志，及期末的会员名册；全部记录：各个日期的记录，可据以完整重建数据库。",
	})
}
