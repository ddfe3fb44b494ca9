package i18n

// The Import/Export tab's use of the file chooser and of the list export
// (ui/transfer): the export's folder, the past exports as a list.

func init() {
	register(ZH, map[string]string{
		"exportui.key_choose_dir":   "选文件夹",
		"exportui.choose_dir_title": "选择保存上报数据包的文件夹（如 U 盘）",
		"exportui.history_list":     "导出记录",
	})
}
