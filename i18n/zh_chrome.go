package i18n

// The app's frame (header, tab bar, footer, help) and the keys every
// screen shares.
func init() {
	register(ZH, map[string]string{
		"chrome.help_footer": "数字键 %s 或鼠标点击切换标签页；q 退出；按任意键关闭帮助",
		"key.choice_prev":    "上一个选项",
		"key.choice_next":    "下一个选项",
	})
}
