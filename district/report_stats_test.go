package district

import (
	"encoding/json"
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
)

// The survey items of the package, in its statistics workbook and its
// summary figures, agree with a hand count of a small township.
func TestSurveyItemsAgreeWithAHandCount(t *testing.T) {
	st := emptyStore(t)
	op := "测试员"
	p := model.DefaultProfile()
	p.UnionName = "青山镇总工会"
	if err := st.SaveProfile(op, p); err != nil {
		t.Fatal(err)
	}
	factory := model.Unit{Name: "宏达机械工会", Kind: 170, Form: model.FormSingle, Employees: 100, Women: 40, MigrantWorkers: 30,
		FormedOn: 20100101, Committees: []model.Committee{{Kind: model.CommitteeWomen}, {Kind: model.CommitteeAudit, Formed: 20200101}},
		WorkersCongress: true, CongressDelegates: 20, CongressWomen: 8, OpenAffairs: true,
		ContractSigned: 20240101, ContractExpires: 20261231, ContractCovered: 95,
		WageSigned: 20260101, WageExpires: 20261231, WageCovered: 90, WageRaiseBP: 400,
		HomeLevel: model.HomeCity, HomeYear: 2023, Bookhouse: true, StaffFull: 1, StaffPart: 4, ElectedOn: 20210801}
	village := model.Unit{Name: "东岭村联合工会", Form: model.FormVillage, Employees: 60, Women: 25, CoveredEmployers: 7,
		Committees:  []model.Committee{{Kind: model.CommitteeMediation, Formed: 20260710}}, // after the period
		WomenSigned: 20250301, WomenExpires: 20280228, StaffPart: 2, ElectedOn: 20240101}
	gone := model.Unit{Name: "已撤销工会", Kind: 170, Employees: 10, Status: model.UnitDissolved, DissolvedOn: 20260301}
	for _, u := range []*model.Unit{&factory, &village, &gone} {
		if err := st.CreateUnit(op, u); err != nil {
			t.Fatal(err)
		}
	}
	for _, m := range []model.Member{
		{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", UnitID: factory.ID, JoinDate: 20150301},
		{Name: "李红", Gender: model.Female, IDNumber: "500154199804106120", UnitID: factory.ID, JoinDate: 20180301, Hukou: model.HukouRural},
		{Name: "王五", Gender: model.Male, IDNumber: "430302199312194239", UnitID: village.ID, JoinDate: 20200101},
		{Name: "赵六", Gender: model.Male, IDNumber: "350303199002033073", UnitID: gone.ID, JoinDate: 20200101},
		{Name: "钱七", Gender: model.Male, IDNumber: "440308199901101512", UnitID: factory.ID, JoinDate: 20260705}, // after the period
	} {
		if err := st.CreateMember(op, &m); err != nil {
			t.Fatal(err)
		}
	}
	// Two unorganised employers registered; one formed its union in May.
	for i, e := range []model.Employer{{Name: "鑫源物流", Employees: 40, Registered: 20250601}, {Name: "万家超市", Employees: 20, Registered: 20251101}} {
		if err := st.CreateEmployer(op, &e); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			u := model.UnitFromEmployer(&e, 20260510)
			u.Kind = 170
			if _, err := st.EmployerFormed(op, e.ID, &u); err != nil {
				t.Fatal(err)
			}
		}
	}
	// By hand, on 2026-06-30: organised are the factory, the village union
	// and 鑫源物流工会 (the dissolved one is gone): 3 units, 1 joint.
	// Employees 100 + 60 + 40 = 200; women 40 + 25 = 65; migrant 30.
	// Members then: 张三, 李红 (factory), 王五 (village) = 3; women 1;
	// migrant 1 (李红's rural registration).
	// Committees: women 1, audit 1, mediation 0 (set up in July).
	// Congress 1, delegates 20 (8 women); open affairs 1; collective
	// contract 1 (95 covered); wage agreement 1 (90); women's contract 1.
	// 职工之家 1, 书屋 1; staff 1 full-time, 4 + 2 part-time.
	// Joint: 7 employers, 1 member. 换届 due: the factory's term ends
	// 2026-08-01, within 90 days of 06-30: 1.
	// 建会率: organised employers 1 + 7 + 1 = 9; unorganised 万家超市 = 1: 90.00%.
	// 入会率: 3 members of 200 employees: 1.50%.
	res := writePkg(t, st, "2026-H1", func(o *PackageOptions) { o.Lang = i18n.ZH })
	files := zipFiles(t, res.Path)
	var sum Summary
	if err := json.Unmarshal(files["summary.json"], &sum); err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{"units": 3, "joint_units": 1, "employees": 200, "women_employees": 65, "migrant_workers": 30,
		"members": 3, "women_members": 1, "migrant_members": 1, "committee_women": 1, "committee_audit": 1, "committee_mediation": 0,
		"workers_congress": 1, "congress_delegates": 20, "congress_women_delegates": 8, "open_affairs": 1,
		"collective_contracts": 1, "contract_employees": 95, "wage_agreements": 1, "wage_agreement_employees": 90,
		"women_special_contracts": 1, "model_workers_homes": 1, "workers_libraries": 1, "staff_full_time": 1, "staff_part_time": 6,
		"joint_covered_employers": 7, "joint_covered_members": 1, "elections_due": 1,
		"employers_organised": 9, "employers_registered": 10, "union_rate": 9000, "rate_members": 3, "rate_employees": 200,
		"membership_rate": 150}
	got := map[string]int64{}
	for _, f := range sum.Reports["stats"] {
		got[f.Key] = f.Value
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("figure %s = %d, hand count %d", k, got[k], v)
		}
	}
	// The workbook: a row per organised union, the totals row, and the rates sheet.
	var book []byte
	for name, b := range files {
		if strings.HasPrefix(name, "reports/") && strings.Contains(name, i18n.ZH.T("export.r_stats")) {
			book = b
		}
	}
	text, _ := xlsxCSV(t, book)
	for _, s := range []string{"宏达机械工会", "东岭村联合工会", "鑫源物流工会", "村级联合工会", "市级模范职工之家", "90.00%", "1.50%"} {
		if !strings.Contains(text, s) {
			t.Errorf("the statistics workbook lacks %q:\n%s", s, text)
		}
	}
	if strings.Contains(text, "已撤销工会") {
		t.Errorf("a union dissolved before the period's end is in the survey")
	}
}

// A package of the year still running counts the survey items on the day
// it is written, as stats, the Units tab and the survey do that day, and
// as its own rates sheet: not on the year's last day, which has not come
// (a contract that expires in the autumn was dropped, a 换届 due by then
// counted, members as they are today kept).
func TestSurveyItemsOfTheRunningYearAreOfToday(t *testing.T) {
	st := emptyStore(t)
	op := "测试员"
	p := model.DefaultProfile()
	p.UnionName = "青山镇总工会"
	if err := st.SaveProfile(op, p); err != nil {
		t.Fatal(err)
	}
	u := model.Unit{Name: "宏达机械工会", Kind: 170, Form: model.FormSingle, Employees: 100, FormedOn: 20100101,
		ContractSigned: 20240101, ContractExpires: 20260930, ContractCovered: 95, // in force on 2026-07-15, not on 12-31
		ElectedOn: 20211215} // term ends 2026-12-15: due within 90 days of 12-31, not of 07-15
	if err := st.CreateUnit(op, &u); err != nil {
		t.Fatal(err)
	}
	m := model.Member{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", UnitID: u.ID, JoinDate: 20150301}
	if err := st.CreateMember(op, &m); err != nil {
		t.Fatal(err)
	}
	today := model.DateOf(pkgNow)
	want, err := st.OrgStats(today)
	if err != nil {
		t.Fatal(err)
	}
	if want.Survey.Contracts != 1 || want.Survey.ElectionsDue != 0 {
		t.Fatalf("stats on %s: %+v", today, want.Survey)
	}
	res := writePkg(t, st, "2026", nil)
	var sum Summary
	if err := json.Unmarshal(zipFiles(t, res.Path)["summary.json"], &sum); err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, f := range sum.Reports["stats"] {
		got[f.Key] = f.Value
	}
	if got["collective_contracts"] != 1 || got["contract_employees"] != 95 || got["elections_due"] != 0 {
		t.Errorf("the package of 2026 written on %s: contracts %d covering %d, elections due %d; stats that day: 1 covering 95, 0",
			today, got["collective_contracts"], got["contract_employees"], got["elections_due"])
	}
}
