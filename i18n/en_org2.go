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
		"members.no_history_transfer": "%s transferred in from %s, no change since",
	})
}
