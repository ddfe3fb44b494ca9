package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"unionbook/demo"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/report"
	"unionbook/storage"
	"unionbook/ui/uitest"
)

// The Overview of a busy township at 80x24 and 120x40: every month of
// the year so far is in the chart, a figure stays on the line of its label
// ("Lifted out in 2026" and its 9), the columns of figures have their
// titles on screen, and the section's labels read alike (2026 年…, rates
// to the hundredth).
func TestOverviewOfABusyTownshipFits(t *testing.T) {
	t.Parallel()
	s := uitest.OpenStoreWith(t, storage.Options{Now: fixedClock, NoSync: true})
	if err := demo.Load(s, demo.Options{Seed: 1, Units: 20, Members: 1500, Today: model.DateOf(uitest.FixedNow)}); err != nil {
		t.Fatal(err)
	}
	months := map[i18n.Lang][]string{
		i18n.ZH: {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月"},
		i18n.EN: {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov"},
	}
	cards := map[i18n.Lang]*regexp.Regexp{ // a label and its figure, on one line
		i18n.ZH: regexp.MustCompile(`2026 年脱困 \d+|2026 年活动 \d+|2026 年维权案件 \d+|2026 年帮扶 [\d,.]+|2026 年建会率 [\d.]+%`),
		i18n.EN: regexp.MustCompile(`Lifted out in 2026 \d+|Events in 2026 \d+|Cases in 2026 \d+|Aid in 2026 [\d,.]+|Union formation rate 2026 [\d.]+%`),
	}
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		for _, size := range [][2]int{{80, 24}, {120, 40}} {
			a := appOn(t, s, lang, size[0], size[1])
			out := screen(a)
			uitest.CheckGeometry(t, out, size[0], size[1])
			for _, m := range months[lang] {
				if !regexp.MustCompile(`(^|\s)` + m + `\s+[#.]`).MatchString(out) {
					t.Errorf("%s %dx%d: month %s is not in the chart:\n%s", lang.Code(), size[0], size[1], m, out)
				}
			}
			if n := len(cards[lang].FindAllString(out, -1)); n != 5 {
				t.Errorf("%s %dx%d: %d of 5 year figures stay with their labels:\n%s", lang.Code(), size[0], size[1], n, out)
			}
			paid := a.c.T("overview.paid")
			if strings.Count(out, paid) > 1 && !strings.Contains(out, a.c.T("overview.col_rate")) {
				t.Errorf("%s %dx%d: the chart's money columns have no titles:\n%s", lang.Code(), size[0], size[1], out)
			}
			if regexp.MustCompile(`\d+\.\d%`).MatchString(out) || strings.Contains(out, "2026年") {
				t.Errorf("%s %dx%d: a rate to the tenth or a year written another way:\n%s", lang.Code(), size[0], size[1], out)
			}
		}
	}
}

// The Overview's organisation line on the demo says what stats --json and
// the survey say on the same day: 建会率 and 入会率 with their counts
// (stats' row of this year; the survey year's, which share the day), and
// the units whose 换届 is due.
func TestOverviewOrgLineAgreesWithStatsAndTheSurvey(t *testing.T) {
	t.Parallel()
	s := uitest.OpenStoreWith(t, storage.Options{Now: fixedClock, NoSync: true})
	today := model.DateOf(uitest.FixedNow)
	if err := demo.Load(s, demo.Options{Seed: 3, Units: 30, Members: 900, Today: today}); err != nil {
		t.Fatal(err)
	}
	st, err := s.OrgStats(today)
	if err != nil {
		t.Fatal(err)
	}
	sv, err := report.BuildSurvey(s, today.Year()+1, i18n.ZH, today) // the survey year began on 1 October
	if err != nil {
		t.Fatal(err)
	}
	r := st.Rates[0]
	if r.Period != "2026" {
		t.Fatalf("stats' first row is %s", r.Period)
	}
	if sv.Rates.UnionRateBP != r.UnionRateBP || sv.Rates.MembershipRateBP != r.MembershipRateBP || sv.Total.ElectionsDue != st.Survey.ElectionsDue {
		t.Fatalf("stats %+v (due %d) and the survey %+v (due %d) disagree", r, st.Survey.ElectionsDue, sv.Rates, sv.Total.ElectionsDue)
	}
	if r.EmployersUnorganised == 0 || st.Survey.ElectionsDue == 0 {
		t.Fatalf("the demo has no unorganised employer or no 换届 due: %+v, due %d", r, st.Survey.ElectionsDue)
	}
	pct := func(bp int) string { return fmt.Sprintf("%d.%02d%%", bp/100, bp%100) }
	want := map[i18n.Lang]string{
		i18n.ZH: fmt.Sprintf("2026 年建会率 %s（%d/%d）   入会率 %s（%d/%d）   到期应换届 %d", pct(r.UnionRateBP),
			r.EmployersOrganised, r.EmployersOrganised+r.EmployersUnorganised, pct(r.MembershipRateBP), r.Members, r.Employees, st.Survey.ElectionsDue),
		i18n.EN: fmt.Sprintf("Union formation rate 2026 %s (%d/%d)   membership rate %s (%d/%d)   elections due %d", pct(r.UnionRateBP),
			r.EmployersOrganised, r.EmployersOrganised+r.EmployersUnorganised, pct(r.MembershipRateBP), r.Members, r.Employees, st.Survey.ElectionsDue),
	}
	for lang, line := range want {
		if out := screen(appOn(t, s, lang, 120, 40)); !strings.Contains(out, line) {
			t.Errorf("%s: the Overview lacks %q:\n%s", lang.Code(), line, out)
		}
	}
}
