package model

import "testing"

func TestStandardChart(t *testing.T) {
	chart := StandardChart()
	for i := 1; i < len(chart); i++ {
		if chart[i-1].Code >= chart[i].Code {
			t.Errorf("chart not in code order at %s", chart[i].Code)
		}
	}
	for _, c := range []struct {
		code, name string
		dir        Direction
	}{
		{"401", "会费收入", In}, {"408", "其他收入", In}, {"40304", "送温暖补助", In},
		{"50101", "教育", Out}, {"50204", "困难职工帮扶费", Out}, {"50205", "送温暖费", Out}, {"50299", "其他", Out},
		{"506", "补助下级支出", Out}, {AccountOtherExpense, "其他支出", Out},
	} {
		a, ok := FindAccount(chart, c.code)
		if !ok || a.Name != c.name || a.Direction != c.dir || a.NameEN == "" {
			t.Errorf("%s: %+v %v", c.code, a, ok)
		}
		if IsSubAccount(c.code) {
			if _, ok := FindAccount(chart, ParentCode(c.code)); !ok {
				t.Errorf("%s has no parent", c.code)
			}
		}
	}
	for _, code := range []string{AccountDues, AccountActivities, AccountHardshipAid, AccountWarmth} {
		if _, ok := FindAccount(chart, code); !ok {
			t.Errorf("posting account %s missing", code)
		}
	}
	if !AccountUnder("50102", "501") || AccountUnder("502", "501") || !AccountUnder("501", "501") || AccountUnder("50102", "50101") {
		t.Error("AccountUnder")
	}
	if (Account{Code: "401", Name: "会费收入", NameEN: "Membership dues"}).Label(true) != "401 Membership dues" {
		t.Error("Label")
	}
}

func TestCustomAccounts(t *testing.T) {
	chart := StandardChart()
	good := Account{Code: " 50104 ", Name: " 读书活动 "}
	if ps := ValidateCustomAccount(&good, chart); len(ps) > 0 || good.Code != "50104" || good.Name != "读书活动" || good.Direction != Out {
		t.Errorf("%+v %v", good, ps)
	}
	for _, c := range []struct {
		a          Account
		field, key string
	}{
		{Account{Code: "", Name: "x"}, "account_code", "problem.required"},
		{Account{Code: "5010", Name: "x"}, "account_code", "account.sub_code"},
		{Account{Code: "5a104", Name: "x"}, "account_code", "account.sub_code"},
		{Account{Code: "60101", Name: "x"}, "account_code", "account.no_parent"},
		{Account{Code: "50101", Name: "x"}, "account_code", "account.duplicate"},
		{Account{Code: "50104", Name: ""}, "account_name", "problem.required"},
		{Account{Code: "50104", Name: "一二三四五六七八九十一二三四五六七八九十一"}, "account_name", "problem.too_long"},
	} {
		if ps := ValidateCustomAccount(&c.a, chart); !ps.Has(c.field, c.key) {
			t.Errorf("%+v: %v", c.a, ps)
		}
	}
	p := DefaultProfile()
	p.UnionName = "青山镇总工会"
	p.CustomAccounts = []Account{{Code: "50104", Name: "读书活动", Direction: Out}}
	ch := p.Chart()
	if a, ok := FindAccount(ch, "50104"); !ok || a.Direction != Out {
		t.Error("custom account not in the chart")
	}
	if ps := p.Validate(); len(ps) > 0 {
		t.Errorf("profile: %v", ps)
	}
	p.CustomAccounts = append(p.CustomAccounts, Account{Code: "50104", Name: "重复"})
	if ps := p.Validate(); !ps.Has("account_code", "account.duplicate") {
		t.Errorf("duplicate custom account: %v", ps)
	}
}
