package model

import (
	"time"

	"unionbook/i18n"
)

// The profile's hardship rules, the category they suggest for a file, and
// the checks of a file's steps: approval, review, lifting out, closing.

// HardshipRules are the hardship settings of the profile with defaults.
// Every number is a setting (docs/rules.md names each one's source).
type HardshipRules struct {
	MinLiving   Money // 低保标准 per person per month
	DeepPct     int   // the deep-hardship line in percent of MinLiving (100)
	RelativePct int   // the relative-hardship line (200)
	SuddenPct   int   // the upper income line of 意外致困 (300; 南通, 平顶山)

	LivingDeepMonths     int   // living aid cap, months of MinLiving a year, deep hardship (12)
	LivingRelativeMonths int   // the same for relative and sudden hardship (8)
	SchoolCompulsory     Money // school aid a year for a pupil in compulsory education (3,000)
	SchoolSeniorMonths   int   // for a high-school or vocational student, months of MinLiving (6)
	SchoolUnivMonths     int   // 金秋助学 for a university student, months of MinLiving (10)
	Medical              Money // medical aid a year per household (0: no cap)
	Warmth               Money // 送温暖 a year per household (0: no cap)

	NoticeWorkdays int // the shortest public notice (公示), working days (5)
}

// Lines are the deep and relative per-capita income lines in fen.
func (r HardshipRules) Lines() (deep, relative Money) {
	return r.line(r.DeepPct), r.line(r.RelativePct)
}

// SuddenLine is the per-capita income above which a household hit by an
// accident, a disaster or a serious illness is no longer 意外致困.
func (r HardshipRules) SuddenLine() Money { return r.line(r.SuddenPct) }

func (r HardshipRules) line(pct int) Money { return Money(int64(r.MinLiving) * int64(pct) / 100) }

// Suggestion is the category the program suggests for a file, with the
// reason (a catalogue key and its arguments); the secretary decides.
type Suggestion struct {
	Category HardshipCategory // 0: no category suggested
	Key      string           // hardship.suggest_*
	Args     []any            // the line compared with, or the exclusion
}

// Text is the reason in the user's language.
func (s Suggestion) Text(l i18n.Lang) string { return l.T(s.Key, localArgs(l, s.Args)...) }

// SuggestCategory suggests a category (local rules of 邢台, 平顶山, 宜兴,
// 南通, 湖北; public copies: 平顶山市总工会 督导通知 for the 3 × 低保 line of
// 意外致困, 江门市总工会 2021 金秋助学 for the income test and 重大疾病;
// docs/rules.md S9–S11):
//
//   - a household with an exclusion (a second home, a vehicle …) gets
//     none, with the exclusion as the reason;
//   - per-capita income at or below the deep line: 深度困难, whatever the
//     cause (the income test alone decides; the causes include 下岗失业
//     and 停发减发工资 as well as illness and disability);
//   - at or below the relative line: 相对困难;
//   - above it, hit by an accident, a disaster or a serious illness
//     (重大疾病) and at or below the 意外致困 line: 意外致困;
//   - otherwise none.
//
// Without a 低保标准 or a household size nothing is suggested.
func SuggestCategory(f *HardshipFile, r HardshipRules) Suggestion {
	if len(f.Exclusions) > 0 {
		return Suggestion{Key: "hardship.suggest_excluded", Args: []any{i18nKeyArg(f.Exclusions[0].Key())}}
	}
	if r.MinLiving <= 0 {
		return Suggestion{Key: "hardship.suggest_no_min_living"}
	}
	if f.HouseholdSize <= 0 {
		return Suggestion{Key: "hardship.suggest_no_size"}
	}
	pc := f.PerCapita()
	deep, rel := r.Lines()
	sudden := f.HasCause(CauseAccident) || f.HasCause(CauseDisaster) || f.HasCause(CauseSeriousIllness)
	switch {
	case pc <= deep:
		return Suggestion{CategoryDeep, "hardship.suggest_deep", []any{deep.Display()}}
	case pc <= rel:
		return Suggestion{CategoryRelative, "hardship.suggest_relative", []any{rel.Display()}}
	case sudden && pc <= r.SuddenLine():
		return Suggestion{CategorySudden, "hardship.suggest_sudden", []any{rel.Display()}}
	case sudden:
		return Suggestion{Key: "hardship.suggest_sudden_above", Args: []any{r.SuddenLine().Display()}}
	}
	return Suggestion{Key: "hardship.suggest_above", Args: []any{rel.Display()}}
}

// LiftOut is the decision that a household has left hardship.
type LiftOut struct {
	NoticeFrom, NoticeTo Date   // public notice (公示), at least 5 working days
	Approval             string // the district union's approval (批复)
	Date                 Date   // lifted out on
}

// MinNoticeWorkdays is the shortest public notice before lifting out when
// the setting (Profile.NoticeWorkdays) is not given.
const MinNoticeWorkdays = 5

// Workdays counts Monday to Friday from a to b inclusive.
func Workdays(a, b Date) int {
	if a == 0 || b == 0 || b < a {
		return 0
	}
	n := 0
	for t, end := a.Time(), b.Time(); !t.After(end); t = t.AddDate(0, 0, 1) {
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

// ValidateLiftOut checks a lift-out of file f: an active file, notice
// dates in order and covering at least minWorkdays working days (the
// setting HardshipRules.NoticeWorkdays, 5 by default; 0 means 5), ending on or
// before the lift-out date, an approval, a date not in the future and not
// before the file was approved. Fields "hs_notice_from", "hs_notice_to",
// "hs_approval", "date"; a wrong status has no field.
func ValidateLiftOut(f *HardshipFile, l LiftOut, today Date, minWorkdays int) Problems {
	var ps Problems
	if minWorkdays <= 0 {
		minWorkdays = MinNoticeWorkdays
	}
	if f.Status != HardshipActive {
		ps.add("", "hardship.lift_not_active", i18nKeyArg(f.Status.Key()))
	}
	dateCheck(&ps, "hs_notice_from", l.NoticeFrom, today)
	dateCheck(&ps, "hs_notice_to", l.NoticeTo, today)
	if l.NoticeFrom != 0 && l.NoticeTo != 0 && l.NoticeFrom.Valid() && l.NoticeTo.Valid() {
		if l.NoticeTo < l.NoticeFrom {
			ps.add("hs_notice_to", "hardship.notice_order")
		} else if n := Workdays(l.NoticeFrom, l.NoticeTo); n < minWorkdays {
			ps.add("hs_notice_to", "hardship.notice_short", minWorkdays, n)
		}
	}
	if CleanText(l.Approval) == "" {
		ps.add("hs_approval", "problem.required")
	}
	tooLong(&ps, "hs_approval", l.Approval, 60)
	if dateCheck(&ps, "date", l.Date, today) {
		if l.NoticeTo != 0 && l.Date < l.NoticeTo {
			ps.add("date", "hardship.lift_before_notice", l.NoticeTo.String())
		}
		if f.ApprovedDate != 0 && l.Date < f.ApprovedDate {
			ps.add("date", "hardship.before_approved", f.ApprovedDate.String())
		}
	}
	return ps
}

// dateCheck adds the problem of a required date not in the future and
// reports whether it is fine.
func dateCheck(ps *Problems, field string, d, today Date) bool {
	switch {
	case d == 0:
		ps.add(field, "problem.required")
	case !d.Valid():
		ps.add(field, "date.impossible", d.String())
	case d > today:
		ps.add(field, "problem.future")
	default:
		return true
	}
	return false
}

// ValidateReview checks a review of f: an open or lifted file (a lifted
// file is reviewed in its follow-up), a date not in the future nor before
// the application, a reviewer and a finding.
func ValidateReview(f *HardshipFile, r *HardshipReview, today Date) Problems {
	var ps Problems
	r.Reviewer = CleanName(r.Reviewer)
	r.Finding = CleanText(r.Finding)
	if f.Status == HardshipClosed {
		ps.add("", "hardship.file_closed")
	}
	if dateCheck(&ps, "date", r.Date, today) && r.Date < f.AppliedDate {
		ps.add("date", "hardship.before_applied", f.AppliedDate.String())
	}
	if r.Reviewer == "" {
		ps.add("hs_reviewer", "problem.required")
	}
	tooLong(&ps, "hs_reviewer", r.Reviewer, 30)
	if r.Finding == "" {
		ps.add("hs_finding", "problem.required")
	}
	tooLong(&ps, "hs_finding", r.Finding, 300)
	if r.Category != 0 && !r.Category.Valid() {
		ps.add("hs_category", "problem.not_in_list")
	}
	return ps
}

// ValidateClose checks closing f: not already closed, a date not in the
// future and not before the application, a reason.
func ValidateClose(f *HardshipFile, date Date, reason string, today Date) Problems {
	var ps Problems
	if f.Status == HardshipClosed {
		ps.add("", "hardship.file_closed")
	}
	if dateCheck(&ps, "date", date, today) && date < f.AppliedDate {
		ps.add("date", "hardship.before_applied", f.AppliedDate.String())
	}
	r := CleanText(reason)
	if r == "" {
		ps.add("reason", "problem.required")
	}
	tooLong(&ps, "reason", r, 150)
	return ps
}

// ValidateApprove checks approving an applied file on date by approver.
func ValidateApprove(f *HardshipFile, date Date, approver string, today Date) Problems {
	var ps Problems
	if f.Status != HardshipApplied {
		ps.add("", "hardship.approve_not_applied", i18nKeyArg(f.Status.Key()))
	}
	if dateCheck(&ps, "date", date, today) && date < f.AppliedDate {
		ps.add("date", "hardship.before_applied", f.AppliedDate.String())
	}
	if CleanName(approver) == "" {
		ps.add("hs_reviewed_by", "problem.required")
	}
	tooLong(&ps, "hs_reviewed_by", approver, 30)
	return ps
}

// HardshipRules reads the hardship settings of the profile, with the
// defaults for unset (zero) values. The money caps on high-school and
// university aid of earlier versions (10,000 and 5,000 yuan, which ranked
// high school above university) are no longer read: those caps are months
// of the 低保标准 now.
func (p *Profile) HardshipRules() HardshipRules {
	or := func(v, d int) int {
		if v == 0 {
			return d
		}
		return v
	}
	orM := func(v, d Money) Money {
		if v == 0 {
			return d
		}
		return v
	}
	return HardshipRules{
		MinLiving:            p.MinLiving,
		DeepPct:              or(p.HardshipDeepPct, 100),
		RelativePct:          or(p.HardshipRelativePct, 200),
		SuddenPct:            or(p.HardshipSuddenPct, 300),
		LivingDeepMonths:     or(p.CapLivingDeepMonths, 12),
		LivingRelativeMonths: or(p.CapLivingRelMonths, 8),
		SchoolCompulsory:     orM(p.CapSchoolCompulsory, Yuan(3000)),
		SchoolSeniorMonths:   or(p.CapSchoolSeniorMonths, 6),
		SchoolUnivMonths:     or(p.CapSchoolUnivMonths, 10),
		Medical:              p.CapMedical,
		Warmth:               p.CapWarmth,
		NoticeWorkdays:       or(p.NoticeWorkdays, MinNoticeWorkdays),
	}
}

// validateHardship checks the profile's hardship settings: percentages
// from 0 to 1000, the relative line not below the deep one nor the
// 意外致困 line below the relative one, months from 0 to 36, high-school
// aid not above university aid, caps not negative, a notice of 0 to 30
// working days.
func (p *Profile) validateHardship() Problems {
	var ps Problems
	for _, x := range []struct {
		field string
		v     int
	}{{"hs_deep_pct", p.HardshipDeepPct}, {"hs_relative_pct", p.HardshipRelativePct}, {"hs_sudden_pct", p.HardshipSuddenPct}} {
		if x.v < 0 || x.v > 1000 {
			ps.add(x.field, "profile.hardship_pct")
		}
	}
	r := p.HardshipRules()
	if len(ps) == 0 && r.RelativePct < r.DeepPct {
		ps.add("hs_relative_pct", "profile.hardship_order")
	}
	if len(ps) == 0 && r.SuddenPct < r.RelativePct {
		ps.add("hs_sudden_pct", "profile.hardship_sudden_order")
	}
	months := []struct {
		field string
		v     int
	}{{"hs_cap_living_deep", p.CapLivingDeepMonths}, {"hs_cap_living_rel", p.CapLivingRelMonths},
		{"hs_cap_school_senior_months", p.CapSchoolSeniorMonths}, {"hs_cap_school_univ_months", p.CapSchoolUnivMonths}}
	bad := false
	for _, x := range months {
		if x.v < 0 || x.v > 36 {
			ps.add(x.field, "profile.hardship_months")
			bad = true
		}
	}
	if !bad && r.SchoolSeniorMonths > r.SchoolUnivMonths {
		ps.add("hs_cap_school_senior_months", "profile.school_order")
	}
	for _, x := range []struct {
		field string
		v     Money
	}{{"hs_cap_school_compulsory", p.CapSchoolCompulsory}, {"hs_cap_medical", p.CapMedical}, {"hs_cap_warmth", p.CapWarmth}} {
		if x.v < 0 {
			ps.add(x.field, "problem.negative")
		}
	}
	if p.NoticeWorkdays < 0 || p.NoticeWorkdays > 30 {
		ps.add("hs_notice_workdays", "profile.notice_workdays", 30)
	}
	return ps
}
