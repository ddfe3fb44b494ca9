package i18n

// The hardship roster workbook of the district package (district/report_hardship.go).

func init() {
	register(ZH, map[string]string{
		"export.r_hardship":          "困难职工档案及帮扶情况",
		"export.r_hardship_roster":   "困难职工档案名册",
		"export.r_aid_summary":       "帮扶资金按类型和来源汇总",
		"export.r_aid_list":          "帮扶记录明细",
		"export.s_hardship":          "困难职工名册",
		"export.s_aid_summary":       "帮扶汇总",
		"export.s_aid_list":          "帮扶明细",
		"export.c_file_no":           "档案号",
		"export.c_hs_category":       "困难类别",
		"export.c_hs_cause":          "主要致困原因",
		"export.c_hs_size":           "家庭人口",
		"export.c_hs_per_capita":     "人均月收入（元）",
		"export.c_hs_status":         "档案状态",
		"export.c_hs_entered":        "建档日期",
		"export.c_hs_reviewed":       "最近复核",
		"export.c_aid_n":             "本期帮扶次数",
		"export.c_aid_value":         "本期帮扶金额（元）",
		"export.c_aid_type":          "帮扶类型",
		"export.c_aid_count":         "次数",
		"export.c_aid_cash":          "现金（元）",
		"export.c_aid_goods":         "物资",
		"export.c_aid_goods_value":   "物资折价（元）",
		"export.c_aid_fund":          "经费来源",
		"export.c_aid_fund_amount":   "%s（元）",
		"export.c_aid_total":         "合计（元）",
		"export.c_aid_approver":      "审批人",
		"export.aid_reversed":        "已冲正",
		"export.f_hardship_deep":     "在档：深度困难",
		"export.f_hardship_relative": "在档：相对困难",
		"export.f_hardship_sudden":   "在档：意外致困",
		"export.f_aid_warmth":        "送温暖（元）",
		"export.f_aid_living":        "生活救助（元）",
		"export.f_aid_medical":       "医疗救助（元）",
		"export.f_aid_school":        "金秋助学（元）",
		"export.f_aid_employment":    "就业帮扶（元）",
		"export.f_aid_other":         "其他帮扶（元）",
	})
}
