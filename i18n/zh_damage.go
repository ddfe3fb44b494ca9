package i18n

func init() {
	register(ZH, map[string]string{
		// the banner above the page while the daily check finds damage
		"app.damage_banner":     "数据库没有通过检查（%d 个问题，运行 unionbook check 可查看）。今天没有做备份，以前的备份都保留着。",
		"app.damage_restore":    "最新的完好备份是 %s。要恢复它，请退出本程序后运行：",
		"app.damage_nobackup":   "没有找到通过检查的备份。请运行 unionbook check 查看全部问题；如果别处有副本，退出后运行：unionbook restore 文件 --db \"%s\"",
		"cli.stats_check_fails": "检查未通过：%s 的每日检查发现数据库有 %d 个问题，以上数字可能不准确；请运行 unionbook check",
	})
}
