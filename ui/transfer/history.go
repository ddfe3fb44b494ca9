package transfer

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/listexport"
	"unionbook/ui/widget"
)

// historyTop is the line of the history's table, under the title.
const historyTop = 2

// history lists the past exports, newest first (when, the period, its
// records only or every record, the file), with the selected one's
// whole path and SHA-256 under the table.
type history struct {
	common.ScreenBase
	e    *env
	recs []storage.ExportRecord
	err  error
	grid widget.Table
	w, h int
}

func newHistory(e *env) *history {
	c := e.c
	x := &history{e: e, grid: widget.NewTable(nil, c.TableStyles())}
	x.grid.SetEmptyText(c.T("exportui.history_empty"))
	x.grid.SetOrigin(0, historyTop)
	if c.Store != nil {
		x.recs, x.err = c.Store.Exports(0)
	}
	x.grid.SetColumns([]widget.Column{
		{Title: c.T("exportui.h_when"), Width: 16},
		{Title: c.T("exportui.h_period"), Width: 10},
		{Title: c.T("period.f_scope"), Width: 8},
		{Title: c.T("exportui.h_file"), Width: 20, Flex: 1},
		{Title: c.T("exportui.h_sha"), Width: 12},
	})
	recs := x.recs
	x.grid.SetRows(len(recs), func(row, col int) string {
		h := recs[row]
		switch col {
		case 0:
			return h.At.Local().Format("2006-01-02 15:04")
		case 1:
			return h.Period
		case 2:
			return scopeWord(c, h, "exportui.scope_period", "exportui.scope_whole")
		case 3:
			return baseName(h.File)
		}
		return shortSHA(h.SHA256)
	})
	return x
}

// scopeWord says, in the words of the catalogue keys period and whole,
// whether a past export held its period's records only or every record (as
// every export recorded before period packages did).
func scopeWord(c *common.Common, h storage.ExportRecord, period, whole string) string {
	if h.PeriodOnly {
		return c.T(period)
	}
	return c.T(whole)
}

func (x *history) SetSize(w, h int) {
	x.w, x.h = w, h
	x.grid.SetSize(w, max(3, h-6))
}

func (x *history) Update(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok && key.Matches(km, x.e.c.Keys.Export) {
		c := x.e.c
		return listexport.Start(c, x.e.st, listexport.List{Name: c.T("exportui.history_list"), Table: x.grid})
	}
	switch msg.(type) {
	case tea.KeyPressMsg, tea.MouseMsg:
		var cmd tea.Cmd
		x.grid, cmd = x.grid.Update(msg)
		return cmd
	}
	return nil
}

func (x *history) View() string {
	c, st, w := x.e.c, x.e.c.Styles, x.w
	fit := func(s string) string { return widget.Fit(s, w, false) }
	lines := []string{st.Title.Render(fit(c.T("exportui.history_title", len(x.recs)))), fit("")}
	if x.err != nil {
		lines[1] = st.Error.Render(fit(plain(c.Err(x.err))))
	}
	lines = append(lines, strings.Split(x.grid.View(), "\n")...)
	if i := x.grid.Cursor(); i >= 0 && i < len(x.recs) {
		h := x.recs[i]
		lines = append(lines, st.Muted.Render(fit(c.T("exportui.done_file", h.File))))
		lines = append(lines, st.Muted.Render(fit(c.T("exportui.done_sha", h.SHA256))))
	}
	return screenOf(lines, w, x.h)
}

// ShortHelp: moving only when there is somewhere to move to, the list
// export when there is a list.
func (x *history) ShortHelp() []key.Binding {
	g := x.e.c.Keys
	var out []key.Binding
	if x.grid.Len() > 1 {
		out = append(out, g.Up, g.Down)
	}
	if x.grid.Len() > 0 {
		out = append(out, g.Export)
	}
	return out
}

func (x *history) FullHelp() [][]key.Binding {
	g := x.e.c.Keys
	var out []key.Binding
	if x.grid.Len() > 1 {
		out = append(out, g.Up, g.Down, g.PageUp, g.PageDown, g.Home, g.End)
	}
	if x.grid.Len() > 0 {
		out = append(out, g.Export)
	}
	return [][]key.Binding{append(out, g.Back)}
}
