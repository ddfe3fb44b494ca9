package roster

import (
	"testing"

	"unionbook/demo"
	"unionbook/i18n"
	"unionbook/model"
)

func demoMembers(n int) (model.Profile, []model.Unit, []model.Member) {
	return demo.GenerateAt(1, 3, n, testToday)
}

func TestDateCell(t *testing.T) {
	for _, c := range []struct {
		in        string
		want      model.Date
		monthOnly bool
	}{
		{"45047", 20230501, false},
		{"45047.0", 20230501, false},
		{"2023/5/1", 20230501, false},
		{"2023-05-01", 20230501, false},
		{"2023.5.1", 20230501, false},
		{"2023年5月1日", 20230501, false},
		{"２０２３年５月１日", 20230501, false},
		{"20230501", 20230501, false},
		{"202305", 20230501, true},
		{"2023-05", 20230501, true},
		{"2023年5月", 20230501, true},
		{"2023/5/1 0:00", 20230501, false},
		{"\u00a02023-05-01 ", 20230501, false},
		{"32874", 19900101, false},
	} {
		d, mo, err := DateCell(c.in, false)
		if err != nil || d != c.want || mo != c.monthOnly {
			t.Errorf("%q: %v %v %v", c.in, d, mo, err)
		}
	}
	if d, _, err := DateCell("43586", true); err != nil || d != 20230502 {
		t.Errorf("1904 system: %v %v", d, err)
	}
	for _, bad := range []string{"1990", "2023-02-30", "5/1/23", "abc", "99999999", "-1"} {
		if _, _, err := DateCell(bad, false); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestSmallParsers(t *testing.T) {
	for in, want := range map[string]model.Gender{"男": model.Male, "F": model.Female, " ｍ ": model.Male, "female": model.Female} {
		if g, err := GenderCell(in); err != nil || g != want {
			t.Errorf("gender %q: %v %v", in, g, err)
		}
	}
	if _, err := GenderCell("未知"); err == nil {
		t.Error("未知 gender accepted")
	}
	for in, want := range map[string]bool{"是": true, "否": false, "农业户口": true, "城镇": false, "√": true, "Y": true, "０": false} {
		if b, err := YesNoCell(in); err != nil || b != want {
			t.Errorf("yes/no %q: %v %v", in, b, err)
		}
	}
	for in, want := range map[string]int{"120": 120, "120人": 120, "1,200": 1200, "１２": 12, "30.0": 30} {
		if n, err := IntCell(in); err != nil || n != want {
			t.Errorf("int %q: %v %v", in, n, err)
		}
	}
	if _, err := PhoneCell("1.38001E+10"); err == nil {
		t.Error("phone in E notation accepted")
	}
	if p, err := PhoneCell("１３８ ００１３ ８０００"); err != nil || p != "13800138000" {
		t.Errorf("full-width phone %q %v", p, err)
	}
	if k, err := UnitKindCell("民营企业"); err != nil || k != 170 {
		t.Errorf("kind %v %v", k, err)
	}
	if k, err := UnitKindCell("170"); err != nil || k != 170 {
		t.Errorf("kind %v %v", k, err)
	}
}

func TestIDNeverGuessed(t *testing.T) {
	for in, key := range map[string]string{
		"1.10101E+17":          "id.excel_float",
		"1.10101199003078E+17": "id.excel_float",
		"110101199003078000":   "id.excel_rounded",
	} {
		_, err := IDCell(in)
		if err == nil || !hasKey(err, key) {
			t.Errorf("%q: %v", in, err)
		}
	}
}

func hasKey(err error, key string) bool {
	type keyed interface{ Error() string }
	e, ok := err.(interface{ Localize(int) string })
	_ = e
	_ = ok
	return err != nil && (func() bool {
		ie, ok := err.(interface{ Is(error) bool })
		return ok && ie.Is(newKeyErr(key))
	})()
}

func newKeyErr(key string) error { return i18nE(key) }

// A member's phone may be a landline; what is wrong is said exactly.
func TestPhoneCellLandlinesAndExactProblems(t *testing.T) {
	for in, want := range map[string]string{
		"0592-5201083": "0592-5201083", "(0592)5201083": "0592-5201083", "0592 520 1083": "05925201083",
		"05925201083": "05925201083", "0592-5201083转801": "0592-5201083-801", "13905920001.0": "13905920001",
		"+86 139 0592 0001": "13905920001",
	} {
		if got, err := PhoneCell(in); err != nil || got != want {
			t.Errorf("%q: %q %v, want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		"1390592000":               "手机号应为 11 位数字，这里是 10 位",
		"139059200011":             "手机号应为 11 位数字，这里是 12 位",
		"12905920001":              "没有以 129 开头的手机号（手机号以 13 到 19 开头）",
		"5201083":                  "座机号缺少区号：请写成 0592-5201083 这样",
		"0592-520108":              "座机号在区号后面应有 7 或 8 位，这里是 6 位",
		"05-5201083":               "区号「05」不对：区号是 0 开头、第二位不是 0 的 3 到 4 位数字，如 0592",
		"059252010":                "座机号连区号应为 10 到 12 位，这里是 9 位；请写成 0592-5201083 这样",
		"1390592000l":              "电话号码里不能有「l」，只能有数字、空格、短横线和括号",
		"13905920001/0592-5201083": "一格只能填一个电话号码",
		"13905920001、13905920002":  "一格只能填一个电话号码",
		"1.39059E+10":              "Excel 把手机号变成了科学计数法，后几位已丢失；请把这一列设为文本格式后重新输入",
	} {
		_, err := PhoneCell(in)
		if got := i18n.Text(err, i18n.ZH); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
