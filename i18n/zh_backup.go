package i18n

func init() {
	register(ZH, map[string]string{
		// 数据库路径上是什么
		"err.db_is_dir":         "%s 是一个文件夹，不是数据库文件；请给出数据库文件本身的路径（例如 %s）",
		"err.db_empty":          "数据库文件 %s 是空的（0 字节），里面没有数据。如果它本来存着您的数据，请恢复最新的备份：unionbook restore \"%s\" --db \"%s\"。如果要在这里新建数据库，请先删除这个空文件",
		"err.db_empty_nobackup": "数据库文件 %s 是空的（0 字节），里面没有数据，旁边也没有备份。如果别处有副本，请用 unionbook restore 文件 --db 路径 恢复；如果要在这里新建数据库，请先删除这个空文件",
		// 备份
		"err.backup_check_failed": "今天的备份没有做：数据库 %s 未通过完整性检查（%d 个问题，第一个：%s）。以前的备份都保留着；请运行 unionbook check 查看全部问题",
		"err.backup_has_problems": "备份已写好，但数据库未通过完整性检查（%d 个问题，第一个：%s），这份备份不算作完好的备份。请运行 unionbook check --db \"%s\" 查看全部问题",
		"err.gzip_damaged":        "压缩文件不完整或已损坏",
		"err.structure_damaged":   "文件结构已损坏",
		// unionbook backups
		"cli.cmd.backups":          "列出数据库旁 backups 文件夹中的备份，并逐个检查",
		"cli.cmd.backups_about":    "最新的在前：备份时间、大小、原因（每日、导入前、升级前、整理前、恢复时替换下来的、手动）以及现在能否通过完整性检查。保留规则：最近 7 天、4 周、12 个月各保留最新的一份；导入、恢复、升级、整理前的备份和手动备份保留 30 天。任何一份都可以直接交给 unionbook restore。",
		"cli.flag.quick":           "只列出，不检查备份",
		"cli.backups_none":         "%s 中还没有备份。工会账簿每天第一次打开时会自动备份。",
		"cli.backups_title":        "%s 的备份（在 %s 中），最新的在前：",
		"cli.backups_col_date":     "备份时间",
		"cli.backups_col_size":     "大小",
		"cli.backups_col_kind":     "类型",
		"cli.backups_col_check":    "检查",
		"cli.backups_col_file":     "文件",
		"cli.backups_ok":           "通过",
		"cli.backups_problems":     "未通过（%d 个问题）",
		"cli.backups_unreadable":   "无法读取",
		"cli.backups_unchecked":    "未检查",
		"cli.backups_failed_then":  "备份时未通过",
		"cli.backups_damaged_copy": "损坏的副本",
		"cli.backups_total":        "共 %d 份备份，合计 %s。",
		"cli.backups_restore":      "恢复最新一份完好的备份：unionbook restore \"%s\" --db \"%s\"",
		"backup.kind.daily":        "每日",
		"backup.kind.import":       "导入前",
		"backup.kind.migrate":      "升级前",
		"backup.kind.compact":      "整理前",
		"backup.kind.restore":      "恢复时替换下来的",
		"backup.kind.manual":       "手动",
		"backup.kind.damaged":      "已损坏，恢复时保留",
		"backup.kind.other":        "其他",
	})
}
