package i18n

// The dues rate from a month on (model/dues_rate.go).
func init() {
	register(EN, map[string]string{
		"field.dues_rate_from":      "Rate from month",
		"field.dues_rates":          "Rate changes",
		"settings.hint_rate_from":   "e.g. 2027-01; empty: every month",
		"settings.rate_from_note":   "The rate and rounding unit start from a month, like a wage base: months paid in full keep what they were paid for, a change counts from its month on",
		"settings.rate_first_item":  "at first %s%%, rounding %s yuan",
		"settings.rate_change_item": "from %s %s%%, rounding %s yuan",
		"dues.rate_months_order":    "the months of the rate changes must follow one another",
		"dues.rate_change_paid":     "the dues of %s are paid at the old rate (%s and maybe others); the new rate would change what paid months owed: set \"Rate from month\" to %s or later, or reverse those payments first",
		"dues.rules_change_paid":    "the dues of %s are paid (%s and maybe others); this change would alter what paid months owed: reverse those payments first",
		"dues.wage_rule_rate":       "The base is the monthly wage income: bonuses, allowances, subsidies and benefits are not in it (ACFTU 1978 notice, item 4); dues are %s%% of it, the part under %s yuan ignored.",
		"dues.wage_rule_nocut":      "The base is the monthly wage income: bonuses, allowances, subsidies and benefits are not in it (ACFTU 1978 notice, item 4); dues are %s%% of it, to the fen.",
	})
}
