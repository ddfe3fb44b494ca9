package roster

import (
	"strings"

	"unionbook/i18n"
	"unionbook/model"
)

// Cells of the organisation register: a union's form (village, community,
// area, industry joint union), which rosters often write under 单位类别;
// and the member data items (户籍类型, 就业状况, 技术等级, 职称).

// UnionFormCell reads a union's form: 村级联合工会, 社区联合工会, 区域联合工会,
// 行业联合工会, 联合工会 (another joint union), 单独基层工会.
func UnionFormCell(s string) (model.UnionForm, bool) {
	t := strings.ToLower(strings.ReplaceAll(model.Clean(s), " ", ""))
	switch {
	case t == "":
		return 0, false
	case strings.Contains(t, "村") && strings.Contains(t, "联合"), strings.Contains(t, "village"):
		return model.FormVillage, true
	case strings.Contains(t, "社区") && strings.Contains(t, "联合"), strings.Contains(t, "community"):
		return model.FormCommunity, true
	case strings.Contains(t, "区域") && strings.Contains(t, "联合"), strings.Contains(t, "area"):
		return model.FormArea, true
	case strings.Contains(t, "行业") && strings.Contains(t, "联合"), strings.Contains(t, "industry"):
		return model.FormIndustry, true
	case strings.Contains(t, "联合"), strings.Contains(t, "joint"):
		return model.FormOtherJoint, true
	case strings.Contains(t, "单独"), strings.Contains(t, "独立"), strings.Contains(t, "single"):
		return model.FormSingle, true
	}
	return 0, false
}

// HukouCell reads a household registration: 农业/农村 (rural), 非农业/城镇
// (urban), 农转居, 居民户口.
func HukouCell(s string) (model.HukouType, error) {
	t := strings.ReplaceAll(model.Clean(s), " ", "")
	switch {
	case strings.Contains(t, "农转"):
		return model.HukouConverted, nil
	case strings.Contains(t, "非农"), strings.Contains(t, "城镇"), strings.Contains(t, "城市"), strings.EqualFold(t, "urban"):
		return model.HukouUrban, nil
	case strings.Contains(t, "农业"), strings.Contains(t, "农村"), strings.EqualFold(t, "rural"):
		return model.HukouRural, nil
	case strings.Contains(t, "居民"), strings.EqualFold(t, "resident"):
		return model.HukouResident, nil
	}
	return 0, i18n.E("import.hukou", shortText(s))
}

// codedCell reads a coded item by its catalogue name in either language
// or its standard number.
func codedCell[T ~uint8](s string, values []T, key func(T) string, errKey string) (T, error) {
	t := strings.ToLower(strings.ReplaceAll(model.Clean(s), " ", ""))
	for _, v := range values {
		if t == strings.TrimSuffix(strings.TrimSpace(itoa(int(v))), ".0") {
			return v, nil
		}
		for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
			name := strings.ToLower(strings.ReplaceAll(l.T(key(v)), " ", ""))
			if t == name || (len([]rune(t)) >= 2 && strings.Contains(name, t)) {
				return v, nil
			}
		}
	}
	return 0, i18n.E(errKey, shortText(s))
}

// EmploymentCell reads 就业状况 (在岗, 待岗, 失业, 退休 … or the code 1–9).
func EmploymentCell(s string) (model.EmploymentStatus, error) {
	if t := model.Clean(s); t == "下岗" || t == "待岗" || t == "下岗待岗" {
		return model.EmployedLaidOff, nil
	}
	return codedCell(s, model.EmploymentStatuses, model.EmploymentStatus.Key, "import.employment")
}

// SkillCell reads 技术等级 (一级/高级技师 … 五级/初级工, or 1–5).
func SkillCell(s string) (model.SkillLevel, error) {
	t := model.Clean(s)
	for i, names := range [][]string{{"一级", "高级技师"}, {"二级", "技师"}, {"三级", "高级工"}, {"四级", "中级工"}, {"五级", "初级工"}} {
		for _, n := range names {
			if t == n {
				return model.SkillLevels[i], nil
			}
		}
	}
	return codedCell(s, model.SkillLevels, model.SkillLevel.Key, "import.skill")
}

// TitleCell reads a professional title's grade (初级, 中级, 副高级, 正高级).
func TitleCell(s string) (model.TitleLevel, error) {
	switch t := model.Clean(s); t {
	case "副高", "副高职":
		return 3, nil
	case "正高", "正高职":
		return 4, nil
	}
	return codedCell(s, model.TitleLevels, model.TitleLevel.Key, "import.title")
}

func itoa(n int) string {
	const digits = "0123456789"
	if n < 10 {
		return digits[n : n+1]
	}
	return itoa(n/10) + digits[n%10:n%10+1]
}
