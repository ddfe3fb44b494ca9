package model

import "testing"

func TestParseChartSheet(t *testing.T) {
	rows := [][]string{
		{"青山镇总工会会计科目表"},
		{"科目编号", "科目名称", "上级科目", "收支方向"},
		{"401", "会费收入", "", "收入"},
		{"501", "职工活动支出", "", "支出"},
		{"50105", "会员活动支出", "501", "支出"},
		{"5010501", "生日慰问", "50105", ""}, // side from the code
		{"", ""},
		{"504", "维权支出", "", "支出"},
		{"50405", "送温暖支出", "504", "支出"},
	}
	nums := []int{1, 2, 3, 4, 5, 6, 7, 8, 9}
	c, err := ParseChartSheet(rows, nums)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Accounts) != 6 || c.Standard != ChartOwn {
		t.Fatalf("%+v", c)
	}
	if ps := c.Validate(); len(ps) > 0 {
		t.Errorf("valid sheet: %v", ps)
	}
	// Accounts named as in the published charts keep what the program posts there.
	if code, ok := c.RoleCode(RoleWarmth); !ok || code != "50405" {
		t.Errorf("warmth %s %v", code, ok)
	}
	if code, _ := c.RoleCode(RoleConsolation); code != "50105" {
		t.Errorf("consolation %s", code)
	}
	if a, _ := c.Find("5010501"); a.Direction != Out || c.Parent("5010501") != "50105" {
		t.Errorf("7-digit account %+v", a)
	}
	if c.Find("50105"); !c.IsHeading("50105") {
		t.Error("50105 is a heading now")
	}

	// English headers; a bad side and a parent that is not the code's start.
	bad := [][]string{
		{"Code", "Name", "Parent", "Side"},
		{"401", "Dues", "", "sideways"},
		{"50101", "Education", "502", "out"},
	}
	_, err = ParseChartSheet(bad, []int{1, 2, 3})
	ps, _ := err.(Problems)
	if !ps.Has("chart", "chart.sheet_direction") || !ps.Has("chart", "chart.sheet_parent") {
		t.Errorf("bad sheet: %v", err)
	}
	if ps[0].Args[0] != 2 {
		t.Errorf("row number %v", ps[0].Args)
	}
	// No header at all.
	if _, err := ParseChartSheet([][]string{{"x", "y"}}, []int{1}); err == nil {
		t.Error("a sheet without a header was read")
	}
}
