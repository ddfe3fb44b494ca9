package reports

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/report"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// checksTop is the line of the table, under the title and the verdict;
// checksBelow the lines under it: the selected check in full.
const (
	checksTop   = 3
	checksBelow = 3
)

// checksMsg is the checks' result, for the screen that asked.
type checksMsg struct {
	s        *checks
	problems []report.Problem
	err      error
}

// checks runs a report's logic checks in the background and lists what
// fails, by unit, item and problem, before she chooses where to save: the
// list is also the workbook's first sheet, but she sees it here first.
type checks struct {
	common.ScreenBase
	e        *env
	r        report.Report
	o        report.Options
	done     bool
	problems []report.Problem
	err      error
	grid     widget.Table
	w, h     int
}

func newChecks(e *env, r report.Report, o report.Options) *checks {
	c := e.c
	s := &checks{e: e, r: r, o: o, grid: widget.NewTable([]widget.Column{
		{Title: c.T("survey.c_seq"), Width: 4, AlignRight: true},
		{Title: c.T("survey.c_unit"), Width: 16, Flex: 1},
		{Title: c.T("survey.c_item"), Width: 10, Flex: 1},
		{Title: c.T("survey.c_problem"), Width: 24, Flex: 2},
	}, c.TableStyles())}
	s.grid.SetOrigin(0, checksTop)
	s.grid.SetEmptyText(c.T("reports.checks_none"))
	return s
}

// Init runs the checks (Push runs it).
func (s *checks) Init() tea.Cmd {
	store, name, o := s.e.c.Store, s.r.Name, s.o
	return func() tea.Msg {
		ps, err := report.Checks(store, name, o)
		return checksMsg{s: s, problems: ps, err: err}
	}
}

func (s *checks) SetSize(w, h int) {
	s.w, s.h = w, h
	s.grid.SetSize(w, max(3, h-checksTop-checksBelow))
}

func (s *checks) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case checksMsg:
		if msg.s != s {
			return nil
		}
		s.done, s.problems, s.err = true, msg.problems, msg.err
		ps := s.problems
		s.grid.SetRows(len(ps), func(row, col int) string {
			switch col {
			case 0:
				return strconv.Itoa(row + 1)
			case 1:
				return ps[row].Unit
			case 2:
				return ps[row].Item
			}
			return ps[row].Text
		})
	case tea.KeyPressMsg:
		if s.done && s.err == nil && key.Matches(msg, s.e.keys.toFile) {
			return s.e.chooseFile(s.r, s.o, len(s.problems))
		}
		var cmd tea.Cmd
		s.grid, cmd = s.grid.Update(msg)
		return cmd
	case tea.MouseMsg:
		var cmd tea.Cmd
		s.grid, cmd = s.grid.Update(msg)
		return cmd
	}
	return nil
}

func (s *checks) View() string {
	c, st, w := s.e.c, s.e.c.Styles, s.w
	fit := func(x string) string { return widget.Fit(x, w, false) }
	lines := []string{st.Title.Render(fit(c.T("reports.checks_title", title(c, s.r), s.o.Year))), fit("")}
	switch {
	case !s.done:
		lines = append(lines, st.Muted.Render(fit(c.T("reports.checking"))))
		return screenOf(lines, w, s.h)
	case s.err != nil:
		lines = append(lines, st.Error.Render(fit(c.Err(s.err))))
		return screenOf(lines, w, s.h)
	case len(s.problems) == 0:
		lines = append(lines, fit(c.T("reports.checks_passed")))
	default:
		lines = append(lines, st.Warning.Render(fit(c.T("reports.checks_failed", len(s.problems)))))
	}
	lines = append(lines, strings.Split(s.grid.View(), "\n")...)
	if i := s.grid.Cursor(); i >= 0 && i < len(s.problems) {
		p := s.problems[i]
		lines = append(lines, fit(""), st.Label.Render(fit(p.Unit+"  "+p.Item)), fit(p.Text))
	}
	return screenOf(lines, w, s.h)
}

func (s *checks) ShortHelp() []key.Binding {
	k := s.e.c.Keys
	if !s.done || s.err != nil {
		return []key.Binding{k.Back}
	}
	if s.grid.Len() > 1 {
		return []key.Binding{s.e.keys.toFile, k.Up, k.Down, k.Back}
	}
	return []key.Binding{s.e.keys.toFile, k.Back}
}

func (s *checks) FullHelp() [][]key.Binding {
	k := s.e.c.Keys
	if s.grid.Len() < 2 {
		return [][]key.Binding{s.ShortHelp()}
	}
	return [][]key.Binding{s.ShortHelp(), {k.PageUp, k.PageDown, k.Home, k.End}}
}
