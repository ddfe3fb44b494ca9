package i18n

// The Members tab.
func init() {
	register(ZH, map[string]string{
		"members.filter_behind_form": "已按单位筛选会员名册；前面还有未保存的表单，保存或按 esc 放弃后即可看到",
	})
}
