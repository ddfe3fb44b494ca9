package events

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// figures shows the events of a period (a year, a half, a quarter or a
// month): events and 人次 by type, month, organising unit and the
// participants' units, with the cost.
type figures struct {
	common.ScreenBase
	c      *common.Common
	k      *keys
	period *period // the list's, so the period stays between visits
	units  units
	f      *model.EventFigures
	err    error
	w, h   int
}

func newFigures(c *common.Common, k *keys, pd *period) *figures {
	fs := &figures{c: c, k: k, period: pd}
	fs.load()
	return fs
}

func (fs *figures) load() {
	from, to := fs.period.bounds()
	var err error
	if fs.units, err = loadUnits(fs.c); err != nil {
		fs.f, fs.err = nil, err
		return
	}
	f, err := fs.c.Store.EventFigures(from, to)
	if err != nil {
		fs.f, fs.err = nil, err
		return
	}
	fs.f, fs.err = &f, nil
}

func (fs *figures) SetSize(w, h int) { fs.w, fs.h = w, h }

func (fs *figures) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		fs.load()
	case tea.KeyPressMsg:
		pd := fs.period
		switch {
		case key.Matches(msg, fs.k.Period):
			// The new kind's period around today when today is in the
			// current period, else around its first day.
			from, to := pd.bounds()
			anchor := from
			if today := fs.c.Today(); today >= from && today <= to {
				anchor = today
			}
			*pd = around((pd.kind+1)%numPeriodKinds, anchor)
		case key.Matches(msg, fs.k.PrevMonth):
			*pd = pd.step(-1)
		case key.Matches(msg, fs.k.NextMonth):
			*pd = pd.step(1)
		default:
			return nil
		}
		fs.load()
	}
	return nil
}

// figRows are the lines of a breakdown: a label, events, 人次 and cost.
func (fs *figures) figRows(title string, groups []model.EventGroup, label func(model.EventGroup) string, width int, limit int, withCost bool) []string {
	c, st := fs.c, fs.c.Styles
	numW := max(5, widest(c, 0, "events.fig_events"))
	ptW := max(6, widest(c, 0, "events.fig_people"))
	costW := 11
	showCost := withCost && width >= 44
	labelW := width - numW - ptW - 2
	if showCost {
		labelW -= costW + 1
	}
	labelW = max(4, labelW)
	head := widget.Fit(title, labelW, false) + " " + widget.Fit(c.T("events.fig_events"), numW, true) + " " + widget.Fit(c.T("events.fig_people"), ptW, true)
	if showCost {
		head += " " + widget.Fit(c.T("events.fig_cost"), costW, true)
	}
	out := []string{st.Label.Render(head)}
	if len(groups) == 0 {
		return append(out, st.Muted.Render(widget.Fit(c.T("events.fig_none"), width, false)))
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
		out = append(out, st.Muted.Render(widget.Fit(c.T("events.fig_more", len(groups)-len(shown)), width, false)))
	}
	return out
}

func (fs *figures) View() string {
	c, st := fs.c, fs.c.Styles
	from, to := fs.period.bounds()
	head := st.Title.Render(c.T("events.figures_title", fs.period.name(c))) + "  " +
		st.Muted.Render(c.T("events.date_range", from.String(), to.String()))
	lines := []string{ansi.Truncate(head, fs.w, "~")}
	if fs.err != nil {
		return lines[0] + "\n" + st.Error.Render(c.Err(fs.err))
	}
	f := fs.f
	if f == nil {
		return lines[0]
	}
	sep := c.T("events.colon")
	lines = append(lines, ansi.Truncate(
		st.Label.Render(c.T("events.total_events")+sep)+strconv.Itoa(f.Events)+"  "+
			st.Label.Render(c.T("events.total_people")+sep)+c.T("events.people_brief", f.PersonTimes, f.Members, f.Others)+"  "+
			st.Label.Render(c.T("events.total_cost")+sep)+f.Cost.Display(), fs.w, "~"), "")
	typeLabel := func(g model.EventGroup) string { return c.T(g.Type.Key()) }
	monthLabel := func(g model.EventGroup) string { return g.Month.String() }
	unitLabel := func(g model.EventGroup) string { return fs.units.label(g.Unit) }
	memberUnitLabel := func(g model.EventGroup) string {
		if g.Unit == 0 {
			return c.T("events.no_unit")
		}
		return fs.units.label(g.Unit)
	}
	room := fs.h - len(lines)
	var body []string
	if fs.w >= 76 {
		colW := (fs.w - 2) / 2
		left := fs.figRows(c.T("events.by_type"), f.ByType, typeLabel, colW, 0, true)
		right := fs.figRows(c.T("events.by_month"), f.ByMonth, monthLabel, colW, 0, true)
		body = sideBySide(left, right, colW)
		if rest := room - len(body) - 1; rest >= 3 {
			if fs.w >= 100 {
				left = fs.figRows(c.T("events.by_unit"), f.ByUnit, unitLabel, colW, rest-2, true)
				right = fs.figRows(c.T("events.by_member_unit"), f.ByMemberUnit, memberUnitLabel, colW, rest-2, false)
				body = append(body, "")
				body = append(body, sideBySide(left, right, colW)...)
			} else {
				body = append(body, "")
				body = append(body, fs.figRows(c.T("events.by_unit"), f.ByUnit, unitLabel, fs.w, max(1, rest-2), true)...)
			}
		}
	} else {
		body = append(body, fs.figRows(c.T("events.by_type"), f.ByType, typeLabel, fs.w, 0, true)...)
		body = append(body, "")
		body = append(body, fs.figRows(c.T("events.by_month"), f.ByMonth, monthLabel, fs.w, 0, true)...)
	}
	if len(body) > room {
		body = body[:max(0, room)]
	}
	for _, l := range body {
		lines = append(lines, ansi.Truncate(l, fs.w, "~"))
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

func (fs *figures) ShortHelp() []key.Binding {
	return []key.Binding{fs.k.Period, fs.k.PrevMonth, fs.k.NextMonth, fs.c.Keys.Back}
}

func (fs *figures) FullHelp() [][]key.Binding { return [][]key.Binding{fs.ShortHelp()} }
