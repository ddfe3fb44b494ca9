package i18n

func init() {
	register(ZH, map[string]string{
		// opening the database
		"err.db_permission":    "没有权限在 %s 创建或打开数据库。请检查该文件夹的权限，或用 --db 指定一个可写的位置",
		"err.db_corrupt":       "文件 %s 不是工会账簿的数据库，或者已经损坏。请从备份恢复",
		"err.db_needs_upgrade": "数据库 %s 需要先升级，只读方式无法升级；请先用普通方式打开一次",
		"err.record_format":    "记录格式 %d 无法识别，请升级工会账簿",
		// uniqueness and references
		"member.duplicate_id":   "身份证号已登记为会员 %s（编号 %s）",
		"member.duplicate_no":   "会员编号已被会员 %s 使用（编号 %s）",
		"member.unit_missing":   "所选单位不存在，可能已被删除，请重新选择",
		"unit.duplicate_name":   "已有名为「%s」的单位，请核对是否重复登记",
		"unit.duplicate_credit": "该统一社会信用代码已登记给单位「%s」",
		"unit.in_use":           "该单位还有 %d 名会员，不能删除。请先将他们调到其他单位或办理会籍变动",
	})
}
