package i18n

// Dues and cash-book rules (model, storage) and the dues lines of stats.
func init() {
	register(EN, map[string]string{
		"dues.wage_before_paid": "dues are paid up to %s; a new wage base can only start at a later, unpaid month (what paid months owed cannot change)",
		"dues.paid_not_owed":    "the dues for %s are paid, and after this change that month would no longer be owed; reverse that payment first",
		"pay.cash":              "Cash",
		"pay.bank":              "Bank transfer",
		"pay.mobile":            "WeChat/Alipay",
		"pay.payroll":           "Payroll deduction",
		"direction.in":          "Income",
		"direction.out":         "Spending",

		"dues.too_many_months":     "one payment covers at most %d months",
		"dues.before_start":        "dues are owed from %s; a payment cannot start earlier",
		"dues.not_owed":            "in %s the member's status was %s: no dues were owed",
		"dues.already_paid":        "the dues for %s are already paid",
		"dues.batch_line":          "Line %d (%s) ",
		"dues.batch_no_lines":      "no member is selected",
		"dues.member_missing":      "member not found; it may have been deleted",
		"dues.other_unit":          "the member does not belong to this unit",
		"dues.batch_duplicate":     "the same member as line %d",
		"dues.wage_too_large":      "the wage base is too large; please check it",
		"reversal.before_original": "a reversal cannot be dated before the original record (%s)",

		"ledger.reverse_reversal":   "a reversing entry cannot be reversed",
		"ledger.already_reversed":   "voucher %s was already reversed",
		"ledger.reverse_via_source": "this entry was posted by a dues payment, aid record or event: reverse that record instead",
		"ledger.reversal_amount":    "a reversal's amount must be negative",

		"account.sub_code":  "a sub-account code has 5 digits, the first 3 being its parent account",
		"account.no_parent": "there is no account %s; the first 3 digits must be a standard account",
		"account.duplicate": "account code %s already exists",
		"account.unknown":   "account %s is not in the chart",
		"account.direction": "account %s takes only %s",

		"member.has_payments": "the member has %d dues payments and cannot be deleted; record a membership change instead",
		"unit.has_payments":   "the unit has %d member-months of dues payments and cannot be deleted",

		"profile.trunc_unit":     "the rounding unit must be between 0 and 1,000 yuan",
		"profile.arrears_months": "the arrears threshold must be between 0 and 120 months",

		"field.account":          "Account",
		"field.direction":        "In/out",
		"field.counterparty":     "Counterparty",
		"field.memo":             "Memo",
		"field.expected":         "Amount owed",
		"field.receipt_no":       "Receipt no.",
		"field.voucher_no":       "Voucher no.",
		"field.source":           "Source",
		"field.members":          "Members",
		"field.payments":         "Payments",
		"field.reversed_receipt": "Reversed receipt",
		"field.dues_since":       "Dues kept from",
		"field.custom_accounts":  "Own sub-accounts",
		"field.batch_lines":      "Members in the batch",

		"cli.stats_dues":    "Dues %d",
		"cli.stats_due":     "Due (yuan)",
		"cli.stats_paid":    "Paid (yuan)",
		"cli.stats_rate":    "Collection rate",
		"cli.stats_arrears": "Members %d+ months in arrears",
		"cli.stats_balance": "Cash balance (yuan)",
	})
}
