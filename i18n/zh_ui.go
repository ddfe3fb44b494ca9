package i18n

func init() {
	register(ZH, map[string]string{
		"form.none": "（未选择）",
		"form.yes":  "是",
		"form.no":   "否",
		// keys
		"key.quit":          "退出",
		"key.help":          "帮助",
		"key.back":          "返回",
		"key.tabs":          "切换标签页",
		"key.up":            "上移",
		"key.down":          "下移",
		"key.page_up":       "上一页",
		"key.page_down":     "下一页",
		"key.home":          "第一行",
		"key.end":           "最后一行",
		"key.search_done":   "完成搜索",
		"key.search_clear":  "清除搜索",
		"key.search":        "搜索",
		"key.open":          "打开",
		"key.new":           "新增",
		"key.edit":          "修改",
		"key.status":        "会籍变动",
		"key.delete":        "删除",
		"key.sort":          "排序列",
		"key.sort_rev":      "反向排序",
		"key.filter_unit":   "按单位筛选",
		"key.filter_status": "按状态筛选",
		"key.clear_filter":  "清除筛选",
		"key.next_field":    "下一项",
		"key.prev_field":    "上一项",
		"key.save":          "保存",
		"key.toggle":        "切换",
		"key.confirm":       "确定",
		"key.cancel":        "取消",
		"key.unit_members":  "查看本单位会员",
	})
}

func init() {
	register(ZH, map[string]string{
		"picker.hint": "输入名称或拼音首字母",
		"picker.none": "没有符合的选项",
	})
}

func init() {
	register(ZH, map[string]string{
		"stack.discard_confirm":  "这一页有尚未保存的修改，放弃吗？按 y 放弃，其他键继续编辑",
		"key.keep_editing":       "继续编辑",
		"app.confirm_quit":       "有尚未保存的修改，确定退出吗？按 y 退出，其他键继续编辑",
		"app.backup_failed":      "今天的自动备份没有成功：%s。请尽快用 unionbook backup 手动备份",
		"app.starting":           "正在启动工会账簿...",
		"app.help_title":         "帮助：%s",
		"app.help_footer":        "数字键 1-9 或鼠标点击切换标签页；q 退出；按任意键关闭帮助",
		"tab.members":            "会员",
		"tab.units":              "单位",
		"col.member_no":          "编号",
		"col.name":               "姓名",
		"col.gender":             "性别",
		"col.unit":               "单位",
		"col.id_number":          "身份证号",
		"col.phone":              "手机号",
		"col.status":             "状态",
		"col.joined":             "入会日期",
		"col.unit_name":          "单位名称",
		"col.unit_kind":          "类型",
		"col.members":            "会员",
		"col.employees":          "职工",
		"col.chair":              "主席",
		"col.contract":           "合同到期",
		"form.has_problems":      "有 %d 处需要修改，请看标红的提示",
		"problem.whole_number":   "请填写整数",
		"hint.name":              "如：张三",
		"hint.id_number":         "18 位身份证号",
		"hint.date":              "如：2023-05-01",
		"hint.phone":             "11 位手机号",
		"hint.member_no":         "留空则自动编号",
		"hint.reason":            "如：退休、调往外地",
		"hint.to_union":          "转出时必填",
		"hint.unit_name":         "如：XX有限公司工会",
		"hint.credit_code":       "18 位，可不填",
		"hint.unit_phone":        "手机或座机",
		"hint.union_name":        "如：青山镇总工会",
		"hint.higher_union":      "如：XX区总工会",
		"hint.operator":          "记账人姓名",
		"members.search":         "搜索",
		"members.search_hint":    "姓名、拼音首字母、编号、手机、身份证号",
		"members.search_prompt":  "按 / 搜索",
		"members.empty":          "没有符合条件的会员",
		"members.all_units":      "全部单位",
		"members.all_statuses":   "全部",
		"members.in_union":       "在册（在会+保留）",
		"members.count":          "%d / %d 人",
		"members.detail_title":   "%s（会员编号 %s）",
		"members.history":        "会籍变动记录",
		"members.no_history":     "%s 入会，至今无变动",
		"members.confirm_delete": "确定删除会员 %s（%s）吗？删除只用于误录入的记录。按 y 删除，n 取消",
		"members.deleted":        "已删除会员 %s",
		"members.created":        "已新增会员 %s（编号 %s）",
		"members.updated":        "已保存会员 %s（编号 %s）的修改",
		"members.status_changed": "已记录会员 %s（编号 %s）的会籍变动",
		"members.no_transition":  "「%s」状态的会员不能再变动会籍",
		"members.status_title":   "会籍变动：%s（当前：%s）",
		"members.new_title":      "新增会员",
		"members.edit_title":     "修改会员信息",
		"units.search_hint":      "单位名称或拼音首字母",
		"units.search_prompt":    "按 / 搜索，m 查看单位会员",
		"units.empty":            "还没有单位，按 n 新增",
		"units.no_members":       "本单位还没有会员",
		"units.count":            "%d / %d 个单位",
		"units.deleted":          "已删除单位 %s",
		"units.created":          "已新增单位 %s",
		"units.updated":          "已保存单位 %s 的修改",
		"units.staff_counts":     "职工 %d 人，其中女职工 %d 人，农民工 %d 人",
		"units.member_count":     "会员 %d 人",
		"units.confirm_delete":   "确定删除单位 %s 吗？只有没有会员的单位才能删除。按 y 删除，n 取消",
		"units.members_title":    "本单位会员（按 m 在会员页查看）",
		"units.new_title":        "新增单位",
		"units.edit_title":       "修改单位信息",
		"setup.welcome":          "欢迎使用工会账簿",
		"setup.new_db":           "这是一个新的数据库：%s",
		"setup.choice_profile":   "填写本工会信息（名称、代码、上级工会），开始记账",
		"setup.choice_demo":      "载入演示乡镇（80 个单位、7520 名会员），先看看程序能做什么",
		"setup.loading_demo":     "正在生成演示数据，请稍候...",
		"setup.demo_loaded":      "演示数据已载入",
		"setup.profile_intro":    "这些信息会出现在报表的标题上，以后可以修改。",
		"setup.profile_saved":    "已保存本工会信息：%s",
	})
}

// Speed at 300,000 members (issue 18): what shows while the roster is
// read in the background.
func init() {
	register(ZH, map[string]string{
		"members.loading": "正在读取会员名册",
	})
}

func init() {
	register(ZH, map[string]string{
		"overview.col_rate": "收缴率",
		// between the clauses of one line of a member's detail
		"members.clause_sep": "；",
		// a new user's first steps
		"members.no_units_yet": "还没有单位：请先在 8 单位 标签页按 n 新增单位，再回来选择。",
		// the chart's month labels, space-separated, January first
		"overview.months": "1月 2月 3月 4月 5月 6月 7月 8月 9月 10月 11月 12月",
	})
}
