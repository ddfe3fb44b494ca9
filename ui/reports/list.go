package reports

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/report"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// list is every report of the registry, one line each with what it is
// for under it; enter opens the selected one's form.
type list struct {
	common.ScreenBase
	e       *env
	reports []report.Report
	sel     int
	w, h    int
}

func newList(e *env) *list { return &list{e: e, reports: report.Reports()} }

func (l *list) SetSize(w, h int) { l.w, l.h = w, h }

func (l *list) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k := l.e.c.Keys
	switch {
	case key.Matches(km, k.Up):
		l.sel = (l.sel + len(l.reports) - 1) % len(l.reports)
	case key.Matches(km, k.Down):
		l.sel = (l.sel + 1) % len(l.reports)
	case key.Matches(km, l.e.keys.open):
		return l.e.st.Push(newForm(l.e, l.reports[l.sel]))
	}
	return nil
}

func (l *list) View() string {
	c, st, w := l.e.c, l.e.c.Styles, l.w
	fit := func(s string) string { return widget.Fit(s, w, false) }
	lines := []string{st.Title.Render(fit(c.T("reports.title"))), fit("")}
	for i, r := range l.reports {
		line := title(c, r) + "  (" + r.Ext + ")"
		if i == l.sel {
			lines = append(lines, st.Focused.Render(fit("> "+line)))
		} else {
			lines = append(lines, fit("  "+line))
		}
		lines = append(lines, st.Muted.Render(fit("    "+about(c, r))))
	}
	lines = append(lines, fit(""), st.Muted.Render(fit(c.T("reports.list_note"))))
	return screenOf(lines, w, l.h)
}

func (l *list) ShortHelp() []key.Binding {
	k := l.e.c.Keys
	return []key.Binding{k.Up, k.Down, l.e.keys.open, k.Back}
}

func (l *list) FullHelp() [][]key.Binding { return [][]key.Binding{l.ShortHelp()} }

// title is a report's name as the list and the forms show it
// ("reports.name_<name>").
func title(c *common.Common, r report.Report) string { return c.T(namePrefix + r.Name) }

const namePrefix = "reports.name_"

// about says what a report is for ("reports.about_<name>").
func about(c *common.Common, r report.Report) string { return c.T(aboutPrefix + r.Name) }

const aboutPrefix = "reports.about_"

// titleOf is the report's name once its options are chosen: a journal is
// the cash or the bank journal.
func titleOf(c *common.Common, r report.Report, o report.Options) string {
	switch {
	case r.Money && o.Money == model.MoneyCash:
		return c.T("report.journal_cash")
	case r.Money && o.Money == model.MoneyBank:
		return c.T("report.journal_bank")
	}
	return title(c, r)
}

// screenOf joins lines into a screen of exactly h lines.
func screenOf(lines []string, w, h int) string {
	for len(lines) < h {
		lines = append(lines, strings.Repeat(" ", w))
	}
	return strings.Join(lines[:max(h, 0)], "\n")
}
