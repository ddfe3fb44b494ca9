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
		"members.mw_model_worker.l0":  "否",
		"members.mw_model_worker.l1":  "全国劳模",
		"members.mw_model_worker.l2":  "省部级劳模",
		"members.mw_model_worker.l3":  "地市级劳模",
		"members.mw_model_worker.l4":  "其他劳模",
		"members.mw_model_worker.l5":  "未知",
		"members.no_history_transfer": "%s 从「%s」转入，至今无变动",
	})
}
