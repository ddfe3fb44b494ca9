package roster

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"unionbook/i18n"
	"unionbook/model"
)

// Cell parsers: what a roster cell may hold after Excel, WPS or a CSV export
// had their way with it. Each returns the value or an *i18n.Error naming what
// is wrong; none guesses.

// The first and last serial numbers taken as Excel dates: 1 January 1910 and
// 31 December 9999. Rosters hold dates from about 1920 on; a smaller number
// is more likely a year (1990) than a date, and is not guessed.
const (
	minSerial = 3654
	maxSerial = 2958465
)

var (
	reSerial   = regexp.MustCompile(`^\d{1,5}(\.\d+)?$`)
	reYYYYMM   = regexp.MustCompile(`^(\d{4})(\d{2})$`)
	reNumberEx = regexp.MustCompile(`^-?\d+([.,]\d+)?[eE][+-]?\d+$`)
)

// clean is model.Clean, without its cost (a buffer allocated per call)
// for what roster cells mostly hold: printable ASCII and the common CJK
// ideographs, which Clean leaves as they are but for trimming spaces.
// Anything else goes through model.Clean.
func clean(s string) string {
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b < 0x20 || b == 0x7f {
				return model.Clean(s)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < 0x4E00 || r > 0x9FFF {
			return model.Clean(s)
		}
		i += n
	}
	return strings.Trim(s, " ")
}

// digits reports whether s is all ASCII digits (and not empty).
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// serialDate converts an Excel serial day number to a date. Excel believes
// 1900 was a leap year (day 60 is "29 February 1900"), so for every day it
// accepts here (from 1910 on) the epoch is 1899-12-30. In the 1904 date
// system (old Mac workbooks) day 0 is 1904-01-01.
func serialDate(serial float64, date1904 bool) (model.Date, bool) {
	days := int(math.Floor(serial))
	if date1904 {
		if days < minSerial-1462 || days > maxSerial-1462 {
			return 0, false
		}
		return model.DateOf(time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, days)), true
	}
	if days < minSerial || days > maxSerial {
		return 0, false
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	return model.DateOf(base.AddDate(0, 0, days)), true
}

// DateCell reads a date as rosters hold it: 2023-05-01, 2023/5/1, 2023.5.1,
// 2023年5月1日, 20230501, an Excel serial number (45047), and a month alone
// (202305, 2023-05, 2023年5月), which gives the first of the month with
// monthOnly set. A bare number other than yyyymm or yyyymmdd is a serial
// when it falls between 1910 and 9999; anything else is an error.
func DateCell(s string, date1904 bool) (d model.Date, monthOnly bool, err error) {
	t := clean(s)
	if t == "" {
		return 0, false, i18n.E("date.empty")
	}
	// the usual forms, without the regular expressions: 2023-05-01 and a
	// serial number (anything else, or a date that does not exist, takes
	// the long way)
	switch {
	case len(t) == 10 && t[4] == '-' && t[7] == '-' && digits(t[:4]) && digits(t[5:7]) && digits(t[8:]):
		y, _ := strconv.Atoi(t[:4])
		mo, _ := strconv.Atoi(t[5:7])
		dd, _ := strconv.Atoi(t[8:])
		if d := model.Date(y*10000 + mo*100 + dd); d.Valid() {
			return d, false, nil
		}
	case len(t) <= 5 && digits(t):
		n, _ := strconv.Atoi(t)
		if d, ok := serialDate(float64(n), date1904); ok {
			return d, false, nil
		}
	}
	// a date or a month alone, as model reads every date field
	if d, monthOnly, err := model.ParseDateOrMonth(t); err == nil {
		return d, monthOnly, nil
	} else if e, ok := err.(*i18n.Error); ok && e.Key == "date.impossible" {
		return 0, false, err
	}
	if reSerial.MatchString(t) {
		if f, err := strconv.ParseFloat(t, 64); err == nil {
			if d, ok := serialDate(f, date1904); ok {
				return d, false, nil
			}
		}
	}
	return 0, false, i18n.E("import.date_format", shortText(s))
}

// GenderCell reads 男/女/M/F/male/female.
func GenderCell(s string) (model.Gender, error) {
	switch clean(s) {
	case "男":
		return model.Male, nil
	case "女":
		return model.Female, nil
	}
	if g, ok := model.ParseGender(s); ok {
		return g, nil
	}
	switch strings.ToLower(model.Clean(s)) {
	case "男士", "先生":
		return model.Male, nil
	case "女士":
		return model.Female, nil
	}
	return model.GenderUnknown, i18n.E("import.gender", shortText(s))
}

// YesNoCell reads a yes/no cell: 是/否, Y/N, √/×, 1/0, and for the migrant
// worker flag what a household-registration column holds (农业/农村户口 is
// yes, 非农业/城镇户口 is no, 农民工/非农民工).
func YesNoCell(s string) (bool, error) {
	t := strings.ToLower(strings.ReplaceAll(clean(s), " ", ""))
	switch t {
	case "是", "y", "yes", "true", "1", "√", "✓", "✔", "有", "已建立", "已建", "已实行", "已签订",
		"农民工", "是农民工", "农业", "农业户口", "农村", "农村户口", "农业户籍", "农村户籍":
		return true, nil
	case "否", "n", "no", "false", "0", "×", "✗", "✘", "x", "无", "没有", "未建立", "未建", "未实行", "未签订",
		"非农民工", "不是", "非农业", "非农业户口", "非农", "城镇", "城镇户口", "城市", "城市户口", "居民户口", "非农业户籍", "城镇户籍":
		return false, nil
	}
	return false, i18n.E("import.yes_no", shortText(s))
}

// IntCell reads a whole number: "120", "120人", "1,200", "120.0".
func IntCell(s string) (int, error) {
	t := strings.ReplaceAll(model.Clean(s), ",", "")
	t = strings.TrimSpace(strings.TrimRight(t, "人名个"))
	if n, err := strconv.Atoi(t); err == nil {
		return n, nil
	}
	if f, err := strconv.ParseFloat(t, 64); err == nil && f == math.Trunc(f) && math.Abs(f) < 1e9 && !reNumberEx.MatchString(t) {
		return int(f), nil
	}
	return 0, i18n.E("import.number", shortText(s))
}

// IDCell reads a resident ID number cell. Excel's damage (1.10101E+17, or
// the last digits rounded to zeros) comes back as model's id.excel_* errors;
// the number is never guessed.
func IDCell(s string) (string, error) { return model.NormalizeResidentID(s) }

// PhoneCell reads a member's phone: a mobile number, or a landline with
// its area code (0592-5201083, (0592)5201083, 0592-5201083转801). One
// Excel turned into scientific notation (1.38001E+10) is named as such;
// anything else wrong is named exactly: the digits a mobile number lacks,
// a landline without its area code, a letter, two numbers in one cell.
func PhoneCell(s string) (string, error) {
	t := clean(s)
	if len(t) == 11 && t[0] == '1' && t[1] >= '3' && digits(t) {
		return t, nil // what NormalizeMobile would return
	}
	if reNumberEx.MatchString(t) {
		return "", i18n.E("import.phone_excel")
	}
	// A number cell read raw: 13800138000 is fine, 13800138000.0 is not a
	// phone number but what some exporters write for it.
	t = strings.TrimSuffix(t, ".0")
	t = phoneExtension.Replace(t)
	if p, err := model.NormalizePhone(t); err == nil {
		return p, nil
	}
	return "", phoneProblem(model.Clean(t))
}

// phoneExtension writes an extension as a dash: 0592-5201083转801.
var phoneExtension = strings.NewReplacer("转", "-", "分机", "-", "ext.", "-", "ext", "-", "EXT", "-")

var (
	rePhoneSplit = regexp.MustCompile(`[/、,，;；]|\s+或\s*|\s{2,}`)
	rePhoneGroup = regexp.MustCompile(`\d+`)
)

// phoneProblem says what is wrong with a phone number that is neither a
// mobile nor a landline number.
func phoneProblem(t string) error {
	if parts := rePhoneSplit.Split(t, -1); len(parts) > 1 {
		long := 0
		for _, p := range parts {
			if len(strings.Join(rePhoneGroup.FindAllString(p, -1), "")) >= 7 {
				long++
			}
		}
		if long > 1 {
			return i18n.E("phone.two_numbers")
		}
	}
	for _, r := range t {
		if !(r >= '0' && r <= '9' || strings.ContainsRune(" -()+", r)) {
			return i18n.E("phone.bad_char", string(r))
		}
	}
	groups := rePhoneGroup.FindAllString(strings.TrimPrefix(strings.TrimPrefix(t, "+86"), "0086"), -1)
	all := strings.Join(groups, "")
	switch {
	case all == "":
		return i18n.E("phone.any")
	case all[0] == '1' && len(all) != 11:
		return i18n.E("phone.mobile_length", len(all))
	case all[0] == '1':
		return i18n.E("phone.mobile_prefix", all[:3])
	case all[0] == '0' && len(groups) > 1 && (len(groups[0]) < 3 || len(groups[0]) > 4 || groups[0][1] == '0'):
		return i18n.E("phone.area_code", groups[0])
	case all[0] == '0' && len(all) > 1 && all[1] == '0':
		return i18n.E("phone.area_code", all[:min(4, len(all))])
	case all[0] == '0' && len(groups) > 1:
		return i18n.E("phone.landline_length", len(strings.Join(groups[1:], "")))
	case all[0] == '0':
		return i18n.E("phone.landline_digits", len(all))
	case len(all) == 7 || len(all) == 8:
		return i18n.E("phone.no_area_code")
	}
	return i18n.E("phone.any")
}

// educationAliases maps what rosters write to the usual levels.
var educationAliases = map[string]string{
	"小学及以下": "小学", "文盲": "小学", "半文盲": "小学",
	"初中及以下": "初中",
	"高中":    "高中/中专", "中专": "高中/中专", "高中及中专": "高中/中专", "中专/高中": "高中/中专",
	"职高": "高中/中专", "技校": "高中/中专", "中技": "高中/中专", "高中、中专": "高中/中专", "中等专科": "高中/中专",
	"高中（中专）": "高中/中专", "高中(中专)": "高中/中专", "中专（高中）": "高中/中专", "中专(高中)": "高中/中专",
	"大学专科": "大专", "专科": "大专", "高职": "大专", "大专及以上": "大专",
	"大学本科": "本科", "大学": "本科", "学士": "本科",
	"硕士研究生": "硕士", "研究生": "硕士", "硕士研究生及以上": "硕士",
	"博士研究生": "博士",
}

// EducationCell maps an education level to the usual list.
func EducationCell(s string) (string, error) {
	t := clean(s)
	t = strings.ReplaceAll(t, " ", "")
	for _, e := range model.Educations {
		if t == e {
			return e, nil
		}
	}
	if e, ok := educationAliases[t]; ok {
		return e, nil
	}
	return "", i18n.E("import.education", shortText(s))
}

var politicalAliases = map[string]string{
	"党员": "中共党员", "共产党员": "中共党员", "中国共产党党员": "中共党员",
	"预备党员": "中共预备党员", "中国共产党预备党员": "中共预备党员",
	"团员": "共青团员", "共青团": "共青团员", "中国共产主义青年团团员": "共青团员",
	"民革": "民主党派", "民盟": "民主党派", "民建": "民主党派", "民进": "民主党派",
	"农工党": "民主党派", "致公党": "民主党派", "九三学社": "民主党派", "台盟": "民主党派",
	"民革党员": "民主党派", "民盟盟员": "民主党派", "民建会员": "民主党派", "民进会员": "民主党派",
	"农工党党员": "民主党派", "致公党党员": "民主党派", "九三学社社员": "民主党派", "台盟盟员": "民主党派",
	"普通群众": "群众",
}

// PoliticalCell maps a political status to the usual list.
func PoliticalCell(s string) (string, error) {
	t := strings.ReplaceAll(clean(s), " ", "")
	for _, p := range model.PoliticalStatuses {
		if t == p {
			return p, nil
		}
	}
	if p, ok := politicalAliases[t]; ok {
		return p, nil
	}
	return "", i18n.E("import.political", shortText(s))
}

// StatusCell reads a membership status in either language.
func StatusCell(s string) (model.Status, error) {
	t := strings.ToLower(strings.ReplaceAll(clean(s), " ", ""))
	for _, st := range model.Statuses {
		for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
			if t == strings.ToLower(strings.ReplaceAll(l.T(st.Key()), " ", "")) {
				return st, nil
			}
		}
	}
	switch t {
	case "正常", "在职", "在册", "会员":
		return model.StatusActive, nil
	case "保留", "退休":
		return model.StatusRetained, nil
	case "转会", "调出", "已转出":
		return model.StatusTransferred, nil
	case "已退会":
		return model.StatusLeft, nil
	case "开除", "已除名":
		return model.StatusExpelled, nil
	case "死亡", "已故", "已去世":
		return model.StatusDeceased, nil
	}
	return 0, i18n.E("import.status", shortText(s))
}

var unitKindAliases = map[string]model.UnitKind{
	"国企": 110, "国有": 110, "国有控股企业": 110, "集体": 120, "私营": 170, "民营企业": 170, "民营": 170,
	"私企": 170, "非公企业": 170, "非公有制企业": 170, "港澳台企业": 200, "港澳台商投资企业": 200,
	"外资企业": 300, "外企": 300, "外商投资": 300, "事业": 400, "机关单位": 500, "党政机关": 500,
	"个体": 600, "个体工商户": 600, "民办非企业": 700, "其他企业": 190, "其他内资企业": 190,
	// not an economic type: the joint unions of villages and communities
	"社会组织": 0, "村": 0, "社区": 0, "村委会": 0, "居委会": 0, "其他": 0,
}

// UnitKindCell reads a unit kind: its code (170) or its name in either
// language.
func UnitKindCell(s string) (model.UnitKind, error) {
	t := strings.ReplaceAll(model.Clean(s), " ", "")
	if n, err := strconv.Atoi(strings.TrimSuffix(t, ".0")); err == nil {
		for _, k := range model.UnitKinds {
			if int(k) == n {
				return k, nil
			}
		}
	}
	lt := strings.ToLower(t)
	for _, k := range model.UnitKinds {
		for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
			if lt == strings.ToLower(strings.ReplaceAll(l.T(k.Key()), " ", "")) {
				return k, nil
			}
		}
	}
	if k, ok := unitKindAliases[t]; ok {
		return k, nil
	}
	return 0, i18n.E("import.unit_kind", shortText(s))
}

// UnionTypeCell reads 单独/联合 (基层工会).
func UnionTypeCell(s string) (model.UnionType, error) {
	t := strings.ToLower(model.Clean(s))
	switch {
	case strings.Contains(t, "联合"), strings.Contains(t, "joint"):
		return model.UnionJoint, nil
	case strings.Contains(t, "单独"), strings.Contains(t, "独立"), strings.Contains(t, "single"):
		return model.UnionSingle, nil
	}
	return 0, i18n.E("import.union_type", shortText(s))
}

// shortText is a cell's text for a message: cleaned, at most 30 characters.
func shortText(s string) string {
	t := []rune(model.Clean(s))
	if len(t) > 30 {
		return string(t[:29]) + "…"
	}
	return string(t)
}
