package i18n

// The dues rate from a month on (model/dues_rate.go).
func init() {
	register(ZH, map[string]string{
		"field.dues_rate_from":      "费率起用月份",
		"field.dues_rates":          "费率变动",
		"settings.hint_rate_from":   "如：2027-01；空着＝所有月份",
		"settings.rate_from_note":   "费率和取整单位像缴费基数一样有起用月份：已缴清的月份保持缴费时的标准，改动只影响起用月份以后",
		"settings.rate_first_item":  "起初 %s%%，取整 %s 元",
		"settings.rate_change_item": "%s 起 %s%%，取整 %s 元",
		"dues.rate_months_order":    "费率变动的月份须逐次往后",
		"dues.rate_change_paid":     "%s 的会费已按原标准缴清（%s 等），新标准会改变已缴月份的应缴额；请把「费率起用月份」填为 %s 或更晚，或先冲正这些缴费",
		"dues.rules_change_paid":    "%s 的会费已缴纳（%s 等），这样修改会改变已缴月份的应缴额；请先冲正这些缴费",
		"dues.wage_rule_rate":       "缴费基数为每月工资收入，奖金、津贴、补贴、福利费等不计入（全总1978年通知第四条）；会费为基数的 %s%%（不足 %s 元的部分不计）。",
		"dues.wage_rule_nocut":      "缴费基数为每月工资收入，奖金、津贴、补贴、福利费等不计入（全总1978年通知第四条）；会费为基数的 %s%%（算到分）。",
	})
}
