package i18n

// The Cases tab, added in the acceptance pass of issue 16 (see zh_cases_acc.go).
func init() {
	register(EN, map[string]string{
		"cases.pick_member_hint":      "name, pinyin initials, member no., phone or unit",
		"cases.pick_member_loading":   "Reading the roster",
		"cases.pick_member_empty":     "No member in the union on the roster",
		"cases.pick_member_count":     "Members: %d (the case's unit first; ID numbers masked)",
		"cases.empty_filtered":        "No case matches the search and filters; x clears them",
		"cases.fig_col_recovered":     "Recovered",
		"cases.worker_noted":          "Worker %s noted; ctrl+s when all are in",
		"cases.col_collective":        "Coll.",
		"cases.collective_yes":        "yes",
		"cases.more_above":            "(%d more lines above: %s)",
		"cases.more_below":            "(%d more lines below: %s)",
		"cases.empty_searching":       "No case matches the search and filters; esc clears the search",
		"cases.pick_member_count_all": "Members: %d (ID numbers masked)",
		"cases.earlier_close_note":    "Closing note before reopening (the next closing starts from it)",
	})
}
