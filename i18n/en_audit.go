package i18n

// The audit log's words for values and fields (model.AuditValue,
// model.AuditFieldName).
func init() {
	register(EN, map[string]string{
		"audit.wage_base":      "%s from %s",
		"audit.list_sep":       ", ",
		"audit.field_period":   "Period",
		"audit.field_file":     "File",
		"audit.field_records":  "Records",
		"audit.records_period": "the period's records",
		"audit.records_whole":  "every record",
		"audit.field_sha256":   "Checksum",
	})
}
