package events

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/widget"
)

// periodKind is the length of the figures' period.
type periodKind int

const (
	periodYear periodKind = iota
	periodHalf            // 上半年 / 下半年, the work report's period
	periodQuarter
	periodMonth
	numPeriodKinds
)

// period is a year, a half, a quarter or a month.
type period struct {
	kind  periodKind
	year  int
	index int // half 1-2, quarter 1-4, month 1-12
}

func yearPeriod(today model.Date) period { return period{kind: periodYear, year: today.Year()} }

// around is the period of the kind that holds d.
func around(kind periodKind, d model.Date) period {
	m := d.MonthOfYear()
	switch kind {
	case periodHalf:
		return period{kind, d.Year(), (m-1)/6 + 1}
	case periodQuarter:
		return period{kind, d.Year(), (m-1)/3 + 1}
	case periodMonth:
		return period{kind, d.Year(), m}
	}
	return period{kind: periodYear, year: d.Year()}
}

func (pd period) months() int {
	switch pd.kind {
	case periodHalf:
		return 6
	case periodQuarter:
		return 3
	case periodMonth:
		return 1
	}
	return 12
}

// bounds are the first and last day of the period.
func (pd period) bounds() (model.Date, model.Date) {
	n := pd.months()
	first := 1
	if pd.kind != periodYear {
		first = (pd.index-1)*n + 1
	}
	from := model.Month(pd.year*100 + first)
	to := from.Add(n - 1)
	return from.First(), to.Last()
}

// step moves by d periods of the same kind.
func (pd period) step(d int) period {
	from, _ := pd.bounds()
	return around(pd.kind, from.Month().Add(d*pd.months()).First())
}

func (p *Page) periodName(pd period) string {
	switch pd.kind {
	case periodHalf:
		if pd.index == 2 {
			return p.c.T("events.period_half2", pd.year)
		}
		return p.c.T("events.period_half1", pd.year)
	case periodQuarter:
		return p.c.T("events.period_quarter", pd.year, pd.index)
	case periodMonth:
		return p.c.T("events.period_month", pd.year, pd.index)
	}
	return p.c.T("events.period_year", pd.year)
}

func (p *Page) openFigures() {
	p.mode = modeFigures
	p.loadFigures()
}

func (p *Page) loadFigures() {
	from, to := p.period.bounds()
	f, err := p.c.Store.EventFigures(from, to)
	if err != nil {
		p.err = err
		p.figures = nil
		return
	}
	p.figures = &f
}

func (p *Page) updateFigures(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case km.String() == "esc":
		p.mode = modeList
		return nil
	case key.Matches(km, p.k.Period):
		// The new kind's period around today when today is in the
		// current period, else around its first day.
		from, to := p.period.bounds()
		anchor := from
		if today := p.c.Today(); today >= from && today <= to {
			anchor = today
		}
		p.period = around((p.period.kind+1)%numPeriodKinds, anchor)
	case key.Matches(km, p.k.PrevMonth):
		p.period = p.period.step(-1)
	case key.Matches(km, p.k.NextMonth):
		p.period = p.period.step(1)
	default:
		return nil
	}
	p.loadFigures()
	return nil
}

// figRow is one line of a breakdown: a label and events, 人次, cost.
func (p *Page) figRows(title string, groups []model.EventGroup, label func(model.EventGroup) string, width int, limit int, withCost bool) []string {
	st := p.c.Styles
	numW := max(5, p.widest(0, "events.fig_events"))
	ptW := max(6, p.widest(0, "events.fig_people"))
	costW := 11
	showCost := withCost && width >= 44
	labelW := width - numW - ptW - 2
	if showCost {
		labelW -= costW + 1
	}
	labelW = max(4, labelW)
	head := widget.Fit(title, labelW, false) + " " + widget.Fit(p.c.T("events.fig_events"), numW, true) + " " + widget.Fit(p.c.T("events.fig_people"), ptW, true)
	if showCost {
		head += " " + widget.Fit(p.c.T("events.fig_cost"), costW, true)
	}
	out := []string{st.Label.Render(head)}
	if len(groups) == 0 {
		return append(out, st.Muted.Render(widget.Fit(p.c.T("events.fig_none"), width, false)))
	}
	shown := groups
	if limit > 0 && len(shown) > limit {
		shown = shown[:limit]
	}
	for _, g := range shown {
		l := widget.Fit(label(g), labelW, false) + " " + widget.Fit(strconv.Itoa(g.Events), numW, true) + " " + widget.Fit(strconv.Itoa(g.PersonTimes), ptW, true)
		if showCost {
			l += " " + widget.Fit(g.Cost.Display(), costW, true)
		}
		out = append(out, l)
	}
	if len(shown) < len(groups) {
		out = append(out, st.Muted.Render(widget.Fit(p.c.T("events.fig_more", len(groups)-len(shown)), width, false)))
	}
	return out
}

func (p *Page) figuresView() string {
	st := p.c.Styles
	from, to := p.period.bounds()
	head := st.Title.Render(p.c.T("events.figures_title", p.periodName(p.period))) + "  " +
		st.Muted.Render(p.c.T("events.date_range", from.String(), to.String()))
	lines := []string{ansi.Truncate(head, p.width, "~")}
	if p.err != nil {
		return lines[0] + "\n" + st.Error.Render(p.c.Err(p.err))
	}
	f := p.figures
	if f == nil {
		return lines[0]
	}
	sep := p.c.T("events.colon")
	lines = append(lines, ansi.Truncate(
		st.Label.Render(p.c.T("events.total_events")+sep)+strconv.Itoa(f.Events)+"  "+
			st.Label.Render(p.c.T("events.total_people")+sep)+p.c.T("events.people_brief", f.PersonTimes, f.Members, f.Others)+"  "+
			st.Label.Render(p.c.T("events.total_cost")+sep)+f.Cost.Display(), p.width, "~"), "")
	typeLabel := func(g model.EventGroup) string { return p.c.T(g.Type.Key()) }
	monthLabel := func(g model.EventGroup) string { return g.Month.String() }
	unitLabel := func(g model.EventGroup) string { return p.unitLabel(g.Unit) }
	memberUnitLabel := func(g model.EventGroup) string {
		if g.Unit == 0 {
			return p.c.T("events.no_unit")
		}
		return p.unitLabel(g.Unit)
	}
	room := p.height - len(lines)
	var body []string
	if p.width >= 76 {
		colW := (p.width - 2) / 2
		left := p.figRows(p.c.T("events.by_type"), f.ByType, typeLabel, colW, 0, true)
		right := p.figRows(p.c.T("events.by_month"), f.ByMonth, monthLabel, colW, 0, true)
		body = sideBySide(left, right, colW)
		rest := room - len(body) - 1
		if rest >= 3 {
			per := rest
			wide := p.width >= 100
			if wide {
				left = p.figRows(p.c.T("events.by_unit"), f.ByUnit, unitLabel, colW, per-2, true)
				right = p.figRows(p.c.T("events.by_member_unit"), f.ByMemberUnit, memberUnitLabel, colW, per-2, false)
				body = append(body, "")
				body = append(body, sideBySide(left, right, colW)...)
			} else {
				body = append(body, "")
				body = append(body, p.figRows(p.c.T("events.by_unit"), f.ByUnit, unitLabel, p.width, max(1, per-2), true)...)
			}
		}
	} else {
		body = append(body, p.figRows(p.c.T("events.by_type"), f.ByType, typeLabel, p.width, 0, true)...)
		body = append(body, "")
		body = append(body, p.figRows(p.c.T("events.by_month"), f.ByMonth, monthLabel, p.width, 0, true)...)
	}
	if len(body) > room {
		body = body[:max(0, room)]
	}
	for _, l := range body {
		lines = append(lines, ansi.Truncate(l, p.width, "~"))
	}
	return strings.Join(lines, "\n")
}

// sideBySide joins two columns of lines, the left one padded to w cells.
func sideBySide(left, right []string, w int) []string {
	var out []string
	for i := range max(len(left), len(right)) {
		l := ""
		if i < len(left) {
			l = ansi.Truncate(left[i], w, "~")
		}
		l += strings.Repeat(" ", max(0, w-ansi.StringWidth(l))) + "  "
		if i < len(right) {
			l += right[i]
		}
		out = append(out, strings.TrimRight(l, " "))
	}
	return out
}
