package i18n

// The organisation register, from its acceptance pass: the Overview's
// line, a transferred-in member's history, a percentage typed wrong.
func init() {
	register(EN, map[string]string{
		"units.ov_union_rate":         "Union formation rate %s",
		"units.ov_membership_rate":    "membership rate",
		"units.ov_rate":               "%s (%d/%d)",
		"units.ov_elections_due":      "elections due",
		"percent.format":              "\"%s\" is not a percentage; write it like 3.5 (at most two decimals)",
		"members.mw_model_worker.l0":  "no",
		"members.mw_model_worker.l1":  "national",
		"members.mw_model_worker.l2":  "provincial",
		"members.mw_model_worker.l3":  "city",
		"members.mw_model_worker.l4":  "other",
		"members.mw_model_worker.l5":  "unknown",
		"members.no_history_transfer": "%s transferred in from %s, no change since",
	})
}
