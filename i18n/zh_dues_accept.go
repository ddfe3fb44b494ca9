package i18n

// What the acceptance pass of issue 13 (dues) found wanting.
func init() {
	register(ZH, map[string]string{
		"setup.no_profile": "这个数据库已有单位或会员（已导入），还没有填写本工会信息和会费起算月份：%s",
	})
}
