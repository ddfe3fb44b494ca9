package units

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// figures shows 建会率 and 入会率 by period (this year, its halves, the
// survey year, last year) and the survey items on today's date, computed
// as the district package and stats compute them (model.Rates, model.Survey).
type figures struct {
	common.ScreenBase
	c      *common.Common
	rates  []model.OrgRates
	labels []string
	survey model.SurveyTotals
	table  widget.Table
	err    error
	width  int
	height int
}

func newFigures(c *common.Common) *figures {
	f := &figures{c: c, table: widget.NewTable(nil, c.TableStyles())}
	f.table.SetOrigin(0, 2)
	// Each figure column is as wide as its heading or its widest value
	// ("100.00%", "12000/15000"), so the period keeps the rest.
	fit := func(k string, least int) int { return max(least, ansi.StringWidth(c.T(k))) }
	f.table.SetColumns([]widget.Column{
		{Title: c.T("figures.col_period"), Width: 16, Flex: 1},
		{Title: c.T("figures.col_union_rate"), Width: fit("figures.col_union_rate", 7), AlignRight: true},
		{Title: c.T("figures.col_organised"), Width: fit("figures.col_organised", 9), AlignRight: true},
		{Title: c.T("figures.col_membership_rate"), Width: fit("figures.col_membership_rate", 7), AlignRight: true},
		{Title: c.T("figures.col_members"), Width: fit("figures.col_members", 11), AlignRight: true},
		{Title: c.T("figures.col_formed"), Width: fit("figures.col_formed", 4), AlignRight: true},
	})
	f.load()
	return f
}

func (f *figures) load() {
	d, err := f.c.Store.OrgData()
	if err != nil {
		f.err = err
		return
	}
	today := f.c.Today()
	y := today.Year()
	sy := y
	if today.MonthOfYear() >= 10 {
		sy++
	}
	f.rates, f.labels = f.rates[:0], f.labels[:0]
	for _, p := range []struct {
		text  string
		label string
	}{{strconv.Itoa(y), f.c.T("figures.year", y)}, {strconv.Itoa(y) + "-H1", f.c.T("figures.h1", y)},
		{strconv.Itoa(y) + "-H2", f.c.T("figures.h2", y)}, {"survey", f.c.T("figures.survey_year", sy)},
		{strconv.Itoa(y - 1), f.c.T("figures.year", y-1)}} {
		var per model.Period
		if p.text == "survey" {
			per = model.SurveyYear(sy)
		} else if per, err = model.ParsePeriod(p.text); err != nil {
			continue
		}
		if per.First() > today {
			continue // not begun
		}
		f.rates = append(f.rates, model.RatesAsOf(per, today, d.Units, d.Employers, d.Members))
		if per.Last() > today {
			p.label += f.c.T("figures.so_far")
		}
		f.labels = append(f.labels, p.label)
	}
	f.survey = model.Total(model.Survey(d.Units, model.MemberCounts(d.Members, today), today, d.Profile.OrgRules()))
	f.table.SetRows(len(f.rates), func(row, col int) string {
		r := f.rates[row]
		switch col {
		case 0:
			return f.labels[row]
		case 1:
			return rate(r.UnionRateBP, r.EmployersOrganised+r.EmployersUnorganised)
		case 2:
			return fmt.Sprintf("%d/%d", r.EmployersOrganised, r.EmployersOrganised+r.EmployersUnorganised)
		case 3:
			return rate(r.MembershipRateBP, r.Employees)
		case 4:
			return fmt.Sprintf("%d/%d", r.Members, r.Employees)
		}
		return strconv.Itoa(r.Formed)
	})
}

// head is the title with the rule of the rates beside it, or under it
// (wrapped between clauses) where the width is too small.
func (f *figures) head() []string {
	st := f.c.Styles
	title, rule := f.c.T("figures.title"), f.c.T("figures.rule")
	if ansi.StringWidth(title+"  "+rule) <= f.width {
		return []string{st.Title.Render(title) + "  " + st.Muted.Render(rule)}
	}
	out := []string{st.Title.Render(ansi.Truncate(title, f.width, "~"))}
	for _, l := range wrap(rule, f.width) {
		out = append(out, st.Muted.Render(l))
	}
	return out
}

func (f *figures) SetSize(w, h int) {
	f.width, f.height = w, h
	f.table.SetOrigin(0, len(f.head())+1)
	f.table.SetSize(w, len(f.rates)+1)
}

func (f *figures) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(common.DataChangedMsg); ok {
		f.load()
		f.table.SetSize(f.width, len(f.rates)+1)
	}
	return nil
}

func (f *figures) View() string {
	st := f.c.Styles
	var b strings.Builder
	for _, l := range f.head() {
		b.WriteString(l + "\n")
	}
	b.WriteString("\n")
	if f.err != nil {
		return b.String() + st.Error.Render(f.c.Err(f.err))
	}
	b.WriteString(f.table.View() + "\n\n")
	t := f.survey
	b.WriteString(st.Title.Render(f.c.T("figures.survey_title", f.c.Today().String())) + "\n")
	items := []string{
		f.c.T("figures.units_line", t.Units, t.JointUnits, t.CoveredEmployers, t.CoveredMembers),
		f.c.T("figures.committees_line", t.Committees["women"], t.Committees["audit"], t.Committees["law_watch"],
			t.Committees["mediation"], t.Committees["protection"]),
		f.c.T("figures.congress_line", t.WorkersCongress, t.Delegates, t.WomenDelegates, t.OpenAffairs),
		f.c.T("figures.agreements_line", t.Contracts, t.ContractCovered, t.WageAgreements, t.WageCovered, t.WomenContracts),
		f.c.T("figures.home_line", t.ModelHomes, t.Bookhouses, t.StaffFull, t.StaffPart, t.ElectionsDue),
	}
	for _, l := range items {
		for _, w := range wrap(l, f.width) {
			b.WriteString(w + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// wrap breaks a line of figures at the display width w (Chinese two
// cells) between its clauses (after "，", "；", ", " or "; "), so that a
// label never parts from its figure; a clause wider than w alone is
// broken at its spaces.
func wrap(s string, w int) []string {
	if w <= 0 || ansi.StringWidth(s) <= w {
		return []string{s}
	}
	var lines []string
	cur := ""
	flush := func() {
		if cur = strings.TrimSpace(cur); cur != "" {
			lines = append(lines, strings.Split(ansi.Wrap(cur, w, ""), "\n")...)
		}
		cur = ""
	}
	for _, c := range clauses(s) {
		if cur != "" && ansi.StringWidth(strings.TrimRight(cur+c, " ")) > w {
			flush()
		}
		cur += c
	}
	flush()
	return lines
}

// clauses splits s after each clause separator, keeping it (and a space
// after it) with the clause before.
func clauses(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		switch r {
		case '，', '；', '、':
			out = append(out, s[start:i+len(string(r))])
			start = i + len(string(r))
		case ',', ';':
			if end := i + 1; end == len(s) || s[end] == ' ' {
				out = append(out, s[start:min(end+1, len(s))])
				start = min(end+1, len(s))
			}
		}
	}
	return append(out, s[start:])
}

func (f *figures) ShortHelp() []key.Binding { return []key.Binding{f.c.Keys.Back} }

func (f *figures) FullHelp() [][]key.Binding {
	k := f.c.Keys
	return [][]key.Binding{{k.Back, k.Tabs, k.Help, k.Quit}}
}
