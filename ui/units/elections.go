package units

import (
	"slices"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// elections lists the working units whose committee's term ends within
// the settings' warning days or has ended (换届 due), the most overdue
// first; a line under the title counts the units with no election date.
type elections struct {
	common.ScreenBase
	c       *common.Common
	st      *stack.Stack
	b       *book
	keys    keys
	due     []model.Unit
	unknown int
	rules   model.OrgRules
	table   widget.Table
	width   int
}

func newElections(c *common.Common, st *stack.Stack, b *book, k keys) *elections {
	e := &elections{c: c, st: st, b: b, keys: k, table: widget.NewTable(nil, c.TableStyles())}
	e.table.SetOrigin(0, 2)
	e.table.SetEmptyText(c.T("elections.none"))
	e.load()
	return e
}

// setColumns sizes the days-left column to its widest text (超期 311 天,
// 311 days late).
func (e *elections) setColumns(leftW int) {
	e.table.SetColumns([]widget.Column{
		{Title: e.c.T("col.unit_name"), Width: 16, Flex: 1},
		{Title: e.c.T("elections.col_elected"), Width: 10},
		{Title: e.c.T("elections.col_ends"), Width: 10},
		{Title: e.c.T("elections.col_left"), Width: max(10, leftW), AlignRight: true},
		{Title: e.c.T("col.chair"), Width: 8},
	})
}

// left is how long until the term ends, or how long since it ended.
func (e *elections) left(u *model.Unit, today model.Date) string {
	days := int(u.TermEnds(e.rules).Time().Sub(today.Time()).Hours() / 24)
	if days < 0 {
		return e.c.T("elections.overdue_days", -days)
	}
	return e.c.T("elections.days", days)
}

func (e *elections) load() {
	if p, _, err := e.c.Store.Profile(); err == nil {
		e.rules = p.OrgRules()
	}
	today := e.c.Today()
	e.due, e.unknown = e.due[:0], 0
	for _, r := range e.b.all {
		u := r.u
		switch {
		case u.Status != model.UnitActive:
		case u.ElectedOn == 0:
			e.unknown++
		case u.ElectionDue(today, e.rules):
			e.due = append(e.due, u)
		}
	}
	slices.SortStableFunc(e.due, func(a, b model.Unit) int { return int(a.TermEnds(e.rules)) - int(b.TermEnds(e.rules)) })
	leftW := 0
	for i := range e.due {
		leftW = max(leftW, ansi.StringWidth(e.left(&e.due[i], today)))
	}
	e.setColumns(leftW)
	e.table.SetRows(len(e.due), func(row, col int) string {
		u := e.due[row]
		end := u.TermEnds(e.rules)
		switch col {
		case 0:
			return u.Name
		case 1:
			return u.ElectedOn.String()
		case 2:
			return end.String()
		case 3:
			return e.left(&u, today)
		}
		return u.Chair
	})
}

func (e *elections) SetSize(w, h int) {
	e.width = w
	e.table.SetSize(w, max(3, h-2))
}

func (e *elections) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		e.load()
		return nil
	case tea.KeyPressMsg:
		if key.Matches(msg, e.c.Keys.Open) {
			if i := e.table.Cursor(); i >= 0 && i < len(e.due) {
				d := newDetail(e.c, e.st, e.b, e.keys, e.due[i].ID)
				d.pane = paneOrg
				d.orgRows.SetCursor(len(sections)) // the election row
				return e.st.Push(d)
			}
			return nil
		}
	}
	var cmd tea.Cmd
	e.table, cmd = e.table.Update(msg)
	return cmd
}

func (e *elections) View() string {
	st := e.c.Styles
	head := st.Title.Render(e.c.T("elections.title", len(e.due))) + "  " +
		st.Muted.Render(e.c.T("elections.rule", e.rules.TermYears, e.rules.ElectionWarnDays))
	if e.unknown > 0 {
		head += "  " + st.Muted.Render(e.c.T("elections.unknown", strconv.Itoa(e.unknown)))
	}
	return ansi.Truncate(head, e.width, "~") + "\n\n" + e.table.View()
}

func (e *elections) ShortHelp() []key.Binding {
	k := e.c.Keys
	return []key.Binding{k.Open, k.Back}
}

func (e *elections) FullHelp() [][]key.Binding {
	k := e.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, e.ShortHelp(), {k.Tabs, k.Help, k.Quit}}
}
