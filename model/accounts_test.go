package model

import "testing"

func TestStandardCharts(t *testing.T) {
	for _, std := range []string{Chart2021, Chart2010} {
		c, ok := StandardChart(std)
		if !ok || c.Source == "" {
			t.Fatalf("%s: %v %q", std, ok, c.Source)
		}
		if ps := c.Validate(); len(ps) > 0 {
			t.Errorf("%s: %v", std, ps)
		}
		for i := 1; i < len(c.Accounts); i++ {
			if c.Accounts[i-1].Code >= c.Accounts[i].Code {
				t.Errorf("%s not in code order at %s", std, c.Accounts[i].Code)
			}
		}
		for _, a := range c.Accounts {
			if a.NameEN == "" {
				t.Errorf("%s %s has no English name", std, a.Code)
			}
		}
		// Every role the program posts to has its account.
		for _, r := range []AccountRole{RoleDues, RoleAllocated, RoleActivities, RoleEducation, RoleSports, RolePublicity,
			RoleOtherActivities, RoleConsolation, RoleHardshipAid, RoleWarmth, RoleAdministrative} {
			if _, ok := c.RoleCode(r); !ok {
				t.Errorf("%s has no account for %s", std, r)
			}
		}
	}
	if _, ok := StandardChart("2099"); ok {
		t.Error("unknown standard accepted")
	}
}

// The codes as the published charts give them.
func TestChartCodes(t *testing.T) {
	for _, c := range []struct {
		std, code, name string
		dir             Direction
	}{
		// 2010: the 收入支出表 (工会02表).
		{Chart2010, "40304", "帮扶补助", In}, {Chart2010, "40305", "送温暖补助", In}, {Chart2010, "40306", "救灾补助", In},
		{Chart2010, "40307", "其他补助", In}, {Chart2010, "50104", "其他活动支出", Out}, {Chart2010, "50206", "其他维权支出", Out},
		{Chart2010, "50305", "其他业务支出", Out}, {Chart2010, "50404", "其他行政支出", Out}, {Chart2010, "50507", "其他资本性支出", Out},
		{Chart2010, "504", "行政支出", Out}, {Chart2010, "507", "事业支出", Out}, {Chart2010, "508", "其他支出", Out},
		// 2021: 财会〔2021〕7号 附录1.
		{Chart2021, "40301", "一般性转移支付补助", In}, {Chart2021, "406", "附属单位上缴收入", In},
		{Chart2021, "50105", "会员活动支出", Out}, {Chart2021, "503", "职工服务支出", Out}, {Chart2021, "50301", "劳动和技能竞赛活动支出", Out},
		{Chart2021, "504", "维权支出", Out}, {Chart2021, "50404", "困难职工帮扶支出", Out}, {Chart2021, "50405", "送温暖支出", Out},
		{Chart2021, "505", "业务支出", Out}, {Chart2021, "507", "资本性支出", Out}, {Chart2021, "508", "补助下级支出", Out},
		{Chart2021, "509", "对附属单位的支出", Out}, {Chart2021, "510", "其他支出", Out},
	} {
		ch, _ := StandardChart(c.std)
		a, ok := ch.Find(c.code)
		if !ok || a.Name != c.name || a.Direction != c.dir {
			t.Errorf("%s %s: %+v %v, want %s", c.std, c.code, a, ok, c.name)
		}
	}
	// The wrong codes the program once gave are in neither chart's place.
	c10, _ := StandardChart(Chart2010)
	for _, old := range []string{"40399", "50199", "50299", "509"} {
		if _, ok := c10.Find(old); ok {
			t.Errorf("2010 chart has %s", old)
		}
	}
	for old, to := range LegacyAccountCodes {
		if _, ok := c10.Find(to); !ok {
			t.Errorf("legacy %s maps to %s, not in the 2010 chart", old, to)
		}
	}
	c21 := DefaultChart()
	if code, _ := c21.RoleCode(RoleWarmth); code != "50405" {
		t.Errorf("2021 warmth %s", code)
	}
	if code, _ := c10.RoleCode(RoleWarmth); code != "50205" {
		t.Errorf("2010 warmth %s", code)
	}
	// 2010 has no member-activity line: consolation falls back to 50104.
	if code, _ := c10.RoleCode(RoleConsolation); code != "50104" {
		t.Errorf("2010 consolation %s", code)
	}
	if c21.Parent("50405") != "504" || c21.Parent("504") != "" || !c21.IsHeading("504") || c21.IsHeading("50405") || c21.Level("50405") != 1 {
		t.Error("Parent/IsHeading/Level")
	}
	if !AccountUnder("50102", "501") || AccountUnder("502", "501") || !AccountUnder("501", "501") || AccountUnder("50102", "50101") {
		t.Error("AccountUnder")
	}
	if (Account{Code: "401", Name: "会费收入", NameEN: "Membership dues"}).Label(true) != "401 Membership dues" {
		t.Error("Label")
	}
}

func TestChartValidate(t *testing.T) {
	base := func() Chart { c := DefaultChart(); return c }
	cases := []struct {
		edit func(c *Chart)
		key  string
	}{
		{func(c *Chart) { c.Accounts = append(c.Accounts, Account{Code: "5011", Name: "x", Direction: Out}) }, "chart.code"},
		{func(c *Chart) { c.Accounts = append(c.Accounts, Account{Code: "50101", Name: "x", Direction: Out}) }, "chart.duplicate"},
		{func(c *Chart) { c.Accounts = append(c.Accounts, Account{Code: "60101", Name: "x", Direction: Out}) }, "chart.no_parent"},
		{func(c *Chart) { c.Accounts = append(c.Accounts, Account{Code: "50107", Name: "x", Direction: In}) }, "chart.parent_direction"},
		{func(c *Chart) { c.Accounts = append(c.Accounts, Account{Code: "50107", Name: "", Direction: Out}) }, "chart.name_missing"},
		{func(c *Chart) {
			c.Accounts = append(c.Accounts, Account{Code: "50107", Name: "一二三四五六七八九十一二三四五六七八九十一", Direction: Out})
		}, "chart.name_long"},
		{func(c *Chart) {
			c.Accounts = append(c.Accounts, Account{Code: "50107", Name: "x", Direction: Out, Role: RoleWarmth})
		}, "chart.role_twice"},
		{func(c *Chart) { c.Accounts = c.Accounts[:3] }, "chart.one_sided"},
		{func(c *Chart) { c.Accounts = nil }, "chart.empty"},
		{func(c *Chart) { c.FromYear = 20 }, "chart.year"},
	}
	for _, tc := range cases {
		c := base()
		tc.edit(&c)
		c.Normalize()
		if ps := c.Validate(); !ps.HasKey(tc.key) {
			t.Errorf("want %s: %v", tc.key, ps)
		}
	}
	// Seven-digit sub-accounts under a five-digit one are fine.
	c := base()
	c.Accounts = append(c.Accounts, Account{Code: "5010501", Name: "生日蛋糕", Direction: Out})
	c.Normalize()
	if ps := c.Validate(); len(ps) > 0 || c.Parent("5010501") != "50105" || c.Level("5010501") != 2 {
		t.Errorf("%v", ps)
	}
}

func TestCustomAccounts(t *testing.T) {
	chart := DefaultChart().Accounts
	good := Account{Code: " 50107 ", Name: " 读书活动 "}
	if ps := ValidateCustomAccount(&good, chart); len(ps) > 0 || good.Code != "50107" || good.Name != "读书活动" || good.Direction != Out {
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
		{Account{Code: "50107", Name: ""}, "account_name", "problem.required"},
		{Account{Code: "50107", Name: "一二三四五六七八九十一二三四五六七八九十一"}, "account_name", "problem.too_long"},
	} {
		if ps := ValidateCustomAccount(&c.a, chart); !ps.Has(c.field, c.key) {
			t.Errorf("%+v: %v", c.a, ps)
		}
	}
	p := DefaultProfile()
	p.UnionName = "青山镇总工会"
	p.CustomAccounts = []Account{{Code: "50107", Name: "读书活动", Direction: Out}}
	ch := DefaultChart().With(p.CustomAccounts)
	if a, ok := ch.Find("50107"); !ok || a.Direction != Out {
		t.Error("custom account not in the chart")
	}
	if ps := p.Validate(); len(ps) > 0 {
		t.Errorf("profile: %v", ps)
	}
	p.CustomAccounts = append(p.CustomAccounts, Account{Code: "50107", Name: "重复"})
	if ps := p.Validate(); !ps.Has("account_code", "account.duplicate") {
		t.Errorf("duplicate custom account: %v", ps)
	}
}
