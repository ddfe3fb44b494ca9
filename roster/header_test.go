package roster

import (
	"testing"

	"unionbook/i18n"
)

func i18nE(key string) error { return i18n.E(key) }

func TestMatchHeader(t *testing.T) {
	for in, want := range map[string]Field{
		"姓名": FName, "名字": FName, "Name": FName, " 姓　名 ": FName, "姓名*": FName, "姓名（必填）": FName,
		"身份证号": FIDNumber, "身份证号码": FIDNumber, "公民身份号码": FIDNumber, "证件号码": FIDNumber, "ID number": FIDNumber,
		"ＩＤ　Ｎｕｍｂｅｒ": FIDNumber, "性别": FGender, "出生日期": FBirth, "民族": FEthnicity,
		"手机": FPhone, "手机号": FPhone, "联系电话": FPhone, "工作单位": FUnit, "单位": FUnit, "所在单位": FUnit,
		"入会时间": FJoinDate, "入会日期": FJoinDate, "会员证号": FMemberNo, "学历": FEducation, "政治面貌": FPolitical,
		"户籍类型": FHukou, "是否农民工": FMigrant, "姓名/Name": FName, "Join date": FJoinDate,
	} {
		if f, ok := MatchHeader(Members, in); !ok || f != want {
			t.Errorf("%q → %q %v, want %q", in, f, ok, want)
		}
	}
	if f, ok := MatchHeader(Units, "联系电话"); !ok || f != FUnitPhone {
		t.Errorf("units 联系电话 → %q", f)
	}
	if _, ok := MatchHeader(Members, "籍贯"); ok {
		t.Error("籍贯 matched")
	}
}

func TestFindHeaderUnderTitles(t *testing.T) {
	tab, _ := ReadCSV([]byte("XX镇工会会员花名册,,,\n,,,\n填报单位：XX,,,\n序号,姓名,身份证号,入会时间\n1,张三,350303199002033073,2020-01-01\n"))
	h := FindHeader(tab, Members)
	if h.Row != 4 || h.Fields[1] != FName || h.Fields[0] != "" || len(h.Unknown) != 0 {
		t.Errorf("%+v", h)
	}
}
