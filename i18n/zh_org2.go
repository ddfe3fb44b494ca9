package i18n

// The organisation register, from its acceptance pass: the Overview's
// line, a transferred-in member's history, a percentage typed wrong.
func init() {
	register(ZH, map[string]string{
		"units.ov_union_rate":         "%s 年建会率",
		"units.ov_membership_rate":    "入会率",
		"units.ov_rate":               "%s（%d/%d）",
		"units.ov_elections_due":      "到期应换届",
		"percent.format":              "「%s」不是百分比，请写成 3.5 这样的数字（最多两位小数）",
		"members.no_history_transfer": "%s 从「%s」转入，至今无变动",
	})
}
