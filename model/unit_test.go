package model

import (
	"reflect"
	"strings"
	"testing"

	"unionbook/i18n"
)

func validUnit() Unit {
	return Unit{
		Name: "福州某某机械有限公司工会", CreditCode: "91350100M000100Y43", Kind: 170,
		Employees: 120, Women: 40, MigrantWorkers: 60, Chair: "王五", Phone: "0591-87654321",
		ContractSigned: 20220101, ContractExpires: 20241231, WorkersCongress: true,
	}
}

func TestUnitValidate(t *testing.T) {
	u := validUnit()
	if ps := u.Validate(today); len(ps) != 0 {
		t.Fatalf("valid unit: %v", keysOf(ps))
	}
	cases := []struct {
		name  string
		edit  func(*Unit)
		field string
		key   string
	}{
		{"name required", func(u *Unit) { u.Name = "" }, "unit_name", "problem.required"},
		{"name too long", func(u *Unit) { u.Name = strings.Repeat("工", 61) }, "unit_name", "problem.too_long"},
		{"credit checksum", func(u *Unit) { u.CreditCode = "911100001000013428" }, "credit_code", "credit.checksum"},
		{"credit chars", func(u *Unit) { u.CreditCode = "91350100O000100Y43" }, "credit_code", "credit.chars"},
		{"credit length", func(u *Unit) { u.CreditCode = "9135" }, "credit_code", "credit.length"},
		{"legacy kind 900", func(u *Unit) { u.Kind = 900 }, "unit_kind", "problem.not_in_list"},
		{"kind unknown code", func(u *Unit) { u.Kind = 150 }, "unit_kind", "problem.not_in_list"},
		{"union type", func(u *Unit) { u.UnionType = 5 }, "union_type", "problem.not_in_list"},
		{"unit status", func(u *Unit) { u.Status = 5 }, "unit_status", "problem.not_in_list"},
		{"employees negative", func(u *Unit) { u.Employees, u.Women, u.MigrantWorkers = -1, 0, 0 }, "employees", "problem.negative"},
		{"women negative", func(u *Unit) { u.Women = -1 }, "women", "problem.negative"},
		{"women more than employees", func(u *Unit) { u.Women = 121 }, "women", "unit.more_than_employees"},
		{"migrants negative", func(u *Unit) { u.MigrantWorkers = -1 }, "migrant_workers", "problem.negative"},
		{"migrants more than employees", func(u *Unit) { u.MigrantWorkers = 121 }, "migrant_workers", "unit.more_than_employees"},
		{"phone", func(u *Unit) { u.Phone = "87654321" }, "unit_phone", "phone.any"},
		{"signed impossible", func(u *Unit) { u.ContractSigned, u.ContractExpires = 20230230, 0 }, "contract_signed", "date.impossible"},
		{"signed in future", func(u *Unit) { u.ContractSigned, u.ContractExpires = today+1, 20301231 }, "contract_signed", "problem.future"},
		{"expires before signed", func(u *Unit) { u.ContractExpires = 20211231 }, "contract_expires", "unit.expires_before_signed"},
		{"expires on signing day", func(u *Unit) { u.ContractExpires = u.ContractSigned }, "contract_expires", "unit.expires_before_signed"},
		{"expires impossible", func(u *Unit) { u.ContractExpires = 20240230 }, "contract_expires", "date.impossible"},
		{"expires without signed", func(u *Unit) { u.ContractSigned = 0 }, "contract_signed", "problem.required"},
	}
	for _, c := range cases {
		u := validUnit()
		c.edit(&u)
		ps := u.Validate(today)
		if !ps.Has(c.field, c.key) || len(ps) != 1 {
			t.Errorf("%s: want only %s/%s, got %v", c.name, c.field, c.key, keysOf(ps))
		}
		for _, p := range ps {
			noRawKeys(t, p.Localize(i18n.ZH))
			noRawKeys(t, p.Localize(i18n.EN))
		}
	}
	ok := []func(*Unit){
		func(u *Unit) { u.CreditCode = "" },
		func(u *Unit) { u.Phone = "" },
		func(u *Unit) { u.Phone = "13812345678" },
		func(u *Unit) { u.Women, u.MigrantWorkers = 120, 120 },
		func(u *Unit) { u.Employees, u.Women, u.MigrantWorkers = 0, 0, 0 },
		func(u *Unit) { u.ContractSigned, u.ContractExpires = 0, 0 },
		func(u *Unit) { u.ContractExpires = 0 },           // open-ended
		func(u *Unit) { u.Kind, u.Form = 0, FormVillage }, // a joint union has no single economic type
		func(u *Unit) { u.Kind = 0 },                      // not given yet
		func(u *Unit) { u.Status = UnitDissolved },
		func(u *Unit) { u.Name = strings.Repeat("工", 60) },
	}
	for i, edit := range ok {
		u := validUnit()
		edit(&u)
		if ps := u.Validate(today); len(ps) != 0 {
			t.Errorf("ok case %d: %v", i, keysOf(ps))
		}
	}

	all := Unit{Kind: 1, Employees: 10, Women: 11, MigrantWorkers: -2, CreditCode: "911100001000013428", ContractExpires: 20250101}
	ps := all.Validate(today)
	for _, w := range [][2]string{{"unit_name", "problem.required"}, {"unit_kind", "problem.not_in_list"}, {"women", "unit.more_than_employees"}, {"migrant_workers", "problem.negative"}, {"credit_code", "credit.checksum"}, {"contract_signed", "problem.required"}} {
		if !ps.Has(w[0], w[1]) {
			t.Errorf("missing %s/%s in %v", w[0], w[1], keysOf(ps))
		}
	}
	if got := ps.Localize(i18n.ZH); !strings.Contains(got, "女职工人数：不能多于职工总数") || !strings.Contains(got, "统一社会信用代码：统一社会信用代码校验位不对") {
		t.Errorf("zh:\n%s", got)
	}
}

func TestUnitNormalize(t *testing.T) {
	u := Unit{
		Name: " 福州 某某机械（集团）有限公司 工会 ", CreditCode: " 91350100m000100y43 ", Chair: "王 五",
		Phone: "(0591) 8765 4321", Address: " 福州市鼓楼区１号（东门） ", Notes: "  已签合同。 ",
	}
	u.Normalize()
	want := Unit{Name: "福州某某机械(集团)有限公司工会", CreditCode: "91350100M000100Y43", Chair: "王五",
		Phone: "0591-87654321", Address: "福州市鼓楼区1号（东门）", Notes: "已签合同。", Form: FormSingle}
	if !reflect.DeepEqual(u, want) {
		t.Errorf("Normalize:\n got %+v\nwant %+v", u, want)
	}
	bad := Unit{CreditCode: " 9135 ", Phone: " 123 "}
	bad.Normalize()
	if bad.CreditCode != "9135" || bad.Phone != "123" {
		t.Errorf("bad values dropped: %+v", bad)
	}
}

func TestContractInForce(t *testing.T) {
	u := validUnit() // 2022-01-01 to 2024-12-31
	for d, want := range map[Date]bool{20211231: false, 20220101: true, 20240615: true, 20241231: true, 20250101: false} {
		if got := u.ContractInForce(d); got != want {
			t.Errorf("ContractInForce(%s) = %v", d, got)
		}
	}
	u.ContractExpires = 0
	if !u.ContractInForce(20990101) {
		t.Error("open-ended contract")
	}
	if (&Unit{}).ContractInForce(20240101) {
		t.Error("no contract")
	}
}

func TestProfile(t *testing.T) {
	p := DefaultProfile()
	if p.DuesRateBP != 50 {
		t.Errorf("default dues rate %d bp, want 50 (0.5%%)", p.DuesRateBP)
	}
	p.UnionName = " 某某镇 总工会 "
	p.Operator = " 李 四 "
	p.Code = " ８１３５ ０１０２ ｍｃ０１ ２３４５ ０ａ " // a union's credit code, full-width, spaced
	p.Normalize()
	if p.UnionName != "某某镇总工会" || p.Operator != "李四" || p.Code != "81350102MC0123450A" {
		t.Errorf("Normalize: %+v", p)
	}
	if ps := p.Validate(); len(ps) != 0 {
		t.Errorf("valid profile: %v", keysOf(ps))
	}
	cases := []struct {
		edit       func(*Profile)
		field, key string
	}{
		{func(p *Profile) { p.UnionName = "" }, "union_name", "problem.required"},
		{func(p *Profile) { p.UnionName = strings.Repeat("工", 61) }, "union_name", "problem.too_long"},
		{func(p *Profile) { p.Code = strings.Repeat("1", 31) }, "union_code", "credit.length"},
		{func(p *Profile) { p.Code = "91350100M000100Y43" }, "union_code", "profile.union_code_kind"},
		{func(p *Profile) { p.DuesRateBP = -1 }, "dues_rate", "profile.dues_rate"},
		{func(p *Profile) { p.DuesRateBP = 1001 }, "dues_rate", "profile.dues_rate"},
		{func(p *Profile) { p.MinLiving = -1 }, "min_living", "problem.negative"},
	}
	for _, c := range cases {
		q := p
		c.edit(&q)
		ps := q.Validate()
		if !ps.Has(c.field, c.key) || len(ps) != 1 {
			t.Errorf("want only %s/%s, got %v", c.field, c.key, keysOf(ps))
		}
	}
	q := p
	q.DuesRateBP = 2000
	if got := q.Validate().Localize(i18n.ZH); got != "会费比例：会费比例应在 0 到 10% 之间" {
		t.Errorf("zh: %q", got)
	}
	for _, bp := range []int{0, 1000} {
		q.DuesRateBP = bp
		if ps := q.Validate(); len(ps) != 0 {
			t.Errorf("rate %d: %v", bp, keysOf(ps))
		}
	}
}
