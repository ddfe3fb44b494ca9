package cases

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// figures shows the case figures of a period as a work summary cites them:
// cases, workers and units, collective disputes, amounts, the share
// resolved by mediation, the risk checks, and the cases by type, channel
// and month. p changes the length of the period, [ and ] move it; taller
// than the screen, the figures scroll under their title.
type figures struct {
	common.ScreenBase
	c    *common.Common
	k    keys
	span span
	f    *model.CaseFigures
	w, h int
	top  int // the first line of the body shown
	err  error
}

func newFigures(c *common.Common, s span) *figures {
	fg := &figures{c: c, k: newKeys(c), span: s}
	fg.load()
	return fg
}

func (fg *figures) load() {
	from, to := fg.span.bounds()
	f, err := fg.c.Store.CaseFigures(from, to)
	fg.err = err
	fg.f = &f
}

func (fg *figures) SetSize(w, h int) { fg.w, fg.h = w, h }

// room is the number of body lines the screen shows under the title.
func (fg *figures) room() int { return max(1, fg.h-2) }

// scroll moves the body by n lines, within it.
func (fg *figures) scroll(n int) {
	fg.top = max(0, min(fg.top+n, len(fg.body())-fg.room()))
}

// scrolls reports a body taller than the screen.
func (fg *figures) scrolls() bool { return len(fg.body()) > fg.room() }

func (fg *figures) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		if isOurs(msg.Entity) {
			fg.load()
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, fg.k.Period):
			fg.span = fg.span.next(fg.c.Today(), false)
		case key.Matches(msg, fg.k.Prev):
			fg.span = fg.span.step(-1)
		case key.Matches(msg, fg.k.Next):
			fg.span = fg.span.step(1)
		default:
			fg.scrollKey(msg)
			return nil
		}
		fg.load()
		fg.scroll(0)
	}
	return nil
}

func (fg *figures) scrollKey(msg tea.KeyPressMsg) {
	g := fg.c.Keys
	switch {
	case key.Matches(msg, g.Down):
		fg.scroll(1)
	case key.Matches(msg, g.Up):
		fg.scroll(-1)
	case key.Matches(msg, g.PageDown):
		fg.scroll(fg.room() - 1)
	case key.Matches(msg, g.PageUp):
		fg.scroll(-(fg.room() - 1))
	case key.Matches(msg, g.Home):
		fg.top = 0
	case key.Matches(msg, g.End):
		fg.scroll(len(fg.body()))
	}
}

// pct is basis points as "66.66%", as stats, the workbooks and the other
// tabs write a rate.
func pct(bp int) string { return fmt.Sprintf("%d.%02d%%", bp/100, bp%100) }

// mediatedRate is the share of closed cases mediated, or "-" before any
// case is closed (there is no rate of nothing, as the dues rate says).
func mediatedRate(f *model.CaseFigures) string {
	if f.Closed == 0 {
		return "-"
	}
	return pct(f.MediatedBP())
}

// summary are the sentences of the period's figures.
func (fg *figures) summary() []string {
	c, f, st := fg.c, fg.f, fg.c.Styles
	num := func(n int) string { return st.Title.Render(strconv.Itoa(n)) }
	money := func(m model.Money) string { return st.Title.Render(m.Display()) }
	r := f.Risk
	return []string{
		c.T("cases.fig_cases", num(f.Cases), num(f.Workers), num(f.Units)),
		c.T("cases.fig_collective", f.CollectiveMin, num(f.Collective), num(f.CollectiveWorkers)),
		c.T("cases.fig_amounts", money(f.Claimed), money(f.Recovered)),
		c.T("cases.fig_closed", num(f.Closed), num(f.Mediated), st.Title.Render(mediatedRate(f)), num(f.Open)),
		c.T("cases.fig_more", num(f.Partial), num(f.LegalAid)),
		c.T("cases.fig_risk", num(r.Checks), num(r.Units), num(r.WithRisk), num(r.Resolved)),
		c.T("cases.fig_risk_open", num(r.OpenUnits)),
	}
}

// table draws a breakdown: a label, cases, workers and, when room, the
// amount in dispute and then the amount recovered.
func (fg *figures) table(title string, groups []model.CaseGroup, label func(model.CaseGroup) string, w int) []string {
	c, st := fg.c, fg.c.Styles
	numW := max(4, ansi.StringWidth(c.T("cases.fig_col_cases")))
	wkW := max(5, ansi.StringWidth(c.T("cases.fig_col_workers")))
	amtW := 12
	withAmt, withRec := w >= 44, w >= 57
	labelW := w - numW - wkW - 2
	if withAmt {
		labelW -= amtW + 1
	}
	if withRec {
		labelW -= amtW + 1
	}
	labelW = max(4, labelW)
	line := func(l, n, wk, amt, rec string) string {
		s := widget.Fit(l, labelW, false) + " " + widget.Fit(n, numW, true) + " " + widget.Fit(wk, wkW, true)
		if withAmt {
			s += " " + widget.Fit(amt, amtW, true)
		}
		if withRec {
			s += " " + widget.Fit(rec, amtW, true)
		}
		return s
	}
	out := []string{st.Label.Render(line(title, c.T("cases.fig_col_cases"), c.T("cases.fig_col_workers"), c.T("cases.fig_col_claimed"), c.T("cases.fig_col_recovered")))}
	for _, g := range groups {
		out = append(out, line(label(g), strconv.Itoa(g.Cases), strconv.Itoa(g.Workers), g.Claimed.Display(), g.Recovered.Display()))
	}
	if len(groups) == 0 {
		out = append(out, st.Muted.Render(c.T("cases.fig_none")))
	}
	return out
}

func (fg *figures) View() string {
	c, st := fg.c, fg.c.Styles
	from, to := fg.span.bounds()
	head := st.Title.Render(c.T("cases.figures_title", fg.span.label(c))) + "  " + st.Muted.Render(c.T("cases.date_range", from.String(), to.String()))
	lines := []string{ansi.Truncate(head, fg.w, "~"), ""}
	if fg.err != nil {
		return strings.Join(append(lines, st.Error.Render(c.Err(fg.err))), "\n")
	}
	body := fg.body()
	top := max(0, min(fg.top, len(body)-fg.room()))
	shown := slices.Clone(body[top:min(len(body), top+fg.room())])
	if top > 0 {
		shown[0] = st.Muted.Render(c.T("cases.more_above", top+1, c.Keys.Up.Help().Key))
	}
	if below := len(body) - top - len(shown); below > 0 && len(shown) > 1 {
		shown[len(shown)-1] = st.Muted.Render(c.T("cases.more_below", below+1, c.Keys.Down.Help().Key))
	}
	out := append(lines, shown...)
	for i, l := range out {
		out[i] = ansi.Truncate(l, fg.w, "~")
	}
	return strings.Join(out, "\n")
}

// body is every line under the title: the sentences, then the cases by
// type and channel side by side where two tables with their amounts fit
// (else one under the other), then by month (beside them from 140 cells).
func (fg *figures) body() []string {
	c, f := fg.c, fg.f
	if fg.err != nil {
		return nil
	}
	lines := append(fg.summary(), "")
	typeLabel := func(g model.CaseGroup) string { return c.T(g.Type.Key()) }
	chanLabel := func(g model.CaseGroup) string { return c.T(g.Channel.Key()) }
	monthLabel := func(g model.CaseGroup) string { return g.Month.String() }
	switch {
	case fg.w >= 140:
		colW := (fg.w - 4) / 3
		return append(lines, columns(colW,
			fg.table(c.T("cases.by_type"), f.ByType, typeLabel, colW),
			fg.table(c.T("cases.by_channel"), f.ByChannel, chanLabel, colW),
			fg.table(c.T("cases.by_month"), f.ByMonth, monthLabel, colW))...)
	case fg.w >= 90:
		colW := (fg.w - 2) / 2
		lines = append(lines, columns(colW,
			fg.table(c.T("cases.by_type"), f.ByType, typeLabel, colW),
			fg.table(c.T("cases.by_channel"), f.ByChannel, chanLabel, colW))...)
		return append(append(lines, ""), fg.table(c.T("cases.by_month"), f.ByMonth, monthLabel, colW)...)
	}
	lines = append(lines, fg.table(c.T("cases.by_type"), f.ByType, typeLabel, fg.w)...)
	lines = append(append(lines, ""), fg.table(c.T("cases.by_channel"), f.ByChannel, chanLabel, fg.w)...)
	return append(append(lines, ""), fg.table(c.T("cases.by_month"), f.ByMonth, monthLabel, fg.w)...)
}

// columns lays blocks of lines side by side, each padded to w cells.
func columns(w int, blocks ...[]string) []string {
	n := 0
	for _, b := range blocks {
		n = max(n, len(b))
	}
	out := make([]string, n)
	for i := range n {
		var sb strings.Builder
		for j, b := range blocks {
			cell := ""
			if i < len(b) {
				cell = ansi.Truncate(b[i], w, "~")
			}
			if j < len(blocks)-1 {
				cell += strings.Repeat(" ", max(0, w-ansi.StringWidth(cell))) + "  "
			}
			sb.WriteString(cell)
		}
		out[i] = strings.TrimRight(sb.String(), " ")
	}
	return out
}

func (fg *figures) ShortHelp() []key.Binding {
	h := []key.Binding{fg.k.Period, fg.k.Prev, fg.k.Next}
	if fg.scrolls() {
		h = append(h, fg.c.Keys.Down, fg.c.Keys.Up)
	}
	return h
}

func (fg *figures) FullHelp() [][]key.Binding {
	groups := [][]key.Binding{fg.ShortHelp()}
	if fg.scrolls() {
		g := fg.c.Keys
		groups = append(groups, []key.Binding{g.Up, g.Down, g.PageUp, g.PageDown, g.Home, g.End})
	}
	return groups
}
