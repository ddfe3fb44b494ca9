package settings

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/listexport"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// chart is the accounting chart, the standard accounts and the union's
// own sub-accounts; n adds a sub-account.
type chart struct {
	common.ScreenBase
	c     *common.Common
	st    *stack.Stack
	k     keys
	table widget.Table
	err   error
}

func newChart(c *common.Common, st *stack.Stack) *chart {
	s := &chart{c: c, st: st, k: newKeys(c), table: widget.NewTable(nil, c.TableStyles())}
	s.table.SetOrigin(0, 1) // under the title line
	s.reload()
	return s
}

func (s *chart) reload() {
	prof, _, err := s.c.Store.Profile()
	if err != nil {
		s.err = err
		return
	}
	accounts, err := s.c.Store.Chart()
	if err != nil {
		s.err = err
		return
	}
	custom := map[string]bool{}
	for _, a := range prof.CustomAccounts {
		custom[a.Code] = true
	}
	s.table.SetColumns([]widget.Column{
		{Title: s.c.T("settings.col_code"), Width: 7},
		{Title: s.c.T("settings.col_account"), Width: 16, Flex: 1},
		{Title: s.c.T("settings.col_direction"), Width: widest(s.c.T("settings.col_direction"), s.c.T(model.In.Key()), s.c.T(model.Out.Key()))},
		{Title: s.c.T("settings.col_origin"), Width: widest(s.c.T("settings.col_origin"), s.c.T("settings.custom"), s.c.T("settings.standard"))},
	})
	s.table.SetRows(len(accounts), func(row, col int) string {
		a := accounts[row]
		switch col {
		case 0:
			return a.Code
		case 1:
			return strings.Repeat("  ", max(0, (len(a.Code)-3)/2)) + accountName(s.c, a)
		case 2:
			return s.c.T(a.Direction.Key())
		case 3:
			if custom[a.Code] {
				return s.c.T("settings.custom")
			}
			return s.c.T("settings.standard")
		}
		return ""
	})
	s.err = nil
}

func (s *chart) SetSize(w, h int) { s.table.SetSize(w, max(3, h-2)) }

func (s *chart) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case common.DataChangedMsg:
		if m.Entity == model.EntityProfile {
			s.reload()
		}
		return nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(m, s.k.AddAccount):
			return s.st.Push(newAccountForm(s.c, s.st))
		case key.Matches(m, s.k.UseChart):
			return s.st.Push(newChartUseForm(s.c, s.st))
		case key.Matches(m, s.c.Keys.Export):
			return listexport.Start(s.c, s.st, listexport.List{Name: s.c.T("settings.chart_title"), Table: s.table})
		}
	}
	var cmd tea.Cmd
	s.table, cmd = s.table.Update(msg)
	return cmd
}

func (s *chart) View() string {
	st := s.c.Styles
	if s.err != nil {
		return st.Error.Render(s.c.Err(s.err))
	}
	return st.Title.Render(s.c.T("settings.chart_title")) + "  " + st.Muted.Render(s.c.T("settings.chart_hint")) + "\n" + s.table.View()
}

func (s *chart) ShortHelp() []key.Binding {
	return []key.Binding{s.k.AddAccount, s.k.UseChart, s.c.Keys.Export, s.c.Keys.Back}
}

func (s *chart) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }

// widest is the width of the widest text: a column as wide as its words
// ("Spending" was cut to "Spend~" in a column of 6).
func widest(texts ...string) int {
	w := 0
	for _, t := range texts {
		w = max(w, lipgloss.Width(t))
	}
	return w
}
