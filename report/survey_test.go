package report

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/officetest"
	"unionbook/storage"
)

// The survey of the hand-counted township (handStore): the rows, totals,
// organising rates and the checks that fail, counted by hand; the totals
// are what stats reports for the same day.
func TestSurveyChecksAndFigures(t *testing.T) {
	st := handStore(t)
	s, err := BuildSurvey(st, 2026, i18n.ZH, model.DateOf(summaryNow))
	must(t, err)
	if s.From != 20251001 || s.To != 20260930 || s.AsOf != 20260715 {
		t.Errorf("span %v..%v as of %v", s.From, s.To, s.AsOf)
	}
	// 宏达: 张一 and 王二 (赵四 left, 钱五 transferred out); 重庆村 (formed
	// 2025-11-01): 李三.
	got := map[string][3]int{}
	for _, r := range s.Rows {
		got[r.Unit.Name] = [3]int{r.Members, r.WomenMembers, r.MigrantMembers}
	}
	if len(got) != 2 || got["宏达机械厂工会"] != [3]int{2, 1, 0} || got["重庆村联合工会"] != [3]int{1, 1, 1} {
		t.Errorf("rows %v", got)
	}
	if s.Rows[0].Unit.Name != "重庆村联合工会" { // chóngqìng before hóngdá, as every list of units
		t.Errorf("the rows are not in pinyin order: %v first", s.Rows[0].Unit.Name)
	}
	want := model.SurveyTotals{Units: 2, JointUnits: 1, Employees: 15, WomenEmployees: 4, Members: 3, WomenMembers: 2, MigrantMembers: 1,
		// women's and audit committees (宏达), mediation (重庆村)
		Committees:      map[string]int{"women": 1, "audit": 1, "law_watch": 0, "mediation": 1, "protection": 0},
		WorkersCongress: 1, OpenAffairs: 1,
		Contracts: 1, ContractCovered: 5, // 重庆村's; 宏达's expired at the end of 2025
		WageAgreements: 1, ModelHomes: 1, StaffFull: 1, StaffPart: 2,
		CoveredEmployers: 1, CoveredMembers: 1, // a joint union counts one employer until it says how many
		ElectionsDue: 1, // 宏达, elected 2021-06-01 for five years
	}
	if !reflect.DeepEqual(s.Total, want) {
		t.Errorf("totals\n%+v\nwant\n%+v", s.Total, want)
	}
	stats, err := st.OrgStats(s.AsOf)
	must(t, err)
	if !reflect.DeepEqual(s.Total, stats.Survey) {
		t.Errorf("totals\n%+v\nstats\n%+v", s.Total, stats.Survey)
	}
	// 建会率: 宏达 and 重庆村 against 旺达 and 金桥 (新光 moved away in
	// February); 入会率: 3 members of 15 employees; 重庆村 formed in the year.
	r := s.Rates
	if r.EmployersOrganised != 2 || r.EmployersUnorganised != 2 || r.UnionRateBP != 5000 || r.MembershipRateBP != 2000 || r.Formed != 1 {
		t.Errorf("rates %+v", r)
	}
	if len(s.Unorganised) != 2 {
		t.Errorf("unorganised %v", s.Unorganised)
	}
	var ps []string
	for _, p := range s.Problems {
		ps = append(ps, p.Unit+"|"+p.Item+"|"+p.Text)
	}
	wantPs := []string{
		"宏达机械厂工会|职代会|建立了职代会但未填职工代表人数",
		"宏达机械厂工会|集体合同|已于 2025-12-31 到期，未续签",
		"宏达机械厂工会|工资集体协议|有效，但未填覆盖职工人数",
		"重庆村联合工会|901 统计代码|未填统计代码",
		"重庆村联合工会|903 区划代码|未填区划代码",
		"重庆村联合工会|女会员人数|女会员 1 人多于女职工 0 人",
		"重庆村联合工会|农民工会员人数|农民工会员 1 人多于农民工 0 人",
		"重庆村联合工会|组织类型|联合工会未填覆盖的单位数",
	}
	slices.Sort(ps)
	slices.Sort(wantPs)
	if !slices.Equal(ps, wantPs) {
		t.Errorf("problems\n%v\nwant\n%v", strings.Join(ps, "\n"), strings.Join(wantPs, "\n"))
	}
	if _, err := BuildSurvey(st, 2027, i18n.ZH, model.DateOf(summaryNow)); err == nil {
		t.Error("a survey year not begun was accepted")
	}
}

// The checks the register's own validation keeps out of a record typed in
// (more delegates or covered employees than employees, a region code that
// is not one, a contract signed after the survey's day, members in a
// dissolved unit) still catch a record that came in another way (an old
// package, a database from before the rules).
func TestSurveyChecksWhatValidationMisses(t *testing.T) {
	u := model.Unit{ID: 1, Name: "甲厂工会", Employees: 10, Women: 3, StatCode: "1", RegionCode: "999999",
		WorkersCongress: true, CongressDelegates: 12, CongressWomen: 13,
		ContractSigned: 20260801, ContractExpires: 20290731, ContractCovered: 11,
		WageSigned: 20250101, WageExpires: 20271231, WageCovered: 20,
		WomenSigned: 20240101}
	gone := model.Unit{ID: 2, Name: "乙厂工会", Status: model.UnitDissolved, DissolvedOn: 20260101}
	d := storage.OrgData{Profile: model.DefaultProfile(), Units: []model.Unit{u, gone}, Members: []model.Member{
		{ID: 1, UnitID: 1, Gender: model.Female, JoinDate: 20200101, Status: model.StatusActive},
		{ID: 2, UnitID: 2, JoinDate: 20200101, Status: model.StatusActive},
	}}
	s := &Survey{Year: 2026, From: 20251001, To: 20260930, AsOf: 20260715}
	s.Rows = model.Survey(d.Units, model.MemberCounts(d.Members, s.AsOf), s.AsOf, d.Profile.OrgRules())
	var ps []string
	for _, p := range surveyChecks(s, d, i18n.ZH) {
		ps = append(ps, p.Unit+"|"+p.Item+"|"+p.Text)
	}
	wantPs := []string{
		"甲厂工会|903 区划代码|区划代码「999999」不对（GB/T 2260，6 位或 12 位数字）",
		"甲厂工会|职代会|职工代表 12 人多于职工 10 人",
		"甲厂工会|职代会|女代表 13 人多于职工代表 12 人",
		"甲厂工会|集体合同|签订日期 2026-08-01 晚于调查时点 2026-07-15",
		"甲厂工会|工资集体协议|覆盖职工 20 人多于职工 10 人",
		"甲厂工会|女职工专项集体合同|2024-01-01 签订，未填到期日期",
		"乙厂工会|会员人数|1 名在会会员属于已撤销的单位，不计入调查表：请转到现有单位",
	}
	slices.Sort(ps)
	slices.Sort(wantPs)
	if !slices.Equal(ps, wantPs) {
		t.Errorf("problems\n%v\nwant\n%v", strings.Join(ps, "\n"), strings.Join(wantPs, "\n"))
	}
}

// LibreOffice opens the workbook: the failed checks first, then the survey
// with its total.
func TestSurveyOpensInLibreOffice(t *testing.T) {
	t.Parallel() // LibreOffice with a profile of its own
	officetest.Need(t)
	st := handStore(t)
	path := filepath.Join(t.TempDir(), SurveyFileName("青山镇总工会", 2026, i18n.ZH))
	_, err := WriteSurveyFile(st, 2026, i18n.ZH, model.DateOf(summaryNow), path)
	must(t, err)
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("written: %v %v", fi, err)
	}
	all := officetest.ConvertSheets(t, path) // one start of LibreOffice: it costs seconds
	checks := all[i18n.ZH.T("survey.s_checks")]
	if !strings.Contains(checks, "逻辑审核：8 处不通过") || !strings.Contains(checks, "女会员 1 人多于女职工 0 人") {
		t.Errorf("the checks sheet:\n%s", checks)
	}
	survey := all[i18n.ZH.T("survey.s_survey")]
	for _, want := range []string{"重庆村联合工会", "村级联合工会", "350102001,宏达机械厂工会,350102,1,单独基层工会",
		"合计（2 个基层工会）,,,,,,,15,4,0,3,2,1,20"} {
		if !strings.Contains(survey, want) {
			t.Errorf("the survey sheet lacks %q:\n%s", want, survey)
		}
	}
	organising := all[i18n.ZH.T("survey.s_organising")]
	for _, want := range []string{"建会率 50.00%（已建会单位 2 个 / 单位总数 4 个）", "入会率 20.00%（会员 3 人 / 已建会单位职工 15 人）",
		"旺达食品厂,,30,2025-03-01,跟进中,2026-04-10", "金桥物流公司", "未建会单位 2 个,,42"} {
		if !strings.Contains(organising, want) {
			t.Errorf("the organising sheet lacks %q:\n%s", want, organising)
		}
	}
	if strings.Contains(organising, "新光电子厂") {
		t.Errorf("an employer gone before the survey's day is listed:\n%s", organising)
	}
}
