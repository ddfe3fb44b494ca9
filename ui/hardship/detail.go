package hardship

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

type pane int

const (
	paneSummary pane = iota
	paneHousehold
	paneReviews
	paneAid
	numPanes
)

var paneKeys = []string{"hardship.pane_summary", "hardship.pane_household", "hardship.pane_reviews", "hardship.pane_aid"}

// detail is one file as its detail screen shows it.
type detail struct {
	f        model.HardshipFile
	m        model.Member
	aid      []model.AidRecord // newest first
	reversed map[uint64]uint64
	years    []model.AidYear
	pane     pane
	offset   int // first line of a text pane
	aidSel   int
	hhSel    int  // the selected household member
	confirm  bool // asking whether to remove the selected household member
	err      error
}

func (p *Page) openDetail(id uint64) {
	keepPane, keepHH := paneSummary, 0
	if p.det != nil && p.current == id {
		keepPane, keepHH = p.det.pane, p.det.hhSel
	}
	p.current, p.mode = id, modeDetail
	d := &detail{pane: keepPane, hhSel: keepHH, reversed: map[uint64]uint64{}}
	p.det = d
	f, err := p.c.Store.HardshipFile(id)
	if err != nil {
		d.err = err
		return
	}
	d.f = f
	d.hhSel = min(d.hhSel, max(0, len(f.Household)-1))
	if d.m, err = p.c.Store.Member(f.MemberID); err != nil {
		d.err = err
		return
	}
	as, err := p.c.Store.FileAid(id)
	if err != nil {
		d.err = err
		return
	}
	for i := len(as) - 1; i >= 0; i-- {
		d.aid = append(d.aid, as[i])
		if as[i].ReversalOf != 0 {
			d.reversed[as[i].ReversalOf] = as[i].ID
		}
	}
	d.years = model.AidTotalsByYear(as)
}

func (p *Page) updateDetail(msg tea.Msg) tea.Cmd {
	d := p.det
	km, ok := msg.(tea.KeyPressMsg)
	if !ok || d == nil {
		return nil
	}
	if d.err != nil {
		if key.Matches(km, p.c.Keys.Back) {
			p.mode = modeList
		}
		return nil
	}
	f := d.f
	if d.confirm {
		return p.updateConfirmRemove(km)
	}
	switch {
	case key.Matches(km, p.c.Keys.Back):
		p.mode = modeList
		return nil
	case key.Matches(km, keyPane):
		d.pane, d.offset = (d.pane+1)%numPanes, 0
		return nil
	case key.Matches(km, keyPaneBack):
		d.pane, d.offset = (d.pane+numPanes-1)%numPanes, 0
		return nil
	case key.Matches(km, p.c.Keys.Up):
		switch {
		case d.pane == paneAid:
			d.aidSel = max(0, d.aidSel-1)
		case p.householdSelectable():
			d.hhSel = max(0, d.hhSel-1)
		default:
			d.offset = max(0, d.offset-1)
		}
		return nil
	case key.Matches(km, p.c.Keys.Down):
		switch {
		case d.pane == paneAid:
			d.aidSel = min(max(0, len(d.aid)-1), d.aidSel+1)
		case p.householdSelectable():
			d.hhSel = min(len(f.Household)-1, d.hhSel+1)
		default:
			d.offset++
		}
		return nil
	case key.Matches(km, p.c.Keys.PageDown):
		d.offset += max(1, p.height-4)
		return nil
	case key.Matches(km, p.c.Keys.PageUp):
		d.offset = max(0, d.offset-max(1, p.height-4))
		return nil
	case key.Matches(km, keyAid):
		if f.Status == model.HardshipClosed {
			return common.SetStatus(p.c.T("aid.file_closed"), true)
		}
		return p.openAidForm(d.m, f.ID)
	case key.Matches(km, keyReview):
		if f.Status == model.HardshipClosed {
			return common.SetStatus(p.c.T("hardship.file_closed"), true)
		}
		return p.openReviewForm()
	case key.Matches(km, keyApprove):
		if f.Status != model.HardshipApplied {
			return common.SetStatus(p.c.T("hardship.approve_not_applied", p.c.T(f.Status.Key())), true)
		}
		return p.openApproveForm()
	case key.Matches(km, keyLift):
		if f.Status != model.HardshipActive {
			return common.SetStatus(p.c.T("hardship.lift_not_active", p.c.T(f.Status.Key())), true)
		}
		return p.openLiftForm()
	case key.Matches(km, keyClose):
		if f.Status == model.HardshipClosed {
			return common.SetStatus(p.c.T("hardship.file_closed"), true)
		}
		return p.openCloseForm()
	case key.Matches(km, p.c.Keys.Edit):
		if f.Status == model.HardshipClosed {
			return common.SetStatus(p.c.T("hardship.file_closed"), true)
		}
		if d.pane == paneHousehold && len(f.Household) > 0 {
			return p.openHouseholdForm(d.hhSel)
		}
		return p.openFileForm(&f, 0)
	case key.Matches(km, p.c.Keys.Delete):
		if d.pane != paneHousehold || len(f.Household) == 0 {
			return nil
		}
		if f.Status == model.HardshipClosed {
			return common.SetStatus(p.c.T("hardship.file_closed"), true)
		}
		d.confirm = true
		return nil
	case key.Matches(km, keyHousehold):
		if f.Status == model.HardshipClosed {
			return common.SetStatus(p.c.T("hardship.file_closed"), true)
		}
		return p.openHouseholdForm(-1)
	case key.Matches(km, keyRefile):
		if f.Status.Open() {
			return common.SetStatus(p.c.T("hardship.already_open", d.m.Name, f.ID), true)
		}
		return p.openFileForm(&f, f.ID)
	case key.Matches(km, keyReverse):
		if d.pane != paneAid || len(d.aid) == 0 {
			return nil
		}
		a := d.aid[min(d.aidSel, len(d.aid)-1)]
		switch {
		case a.ReversalOf != 0:
			return common.SetStatus(p.c.T("aid.cannot_reverse_reversal"), true)
		case d.reversed[a.ID] != 0:
			return common.SetStatus(p.c.T("aid.already_reversed", a.Date.String()), true)
		}
		return p.openReverseForm(a)
	}
	return nil
}

func (p *Page) or(s string) string {
	if s == "" {
		return p.c.Styles.Muted.Render("-")
	}
	return s
}

func (p *Page) yesNo(b bool) string {
	if b {
		return p.c.T("form.yes")
	}
	return p.c.T("form.no")
}

func (p *Page) causesText(f *model.HardshipFile) string {
	s := p.c.T(f.MainCause.Key())
	var others []string
	for _, c := range f.OtherCauses {
		others = append(others, p.c.T(c.Key()))
	}
	if len(others) > 0 {
		s += p.c.T("hardship.secondary", strings.Join(others, ", "))
	}
	return s
}

// summaryLines are the file's fields, two to a line on a wide screen.
func (p *Page) summaryLines(d *detail) []string {
	st := p.c.Styles
	f := &d.f
	lbl := func(k string) string { return st.Label.Render(p.c.T("field."+k) + p.c.T("hardship.colon")) }
	money := func(m model.Money) string { return m.Display() }
	area := ""
	if f.HousingArea > 0 {
		area = p.c.T("hardship.area", f.HousingArea)
	}
	sug := model.SuggestCategory(f, p.rules)
	items := [][2]string{
		{"hs_category", p.catName(f.Category)},
		{"hs_status", p.c.T(f.Status.Key())},
		{"hs_main_cause", p.causesText(f)},
		{"hs_size", fmt.Sprint(f.HouseholdSize)},
		{"hs_income", money(f.YearlyIncome)},
		{"hs_spending", money(f.Spending)},
		{"hs_per_capita", money(f.PerCapita())},
		{"hs_suggested", p.catName(sug.Category)},
		{"hs_health", p.or(f.Health)},
		{"hs_disability", p.or(f.Disability)},
		{"hs_employment", p.or(f.Employment)},
		{"hs_housing", p.or(joinNonEmpty(" ", f.Housing, area))},
		{"hs_marital", p.or(map[bool]string{true: p.c.T(f.Marital.Key())}[f.Marital != 0])},
		{"hs_single_parent", p.yesNo(f.SingleParent)},
		{"hs_zero_employment", p.yesNo(f.ZeroEmployment)},
		{"hs_insurance", p.or(f.MedicalInsurance)},
		{"hs_bank_name", p.or(f.BankName)},
		{"hs_bank_account", p.or(f.BankAccount)},
		{"address", p.or(f.Address)},
		{"hs_cadre", p.or(f.PairedCadre)},
		{"hs_filed_by", p.or(f.FiledBy)},
		{"hs_reviewed_by", p.or(f.ReviewedBy)},
		{"hs_entered_by", p.or(f.EnteredBy)},
		{"hs_applied", f.AppliedDate.String()},
		{"hs_approved", p.or(f.ApprovedDate.String())},
		{"hs_last_review", p.or(f.LastReviewed().String())},
		{"hs_unit_opinion", p.or(f.UnitOpinion)},
		{"hs_town_opinion", p.or(f.TownOpinion)},
		{"notes", p.or(f.Notes)},
	}
	var lines []string
	if p.width >= 90 {
		colW := p.width / 2
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
	switch f.Status {
	case model.HardshipLifted:
		lines = append(lines, st.Success.Render(p.c.T("hardship.lifted_line", f.LiftDate.String(), f.NoticeFrom.String(),
			f.NoticeTo.String(), f.LiftApproval, f.FollowUpUntil.String())))
	case model.HardshipClosed:
		lines = append(lines, st.Muted.Render(p.c.T("hardship.closed_line", f.ClosedDate.String(), f.CloseReason)))
	}
	if k := f.KeepUntil(); k != 0 {
		lines = append(lines, st.Muted.Render(p.c.T("hardship.keep_until", k.String())))
	}
	if f.PreviousID != 0 {
		lines = append(lines, st.Muted.Render(p.c.T("hardship.previous_file", f.PreviousID)))
	}
	if f.ReviewOverdue(p.c.Today()) {
		lines = append(lines, st.Warning.Render(p.c.T("hardship.review_overdue", f.LastReviewed().String())))
	}
	return lines
}

// householdSelectable reports a household pane whose members can be
// selected to edit or remove: a file not closed with members listed.
func (p *Page) householdSelectable() bool {
	d := p.det
	return d != nil && d.err == nil && d.pane == paneHousehold && d.f.Status != model.HardshipClosed && len(d.f.Household) > 0
}

// householdLines are the household table; sel is the line of the selected
// member, -1 when members cannot be selected.
func (p *Page) householdLines(d *detail) (lines []string, sel int) {
	st := p.c.Styles
	f := &d.f
	if len(f.Household) == 0 {
		return []string{st.Muted.Render(p.c.T("hardship.no_household"))}, -1
	}
	cols := []struct {
		title string
		w     int
		right bool
	}{
		{p.c.T("col.name"), 8, false}, {p.c.T("field.hs_relation"), 6, false}, {p.c.T("col.id_number"), 18, false},
		{p.c.T("field.hs_member_health"), 10, false}, {p.c.T("field.hs_member_income"), 10, true}, {p.c.T("field.hs_school_work"), 12, false},
	}
	used := 0
	for _, c := range cols[:5] {
		used += c.w + 1
	}
	cols[5].w = max(8, p.width-used-1)
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
	selectable := p.householdSelectable()
	for i, h := range f.Household {
		l := line([]string{h.Name, h.Relation, h.IDNumber, h.Health, h.MonthlyIncome.Display(), h.SchoolOrWork})
		if selectable && i == d.hhSel {
			sel = len(lines)
			l = st.TableSelected.Render(widget.Fit(l, p.width, false))
		}
		lines = append(lines, l)
	}
	lines = append(lines, "", st.Muted.Render(p.c.T("hardship.household_income", f.HouseholdIncome().Display(), f.HouseholdSize)))
	return lines, sel
}

func (p *Page) reviewLines(d *detail) []string {
	st := p.c.Styles
	if len(d.f.Reviews) == 0 {
		return []string{st.Muted.Render(p.c.T("hardship.no_reviews"))}
	}
	var lines []string
	for i := len(d.f.Reviews) - 1; i >= 0; i-- {
		r := d.f.Reviews[i]
		l := r.Date.String() + "  " + r.Reviewer + "  " + r.Finding
		if r.Category != 0 {
			l += "  (" + p.c.T(r.Category.Key()) + ")"
		}
		lines = append(lines, l)
	}
	return lines
}

// aidLines are the year totals and the records, newest first; sel is the
// line of the selected record.
func (p *Page) aidLines(d *detail) (lines []string, sel int) {
	st := p.c.Styles
	for _, y := range d.years {
		var parts []string
		for _, t := range model.AidTypes {
			if v := y.ByType[t]; v != 0 {
				parts = append(parts, p.c.T(t.Key())+" "+v.Display())
			}
		}
		lines = append(lines, st.Label.Render(p.c.T("hardship.year_total", y.Year, y.Count, (y.Cash+y.Goods).Display()))+"  "+
			st.Muted.Render(strings.Join(parts, "  ")))
	}
	if len(d.aid) == 0 {
		return append(lines, st.Muted.Render(p.c.T("hardship.no_aid"))), -1
	}
	lines = append(lines, "")
	sel = -1
	typeW := p.labelWidth(4, "aid.type_warmth", "aid.type_living", "aid.type_medical", "aid.type_school", "aid.type_employment", "aid.type_other")
	for i, a := range d.aid {
		note := a.Goods
		if a.Type == model.AidSchool {
			note = joinNonEmpty(" ", a.Student, p.c.T(a.SchoolLevel.Key()), a.Goods)
		}
		switch {
		case a.ReversalOf != 0:
			note = p.c.T("hardship.is_reversal", a.Reason)
		case d.reversed[a.ID] != 0:
			note += " " + p.c.T("hardship.was_reversed")
		}
		l := a.Date.String() + " " + widget.Fit(p.c.T(a.Type.Key()), typeW, false) + " " +
			widget.Fit(a.Cash.Display(), 10, true) + " " + widget.Fit(a.GoodsValue.Display(), 10, true) + " " +
			widget.Fit(p.c.T(a.Fund.Key()), p.labelWidth(4, "aid.fund_own", "aid.fund_higher", "aid.fund_donation"), false) + " " + note
		l = widget.Fit(l, p.width, false)
		if i == d.aidSel {
			sel = len(lines)
			l = st.TableSelected.Render(l)
		}
		lines = append(lines, l)
	}
	return lines, sel
}

// detailHeaderLines: the title, the pane line and a blank line.
const detailHeaderLines = 3

func (p *Page) detailView() string {
	st := p.c.Styles
	d := p.det
	if d == nil {
		return ""
	}
	if d.err != nil {
		return st.Error.Render(p.c.Err(d.err))
	}
	f := &d.f
	title := st.Title.Render(p.c.T("hardship.detail_title", d.m.Name, d.m.No, f.ID)) + "  " +
		st.Muted.Render(p.unitBy[d.m.UnitID])
	var panes []string
	for i, k := range paneKeys {
		label := p.c.T(k)
		if pane(i) == paneAid {
			label += fmt.Sprintf(" %d", len(d.aid))
		}
		if pane(i) == d.pane {
			panes = append(panes, st.TableSelected.Render(" "+label+" "))
		} else {
			panes = append(panes, st.Muted.Render(" "+label+" "))
		}
	}
	var body []string
	sel := -1
	switch d.pane {
	case paneSummary:
		body = p.summaryLines(d)
	case paneHousehold:
		body, sel = p.householdLines(d)
	case paneReviews:
		body = p.reviewLines(d)
	case paneAid:
		body, sel = p.aidLines(d)
	}
	room := max(1, p.height-detailHeaderLines)
	if d.confirm {
		room = max(1, room-1)
	}
	if sel >= 0 {
		d.offset = max(0, sel-room+1)
	}
	d.offset = min(d.offset, max(0, len(body)-room))
	body = body[d.offset:min(len(body), d.offset+room)]
	out := []string{ansi.Truncate(title, p.width, "~"), ansi.Truncate(strings.Join(panes, " "), p.width, "~"), ""}
	for _, l := range body {
		out = append(out, ansi.Truncate(l, p.width, "~"))
	}
	if d.confirm && d.hhSel < len(f.Household) {
		h := f.Household[d.hhSel]
		out = append(out, st.Warning.Render(ansi.Truncate(p.c.T("hardship.household_confirm_remove", h.Name, h.Relation, f.ID), p.width, "~")))
	}
	return strings.Join(out, "\n")
}

// updateConfirmRemove answers the question whether to remove the selected
// household member: y removes it (the household size stays), anything
// else cancels.
func (p *Page) updateConfirmRemove(km tea.KeyPressMsg) tea.Cmd {
	d := p.det
	d.confirm = false
	if !key.Matches(km, p.c.Keys.Confirm) || d.hhSel >= len(d.f.Household) {
		return common.SetStatus(p.c.T("form.cancelled"), false)
	}
	f := d.f.Clone()
	h := f.Household[d.hhSel]
	f.Household = append(f.Household[:d.hhSel:d.hhSel], f.Household[d.hhSel+1:]...)
	if err := p.c.Store.UpdateHardshipFile(p.c.Operator, &f); err != nil {
		return common.SetStatus(p.c.Err(err), true)
	}
	p.reload()
	p.openDetail(f.ID)
	return tea.Batch(common.SetStatus(p.c.T("hardship.household_removed", h.Name, f.HouseholdSize), false), common.Changed(model.EntityHardship, f.ID))
}
