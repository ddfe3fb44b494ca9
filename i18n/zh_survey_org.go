package i18n

// The yearly survey on the organisation register (report/survey*.go): the
// logic checks of the register's items, the organising sheet.

func init() {
	register(ZH, map[string]string{
		"survey.c_covered_members":          "联合工会覆盖会员",
		"survey.c_kind":                     "经济类型代码",
		"survey.c_last_visit":               "最近走访",
		"survey.formed":                     "本调查年度新建工会 %d 个",
		"survey.i_wage":                     "工资集体协议",
		"survey.i_women_contract":           "女职工专项集体合同",
		"survey.membership_rate":            "入会率 %s（会员 %d 人 / 已建会单位职工 %d 人）",
		"survey.p_agreement_after_day":      "签订日期 %s 晚于调查时点 %s",
		"survey.p_agreement_expired":        "已于 %s 到期，未续签",
		"survey.p_agreement_no_cover":       "有效，但未填覆盖职工人数",
		"survey.p_agreement_no_expiry":      "%s 签订，未填到期日期",
		"survey.p_cover_over_employees":     "覆盖职工 %d 人多于职工 %d 人",
		"survey.p_delegates_over_employees": "职工代表 %d 人多于职工 %d 人",
		"survey.p_no_stat_code":             "未填统计代码",
		"survey.p_no_region_code":           "未填区划代码",
		"survey.p_region_code":              "区划代码「%s」不对（GB/T 2260，6 位或 12 位数字）",
		"survey.p_women_delegates":          "女代表 %d 人多于职工代表 %d 人",
		"survey.r_organising":               "%d年度建会情况和未建会单位（截至 %s）",
		"survey.s_organising":               "建会情况",
		"survey.union_rate":                 "建会率 %s（已建会单位 %d 个 / 单位总数 %d 个）",
		"survey.unorganised_total":          "未建会单位 %d 个",
	})
}
