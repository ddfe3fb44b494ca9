package i18n

func init() {
	register(ZH, map[string]string{
		// 数据库路径上是什么
		"err.db_is_dir":         "%s 是一个文件夹，不是数据库文件；请给出数据库文件本身的路径（例如 %s）",
		"err.db_empty":          "数据库文件 %s 是空的（0 字节），里面没有数据。如果它本来存着您的数据，请恢复最新的备份：unionbook restore \"%s\" --db \"%s\"。如果要在这里新建数据库，请先删除这个空文件",
		"err.db_empty_nobackup": "数据库文件 %s 是空的（0 字节），里面没有数据，旁边也没有备份。如果别处有副本，请用 unionbook restore 文件 --db 路径 恢复；如果要在这里新建数据库，请先删除这个空文件",
	})
}
