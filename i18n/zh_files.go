package i18n

func init() {
	register(ZH, map[string]string{
		// 临时文件、导出
		"export.scratch_failed":       "无法在数据库旁的私有临时文件夹中工作：%s",
		"export.too_large_for_memory": "加密导出的报表太大（超过 %d MB），无法只在内存中生成；明文从不写入磁盘，所以没有导出。请缩短期间后再试",
	})
}
