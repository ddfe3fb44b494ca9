package transfer

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/roster"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// unitNamesTop is the line of the table, under the title and what it is.
const unitNamesTop = 3

// unitNames lists the roster's unit names taken as registered units of
// near names (宏达机械 as 厦门宏达机械有限公司工会), with why; space
// refuses or takes back a match, esc is done and the file is checked
// again, the refused names as units of their own.
type unitNames struct {
	common.ScreenBase
	e       *env
	preview *preview
	matches []roster.UnitMatch
	refused map[string]bool
	grid    widget.Table
	w, h    int
}

func newUnitNames(e *env, p *preview) *unitNames {
	c := e.c
	u := &unitNames{e: e, preview: p, matches: p.plan.UnitMatches, refused: map[string]bool{}, grid: widget.NewTable(nil, c.TableStyles())}
	for _, m := range u.matches {
		if m.Refused {
			u.refused[m.Key()] = true
		}
	}
	u.grid.SetOrigin(0, unitNamesTop)
	u.grid.SetColumns([]widget.Column{
		{Title: c.T("importer.match_written"), Width: 12, Flex: 1},
		{Title: c.T("importer.match_unit"), Width: 18, Flex: 2},
		{Title: c.T("importer.match_rows"), Width: 5, AlignRight: true},
		{Title: c.T("importer.match_taken"), Width: 6},
		{Title: c.T("importer.match_why"), Width: 16, Flex: 2},
	})
	u.grid.SetRows(len(u.matches), func(row, col int) string {
		m := u.matches[row]
		switch col {
		case 0:
			return m.Written
		case 1:
			return m.Unit
		case 2:
			return strconv.Itoa(m.Rows)
		case 3:
			if u.refused[m.Key()] {
				return c.T("importer.match_no")
			}
			return c.T("importer.match_yes")
		}
		return c.T(m.Why)
	})
	return u
}

// HandlesBack: esc is done, which applies the refusals.
func (u *unitNames) HandlesBack() bool { return true }

func (u *unitNames) SetSize(w, h int) {
	u.w, u.h = w, h
	u.grid.SetSize(w, max(3, h-unitNamesTop-2))
}

func (u *unitNames) Update(msg tea.Msg) tea.Cmd {
	k := u.e.keys
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.matchDone):
			u.e.st.Pop()
			var keys []string
			for _, m := range u.matches {
				if u.refused[m.Key()] {
					keys = append(keys, m.Key())
				}
			}
			if slices.Equal(keys, u.preview.refused) {
				return nil
			}
			return u.preview.setRefused(keys)
		case key.Matches(msg, k.refuse):
			if i := u.grid.Cursor(); i >= 0 && i < len(u.matches) {
				mk := u.matches[i].Key()
				u.refused[mk] = !u.refused[mk]
			}
			return nil
		}
		var cmd tea.Cmd
		u.grid, cmd = u.grid.Update(msg)
		return cmd
	case tea.MouseMsg:
		var cmd tea.Cmd
		u.grid, cmd = u.grid.Update(msg)
		return cmd
	}
	return nil
}

func (u *unitNames) View() string {
	c, st, w := u.e.c, u.e.c.Styles, u.w
	fit := func(s string) string { return widget.Fit(s, w, false) }
	lines := []string{st.Title.Render(fit(c.T("importer.match_title", len(u.matches))))}
	about := wrap(c.T("importer.match_about"), w)
	for len(about) < 2 {
		about = append(about, "")
	}
	for _, l := range about[:2] {
		lines = append(lines, st.Muted.Render(fit(l)))
	}
	lines = append(lines, strings.Split(u.grid.View(), "\n")...)
	// the selected name's match in full, under the table
	if i := u.grid.Cursor(); i >= 0 && i < len(u.matches) {
		m := u.matches[i]
		text := c.T("import.unit_match", m.Written, m.Unit, c.T(m.Why), m.Rows)
		if u.refused[m.Key()] {
			text = c.T("import.unit_match_refused", m.Written, m.Unit, m.Rows)
		}
		for _, l := range wrap(plain(text), w) {
			lines = append(lines, st.Muted.Render(fit(l)))
		}
	}
	return screenOf(lines, w, u.h)
}

func (u *unitNames) ShortHelp() []key.Binding {
	k := u.e.keys
	return []key.Binding{k.refuse, k.matchDone}
}

func (u *unitNames) FullHelp() [][]key.Binding {
	if g := u.e.c.Keys; len(u.matches) > 1 {
		return [][]key.Binding{u.ShortHelp(), {g.Up, g.Down}}
	}
	return [][]key.Binding{u.ShortHelp()}
}
