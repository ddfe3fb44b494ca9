package i18n

// The roster import (roster/): rows that are not data, near matches of
// unit names, landline numbers, the problems report kept as the user's own
// workbook.

func init() {
	register(ZH, map[string]string{
		"import.skip_blank":       "未导入：必填列都为空",
		"import.skip_header":      "未导入：重复的表头",
		"import.skip_example":     "未导入：模板的示例行",
		"import.skip_hint":        "未导入：模板的填写提示",
		"import.skip_footer":      "未导入：合计、签字或日期行",
		"import.skip_note":        "未导入：说明文字",
		"import.skip_blank_n":     "必填列都为空 %d 行",
		"import.skip_header_n":    "重复的表头 %d 行",
		"import.skip_example_n":   "模板示例 %d 行",
		"import.skip_hint_n":      "填写提示 %d 行",
		"import.skip_footer_n":    "合计、签字或日期 %d 行",
		"import.skip_note_n":      "说明 %d 行",
		"import.ignored_rows_why": "跳过 %d 行不是数据的行：%s",
		"import.report_is_source": "问题清单不能写到要导入的表本身（%s）：请换一个文件名",
		// unit names that nearly match a registered unit
		"import.match_core":         "去掉地名、公司类型和「工会」等字样后名称相同",
		"import.match_part":         "表中写的是已登记名称的一部分",
		"import.match_more":         "表中的名称包含已登记的名称",
		"import.unit_near_database": "数据库中已有相近的单位「%s」（%s）；如果不是同一个单位，请拒绝这个对应",
		"import.unit_matches":       "%d 个单位名按相近的名称对应到已登记的单位：",
		"import.unit_match":         "「%s」→「%s」（%s，%d 行）",
		"import.unit_match_refused": "「%s」不对应「%s」（已拒绝，%d 行）",
		"import.unit_matches_hint":  "不是同一个单位的，加 --exact-units 只按完全相同的名称对应",
		"cli.flag.exact_units":      "单位只按与数据库中完全相同的名称对应，不按相近的名称（如「宏达机械」对应「厦门宏达机械有限公司工会」）",
		// a member's phone
		"phone.two_numbers":     "一格只能填一个电话号码",
		"phone.bad_char":        "电话号码里不能有「%s」，只能有数字、空格、短横线和括号",
		"phone.mobile_length":   "手机号应为 11 位数字，这里是 %d 位",
		"phone.mobile_prefix":   "没有以 %s 开头的手机号（手机号以 13 到 19 开头）",
		"phone.area_code":       "区号「%s」不对：区号是 0 开头、第二位不是 0 的 3 到 4 位数字，如 0592",
		"phone.landline_length": "座机号在区号后面应有 7 或 8 位，这里是 %d 位",
		"phone.landline_digits": "座机号连区号应为 10 到 12 位，这里是 %d 位；请写成 0592-5201083 这样",
		"phone.no_area_code":    "座机号缺少区号：请写成 0592-5201083 这样",
	})
}
