package i18n

func init() {
	register(ZH, map[string]string{
		"app.name":      "工会账簿",
		"app.untitled":  "未命名工会",
		"err.internal":  "程序内部错误：%s",
		"err.db_locked": "数据库已在另一个工会账簿窗口中打开，请先关闭那个窗口",
		"err.db_newer":  "数据库版本 %d 比本程序支持的版本 %d 新，请升级工会账簿",
		"err.db_open":   "无法打开数据库 %s：%s",
		"err.not_found": "找不到该记录",
	})
}
