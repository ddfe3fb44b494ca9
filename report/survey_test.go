package report

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/officetest"
)

// The survey of the hand-counted township: the checks that fail and the
// figures, counted by hand.
func TestSurveyChecksAndFigures(t *testing.T) {
	st := handStore(t)
	s, err := BuildSurvey(st, 2026, i18n.ZH, model.DateOf(summaryNow))
	must(t, err)
	if s.From != 20251001 || s.To != 20260930 || s.AsOf != 20260715 {
		t.Errorf("span %v..%v as of %v", s.From, s.To, s.AsOf)
	}
	// 宏达: 张一 and 王二 (赵四 left, 钱五 transferred out); 重庆村: 李三.
	got := map[string][3]int{}
	for _, r := range s.Rows {
		got[r.Unit.Name] = [3]int{r.Members, r.WomenMembers, r.MigrantMembers}
	}
	if got["宏达机械厂工会"] != [3]int{2, 1, 0} || got["重庆村联合工会"] != [3]int{1, 1, 1} {
		t.Errorf("rows %v", got)
	}
	if len(s.Rows) < 2 || s.Rows[0].Unit.Name != "重庆村联合工会" { // chóngqìng before hóngdá, as every list of units
		t.Errorf("the rows are not in pinyin order: %v first", s.Rows[0].Unit.Name)
	}
	if s.Total.Members != 3 || s.Total.WomenMembers != 2 || s.Total.Unit.Employees != 15 {
		t.Errorf("total %+v", s.Total)
	}
	var ps []string
	for _, p := range s.Problems {
		ps = append(ps, p.Unit+"|"+p.Item+"|"+p.Text)
	}
	want := []string{
		"宏达机械厂工会|职代会|建立了职代会但未填职工代表人数", // the register's items
		"重庆村联合工会|组织类型|联合工会未填覆盖的单位数",
		"宏达机械厂工会|集体合同|集体合同已于 2025-12-31 到期，未续签",
		"重庆村联合工会|女会员人数|女会员 1 人多于女职工 0 人",
		"重庆村联合工会|农民工会员人数|农民工会员 1 人多于农民工 0 人",
	}
	slices.Sort(ps)
	slices.Sort(want)
	if !slices.Equal(ps, want) {
		t.Errorf("problems\n%v\nwant\n%v", strings.Join(ps, "\n"), strings.Join(want, "\n"))
	}
	if _, err := BuildSurvey(st, 2027, i18n.ZH, model.DateOf(summaryNow)); err == nil {
		t.Error("a survey year not begun was accepted")
	}
}

// LibreOffice opens the workbook: the failed checks first, then the survey
// with its total.
func TestSurveyOpensInLibreOffice(t *testing.T) {
	officetest.Need(t)
	st := handStore(t)
	path := filepath.Join(t.TempDir(), SurveyFileName("青山镇总工会", 2026, i18n.ZH))
	_, err := WriteSurveyFile(st, 2026, i18n.ZH, model.DateOf(summaryNow), path)
	must(t, err)
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("written: %v %v", fi, err)
	}
	checks := officetest.Convert(t, path, "csv:Text - txt - csv (StarCalc):44,34,76,1", ".csv")
	if !strings.Contains(checks, "逻辑审核：5 处不通过") || !strings.Contains(checks, "女会员 1 人多于女职工 0 人") {
		t.Errorf("the checks sheet:\n%s", checks)
	}
	all := officetest.ConvertSheets(t, path)
	survey := all[i18n.ZH.T("survey.s_survey")]
	for _, want := range []string{"重庆村联合工会", "村级联合工会", "合计（2 个基层工会）,,,,15,4,0,3,2,1,20"} {
		if !strings.Contains(survey, want) {
			t.Errorf("the survey sheet lacks %q:\n%s", want, survey)
		}
	}
}
