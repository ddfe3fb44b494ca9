package i18n

// Everyday ergonomics (issue 19): member checks shared by the forms and
// the import, the list export, the file chooser, the demo's mark.
func init() {
	register(ZH, map[string]string{
		"member.id_birth_future":   "身份证号中的出生日期 %s 晚于今天，请核对身份证号",
		"member.id_born_too_early": "身份证号中的出生日期 %s 早于 %d 年，请核对身份证号",
		"member.born_too_early":    "出生日期不能早于 %d 年",
	})
}

func init() {
	register(ZH, map[string]string{
		"hardship.overdue_legend": "!=逾期未复核",
	})
}

// the file chooser (ui/filechooser)
func init() {
	register(ZH, map[string]string{
		"chooser.path":         "路径",
		"chooser.desktop":      "桌面",
		"chooser.downloads":    "下载",
		"chooser.documents":    "文档",
		"chooser.home":         "个人文件夹",
		"chooser.drive":        "磁盘 %s",
		"chooser.col_name":     "名称",
		"chooser.col_kind":     "类型",
		"chooser.col_size":     "大小",
		"chooser.col_modified": "修改日期",
		"chooser.kind_place":   "常用位置",
		"chooser.kind_drive":   "U盘/磁盘",
		"chooser.kind_parent":  "上一级",
		"chooser.kind_folder":  "文件夹",
		"chooser.kind_file":    "文件",
		"chooser.only":         "只显示 %s 文件；可直接输入路径，tab 补全",
		"chooser.not_folder":   "找不到文件夹「%s」",
		"chooser.not_file":     "找不到文件「%s」",
		"chooser.wrong_ext":    "请选择 %s 文件",
		"chooser.overwrite":    "「%s」已存在，覆盖它吗？（y 覆盖 / n 不覆盖）",
		"chooser.unreadable":   "无法打开「%s」：%s",
		"chooser.empty":        "这个文件夹里没有可选的文件",
		"chooser.candidates":   "可选：%s",
		"chooser.no_match":     "没有以此开头的文件夹或文件",
		"chooser.key_open":     "打开",
		"chooser.key_complete": "补全路径",
		"chooser.key_choose":   "选定",
		"chooser.key_move":     "移动",
	})
}

// a list written to a workbook, in the audit log
func init() {
	register(ZH, map[string]string{
		"entity.list":          "列表",
		"audit.field_list":     "列表",
		"audit.field_rows":     "行数",
		"audit.field_full_ids": "完整身份证号",
	})
}

// taking a list out as shown (ui/listexport)
func init() {
	register(ZH, map[string]string{
		"key.export_list":             "导出表格",
		"listexport.nothing":          "列表是空的，没有可导出的行",
		"listexport.choose_title":     "把「%s」导出为 Excel 表格：选择保存位置",
		"listexport.written_on":       "导出日期 %s",
		"listexport.ask_ids":          "身份证号：enter 按屏幕遮盖导出  f 导出完整号码（记入操作日志）",
		"listexport.key_masked":       "遮盖身份证号",
		"listexport.key_full":         "完整身份证号",
		"listexport.key_cancel":       "取消",
		"listexport.written":          "已导出 %d 行到 %s",
		"listexport.written_readonly": "已导出 %d 行到 %s（只读查看：身份证号已遮盖，不记入操作日志）",
		"listexport.failed":           "没能写出 %s：%s",
		"listexport.cancelled":        "已取消导出，没有写文件",
		"listexport.writing":          "正在导出「%s」",
		"listexport.progress":         "已写 %s / %s 行",
		"listexport.stopping":         "正在停止",
	})
}

// the demo's mark and the way to a new, empty database
func init() {
	register(ZH, map[string]string{
		"cli.cmd.fresh":         "把演示数据移到一旁，从空白账簿开始",
		"cli.cmd.fresh_about":   "演示数据库会改名保留在原文件旁边（如 unionbook-demo-2026-11-21.db），不会删除；下次打开时是一个空白的新账簿。只对演示数据库有效：存有您自己账目的数据库不会被移走。运行时须关闭工会账簿。",
		"cli.fresh_done":        "演示数据已保留为 %s。下次打开 %s 时从空白账簿开始。",
		"demo.not_demo":         "%s 不是演示数据库，里面是您自己的账，不会移走它。要另建账簿，请用 --db 指定一个新文件",
		"demo.set_aside_failed": "没能把演示数据库 %s 移到一旁：%s",
		"app.demo_badge":        "演示数据",
		"app.demo_status":       "这是演示数据。开始记自己的账：到设置（0）按 f（演示数据会保留）",
	})
}
