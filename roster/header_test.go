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

// The column names of public union, HR and enterprise templates, and
// their bilingual 中文_field headers.
func TestTemplateHeaderNames(t *testing.T) {
	for in, want := range map[string]Field{
		"用工公司": FUnit, "企业名称": FUnit, "所属企业/工会": FUnit, "用工公司_company": FUnit,
		"职位": FJob, "岗位名称": FJob, "岗位名称_position_name": FJob,
		"城镇/农村": FHukou, "户籍属性": FHukou, "户籍属性_hometown_type": FHukou,
		"会员证书编号": FMemberNo, "工会会员号": FMemberNo,
		"姓名_real_name": FName, "姓名[冗余]_real_name": FName, "身份证号_id_card_no": FIDNumber, "证件编号": FIDNumber,
		"联系方式_phone": FPhone, "出生年月_birth_date": FBirth,
	} {
		if f, ok := MatchHeader(Members, in); !ok || f != want {
			t.Errorf("%q → %q %v, want %q", in, f, ok, want)
		}
	}
	for in, want := range map[string]Field{
		"企业性质": FUnitKind, "员工总人数": FEmployees, "营业执照注册号": FCreditCode, "注册地址": FAddress, "企业名称": FUnitName,
	} {
		if f, ok := MatchHeader(Units, in); !ok || f != want {
			t.Errorf("units %q → %q %v, want %q", in, f, ok, want)
		}
	}
	// a bare ID, 序号 or 编号 is a row number, never the ID number
	for _, in := range []string{"ID", "id", "序号", "编号", "No."} {
		if f, _ := MatchHeader(Members, in); f == FIDNumber {
			t.Errorf("%q is taken as the ID number", in)
		}
	}
	if _, ok := MatchHeader(Members, "籍贯_native_place"); ok {
		t.Error("籍贯_native_place matched")
	}
}
