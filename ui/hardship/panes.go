package hardship

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// The lines of the detail's four panes.

func (d *detail) or(s string) string {
	if s == "" {
		return d.c.Styles.Muted.Render("-")
	}
	return s
}

func (d *detail) yesNo(b bool) string {
	if b {
		return d.c.T("form.yes")
	}
	return d.c.T("form.no")
}

func (d *detail) causesText(f *model.HardshipFile) string {
	s := d.c.T(f.MainCause.Key())
	var others []string
	for _, c := range f.OtherCauses {
		others = append(others, d.c.T(c.Key()))
	}
	if len(others) > 0 {
		s += d.c.T("hardship.secondary", strings.Join(others, ", "))
	}
	return s
}

// catName is a category's name, or "-" for none.
func catName(c *common.Common, cat model.HardshipCategory) string {
	if cat == 0 {
		return "-"
	}
	return c.T(cat.Key())
}

// summaryLines are the file's fields, two to a line on a wide screen.
func (d *detail) summaryLines() []string {
	st := d.c.Styles
	f := &d.d.f
	lbl := func(k string) string { return st.Label.Render(d.c.T("field."+k) + d.c.T("hardship.colon")) }
	money := func(m model.Money) string { return m.Display() }
	area := ""
	if f.HousingArea > 0 {
		area = d.c.T("hardship.area", f.HousingArea)
	}
	sug := model.SuggestCategory(f, d.d.rules)
	items := [][2]string{
		{"hs_category", catName(d.c, f.Category)},
		{"hs_status", d.c.T(f.Status.Key())},
		{"hs_main_cause", d.causesText(f)},
		{"hs_size", fmt.Sprint(f.HouseholdSize)},
		{"hs_income", money(f.YearlyIncome)},
		{"hs_spending", money(f.Spending)},
		{"hs_per_capita", money(f.PerCapita())},
		{"hs_suggested", catName(d.c, sug.Category)},
		{"hs_model_worker", d.c.T(f.ModelWorker.Key())},
		{"hs_identity", d.or(map[bool]string{true: d.c.T(f.Identity.Key())}[f.Identity != 0])},
		{"hukou", d.or(map[bool]string{true: d.c.T(f.Hukou.Key())}[f.Hukou != 0])},
		{"industry", d.or(f.Industry)},
		{"hs_health", d.or(f.Health)},
		{"hs_disability", d.or(f.Disability)},
		{"hs_employment", d.or(f.Employment)},
		{"hs_housing", d.or(joinNonEmpty(" ", f.Housing, area))},
		{"hs_marital", d.or(map[bool]string{true: d.c.T(f.Marital.Key())}[f.Marital != 0])},
		{"hs_single_parent", d.yesNo(f.SingleParent)},
		{"hs_zero_employment", d.yesNo(f.ZeroEmployment)},
		{"hs_insurance", d.or(f.MedicalInsurance)},
		{"hs_bank_name", d.or(f.BankName)},
		{"hs_bank_account", d.or(f.BankAccount)},
		{"address", d.or(f.Address)},
		{"hs_cadre", d.or(f.PairedCadre)},
		{"hs_filed_by", d.or(f.FiledBy)},
		{"hs_reviewed_by", d.or(f.ReviewedBy)},
		{"hs_entered_by", d.or(f.EnteredBy)},
		{"hs_applied", f.AppliedDate.String()},
		{"hs_filing_notice", d.or(joinNonEmpty(" ~ ", f.FilingNoticeFrom.String(), f.FilingNoticeTo.String()))},
		{"hs_approved", d.or(f.ApprovedDate.String())},
		{"hs_last_review", d.or(f.LastReviewed().String())},
		{"hs_unit_opinion", d.or(f.UnitOpinion)},
		{"hs_town_opinion", d.or(f.TownOpinion)},
		{"notes", d.or(f.Notes)},
	}
	var lines []string
	if d.w >= 90 {
		colW := d.w / 2
		for i := 0; i < len(items); i += 2 {
			l := ansi.Truncate(lbl(items[i][0])+items[i][1], colW-1, "~")
			l += strings.Repeat(" ", max(0, colW-ansi.StringWidth(l)))
			if i+1 < len(items) {
				l += lbl(items[i+1][0]) + items[i+1][1]
			}
			lines = append(lines, l)
		}
	} else {
		for _, it := range items {
			lines = append(lines, lbl(it[0])+it[1])
		}
	}
	// why a category is (not) suggested, and what rules the household out
	lines = append(lines, strings.Split(ansi.Wrap(suggestionText(d.c, f, d.d.rules), max(1, d.w), ""), "\n")...)
	if len(f.Exclusions) > 0 {
		names := make([]string, len(f.Exclusions))
		for i, x := range f.Exclusions {
			names[i] = d.c.T(x.Key())
		}
		lines = append(lines, st.Warning.Render(ansi.Truncate(d.c.T("hardship.excluded_line", strings.Join(names, d.c.T("units.list_sep"))), d.w, "~")))
	}
	if f.ModelWorkerInHardship() {
		lines = append(lines, st.Warning.Render(d.c.T("hardship.model_worker_line", d.c.T(f.ModelWorker.Key()))))
	}
	switch f.Status {
	case model.HardshipLifted:
		lines = append(lines, st.Success.Render(d.c.T("hardship.lifted_line", f.LiftDate.String(), f.NoticeFrom.String(),
			f.NoticeTo.String(), f.LiftApproval, f.FollowUpUntil.String())))
	case model.HardshipClosed:
		lines = append(lines, st.Muted.Render(d.c.T("hardship.closed_line", f.ClosedDate.String(), f.CloseReason)))
	}
	if k := f.KeepUntil(); k != 0 {
		lines = append(lines, st.Muted.Render(d.c.T("hardship.keep_until", k.String())))
	}
	if f.PreviousID != 0 {
		lines = append(lines, st.Muted.Render(d.c.T("hardship.previous_file", f.PreviousID)))
	}
	if f.ReviewOverdue(d.c.Today()) {
		lines = append(lines, st.Warning.Render(d.c.T("hardship.review_overdue", f.LastReviewed().String())))
	}
	return lines
}

// householdLines are the household table; sel is the line of the selected
// member, -1 when members cannot be selected.
func (d *detail) householdLines() (lines []string, sel int) {
	st := d.c.Styles
	f := &d.d.f
	if len(f.Household) == 0 {
		return []string{st.Muted.Render(d.c.T("hardship.no_household"))}, -1
	}
	cols := []struct {
		title string
		w     int
		right bool
	}{
		{d.c.T("col.name"), 8, false}, {d.c.T("field.hs_relation"), 6, false}, {d.c.T("col.id_number"), 18, false},
		{d.c.T("field.hs_member_health"), 10, false}, {d.c.T("field.hs_member_income"), 10, true}, {d.c.T("field.hs_school_work"), 12, false},
	}
	used := 0
	for _, c := range cols[:5] {
		used += c.w + 1
	}
	cols[5].w = max(8, d.w-used-1)
	line := func(cells []string) string {
		var b strings.Builder
		for i, c := range cols {
			b.WriteString(widget.Fit(cells[i], c.w, c.right) + " ")
		}
		return strings.TrimRight(b.String(), " ")
	}
	var titles []string
	for _, c := range cols {
		titles = append(titles, c.title)
	}
	lines = []string{st.TableHeader.Render(line(titles))}
	sel = -1
	selectable := d.householdSelectable()
	for i, h := range f.Household {
		l := line([]string{h.Name, h.Relation, h.IDNumber, h.Health, h.MonthlyIncome.Display(), h.SchoolOrWork})
		if selectable && i == d.hhSel {
			sel = len(lines)
			l = st.TableSelected.Render(widget.Fit(l, d.w, false))
		}
		lines = append(lines, l)
	}
	lines = append(lines, "", st.Muted.Render(d.c.T("hardship.household_income", f.HouseholdIncome().Display(), f.HouseholdSize)))
	return lines, sel
}

func (d *detail) reviewLines() []string {
	st := d.c.Styles
	rs := d.d.f.Reviews
	if len(rs) == 0 {
		return []string{st.Muted.Render(d.c.T("hardship.no_reviews"))}
	}
	var lines []string
	for i := len(rs) - 1; i >= 0; i-- {
		r := rs[i]
		l := r.Date.String() + "  " + r.Reviewer + "  " + r.Finding
		if r.Category != 0 {
			l += "  (" + d.c.T(r.Category.Key()) + ")"
		}
		lines = append(lines, l)
	}
	return lines
}

// aidLines are the year totals and the records, newest first; sel is the
// line of the selected record.
func (d *detail) aidLines() (lines []string, sel int) {
	st := d.c.Styles
	for _, y := range d.d.years {
		var parts []string
		for _, t := range model.AidTypes {
			if v := y.ByType[t]; v != 0 {
				parts = append(parts, d.c.T(t.Key())+" "+v.Display())
			}
		}
		lines = append(lines, st.Label.Render(d.c.T("hardship.year_total", y.Year, y.Count, (y.Cash+y.Goods).Display()))+"  "+
			st.Muted.Render(strings.Join(parts, "  ")))
	}
	if len(d.d.aid) == 0 {
		return append(lines, st.Muted.Render(d.c.T("hardship.no_aid"))), -1
	}
	lines = append(lines, "")
	sel = -1
	typeW := labelWidth(d.c, 4, "aid.type_warmth", "aid.type_living", "aid.type_medical", "aid.type_school", "aid.type_employment", "aid.type_other")
	fundW := labelWidth(d.c, 4, "aid.fund_own", "aid.fund_higher", "aid.fund_donation")
	for i, a := range d.d.aid {
		note := a.Goods
		if a.Type == model.AidSchool {
			note = joinNonEmpty(" ", a.Student, d.c.T(a.SchoolLevel.Key()), a.Goods)
		}
		switch {
		case a.ReversalOf != 0:
			note = d.c.T("hardship.is_reversal", a.Reason)
		case d.d.reversed[a.ID] != 0:
			note += " " + d.c.T("hardship.was_reversed")
		}
		l := a.Date.String() + " " + widget.Fit(d.c.T(a.Type.Key()), typeW, false) + " " +
			widget.Fit(a.Cash.Display(), 10, true) + " " + widget.Fit(a.GoodsValue.Display(), 10, true) + " " +
			widget.Fit(d.c.T(a.Fund.Key()), fundW, false) + " " + note
		l = widget.Fit(l, d.w, false)
		if i == d.aidSel {
			sel = len(lines)
			l = st.TableSelected.Render(l)
		}
		lines = append(lines, l)
	}
	return lines, sel
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, s := range parts {
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}
