package i18n

// The audit log's words for values and fields (model.AuditValue,
// model.AuditFieldName).
func init() {
	register(ZH, map[string]string{
		"audit.wage_base":      "%s（%s 起）",
		"audit.list_sep":       "、",
		"audit.field_period":   "期间",
		"audit.field_file":     "文件",
		"audit.field_records":  "数据范围",
		"audit.records_period": "本期记录",
		"audit.records_whole":  "全部记录",
		"audit.field_sha256":   "校验码",
	})
}
