package units

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/search"
	"unionbook/ui/common"
	"unionbook/ui/listexport"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// list is the units with their member counts, searchable by name, phone
// or credit code. It is the bottom of the tab's stack.
type list struct {
	common.ScreenBase
	c      *common.Common
	st     *stack.Stack
	b      *book
	keys   keys
	view   []*unitRow // the units the search keeps
	order  widget.ColumnOrder
	table  widget.Table
	search widget.SearchBox
	input  widget.SearchList // routes input between search and table
	width  int
}

// tableTop is the line of the table's column titles, under the search line.
const tableTop = 1

func newList(c *common.Common, st *stack.Stack, b *book, k keys) *list {
	l := &list{c: c, st: st, b: b, keys: k, table: widget.NewTable(nil, c.TableStyles())}
	l.search = widget.NewSearchBox(c.T("units.search_hint"), widget.SearchBoxStyles{
		Label: c.Styles.Label, Box: c.Styles.Input, Focus: c.Styles.InputFocus, Prompt: c.Styles.Muted})
	l.table.SetOrigin(0, tableTop)
	l.input = widget.SearchList{Table: &l.table, Search: &l.search, Filter: l.refilter, Open: l.open, Key: l.key,
		Sort: func(col int) {
			l.order.Click(col)
			l.refilter()
		}}
	l.table.SetEmptyText(c.T("units.empty"))
	l.refilter()
	return l
}

func (l *list) refilter() {
	q := search.Compile(l.search.Value())
	l.view = l.view[:0]
	for _, r := range l.b.all {
		if q.Empty() || r.key.Match(q) {
			l.view = append(l.view, r)
		}
	}
	widget.SortRows(l.order, l.view, l.sortKey)
	l.refreshTable()
}

// sortKey is what a click on a column title orders the units by (the
// column's index is its id: narrow screens hide only the last ones).
func (l *list) sortKey(r *unitRow, col int) widget.SortKey {
	u := r.u
	switch col {
	case 0:
		return widget.SortKey{S: r.sortKey}
	case 1:
		return widget.SortKey{N: int64(u.Kind)}
	case 2:
		return widget.SortKey{N: int64(l.b.counts[u.ID])}
	case 3:
		return widget.SortKey{N: int64(u.Employees)}
	case 4:
		return widget.SortKey{S: search.NameSortKey(u.Chair)}
	case 5:
		return widget.SortKey{S: u.Phone}
	case 6:
		return widget.SortKey{N: int64(u.ContractExpires)}
	}
	return widget.SortKey{}
}

func (l *list) refreshTable() {
	c := l.c
	cols := []widget.Column{
		{Title: c.T("col.unit_name"), Width: 16, Flex: 1},
		{Title: c.T("col.unit_kind"), Width: 12},
		{Title: c.T("col.members"), Width: 6, AlignRight: true},
		{Title: c.T("col.employees"), Width: 6, AlignRight: true},
		{Title: c.T("col.chair"), Width: 8},
	}
	if l.width >= 110 {
		cols = append(cols,
			widget.Column{Title: c.T("col.phone"), Width: 13},
			widget.Column{Title: c.T("col.contract"), Width: 10})
	}
	l.table.SetColumns(cols)
	l.order.Mark(&l.table, []int{0, 1, 2, 3, 4, 5, 6}[:len(cols)])
	l.table.SetRows(len(l.view), func(row, col int) string {
		u := l.view[row].u
		switch col {
		case 0:
			return u.Name
		case 1:
			if u.JointUnion() {
				return c.T(u.FormOrType().Key())
			}
			return c.T(u.Kind.Key())
		case 2:
			return strconv.Itoa(l.b.counts[u.ID])
		case 3:
			return strconv.Itoa(u.Employees)
		case 4:
			return u.Chair
		case 5:
			return u.Phone
		case 6:
			return u.ContractExpires.String()
		}
		return ""
	})
}

func (l *list) SetSize(w, h int) {
	l.width = w
	l.search.SetWidth(max(10, min(30, w-30)))
	l.table.SetSize(w, max(3, h-tableTop-1))
	l.refreshTable()
}

// Capturing while the search box takes typing.
func (l *list) Capturing() bool { return l.input.Capturing() }

// HandlesBack: esc leaves the search box.
func (l *list) HandlesBack() bool { return l.input.Capturing() }

func (l *list) selected() (model.Unit, bool) {
	i := l.table.Cursor()
	if i < 0 || i >= len(l.view) {
		return model.Unit{}, false
	}
	return l.view[i].u, true
}

func (l *list) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(common.DataChangedMsg); ok {
		l.refilter() // the page has reloaded the units
		return nil
	}
	return l.input.Update(msg)
}

// key handles the list's own keys; ok is false for the table's.
func (l *list) key(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k := l.c.Keys
	switch {
	case key.Matches(msg, k.Search):
		l.search.Focus()
		return nil, true
	case key.Matches(msg, k.Open):
		return l.open(), true
	case key.Matches(msg, k.New):
		return l.st.Push(newUnitForm(l.c, l.b, nil).screen(l.st, l.saved)), true
	case key.Matches(msg, k.Edit):
		if u, ok := l.selected(); ok {
			return l.st.Push(newUnitForm(l.c, l.b, &u).screen(l.st, l.saved)), true
		}
		return nil, true
	case key.Matches(msg, k.Export):
		filter := ""
		if v := l.search.Value(); v != "" {
			filter = l.c.T("members.search") + ": " + v
		}
		return listexport.Start(l.c, l.st, listexport.List{Name: l.c.T("tab.units"), Filter: filter, Table: l.table}), true
	case key.Matches(msg, l.keys.Members):
		if u, ok := l.selected(); ok {
			return showMembers(u.ID), true
		}
		return nil, true
	case key.Matches(msg, l.keys.Employers):
		return l.st.Push(newEmployers(l.c, l.st, l.b, l.keys)), true
	case key.Matches(msg, l.keys.Elections):
		return l.st.Push(newElections(l.c, l.st, l.b, l.keys)), true
	case key.Matches(msg, l.keys.Figures):
		return l.st.Push(newFigures(l.c)), true
	}
	return nil, false
}

// open shows the selected unit's detail.
func (l *list) open() tea.Cmd {
	u, ok := l.selected()
	if !ok {
		return nil
	}
	return l.st.Push(newDetail(l.c, l.st, l.b, l.keys, u.ID))
}

// saved is what a form opened from the list does after saving: it shows
// the unit.
func (l *list) saved(u model.Unit) tea.Cmd {
	return l.st.Replace(newDetail(l.c, l.st, l.b, l.keys, u.ID))
}

// showMembers asks the app for the Members tab filtered to the unit.
func showMembers(unitID uint64) tea.Cmd {
	return func() tea.Msg { return common.ShowUnitMembersMsg{UnitID: unitID} }
}

func (l *list) View() string {
	st := l.c.Styles
	bar := l.search.View(l.c.T("members.search"), l.c.T("units.search_prompt")) + "  " +
		st.Muted.Render(l.c.T("units.count", len(l.view), len(l.b.all)))
	if l.b.err != nil {
		bar = st.Error.Render(l.c.Err(l.b.err))
	}
	return ansi.Truncate(bar, l.width, "~") + "\n" + l.table.View()
}

// Cursor is the search box's caret while it takes typing.
func (l *list) Cursor() *tea.Cursor {
	return l.search.Cursor(l.c.T("members.search"), 0, 0, l.width)
}

func (l *list) ShortHelp() []key.Binding {
	k := l.c.Keys
	if l.search.Active() { // typing: ? and q are text
		return []key.Binding{k.SearchDone, k.SearchClear}
	}
	// the list's title names / and m; E is in the full help (80 columns)
	return []key.Binding{k.Open, k.New, l.keys.Employers, l.keys.Elections, l.keys.Figures, k.Help, k.Quit}
}

func (l *list) FullHelp() [][]key.Binding {
	k := l.c.Keys
	if l.search.Active() {
		return [][]key.Binding{l.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Search, k.Open, k.New, k.Edit, l.keys.Members, k.Export},
		{l.keys.Employers, l.keys.Elections, l.keys.Figures},
		{k.Tabs, k.Help, k.Quit},
	}
}
