package i18n

// The Cases tab, added in the acceptance pass of issue 16: the chooser of
// a case's workers on a large roster, and the words of a list whose
// filters hide every case.
func init() {
	register(ZH, map[string]string{
		"cases.pick_member_hint":      "姓名、拼音首字母、会员编号、电话或单位",
		"cases.pick_member_loading":   "正在读取会员名册",
		"cases.pick_member_empty":     "名册中没有在会会员",
		"cases.pick_member_count":     "共 %d 人（本案单位的会员在前；身份证号隐去中间位）",
		"cases.empty_filtered":        "没有符合搜索和筛选条件的案件；按 x 清除筛选",
		"cases.fig_col_recovered":     "追回",
		"cases.worker_noted":          "已记下当事职工 %s；全部填好后按 ctrl+s 完成",
		"cases.col_collective":        "集体",
		"cases.collective_yes":        "是",
		"cases.more_above":            "（上面还有 %d 行，按 %s 向上）",
		"cases.more_below":            "（下面还有 %d 行，按 %s 向下）",
		"cases.empty_searching":       "没有符合搜索和筛选条件的案件；按 esc 清除搜索",
		"cases.pick_member_count_all": "共 %d 人（身份证号隐去中间位）",
		"cases.earlier_close_note":    "重新打开前的办结说明（再次办结时沿用，可修改）",
	})
}
