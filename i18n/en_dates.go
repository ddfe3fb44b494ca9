package i18n

func init() {
	register(EN, map[string]string{
		// dates that make sense for money (model/entry_dates.go)
		"dues.date_long_before":    "the payment date %s is long before the first month it pays (%s): dues may be paid at most %d months ahead. Check the date (the limit is a setting of the profile)",
		"date.too_long_ago":        "the date %s is more than %d years ago. Check it (the limit is a setting of the profile)",
		"profile.pay_ahead_months": "give how many months ahead dues may be paid as a number from 0 to %d (0: 12)",
		"profile.entry_years_back": "give how many years back a cash-book entry may be dated as a number from 0 to %d (0: 5)",
		"field.pay_ahead_months":   "Dues paid ahead at most (months)",
		"field.entry_years_back":   "Cash-book entries back at most (years)",
	})
}
