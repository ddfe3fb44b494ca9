package i18n

// The Cases tab, added in the acceptance pass of issue 16 (see zh_cases_acc.go).
func init() {
	register(EN, map[string]string{
		"cases.fig_col_recovered": "Recovered",
	})
}
