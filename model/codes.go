package model

import (
	"slices"
	"strconv"
)

// Gender of a member.
type Gender uint8

const (
	GenderUnknown Gender = iota
	Male
	Female
)

// Key is the catalogue key of the gender's name.
func (g Gender) Key() string {
	switch g {
	case Male:
		return "gender.male"
	case Female:
		return "gender.female"
	}
	return "gender.unknown"
}

// ParseGender reads 男/女/M/F/male/female.
func ParseGender(s string) (Gender, bool) {
	switch Clean(s) {
	case "男", "M", "m", "male", "Male", "MALE", "男性", "1":
		return Male, true
	case "女", "F", "f", "female", "Female", "FEMALE", "女性", "2":
		return Female, true
	}
	return GenderUnknown, false
}

// DocType is the kind of identity document of a member.
type DocType uint8

const (
	DocResidentID       DocType = iota // 居民身份证 (and HK/Macau/Taiwan residence permits)
	DocPassport                        // 护照
	DocHKMacauPass                     // 港澳居民来往内地通行证
	DocTaiwanPass                      // 台湾居民来往大陆通行证
	DocForeignPermanent                // 外国人永久居留身份证
	DocOther                           // 其他
)

// DocTypes lists every document type in display order.
var DocTypes = []DocType{DocResidentID, DocPassport, DocHKMacauPass, DocTaiwanPass, DocForeignPermanent, DocOther}

// Key is the catalogue key of the document type's name.
func (d DocType) Key() string {
	return [...]string{"doc.resident", "doc.passport", "doc.hkmacau", "doc.taiwan", "doc.foreign", "doc.other"}[min(int(d), 5)]
}

// Ethnicities are the 56 official ethnic group names, 汉族 first.
var Ethnicities = []string{
	"汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
	"满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
	"佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
	"达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
	"塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
	"独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
}

// NormalizeEthnicity accepts "汉" for "汉族".
func NormalizeEthnicity(s string) (string, bool) {
	t := CleanName(s)
	if slices.Contains(Ethnicities, t) {
		return t, true
	}
	if slices.Contains(Ethnicities, t+"族") {
		return t + "族", true
	}
	return t, false
}

// Educations are the usual education levels, lowest first.
var Educations = []string{"小学", "初中", "高中/中专", "大专", "本科", "硕士", "博士"}

// PoliticalStatuses are the usual 政治面貌 values.
var PoliticalStatuses = []string{"中共党员", "中共预备党员", "共青团员", "民主党派", "群众"}

// UnitKind is the employer's economic type (单位类别) as the 工会组织信息登记表
// codes it (docs/rules.md); 0 when not given: a joint union covers
// employers of several types, and a unit made from a roster's unit name
// has none yet.
type UnitKind uint16

// UnitKinds lists the codes of the registration form in its order
// (工会组织信息登记表 填表说明; docs/rules.md S5).
var UnitKinds = []UnitKind{110, 120, 130, 140, 151, 159, 161, 169, 170, 190, 200, 300, 400, 500, 600, 700}

// UnitKindLegacyOther is the code 900 ("other: village, community") that
// earlier versions invented; the "organisation register" migration moves
// such units to a joint union's form without an economic type.
const UnitKindLegacyOther UnitKind = 900

// Key is the catalogue key of the kind's name.
func (k UnitKind) Key() string {
	if k == 0 {
		return "unit_kind.none"
	}
	if slices.Contains(UnitKinds, k) {
		return "unit_kind." + strconv.Itoa(int(k))
	}
	return "unit_kind.unknown"
}

// IsEnterprise reports whether the kind is an enterprise (codes 110–300).
func (k UnitKind) IsEnterprise() bool { return k >= 110 && k <= 300 }

// UnionType tells a single grassroots union from a joint one (联合基层工会).
type UnionType uint8

const (
	UnionSingle UnionType = iota // 单独基层工会
	UnionJoint                   // 联合基层工会 (村级联合工会, 行业联合工会)
)

// Key is the catalogue key of the union type's name.
func (t UnionType) Key() string {
	if t == UnionJoint {
		return "union_type.joint"
	}
	return "union_type.single"
}
