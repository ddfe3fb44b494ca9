package i18n

func init() {
	register(ZH, map[string]string{
		// 记录校验和（storage/codec.go、check_records.go）
		"err.record_checksum":            "校验和不符：文件写入后在磁盘上被改动过",
		"err.record_unreadable":          "内容无法读取：文件已损坏",
		"err.record_missing":             "索引或其他记录指向它，但它已不在：文件已损坏",
		"check.checksum":                 "%s %s 写入后在磁盘上被改动过：校验和不符",
		"check.no_checksum":              "%s %s 没有校验和，而本数据库的每条记录都应当有",
		"check.count.records":            "记录 %d 条（校验和全部核对无误）",
		"check.count.records_legacy":     "记录 %d 条为加校验和之前所写（下次正常打开数据库时补上）",
		"err.db_record_damaged":          "数据库 %s 已损坏：有记录在写入后被改动过，已不可信。查看是哪些记录，请运行：unionbook check --db \"%s\"。能通过检查的最新备份是 %s；恢复请运行：unionbook restore \"%s\" --db \"%s\"",
		"err.db_record_damaged_nobackup": "数据库 %s 已损坏：有记录在写入后被改动过，已不可信。查看是哪些记录，请运行：unionbook check --db \"%s\"。旁边没有能通过检查的备份；如果别处有副本，请用 unionbook restore 文件 --db 路径 恢复",
		"err.db_record_missing":          "数据库 %s 已损坏：有索引或记录指向一条已不存在的记录。查看是哪些记录，请运行：unionbook check --db \"%s\"。能通过检查的最新备份是 %s；恢复请运行：unionbook restore \"%s\" --db \"%s\"",
		"err.db_record_missing_nobackup": "数据库 %s 已损坏：有索引或记录指向一条已不存在的记录。查看是哪些记录，请运行：unionbook check --db \"%s\"。旁边没有能通过检查的备份；如果别处有副本，请用 unionbook restore 文件 --db 路径 恢复",
	})
}
