// Package overview is the first tab: the figures a secretary looks at
// first — members, this year's dues collection with a chart by month,
// members in arrears and the cash balance. Its figures are computed in a
// command, off the UI loop, and refreshed after every write.
package overview

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// Figures are what the overview shows.
type Figures struct {
	Year       int
	Members    model.Stats
	Months     []storage.Collection // the twelve months of Year
	Due, Paid  model.Money
	InArrears  int
	ArrearsMin int
	Balance    model.Money
	Extra      []any // one result per section
}

type loadedMsg struct {
	f   Figures
	err error
}

// Page is the Overview tab.
type Page struct {
	c        *common.Common
	sections []common.OverviewSection
	f        *Figures
	err      error
	loading  bool
	width    int
	height   int
}

// New makes the page with extra sections; call Load for its figures.
func New(c *common.Common, sections ...common.OverviewSection) *Page {
	return &Page{c: c, sections: sections, loading: true}
}

// Load computes the figures in the background.
func (p *Page) Load() tea.Cmd {
	p.loading = true
	store, today, sections := p.c.Store, p.c.Today(), p.sections
	return func() tea.Msg {
		f, err := compute(store, today)
		for _, sec := range sections {
			if err != nil {
				break
			}
			var r any
			r, err = sec.Compute(store, today)
			f.Extra = append(f.Extra, r)
		}
		return loadedMsg{f: f, err: err}
	}
}

func compute(s *storage.Store, today model.Date) (Figures, error) {
	f := Figures{Year: today.Year()}
	units, err := s.Units()
	if err != nil {
		return f, err
	}
	members, err := s.MembersBrief() // counts only: no names or histories in memory
	if err != nil {
		return f, err
	}
	f.Members = model.RosterStats(units, members)
	if f.Months, err = s.CollectionByMonth(f.Year); err != nil {
		return f, err
	}
	for _, m := range f.Months {
		f.Due += m.Due
		f.Paid += m.Paid
	}
	prof, _, err := s.Profile()
	if err != nil {
		return f, err
	}
	f.ArrearsMin = prof.ArrearsMonths
	if f.ArrearsMin <= 0 {
		f.ArrearsMin = 6
	}
	arrears, err := s.Arrears(model.DueThrough(today), f.ArrearsMin)
	if err != nil {
		return f, err
	}
	f.InArrears = len(arrears)
	if f.Balance, err = s.Balance(); err != nil {
		return f, err
	}
	return f, nil
}

// Title is the tab label.
func (p *Page) Title() string { return p.c.T("tab.overview") }

// SetSize lays the page out.
func (p *Page) SetSize(w, h int) { p.width, p.height = w, h }

// Update takes the computed figures and reloads after writes.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	_, cmd := p.update(msg)
	return cmd
}

func (p *Page) update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		p.loading = false
		p.err = msg.err
		if msg.err == nil {
			f := msg.f
			p.f = &f
		}
	case common.DataChangedMsg:
		return p, p.Load()
	}
	return p, nil
}

func rateText(paid, due model.Money) string {
	if due <= 0 {
		return "-"
	}
	bp := int64(paid) * 10000 / int64(due)
	return fmt.Sprintf("%d.%02d%%", bp/100, bp%100)
}

// View draws the figures.
func (p *Page) View() string {
	st := p.c.Styles
	if p.err != nil {
		return st.Error.Render(p.c.Err(p.err))
	}
	if p.f == nil {
		return st.Muted.Render(p.c.T("overview.loading"))
	}
	f := p.f
	ms := f.Members
	var b strings.Builder
	card := func(label, value string) string {
		return st.Label.Render(label+" ") + st.Title.Render(value)
	}
	line1 := []string{
		card(p.c.T("overview.members"), fmt.Sprint(ms.MembersByStatus.Active+ms.MembersByStatus.Retained)),
		card(p.c.T("overview.active"), fmt.Sprint(ms.MembersByStatus.Active)),
		card(p.c.T("overview.units"), fmt.Sprint(ms.Units)),
		card(p.c.T("overview.balance"), f.Balance.Display()),
	}
	line2 := []string{
		card(p.c.T("overview.dues_rate", f.Year), rateText(f.Paid, f.Due)),
		card(p.c.T("overview.paid"), f.Paid.Display()),
		card(p.c.T("overview.due"), f.Due.Display()),
		card(p.c.T("overview.arrears", f.ArrearsMin), fmt.Sprint(f.InArrears)),
	}
	b.WriteString(flow(line1, p.width) + "\n")
	b.WriteString(flow(line2, p.width) + "\n\n")
	for i, sec := range p.sections {
		if i < len(f.Extra) {
			for _, l := range sec.Render(p.c, f.Extra[i], p.width) {
				// wrap rather than cut: the chart below gives way instead
				b.WriteString(ansi.Wrap(l, p.width, "") + "\n")
			}
		}
	}
	if len(p.sections) > 0 {
		b.WriteString("\n")
	}
	used := strings.Count(b.String(), "\n") + 1 // and the chart's title
	b.WriteString(st.Title.Render(p.c.T("overview.chart_title", f.Year)) + "\n")
	b.WriteString(p.chart(p.height - used))
	return b.String()
}

// chart draws the collection rate of each month as a horizontal bar. Bars
// are coloured spaces and '#', never block glyphs, whose width CJK
// terminals disagree on; the Chinese month labels sit outside the bars.
//
// room is the number of lines left: with fewer than the twelve months and
// the legend, the chart keeps the latest months up to this one.
func (p *Page) chart(room int) string {
	st := p.c.Styles
	labelW := 0
	labels := make([]string, 12)
	for i := range labels {
		labels[i] = p.c.T("overview.month", i+1)
		labelW = max(labelW, ansi.StringWidth(labels[i]))
	}
	figW := 9 // "100.00%"
	moneyW := 14
	showMoney := p.width >= 80
	barW := p.width - labelW - figW - 4
	if showMoney {
		barW -= 2 * (moneyW + 1)
	}
	barW = max(10, barW)
	full := lipgloss.NewStyle().Foreground(lipgloss.Color("35"))
	var b strings.Builder
	today := p.c.Today()
	months := p.f.Months
	first := 0
	legend := showMoney
	if room > 0 && room < len(months)+1 {
		legend = false
		last := min(len(months), max(1, p.c.Today().MonthOfYear()))
		if p.f.Year != p.c.Today().Year() {
			last = len(months)
		}
		first = max(0, last-room)
		months = months[first:last]
	}
	for j, m := range months {
		i := first + j
		label := labels[i] + strings.Repeat(" ", labelW-ansi.StringWidth(labels[i]))
		if m.Month > today.Month() && m.Due == 0 && m.Paid == 0 {
			b.WriteString(st.Muted.Render(label) + "\n")
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
		b.WriteString(line + "\n")
	}
	if legend {
		pad := strings.Repeat(" ", labelW+1+barW+1+figW-1)
		b.WriteString(st.Muted.Render(pad + " " + widget.Fit(p.c.T("overview.paid"), moneyW, true) + " " + widget.Fit(p.c.T("overview.due"), moneyW, true)))
	}
	return strings.TrimRight(b.String(), "\n")
}

// Cursor: the overview has no input.
func (p *Page) Cursor() *tea.Cursor { return nil }

// Capturing: the overview never takes text.
func (p *Page) Capturing() bool { return false }

// Dirty: nothing to save here.
func (p *Page) Dirty() bool { return false }

// ShortHelp lists the app's keys.
func (p *Page) ShortHelp() []key.Binding {
	k := p.c.Keys
	return []key.Binding{k.Tabs, k.Help, k.Quit}
}

// FullHelp lists the app's keys.
func (p *Page) FullHelp() [][]key.Binding {
	k := p.c.Keys
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
