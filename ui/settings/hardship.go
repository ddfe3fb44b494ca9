package settings

import (
	"strconv"
	"strings"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// hardshipSection is the hardship rules: the category lines as
// percentages of the minimum-living standard, and the yearly caps on aid
// that warn (never block) when exceeded.
type hardshipSection struct{ prof model.Profile }

var (
	hardshipInts = []string{"hs_deep_pct", "hs_relative_pct", "hs_sudden_pct", "hs_cap_living_deep", "hs_cap_living_rel",
		"hs_cap_school_senior_months", "hs_cap_school_univ_months", "hs_notice_workdays"}
	hardshipMoney = []string{"hs_cap_school_compulsory", "hs_cap_medical", "hs_cap_warmth"}
)

func newHardshipForm(c *common.Common, st *stack.Stack) *form.Screen {
	prof, _, _ := c.Store.Profile()
	return newFormScreen(c, st, hardshipSection{prof})
}

func (hardshipSection) title() string { return "settings.hardship_title" }

func (s hardshipSection) build(c *common.Common) *form.Form {
	r := s.prof.HardshipRules()
	var fields []*form.Field
	for _, k := range hardshipInts {
		fields = append(fields, form.TextField(k, true, ""))
	}
	for _, k := range hardshipMoney {
		fields = append(fields, form.TextField(k, false, c.T("settings.no_cap")))
	}
	f := form.New(c, fields...)
	for k, v := range map[string]int{"hs_deep_pct": r.DeepPct, "hs_relative_pct": r.RelativePct, "hs_sudden_pct": r.SuddenPct,
		"hs_cap_living_deep": r.LivingDeepMonths, "hs_cap_living_rel": r.LivingRelativeMonths,
		"hs_cap_school_senior_months": r.SchoolSeniorMonths, "hs_cap_school_univ_months": r.SchoolUnivMonths,
		"hs_notice_workdays": r.NoticeWorkdays} {
		f.SetValue(k, strconv.Itoa(v))
	}
	for k, v := range map[string]model.Money{"hs_cap_school_compulsory": r.SchoolCompulsory,
		"hs_cap_medical": r.Medical, "hs_cap_warmth": r.Warmth} {
		if v > 0 {
			f.SetValue(k, v.String())
		}
	}
	return f
}

func (s hardshipSection) read(f *form.Form) (model.Profile, model.Problems) {
	pr := s.prof
	var ps model.Problems
	ints := map[string]*int{"hs_deep_pct": &pr.HardshipDeepPct, "hs_relative_pct": &pr.HardshipRelativePct,
		"hs_sudden_pct": &pr.HardshipSuddenPct, "hs_cap_living_deep": &pr.CapLivingDeepMonths, "hs_cap_living_rel": &pr.CapLivingRelMonths,
		"hs_cap_school_senior_months": &pr.CapSchoolSeniorMonths, "hs_cap_school_univ_months": &pr.CapSchoolUnivMonths,
		"hs_notice_workdays": &pr.NoticeWorkdays}
	for _, k := range hardshipInts {
		n, err := strconv.Atoi(model.Clean(f.Value(k)))
		if err != nil || n < 0 {
			ps = append(ps, model.Problem{Field: k, Key: "problem.whole_number"})
		}
		*ints[k] = n
	}
	monies := map[string]*model.Money{"hs_cap_school_compulsory": &pr.CapSchoolCompulsory,
		"hs_cap_medical": &pr.CapMedical, "hs_cap_warmth": &pr.CapWarmth}
	for _, k := range hardshipMoney {
		*monies[k] = 0
		v := strings.TrimSpace(f.Value(k))
		if v == "" {
			continue
		}
		m, err := model.ParseMoney(v)
		if err != nil {
			ps = append(ps, form.ProblemOf(k, err))
		} else if m < 0 {
			ps = append(ps, model.Problem{Field: k, Key: "problem.negative"})
		}
		*monies[k] = m
	}
	return pr, withProfileProblems(&pr, ps)
}
