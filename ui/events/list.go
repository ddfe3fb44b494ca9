package events

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/search"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/listexport"
	"unionbook/ui/picker"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// Column ids of the list; which of them show depends on the width.
const (
	colDate = iota
	colTitle
	colType
	colUnit
	colPlace
	colPeople
	colCost
)

// tableID tells the list's row clicks from a picker's.
const tableID = "events"

// filter is what the list is narrowed to; zero values mean all. unitSet
// with unit 0 is the federation's own events.
type filter struct {
	typ     model.EventType
	unit    uint64
	unitSet bool
	month   model.Month
}

// list is the tab's root screen: every event, newest first, filtered by
// type, organising unit and month, with search and the totals of what is
// shown.
type list struct {
	c      *common.Common
	st     *stack.Stack
	k      *keys
	roster *roster

	all    []model.Event // newest first
	skeys  []search.Key  // search keys of all, built when first searched
	units  units
	filter filter
	view   []int // indexes into all
	order  widget.ColumnOrder
	table  widget.Table
	search widget.SearchBox
	input  widget.SearchList // routes input between search and table
	period period            // of the figures, kept between visits

	w   int
	err error
}

func newList(c *common.Common, k *keys, r *roster) *list {
	l := &list{c: c, k: k, roster: r, table: widget.NewTable(nil, c.TableStyles()), period: yearPeriod(c.Today())}
	l.table.SetID(tableID)
	l.table.SetOrigin(0, 1)
	l.table.SetEmptyText(c.T("events.empty"))
	l.search = widget.NewSearchBox(c.T("events.search_hint"), widget.SearchBoxStyles{
		Label: c.Styles.Label, Box: c.Styles.Input, Focus: c.Styles.InputFocus})
	l.input = widget.SearchList{Table: &l.table, Search: &l.search, Filter: l.refilter, Key: l.key,
		Sort: func(col int) {
			if _, ids := l.columns(); col < len(ids) {
				l.order.Click(ids[col])
				l.refilter()
			}
		},
		Open: func() tea.Cmd {
			if id := l.selectedID(); id != 0 {
				return l.open(id)
			}
			return nil
		}}
	l.reload()
	return l
}

// reload reads every event and the units, keeping the selected event.
func (l *list) reload() {
	keep := l.selectedID()
	l.err = nil
	es, err := l.c.Store.Events(0, 0)
	if err != nil {
		l.err = err
	}
	slices.Reverse(es)
	l.all, l.skeys = es, nil
	if l.units, err = loadUnits(l.c); err != nil && l.err == nil {
		l.err = err
	}
	l.refilter()
	if keep != 0 {
		l.selectID(keep)
	}
}

func (l *list) keep(i int, q search.Query) bool {
	e, f := &l.all[i], l.filter
	if f.typ != 0 && e.Type != f.typ {
		return false
	}
	if f.unitSet && e.UnitID != f.unit {
		return false
	}
	if f.month != 0 && !(e.Start.Month() <= f.month && e.LastDay().Month() >= f.month) {
		return false
	}
	if q.Empty() {
		return true
	}
	if l.skeys == nil {
		l.skeys = make([]search.Key, len(l.all))
		for j := range l.all {
			x := &l.all[j]
			l.skeys[j] = search.NewKey(x.Title+" "+x.Place, "", "", "")
		}
	}
	return l.skeys[i].Match(q)
}

// refilter applies the filters and the search.
func (l *list) refilter() {
	q := search.Compile(l.search.Value())
	l.view = l.view[:0]
	for i := range l.all {
		if l.keep(i, q) {
			l.view = append(l.view, i)
		}
	}
	widget.SortRows(l.order, l.view, l.sortKey)
	l.refreshTable()
}

// sortKey is what a click on a column title orders the events by.
func (l *list) sortKey(i, col int) widget.SortKey {
	e := &l.all[i]
	switch col {
	case colDate:
		return widget.SortKey{N: int64(e.Start)}
	case colTitle:
		return widget.SortKey{S: search.OrgSortKey(e.Title)}
	case colType:
		return widget.SortKey{N: int64(e.Type)}
	case colUnit:
		return widget.SortKey{S: search.OrgSortKey(l.units.label(e.UnitID))}
	case colPlace:
		return widget.SortKey{S: search.OrgSortKey(e.Place)}
	case colPeople:
		return widget.SortKey{N: int64(e.PersonTimes())}
	case colCost:
		return widget.SortKey{N: int64(e.Cost)}
	}
	return widget.SortKey{}
}

// refilterTop refilters and selects the first row.
func (l *list) refilterTop() {
	l.refilter()
	l.table.SetCursor(0)
}

func (l *list) selectedID() uint64 {
	i := l.table.Cursor()
	if i < 0 || i >= len(l.view) {
		return 0
	}
	return l.all[l.view[i]].ID
}

func (l *list) selectID(id uint64) bool {
	for row, i := range l.view {
		if l.all[i].ID == id {
			l.table.SetCursor(row)
			return true
		}
	}
	return false
}

// widest is the widest translation of keys, at least least cells.
func widest(c *common.Common, least int, keys ...string) int {
	w := least
	for _, k := range keys {
		w = max(w, ansi.StringWidth(c.T(k)))
	}
	return w
}

func (l *list) typeWidth() int {
	keys := []string{"events.col_type"}
	for _, t := range model.EventTypes {
		keys = append(keys, t.Key())
	}
	if l.w < 100 {
		return min(10, widest(l.c, 4, keys...))
	}
	return min(16, widest(l.c, 4, keys...))
}

func (l *list) columns() ([]widget.Column, []int) {
	c := l.c
	all := []struct {
		id  int
		col widget.Column
	}{
		{colDate, widget.Column{Title: c.T("events.col_date"), Width: 10}},
		{colTitle, widget.Column{Title: c.T("events.col_title"), Width: 12, Flex: 3}},
		{colType, widget.Column{Title: c.T("events.col_type"), Width: l.typeWidth()}},
		{colUnit, widget.Column{Title: c.T("events.col_org"), Width: 10, Flex: 2}},
		{colPlace, widget.Column{Title: c.T("events.col_place"), Width: 8, Flex: 1}},
		{colPeople, widget.Column{Title: c.T("events.col_people"), Width: widest(c, 5, "events.col_people"), AlignRight: true}},
		{colCost, widget.Column{Title: c.T("events.col_cost"), Width: 10, AlignRight: true}},
	}
	var cols []widget.Column
	var ids []int
	for _, a := range all {
		if a.id == colPlace && l.w < 110 {
			continue
		}
		cols = append(cols, a.col)
		ids = append(ids, a.id)
	}
	return cols, ids
}

func (l *list) refreshTable() {
	cols, ids := l.columns()
	l.table.SetColumns(cols)
	l.order.Mark(&l.table, ids)
	l.table.SetRows(len(l.view), func(row, col int) string {
		e := &l.all[l.view[row]]
		switch ids[col] {
		case colDate:
			return e.Start.String()
		case colTitle:
			return e.Title
		case colType:
			return l.c.T(e.Type.Key())
		case colUnit:
			return l.units.label(e.UnitID)
		case colPlace:
			return e.Place
		case colPeople:
			return strconv.Itoa(e.PersonTimes())
		case colCost:
			if e.Cost == 0 {
				return "-"
			}
			return e.Cost.Display()
		}
		return ""
	})
}

func (l *list) SetSize(w, h int) {
	l.w = w
	l.search.SetWidth(max(10, min(24, w/4)))
	l.table.SetSize(w, max(3, h-2))
	l.refreshTable()
}

func (l *list) Capturing() bool { return l.input.Capturing() }
func (l *list) Dirty() bool     { return false }

func (l *list) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(common.DataChangedMsg); ok {
		l.reload()
		return nil
	}
	return l.input.Update(msg)
}

// key handles the list's own keys; ok is false for the table's.
func (l *list) key(km tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k := l.c.Keys
	switch {
	case key.Matches(km, k.Search):
		l.search.Focus()
	case key.Matches(km, l.k.PrevMonth):
		l.moveMonth(-1)
	case key.Matches(km, l.k.NextMonth):
		l.moveMonth(1)
	case key.Matches(km, l.k.AllMonths):
		l.filter.month = 0
		l.refilterTop()
	case key.Matches(km, l.k.Type):
		l.filter.typ = (l.filter.typ + 1) % (model.EventType(len(model.EventTypes)) + 1)
		l.refilterTop()
	case key.Matches(km, l.k.Unit):
		return l.pickUnit(), true
	case key.Matches(km, l.k.Clear):
		l.filter = filter{}
		l.search.SetValue("")
		l.refilterTop()
	case key.Matches(km, k.Back):
		if l.search.Value() != "" {
			l.search.SetValue("")
			l.refilter()
		}
	case key.Matches(km, k.Open):
		if id := l.selectedID(); id != 0 {
			return l.open(id), true
		}
	case key.Matches(km, k.New):
		return l.st.Push(newEventForm(l.c, l.st, l.k, l.roster, nil, l.opened)), true
	case key.Matches(km, k.Edit):
		if i := l.table.Cursor(); i >= 0 && i < len(l.view) {
			return l.st.Push(newEventForm(l.c, l.st, l.k, l.roster, &l.all[l.view[i]], l.opened)), true
		}
	case key.Matches(km, k.Export):
		filter := ansi.Strip(l.filterBar())
		if v := l.search.Value(); v != "" {
			filter += l.c.T("events.search") + l.c.T("events.colon") + v
		}
		return listexport.Start(l.c, l.st, listexport.List{Name: l.c.T("events.tab"), Filter: strings.TrimSpace(filter), Table: l.table}), true
	case key.Matches(km, l.k.Figures):
		return l.st.Push(newFigures(l.c, l.k, &l.period)), true
	default:
		return nil, false
	}
	return nil, true
}

// open pushes the detail of event id.
func (l *list) open(id uint64) tea.Cmd {
	l.selectID(id)
	return l.st.Push(newDetail(l.c, l.st, l.k, l.roster, id))
}

// opened is a form's next step once it saved event id: its detail.
func (l *list) opened(id uint64) tea.Cmd {
	l.reload()
	return l.open(id)
}

// moveMonth steps the month filter; from "all months" it starts at today's.
func (l *list) moveMonth(d int) {
	if l.filter.month == 0 {
		l.filter.month = l.c.Today().Month()
	} else {
		l.filter.month = l.filter.month.Add(d)
	}
	l.refilterTop()
}

// pickUnit chooses the organising unit to show: all, the federation's own
// or one unit (values shifted by one so that 0 can mean all).
func (l *list) pickUnit() tea.Cmd {
	opts := []form.Option{{Label: l.c.T("events.all_units"), Value: 0}, {Label: l.c.T("events.federation"), Value: 1}}
	for _, u := range l.units.list {
		opts = append(opts, form.Option{Label: u.Name, Value: u.ID + 1})
	}
	cur := uint64(0)
	if l.filter.unitSet {
		cur = l.filter.unit + 1
	}
	return l.st.Push(picker.NewScreen(l.c, l.st, l.c.T("events.pick_unit"), opts, cur, func(v uint64) tea.Cmd {
		l.filter.unitSet, l.filter.unit = v != 0, 0
		if v > 1 {
			l.filter.unit = v - 1
		}
		l.refilterTop()
		return nil
	}))
}

func typeName(c *common.Common, t model.EventType) string {
	if t == 0 {
		return c.T("events.all_types")
	}
	return c.T(t.Key())
}

// filterBar is the start of the filter line: type, unit and month; the
// search box follows it.
func (l *list) filterBar() string {
	st, c := l.c.Styles, l.c
	sep := c.T("events.colon")
	month := c.T("events.all_months")
	if l.filter.month != 0 {
		month = l.filter.month.String()
	}
	unit := c.T("events.all_units")
	if l.filter.unitSet {
		unit = l.units.label(l.filter.unit)
	}
	if w := max(8, l.w/4); ansi.StringWidth(unit) > w {
		unit = ansi.Truncate(unit, w, "~")
	}
	return st.Label.Render(c.T("events.filter_type")+sep) + typeName(c, l.filter.typ) + "  " +
		st.Label.Render(c.T("events.filter_unit")+sep) + unit + "  " +
		st.Label.Render(c.T("events.filter_month")+sep) + month + "  "
}

func (l *list) View() string {
	st, c := l.c.Styles, l.c
	sep := c.T("events.colon")
	bar := l.filterBar()
	if box := l.search.View(c.T("events.search"), ""); box != "" {
		bar += box + "  "
	}
	people, cost := 0, model.Money(0)
	for _, i := range l.view {
		people += l.all[i].PersonTimes()
		cost += l.all[i].Cost
	}
	line := ansi.Truncate(bar, l.w, "~")
	if l.err != nil {
		line = st.Error.Render(ansi.Truncate(c.Err(l.err), l.w, "~"))
	}
	totals := st.Label.Render(c.T("events.total_events")+sep) + strconv.Itoa(len(l.view)) + "  " +
		st.Label.Render(c.T("events.total_people")+sep) + strconv.Itoa(people) + "  " +
		st.Label.Render(c.T("events.total_cost")+sep) + cost.Display()
	return line + "\n" + l.table.View() + "\n" + ansi.Truncate(totals, l.w, "~")
}

// Cursor is the caret of the search box, after the filters.
func (l *list) Cursor() *tea.Cursor {
	return l.search.Cursor(l.c.T("events.search"), ansi.StringWidth(l.filterBar()), 0, l.w)
}

func (l *list) ShortHelp() []key.Binding {
	k := l.c.Keys
	if l.search.Active() {
		return []key.Binding{k.SearchDone, k.SearchClear}
	}
	return []key.Binding{l.k.Type, l.k.Unit, l.k.PrevMonth, l.k.NextMonth, l.k.AllMonths,
		k.New, k.Open, k.Edit, l.k.Figures, k.Search, k.Export, k.Help, k.Quit}
}

func (l *list) FullHelp() [][]key.Binding {
	k := l.c.Keys
	if l.search.Active() {
		return [][]key.Binding{l.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{l.k.Type, l.k.Unit, l.k.PrevMonth, l.k.NextMonth, l.k.AllMonths, l.k.Clear, k.Search},
		{k.Open, k.New, k.Edit, l.k.Figures, k.Export, k.Tabs, k.Help, k.Quit},
	}
}
