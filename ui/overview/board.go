package overview

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/storage"
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
	var out strings.Builder
	out.WriteString(b.head() + "\n\n")
	for _, group := range b.sectionLines() {
		out.WriteString(group + "\n")
	}
	if len(b.sections) > 0 {
		out.WriteString("\n")
	}
	out.WriteString(b.chart(b.height - strings.Count(out.String(), "\n")))
	return out.String()
}

// sectionLines are the sections' groups of cards laid out at the width:
// every section's headline (its first group), and its details (the later
// groups, such as aid by type) as long as they leave the chart the lines
// it needs to show every month (in columns, if need be), first come first
// shown.
func (b *board) sectionLines() []string {
	groups := make([][]string, len(b.sections)) // each section's groups, laid out
	// the overview's own lines, the blank lines after them and after the
	// sections, the chart's title
	used := strings.Count(b.head(), "\n") + 1 + 3
	for i, sec := range b.sections {
		if i >= len(b.f.Extra) {
			break
		}
		for _, g := range sec.Render(b.c, b.f.Extra[i]) {
			groups[i] = append(groups[i], flow(g, b.width))
		}
		if len(groups[i]) > 0 {
			used += strings.Count(groups[i][0], "\n") + 1
		}
	}
	room := b.height - used - b.chartNeeds()
	var out []string
	for _, gs := range groups {
		for j, g := range gs {
			n := strings.Count(g, "\n") + 1
			if j > 0 {
				if n > room {
					continue
				}
				room -= n
			}
			out = append(out, g)
		}
	}
	return out
}

// head is the overview's own lines: the roster's and the year's dues'
// cards, and the note on the dues figures, if any.
func (b *board) head() string {
	h := flow(b.topCards(0), b.width) + "\n" + flow(b.topCards(1), b.width)
	if note := b.duesNote(); note != "" {
		h += "\n" + b.c.Styles.Muted.Render(ansi.Wrap(note, b.width, ""))
	}
	return h
}

// topCards are the overview's own two lines of cards: the roster and the
// year's dues.
func (b *board) topCards(line int) []string {
	st, f := b.c.Styles, b.f
	ms := f.Members
	card := func(label, value string) string {
		return st.Label.Render(label+" ") + st.Title.Render(value)
	}
	if line == 0 {
		return []string{
			card(b.c.T("overview.members"), fmt.Sprint(ms.MembersByStatus.Active+ms.MembersByStatus.Retained)),
			card(b.c.T("overview.active"), fmt.Sprint(ms.MembersByStatus.Active)),
			card(b.c.T("overview.units"), fmt.Sprint(ms.Units)),
			card(b.c.T("overview.balance"), f.Balance.Display()),
		}
	}
	return []string{
		card(b.c.T("overview.dues_rate", f.Year), rateText(f.Paid, f.Due)),
		card(b.c.T("overview.paid"), f.Paid.Display()),
		card(b.c.T("overview.due"), f.Due.Display()),
		card(b.c.T("overview.arrears", f.ArrearsMin), fmt.Sprint(f.InArrears)),
	}
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

// The chart's cells: a month's label, its bar, its rate ("100.00%") and,
// one month a line, what was paid and what was due.
const (
	rateW  = 8
	moneyW = 14
	minBar = 6
	colGap = 3
)

// chart draws the collection rate of each month of the year, up to this
// month (all twelve of another year), as horizontal bars. Bars are coloured
// spaces and '#', never block glyphs, whose width CJK terminals disagree
// on; the Chinese month labels sit outside the bars.
//
// room is the lines left. When every month fits one a line, under a line
// of column titles, each shows what was paid and what was due too; when
// not, the months run in two or three columns of rates, so that all of
// them show (at 80x24, with every section); a screen too small even for
// that keeps the latest months.
func (b *board) chart(room int) string {
	title := b.c.T("overview.chart_title", b.f.Year)
	months, labelW := b.chartMonths()
	room-- // the title's line
	if room < 1 || len(months) == 0 {
		return b.c.Styles.Title.Render(title)
	}
	if room >= len(months) { // one a line, the columns' titles on the title's line
		money := b.width >= labelW+1+minBar+1+rateW+2*(1+moneyW)
		barW := b.width - labelW - 1 - 1 - rateW
		if money {
			barW -= 2 * (1 + moneyW)
		}
		barW = max(minBar, barW)
		lines := []string{b.titleLine(title, labelW+1+barW+1, money)}
		for i, m := range months {
			lines = append(lines, b.monthCell(i, m, labelW, barW, money))
		}
		return strings.Join(lines, "\n")
	}
	cols := min((len(months)+room-1)/room, b.maxColumns(labelW))
	first := max(0, len(months)-cols*room) // too small a screen: the latest months
	rows := (len(months) - first + cols - 1) / cols
	barW := (b.width-(cols-1)*colGap)/cols - labelW - 1 - 1 - rateW
	lines := make([]string, rows)
	for j := range lines {
		for k := range cols {
			i := first + k*rows + j
			if i >= len(months) {
				break
			}
			if k > 0 {
				lines[j] += strings.Repeat(" ", colGap)
			}
			lines[j] += b.monthCell(i, months[i], labelW, max(minBar, barW), false)
		}
	}
	return b.c.Styles.Title.Render(title) + "\n" + strings.Join(lines, "\n")
}

// monthName is the label of month i (0 is January).
func (b *board) monthName(i int) string {
	if names := strings.Fields(b.c.T("overview.months")); i < len(names) {
		return names[i]
	}
	return fmt.Sprint(i + 1)
}

// chartMonths are the months the chart shows, and the width of their labels.
func (b *board) chartMonths() ([]storage.Collection, int) {
	months := b.f.Months
	if today := b.c.Today(); b.f.Year == today.Year() {
		months = months[:min(len(months), max(1, today.MonthOfYear()))]
	}
	labelW := 0
	for i := range months {
		labelW = max(labelW, ansi.StringWidth(b.monthName(i)))
	}
	return months, labelW
}

// maxColumns is how many columns of months the width holds.
func (b *board) maxColumns(labelW int) int {
	return max(1, (b.width+colGap)/(labelW+1+minBar+1+rateW+colGap))
}

// chartNeeds is the fewest lines that show every month: in as many
// columns as the width holds.
func (b *board) chartNeeds() int {
	months, labelW := b.chartMonths()
	cols := b.maxColumns(labelW)
	return (len(months) + cols - 1) / cols
}

// titleLine is the chart's title over the months' labels and bars, and
// the titles of the rate, paid and due columns over theirs (left is the
// width of the labels and bars).
func (b *board) titleLine(title string, left int, money bool) string {
	cols := widget.Fit(b.c.T("overview.col_rate"), rateW, true)
	if money {
		cols += " " + widget.Fit(b.c.T("overview.paid"), moneyW, true) + " " + widget.Fit(b.c.T("overview.due"), moneyW, true)
	}
	st := b.c.Styles
	return st.Title.Render(widget.Fit(title, left, false)) + st.Muted.Render(cols)
}

// monthCell is month i's label, bar and rate (and money).
func (b *board) monthCell(i int, m storage.Collection, labelW, barW int, money bool) string {
	st := b.c.Styles
	label := widget.Fit(b.monthName(i), labelW, false)
	filled := 0
	if m.Due > 0 {
		filled = int(min(int64(barW), int64(m.Paid)*int64(barW)/int64(m.Due)))
	}
	full := lipgloss.NewStyle().Foreground(lipgloss.Color("35"))
	cell := label + " " + full.Render(strings.Repeat("#", filled)) + st.Muted.Render(strings.Repeat(".", barW-filled)) +
		" " + widget.Fit(rateText(m.Paid, m.Due), rateW, true)
	if money {
		cell += " " + widget.Fit(m.Paid.Display(), moneyW, true) + " " + st.Muted.Render(widget.Fit(m.Due.Display(), moneyW, true))
	}
	return cell
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
