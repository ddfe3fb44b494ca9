package model

import (
	"strings"
	"testing"

	"unionbook/i18n"
)

func rules850() HardshipRules {
	p := Profile{MinLiving: Yuan(850)}
	return p.HardshipRules()
}

// The example: a laid-off household at 500 yuan a person against a
// 低保 of 850 is 深度困难 by the income test alone, with no illness,
// disability or schooling cause (earlier versions said 相对困难).
func TestDeepHardshipFollowsTheIncomeTestAlone(t *testing.T) {
	f := HardshipFile{HouseholdSize: 2, MainCause: CauseLaidOff, YearlyIncome: Yuan(12000)} // 500 a person a month
	got := SuggestCategory(&f, rules850())
	if got.Category != CategoryDeep {
		t.Fatalf("laid-off household at 500 against 850: %+v", got)
	}
	if txt := got.Text(i18n.ZH); !strings.Contains(txt, "850.00") || !strings.Contains(txt, "只看收入") {
		t.Errorf("reason: %q", txt)
	}
}

func TestSuggestionLines(t *testing.T) {
	r := rules850() // lines 850, 1,700, 2,550
	perCapita := func(yuan int64, causes ...HardshipCause) HardshipFile {
		f := HardshipFile{HouseholdSize: 1, MainCause: CauseOther, YearlyIncome: Yuan(yuan * 12)}
		if len(causes) > 0 {
			f.MainCause, f.OtherCauses = causes[0], causes[1:]
		}
		return f
	}
	cases := []struct {
		name string
		f    HardshipFile
		cat  HardshipCategory
		key  string
	}{
		{"at the deep line", perCapita(850), CategoryDeep, "hardship.suggest_deep"},
		{"just above it", perCapita(851), CategoryRelative, "hardship.suggest_relative"},
		{"at the relative line", perCapita(1700), CategoryRelative, "hardship.suggest_relative"},
		{"above it, no sudden cause", perCapita(1701), 0, "hardship.suggest_above"},
		{"serious illness, within 3 × 低保", perCapita(2500, CauseSeriousIllness), CategorySudden, "hardship.suggest_sudden"},
		{"illness as a secondary cause", perCapita(2550, CauseOther, CauseSeriousIllness), CategorySudden, "hardship.suggest_sudden"},
		{"accident above the sudden line", perCapita(2551, CauseAccident), 0, "hardship.suggest_sudden_above"},
		{"disaster", perCapita(2000, CauseDisaster), CategorySudden, "hardship.suggest_sudden"},
	}
	for _, c := range cases {
		got := SuggestCategory(&c.f, r)
		if got.Category != c.cat || got.Key != c.key {
			t.Errorf("%s: got %+v, want %d %s", c.name, got, c.cat, c.key)
		}
		for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
			if txt := got.Text(l); strings.Contains(txt, "%!") {
				t.Errorf("%s: %q", c.name, txt)
			}
		}
	}
}

// An exclusion stops a suggestion, whatever the income, and says why.
func TestExclusionStopsTheSuggestion(t *testing.T) {
	f := HardshipFile{HouseholdSize: 3, MainCause: CauseSeriousIllness, YearlyIncome: Yuan(6000),
		Exclusions: []HardshipExclusion{ExcludeVehicle}}
	got := SuggestCategory(&f, rules850())
	if got.Category != 0 || got.Key != "hardship.suggest_excluded" {
		t.Fatalf("excluded household: %+v", got)
	}
	if txt := got.Text(i18n.ZH); !strings.Contains(txt, "机动车") {
		t.Errorf("the reason should name the exclusion: %q", txt)
	}
	if txt := got.Text(i18n.EN); !strings.Contains(txt, "motor vehicle") {
		t.Errorf("en: %q", txt)
	}
}

// The sudden line is a setting: at 200% a household at 2,000 is out.
func TestSuddenLineIsASetting(t *testing.T) {
	p := Profile{MinLiving: Yuan(850), HardshipSuddenPct: 200}
	f := HardshipFile{HouseholdSize: 1, MainCause: CauseSeriousIllness, YearlyIncome: Yuan(2000 * 12)}
	if got := SuggestCategory(&f, p.HardshipRules()); got.Category != 0 {
		t.Errorf("at 200%%: %+v", got)
	}
	p.HardshipSuddenPct = 150 // below the relative line: refused
	if ps := p.Validate(); !ps.Has("hs_sudden_pct", "profile.hardship_sudden_order") {
		t.Errorf("sudden line below relative: %v", ps)
	}
}

// School-aid caps are months of 低保 and never rank high school above
// university (earlier: 10,000 for high school against 5,000 for university).
func TestSchoolCapsInMonthsOfMinLiving(t *testing.T) {
	r := rules850()
	senior, univ := r.AidCap(AidSchool, 0, SchoolSenior), r.AidCap(AidSchool, 0, SchoolUniversity)
	if senior != Yuan(850*6) || univ != Yuan(850*10) {
		t.Errorf("caps: senior %s, university %s", senior.Display(), univ.Display())
	}
	p := Profile{MinLiving: Yuan(850), CapSchoolSeniorMonths: 12, CapSchoolUnivMonths: 10}
	if ps := p.Validate(); !ps.Has("hs_cap_school_senior_months", "profile.school_order") {
		t.Errorf("high school above university accepted: %v", ps)
	}
	old := Profile{MinLiving: Yuan(850), CapSchoolSenior: Yuan(10000), CapSchoolUniversity: Yuan(5000)}
	if r := old.HardshipRules(); r.AidCap(AidSchool, 0, SchoolSenior) > r.AidCap(AidSchool, 0, SchoolUniversity) {
		t.Errorf("the old money caps still rank high school above university")
	}
}

func TestFilingNotice(t *testing.T) {
	today := Date(20260615)
	f := HardshipFile{AppliedDate: 20260601, FilingNoticeFrom: 20260605, FilingNoticeTo: 20260608} // Fri–Mon: 2 working days
	if ps := f.validateOrg(today); len(ps) != 0 {
		t.Fatalf("dates: %v", ps)
	}
	if ps := ValidateFilingNotice(&f, rules850()); !ps.Has("hs_filing_notice_to", "hardship.notice_short") {
		t.Errorf("two working days accepted: %v", ps)
	}
	f.FilingNoticeTo = 20260611 // Fri–Thu: 5
	if ps := ValidateFilingNotice(&f, rules850()); len(ps) != 0 {
		t.Errorf("five working days: %v", ps)
	}
	f.FilingNoticeTo = 0
	if ps := f.validateOrg(today); !ps.Has("hs_filing_notice_to", "problem.required") {
		t.Errorf("half a notice: %v", ps)
	}
}
