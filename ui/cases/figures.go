package cases

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

// figures shows the case figures of a period as a work summary cites them:
// cases, workers and units, collective disputes, amounts, the share
// resolved by mediation, the risk checks, and the cases by type, channel
// and month. p changes the length of the period, [ and ] move it.
type figures struct {
	common.ScreenBase
	c    *common.Common
	k    keys
	span span
	f    *model.CaseFigures
	w, h int
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
			return nil
		}
		fg.load()
	}
	return nil
}

// pct is basis points as "66.66%", as stats, the workbooks and the other
// tabs write a rate.
func pct(bp int) string { return fmt.Sprintf("%d.%02d%%", bp/100, bp%100) }

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
		c.T("cases.fig_closed", num(f.Closed), num(f.Mediated), st.Title.Render(pct(f.MediatedBP())), num(f.Open)),
		c.T("cases.fig_more", num(f.Partial), num(f.LegalAid)),
		c.T("cases.fig_risk", num(r.Checks), num(r.Units), num(r.WithRisk), num(r.Resolved)),
		c.T("cases.fig_risk_open", num(r.OpenUnits)),
	}
}

// table draws a breakdown: a label, cases, workers and, when room, the
// amount in dispute and then the amount recovered.
func (fg *figures) table(title string, groups []model.CaseGroup, label func(model.CaseGroup) string, w, limit int) []string {
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
	shown := groups
	if limit > 0 && len(shown) > limit {
		shown = withCases(groups) // the months without cases give way first
	}
	if limit > 0 && len(shown) > limit {
		shown = shown[:limit]
	}
	for _, g := range shown {
		out = append(out, line(label(g), strconv.Itoa(g.Cases), strconv.Itoa(g.Workers), g.Claimed.Display(), g.Recovered.Display()))
	}
	switch hidden := len(groups) - len(shown); {
	case hidden == 0:
	case len(withCases(groups)) == len(shown) && len(shown) <= limit:
		out = append(out, st.Muted.Render(widget.Fit(c.T("cases.fig_rows_empty", hidden), w, false)))
	default:
		out = append(out, st.Muted.Render(widget.Fit(c.T("cases.fig_rows_more", hidden), w, false)))
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
	f := fg.f
	lines = append(lines, fg.summary()...)
	lines = append(lines, "")
	typeLabel := func(g model.CaseGroup) string { return c.T(g.Type.Key()) }
	chanLabel := func(g model.CaseGroup) string { return c.T(g.Channel.Key()) }
	monthLabel := func(g model.CaseGroup) string { return g.Month.String() }
	room := fg.h - len(lines)
	var body []string
	switch {
	case fg.w >= 140:
		colW := (fg.w - 4) / 3
		body = columns(colW,
			fg.table(c.T("cases.by_type"), f.ByType, typeLabel, colW, 0),
			fg.table(c.T("cases.by_channel"), f.ByChannel, chanLabel, colW, 0),
			fg.table(c.T("cases.by_month"), f.ByMonth, monthLabel, colW, max(1, room-2)))
	case fg.w >= 76:
		colW := (fg.w - 2) / 2
		body = columns(colW,
			fg.table(c.T("cases.by_type"), f.ByType, typeLabel, colW, 0),
			fg.table(c.T("cases.by_channel"), f.ByChannel, chanLabel, colW, 0))
		if rest := room - len(body) - 1; rest >= 3 {
			body = append(body, "")
			body = append(body, fg.table(c.T("cases.by_month"), f.ByMonth, monthLabel, colW, rest-2)...)
		}
	default:
		body = fg.table(c.T("cases.by_type"), f.ByType, typeLabel, fg.w, 0)
		body = append(append(body, ""), fg.table(c.T("cases.by_channel"), f.ByChannel, chanLabel, fg.w, 0)...)
	}
	if len(body) > room {
		body = body[:max(0, room)]
	}
	lines = append(lines, body...)
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, fg.w, "~")
	}
	return strings.Join(lines, "\n")
}

// withCases are the groups that have cases.
func withCases(gs []model.CaseGroup) []model.CaseGroup {
	var out []model.CaseGroup
	for _, g := range gs {
		if g.Cases > 0 {
			out = append(out, g)
		}
	}
	return out
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
	return []key.Binding{fg.k.Period, fg.k.Prev, fg.k.Next}
}

func (fg *figures) FullHelp() [][]key.Binding { return [][]key.Binding{fg.ShortHelp()} }
