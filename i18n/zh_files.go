package i18n

func init() {
	register(ZH, map[string]string{
		// 临时文件、导出
		"export.scratch_failed":       "无法在数据库旁的私有临时文件夹中工作：%s",
		"export.too_large_for_memory": "加密导出的报表太大（超过 %d MB），无法只在内存中生成；明文从不写入磁盘，所以没有导出。请缩短期间后再试",
		// 数据包
		"pkg.bad_size":            "数据包「%s」的清单给文件「%s」写了不可能的大小（%d 字节），拒绝处理",
		"pkg.line_too_long":       "%s 第 %d 行超过 %d MB，不是本程序写出的数据，拒绝导入",
		"pkg.import_inconsistent": "数据包「%s」的数据前后矛盾（%d 个问题），没有导入任何内容，数据库保持原样：",
		"pkg.more_problems":       "……另有 %d 个问题",
	})
}
