package i18n

// The Cases tab, added in the acceptance pass of issue 16: the chooser of
// a case's workers on a large roster, and the words of a list whose
// filters hide every case.
func init() {
	register(ZH, map[string]string{
		"cases.fig_col_recovered": "追回",
	})
}
