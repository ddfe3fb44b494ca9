package i18n

// The hardship roster workbook of the district package (district/report_hardship.go).

func init() {
	register(EN, map[string]string{
		"export.r_hardship":          "Hardship files and aid",
		"export.r_hardship_roster":   "Hardship roster",
		"export.r_aid_summary":       "Aid by type and fund source",
		"export.r_aid_list":          "Aid records",
		"export.s_hardship":          "Hardship roster",
		"export.s_aid_summary":       "Aid summary",
		"export.s_aid_list":          "Aid records",
		"export.c_file_no":           "File",
		"export.c_hs_category":       "Category",
		"export.c_hs_cause":          "Main cause",
		"export.c_hs_size":           "Household",
		"export.c_hs_per_capita":     "Per-capita monthly income (yuan)",
		"export.c_hs_status":         "File status",
		"export.c_hs_entered":        "Filed",
		"export.c_hs_reviewed":       "Last review",
		"export.c_aid_n":             "Aid in period",
		"export.c_aid_value":         "Aid value in period (yuan)",
		"export.c_aid_type":          "Aid type",
		"export.c_aid_count":         "Count",
		"export.c_aid_cash":          "Cash (yuan)",
		"export.c_aid_goods":         "Goods",
		"export.c_aid_goods_value":   "Goods value (yuan)",
		"export.c_aid_fund":          "Fund source",
		"export.c_aid_fund_amount":   "%s (yuan)",
		"export.c_aid_total":         "Total (yuan)",
		"export.c_aid_approver":      "Approver",
		"export.aid_reversed":        "reversed",
		"export.f_hardship_deep":     "Active: deep hardship",
		"export.f_hardship_relative": "Active: relative hardship",
		"export.f_hardship_sudden":   "Active: sudden hardship",
		"export.f_aid_warmth":        "Festival consolation (yuan)",
		"export.f_aid_living":        "Living aid (yuan)",
		"export.f_aid_medical":       "Medical aid (yuan)",
		"export.f_aid_school":        "School aid (yuan)",
		"export.f_aid_employment":    "Employment help (yuan)",
		"export.f_aid_other":         "Other aid (yuan)",
	})
}
