package i18n

func init() {
	register(EN, map[string]string{
		// integrity check of dues and the cash book (storage/check_dues.go)
		"check.no_number":        "%s %s has no receipt or voucher number",
		"check.amount_mismatch":  "%s %s is of %s, but its cash-book entry %s is of %s",
		"check.batch_total":      "dues batch %s records %s for %s payments, but its payments add up to %s for %s payments",
		"check.reversal_mirror":  "%s %s (%s) does not mirror %s (%s), which it reverses: a reversal must have the opposite amount and the same member and months, or the same account",
		"check.member_payments":  "member %s: the payment list kept with the paid months has %s payments and does not match the %s payments found",
		"check.paid_months":      "member %s: the paid months kept for the dues do not agree with the payments in %s",
		"check.dues_totals":      "dues collected for unit %s in %s: stored %s for %s member-months, but the payments add up to %s for %s",
		"check.ledger_totals":    "cash-book totals of account %s in %s: stored %s over %s entries, but the entries add up to %s over %s",
		"check.number_counter":   "%s of %s: the last number recorded is %s, below the highest already used, %s: numbers would be given twice",
		"check.load_interrupted": "a load of data (%s) was interrupted: the database holds only part of it. Load it again to start over: unionbook demo empties it first",
	})
}
