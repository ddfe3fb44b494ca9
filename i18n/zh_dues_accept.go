package i18n

// What the acceptance pass of issue 13 (dues) found wanting.
func init() {
	register(ZH, map[string]string{
		"setup.no_profile":       "这个数据库已有单位或会员（已导入），还没有填写本工会信息和会费起算月份：%s",
		"dues.report_needs_self": "%s 的会费由本会收缴，不需报送；如该单位自收自管，请先按 h 修改收缴方式",
		"receipt.payer_name":     "%s（%s）",
	})
}
