package i18n

// What a read-only look (unionbook --read-only) needs of the books'
// screens: the budget's enter named for what it does, so the look refuses
// it; the reconciliation's tick column named apart from its key (whose
// English help, "tick off", must not read like the lists' "tick").

func init() {
	register(ZH, map[string]string{
		"books_ui.c_tick":         "勾对",
		"books_ui.key_set_budget": "修改预算",
	})
}
