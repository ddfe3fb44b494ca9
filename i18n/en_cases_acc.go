package i18n

// The Cases tab, added in the acceptance pass of issue 16 (see zh_cases_acc.go).
func init() {
	register(EN, map[string]string{
		"cases.empty_filtered":    "No case matches the search and filters; x clears them",
		"cases.fig_col_recovered": "Recovered",
	})
}
