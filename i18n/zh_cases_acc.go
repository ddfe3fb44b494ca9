package i18n

// The Cases tab, added in the acceptance pass of issue 16: the chooser of
// a case's workers on a large roster, and the words of a list whose
// filters hide every case.
func init() {
	register(ZH, map[string]string{
		"cases.empty_filtered":    "没有符合搜索和筛选条件的案件；按 x 清除筛选",
		"cases.fig_col_recovered": "追回",
	})
}
