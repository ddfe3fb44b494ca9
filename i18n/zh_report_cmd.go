package i18n

// The report command (cmd_report.go).

func init() {
	register(ZH, map[string]string{
		"report.cmd":             "写出可打印的报表：summary 工作总结数据（.docx），survey 基层工会调查表（.xlsx）",
		"report.cmd_about":       "summary --period P：本期各项工作数据，逐项与去年同期对比并注明来源，用 WPS 或 Word 打开。survey --year Y：调查年度（上年10月1日至当年9月30日）的基层工会调查表，先做逻辑审核，列出不通过的单位和项目。",
		"report.cmd_args":        "summary|survey",
		"report.flag_out":        "写到哪个文件（默认在当前文件夹，以工会名称、报表和期间命名）",
		"report.flag_out_arg":    "文件",
		"report.flag_period":     "统计期间：2026、2026-H1、2026-Q3、2026-07 或 2026-01..2026-06",
		"report.flag_period_arg": "期间",
		"report.flag_year_arg":   "年份",
		"report.unknown_kind":    "没有名为 %s 的报表：可用 %s",
		"report.written":         "已写出 %s",
	})
}
