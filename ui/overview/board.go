package overview

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// board is the overview's one screen: the figure cards, the sections'
// lines and the chart of the year's collection.
type board struct {
	common.ScreenBase
	c        *common.Common
	sections []common.OverviewSection
	f        *Figures
	err      error
	seq      int // the number of the latest load; older results are dropped
	width    int
	height   int
}

func newBoard(c *common.Common, sections []common.OverviewSection) *board {
	return &board{c: c, sections: sections}
}

// load starts computing the figures.
func (b *board) load() tea.Cmd {
	b.seq++
	return loadFigures(b.seq, b.c.Store, b.c.Today(), b.sections)
}

func (b *board) SetSize(w, h int) { b.width, b.height = w, h }

// Update takes the computed figures and computes them again after writes.
func (b *board) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.seq != b.seq {
			return nil // a newer load is under way
		}
		b.err = msg.err
		if msg.err == nil {
			f := msg.f
			b.f = &f
		}
	case common.DataChangedMsg:
		return b.load()
	}
	return nil
}

// View draws the figures.
func (b *board) View() string {
	st := b.c.Styles
	if b.err != nil {
		return st.Error.Render(b.c.Err(b.err))
	}
	if b.f == nil {
		return st.Muted.Render(b.c.T("overview.loading"))
	}
	f := b.f
	ms := f.Members
	var out strings.Builder
	card := func(label, value string) string {
		return st.Label.Render(label+" ") + st.Title.Render(value)
	}
	line1 := []string{
		card(b.c.T("overview.members"), fmt.Sprint(ms.MembersByStatus.Active+ms.MembersByStatus.Retained)),
		card(b.c.T("overview.active"), fmt.Sprint(ms.MembersByStatus.Active)),
		card(b.c.T("overview.units"), fmt.Sprint(ms.Units)),
		card(b.c.T("overview.balance"), f.Balance.Display()),
	}
	line2 := []string{
		card(b.c.T("overview.dues_rate", f.Year), rateText(f.Paid, f.Due)),
		card(b.c.T("overview.paid"), f.Paid.Display()),
		card(b.c.T("overview.due"), f.Due.Display()),
		card(b.c.T("overview.arrears", f.ArrearsMin), fmt.Sprint(f.InArrears)),
	}
	out.WriteString(flow(line1, b.width) + "\n")
	out.WriteString(flow(line2, b.width) + "\n")
	if note := b.duesNote(); note != "" {
		out.WriteString(st.Muted.Render(ansi.Wrap(note, b.width, "")) + "\n")
	}
	out.WriteString("\n")
	for i, sec := range b.sections {
		if i < len(f.Extra) {
			for _, l := range sec.Render(b.c, f.Extra[i], b.width) {
				// wrap rather than cut: the chart below gives way instead
				out.WriteString(ansi.Wrap(l, b.width, "") + "\n")
			}
		}
	}
	if len(b.sections) > 0 {
		out.WriteString("\n")
	}
	used := strings.Count(out.String(), "\n") + 1 // and the chart's title
	out.WriteString(st.Title.Render(b.c.T("overview.chart_title", f.Year)) + "\n")
	out.WriteString(b.chart(b.height - used))
	return out.String()
}

// duesNote says what of the dues figures was reported rather than
// recorded, and who is left out of the arrears for want of a wage base.
func (b *board) duesNote() string {
	f := b.f
	var parts []string
	if f.Reported != 0 || f.Unreported > 0 {
		parts = append(parts, b.c.T("overview.dues_reported", f.Reported.Display(), f.Unreported))
	}
	if f.NoBase > 0 {
		parts = append(parts, b.c.T("overview.no_base", f.NoBase))
	}
	return strings.Join(parts, b.c.T("overview.note_sep"))
}

// chart draws the collection rate of each month as a horizontal bar. Bars
// are coloured spaces and '#', never block glyphs, whose width CJK
// terminals disagree on; the Chinese month labels sit outside the bars.
//
// room is the number of lines left: with fewer than the twelve months and
// the legend, the chart keeps the latest months up to this one.
func (b *board) chart(room int) string {
	st := b.c.Styles
	labelW := 0
	labels := make([]string, 12)
	for i := range labels {
		labels[i] = b.c.T("overview.month", i+1)
		labelW = max(labelW, ansi.StringWidth(labels[i]))
	}
	figW := 9 // "100.00%"
	moneyW := 14
	showMoney := b.width >= 80
	barW := b.width - labelW - figW - 4
	if showMoney {
		barW -= 2 * (moneyW + 1)
	}
	barW = max(10, barW)
	full := lipgloss.NewStyle().Foreground(lipgloss.Color("35"))
	var out strings.Builder
	today := b.c.Today()
	months := b.f.Months
	first := 0
	legend := showMoney
	if room > 0 && room < len(months)+1 {
		legend = false
		last := min(len(months), max(1, b.c.Today().MonthOfYear()))
		if b.f.Year != b.c.Today().Year() {
			last = len(months)
		}
		first = max(0, last-room)
		months = months[first:last]
	}
	for j, m := range months {
		i := first + j
		label := labels[i] + strings.Repeat(" ", labelW-ansi.StringWidth(labels[i]))
		if m.Month > today.Month() && m.Due == 0 && m.Paid == 0 {
			out.WriteString(st.Muted.Render(label) + "\n")
			continue
		}
		filled := 0
		if m.Due > 0 {
			filled = int(min(int64(barW), int64(m.Paid)*int64(barW)/int64(m.Due)))
		}
		bar := full.Render(strings.Repeat("#", filled)) + st.Muted.Render(strings.Repeat(".", barW-filled))
		line := label + " " + bar + " " + fmt.Sprintf("%*s", figW-1, rateText(m.Paid, m.Due))
		if showMoney {
			line += " " + fmt.Sprintf("%*s", moneyW, m.Paid.Display()) + " " + st.Muted.Render(fmt.Sprintf("%*s", moneyW, m.Due.Display()))
		}
		out.WriteString(line + "\n")
	}
	if legend {
		pad := strings.Repeat(" ", labelW+1+barW+1+figW-1)
		out.WriteString(st.Muted.Render(pad + " " + widget.Fit(b.c.T("overview.paid"), moneyW, true) + " " + widget.Fit(b.c.T("overview.due"), moneyW, true)))
	}
	return strings.TrimRight(out.String(), "\n")
}

// ShortHelp lists the app's keys.
func (b *board) ShortHelp() []key.Binding {
	k := b.c.Keys
	return []key.Binding{k.Tabs, k.Help, k.Quit}
}

// FullHelp lists the app's keys.
func (b *board) FullHelp() [][]key.Binding {
	k := b.c.Keys
	return [][]key.Binding{{k.Tabs, k.Help, k.Quit}}
}

// flow lays cards out on as many lines as the width needs, never splitting
// a card between its label and its figure.
func flow(cards []string, width int) string {
	const gap = "   "
	var lines []string
	line := ""
	for _, c := range cards {
		switch {
		case line == "":
			line = c
		case ansi.StringWidth(line+gap+c) <= width:
			line += gap + c
		default:
			lines = append(lines, line)
			line = c
		}
	}
	lines = append(lines, ansi.Truncate(line, width, "~"))
	for i := range lines {
		lines[i] = ansi.Truncate(lines[i], width, "~")
	}
	return strings.Join(lines, "\n")
}
