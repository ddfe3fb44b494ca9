package i18n

// The yearly survey on the organisation register (report/survey*.go): the
// logic checks of the register's items, the organising sheet.

func init() {
	register(EN, map[string]string{
		"survey.c_covered_members":          "Joint union's members",
		"survey.c_kind":                     "Economic type",
		"survey.c_last_visit":               "Last visit",
		"survey.formed":                     "Unions formed in the survey year: %d",
		"survey.i_wage":                     "wage agreement",
		"survey.i_women_contract":           "women workers' contract",
		"survey.membership_rate":            "Membership rate %s (%d members of %d employees of organised employers)",
		"survey.p_agreement_after_day":      "signed %s, after the survey's day %s",
		"survey.p_agreement_expired":        "expired on %s and not renewed",
		"survey.p_agreement_no_cover":       "in force, but the employees it covers are not given",
		"survey.p_agreement_no_expiry":      "signed %s without an expiry date",
		"survey.p_cover_over_employees":     "covers %d employees, more than the %d employees",
		"survey.p_delegates_over_employees": "%d delegates, more than the %d employees",
		"survey.p_no_stat_code":             "no statistical code",
		"survey.p_no_region_code":           "no region code",
		"survey.p_region_code":              "region code \"%s\" is not a GB/T 2260 code (6 or 12 digits)",
		"survey.p_women_delegates":          "%d women delegates, more than the %d delegates",
		"survey.r_organising":               "Unions formed and employers without a union, survey year %d (as of %s)",
		"survey.s_organising":               "Organising",
		"survey.union_rate":                 "Union rate %s (%d employers organised of %d)",
		"survey.unorganised_total":          "%d employers without a union",
	})
}
