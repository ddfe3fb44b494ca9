package i18n

func init() {
	register(ZH, map[string]string{
		// 临时文件、导出
		"export.scratch_failed":       "无法在数据库旁的私有临时文件夹中工作：%s",
		"export.too_large_for_memory": "加密导出的报表太大（超过 %d MB），无法只在内存中生成；明文从不写入磁盘，所以没有导出。请缩短期间（例如按季度）后再试",
		// 数据包
		"pkg.bad_size":            "数据包「%s」的清单给文件「%s」写了不可能的大小（%d 字节），拒绝处理",
		"pkg.line_too_long":       "%s 第 %d 行超过 %d MB，不是本程序写出的数据，拒绝导入",
		"pkg.import_inconsistent": "数据包「%s」的数据前后矛盾（%d 个问题），没有导入任何内容，数据库保持原样：",
		"pkg.more_problems":       "……另有 %d 个问题",
		// 导入：有问题的文件
		"import.is_folder":          "%s 是一个文件夹，请选择花名册文件",
		"import.xlsx_password":      "「%s」设置了打开密码，无法读取。请在 Excel 或 WPS 中打开它，去掉密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空）后另存为 .xlsx 再导入",
		"import.xlsx_not_zip":       "「%s」的扩展名是 .xlsx，但内容不是 Excel 工作簿（可能已损坏或只是改了扩展名）",
		"import.xlsx_damaged":       "「%s」已损坏，无法读取。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入",
		"import.xlsx_no_workbook":   "「%s」是压缩包，但里面没有 Excel 工作簿",
		"import.xlsx_too_large":     "「%s」解压后超过 %d MB 或压缩比异常，不是正常的花名册，拒绝读取（未写入任何数据）",
		"import.too_many_rows":      "「%s」的数据超过 %d 行，不是正常的花名册，拒绝读取（未写入任何数据）",
		"import.too_many_cells":     "「%s」的单元格超过 %d 个，不是正常的花名册，拒绝读取（未写入任何数据）",
		"import.csv_unclosed_quote": "CSV 文件第 %d 行有一个引号（\"）没有闭合，之后的内容都被当成了同一个单元格。请在该行补上或删去引号后再导入",
		"import.no_rows":            "表头（第 %d 行）下面没有数据行，没有可导入的内容",
		"import.more_columns":       "……另有 %d 列",
		// 导入：更新已有会员
		"import.other_person": "身份证号与数据库中的 %s 相同，但%s不同（数据库中是 %s）：不是同一个人，不会更新或跳过。请核对身份证号",
		"import.blank":        "（空）",
		"import.will_update":  "将更新 %s",
		"import.updates":      "将更新 %d 名已有会员：",
		"import.more_updates": "……另有 %d 名（--report 报告中有全部）",
	})
}
