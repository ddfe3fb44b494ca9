package i18n

func init() {
	register(ZH, map[string]string{
		// 会费与收支账的完整性检查（storage/check_dues.go）
		"check.no_number":        "%s %s 没有收据号或凭证号",
		"check.amount_mismatch":  "%s %s 金额为 %s，对应的收支记账 %s 金额却为 %s",
		"check.batch_total":      "会费批量收缴 %s 记录合计 %s、共 %s 笔，其缴费记录合计却为 %s、共 %s 笔",
		"check.reversal_mirror":  "%s %s（%s）与它冲正的 %s（%s）不对应：冲正应金额相反，会员和月份（或科目）相同",
		"check.member_payments":  "会员 %s：随已缴月份保存的缴费清单有 %s 笔，与找到的 %s 笔缴费记录不符",
		"check.paid_months":      "会员 %s：保存的已缴月份与缴费记录在 %s 不一致",
		"check.dues_totals":      "单位 %s 在 %s 的会费汇总：保存的是 %s、%s 人月，按缴费记录合计却为 %s、%s 人月",
		"check.ledger_totals":    "科目 %s 在 %s 的收支汇总：保存的是 %s、%s 笔，按记账合计却为 %s、%s 笔",
		"check.number_counter":   "%s：%s 年记下的最后编号是 %s，小于已用过的最大编号 %s，会重复发放编号",
		"check.load_interrupted": "数据载入（%s）被中断，数据库中只有其中一部分。请重新载入：unionbook demo 会先清空它",
	})
}
