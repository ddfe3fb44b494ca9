package i18n

// Dues and cash-book rules (model, storage) and the dues lines of stats.
func init() {
	register(ZH, map[string]string{
		"dues.wage_before_paid": "已缴到 %s，新的缴费基数只能从之后未缴的月份起算（已缴月份的会费不能改变）",
		"dues.paid_not_owed":    "%s 的会费已经缴纳，这样修改后该月不再应缴；请先冲正那笔缴费",
		"pay.cash":              "现金",
		"pay.bank":              "银行转账",
		"pay.mobile":            "微信/支付宝",
		"pay.payroll":           "单位代扣",
		"direction.in":          "收入",
		"direction.out":         "支出",

		"dues.too_many_months":     "一次最多缴 %d 个月",
		"dues.before_start":        "会费从 %s 起缴，不能早于这个月",
		"dues.not_owed":            "%s 会员处于「%s」状态，该月不需缴会费",
		"dues.already_paid":        "%s 的会费已经缴过了",
		"dues.batch_line":          "第 %d 行（%s）",
		"dues.batch_no_lines":      "没有选中任何会员",
		"dues.member_missing":      "找不到该会员，可能已被删除",
		"dues.other_unit":          "该会员不属于这个单位",
		"dues.batch_duplicate":     "与第 %d 行是同一名会员",
		"dues.wage_too_large":      "缴费基数太大，请核对",
		"reversal.before_original": "冲正日期不能早于原记录的日期 %s",

		"ledger.reverse_reversal":   "冲正凭证不能再冲正",
		"ledger.already_reversed":   "凭证 %s 已经冲正过了",
		"ledger.reverse_via_source": "这笔账由会费、帮扶或活动记录生成，请到原记录办理冲正",
		"ledger.reversal_amount":    "冲正金额应为负数",

		"account.sub_code":  "明细科目代码应为 5 位数字，前 3 位是上级科目",
		"account.no_parent": "没有科目 %s，明细科目的前 3 位应是标准科目",
		"account.duplicate": "科目代码 %s 已经存在",
		"account.unknown":   "科目表中没有科目 %s",
		"account.direction": "科目「%s」只能记%s",

		"member.has_payments": "该会员有 %d 笔缴费记录，不能删除。请办理会籍变动",
		"unit.has_payments":   "该单位有 %d 人月的缴费记录，不能删除",

		"profile.trunc_unit":     "取整单位应在 0 到 1000 元之间",
		"profile.arrears_months": "欠缴提醒月数应在 0 到 120 之间",

		"field.account":          "科目",
		"field.direction":        "收支方向",
		"field.counterparty":     "对方单位/个人",
		"field.memo":             "摘要",
		"field.expected":         "应缴金额",
		"field.receipt_no":       "收据号",
		"field.voucher_no":       "凭证号",
		"field.source":           "来源",
		"field.members":          "人数",
		"field.payments":         "缴费记录",
		"field.reversed_receipt": "被冲正的收据",
		"field.dues_since":       "会费起算月份",
		"field.custom_accounts":  "自设明细科目",
		"field.batch_lines":      "缴费名单",

		"cli.stats_dues":    "%d 年会费",
		"cli.stats_due":     "应收（元）",
		"cli.stats_paid":    "实收（元）",
		"cli.stats_rate":    "收缴率",
		"cli.stats_arrears": "连续欠缴 %d 个月以上的会员",
		"cli.stats_balance": "经费结余（元）",
	})
}
