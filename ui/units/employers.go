package units

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
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// employers is the tab's second list: the unorganised employers (未建会单位)
// still to organise first, then those that formed their union or left,
// with their last and next visit; searchable like the units.
type employers struct {
	common.ScreenBase
	c      *common.Common
	st     *stack.Stack
	b      *book
	keys   keys
	all    []model.Employer
	view   []int // indexes into all that the search keeps
	keysOf []search.Key
	table  widget.Table
	search widget.SearchBox
	input  widget.SearchList // routes input between search and table
	err    error
	width  int
}

func newEmployers(c *common.Common, st *stack.Stack, b *book, k keys) *employers {
	e := &employers{c: c, st: st, b: b, keys: k, table: widget.NewTable(nil, c.TableStyles())}
	e.search = widget.NewSearchBox(c.T("units.search_hint"), widget.SearchBoxStyles{
		Label: c.Styles.Label, Box: c.Styles.Input, Focus: c.Styles.InputFocus, Prompt: c.Styles.Muted})
	e.table.SetOrigin(0, tableTop)
	e.input = widget.SearchList{Table: &e.table, Search: &e.search, Filter: e.refilter, Open: e.open, Key: e.key}
	e.table.SetEmptyText(c.T("employers.empty"))
	e.load()
	return e
}

// load reads the employers: open ones first (the follow-up due first),
// then the others, each by name.
func (e *employers) load() {
	es, err := e.c.Store.Employers()
	e.err = err
	today := e.c.Today()
	rank := func(x *model.Employer) int {
		switch {
		case x.FollowUpDue(today):
			return 0
		case x.Status.Open():
			return 1
		}
		return 2
	}
	slices.SortStableFunc(es, func(a, b model.Employer) int {
		if ra, rb := rank(&a), rank(&b); ra != rb {
			return ra - rb
		}
		return strings.Compare(search.NameSortKey(a.Name), search.NameSortKey(b.Name))
	})
	e.all = es
	e.keysOf = make([]search.Key, len(es))
	for i, x := range es {
		e.keysOf[i] = search.NewKey(x.Name, "", x.Phone, x.CreditCode)
	}
	e.refilter()
}

func (e *employers) refilter() {
	q := search.Compile(e.search.Value())
	e.view = e.view[:0]
	for i := range e.all {
		if q.Empty() || e.keysOf[i].Match(q) {
			e.view = append(e.view, i)
		}
	}
	e.refreshTable()
}

func (e *employers) refreshTable() {
	c := e.c
	statusW := 8
	for _, s := range model.EmployerStatuses {
		statusW = max(statusW, min(20, ansi.StringWidth(c.T(s.Key()))))
	}
	cols := []widget.Column{
		{Title: c.T("field.employer_name"), Width: 16, Flex: 1},
		{Title: c.T("col.employees"), Width: 6, AlignRight: true},
		{Title: c.T("field.employer_status"), Width: statusW},
		{Title: c.T("employers.col_last"), Width: 10},
		{Title: c.T("field.visit_next"), Width: 11},
	}
	if e.width >= 110 {
		cols = append(cols, widget.Column{Title: c.T("field.contact"), Width: 8}, widget.Column{Title: c.T("col.phone"), Width: 13})
	}
	e.table.SetColumns(cols)
	today := c.Today()
	e.table.SetRows(len(e.view), func(row, col int) string {
		x := &e.all[e.view[row]]
		last, _ := x.LastVisit()
		switch col {
		case 0:
			return x.Name
		case 1:
			return strconv.Itoa(x.Employees)
		case 2:
			return c.T(x.Status.Key())
		case 3:
			return last.Date.String()
		case 4:
			if !x.Status.Open() {
				return ""
			}
			if x.FollowUpDue(today) {
				return "!" + last.Next.String()
			}
			return last.Next.String()
		case 5:
			return x.Contact
		case 6:
			return x.Phone
		}
		return ""
	})
}

func (e *employers) SetSize(w, h int) {
	e.width = w
	e.search.SetWidth(max(10, min(30, w-30)))
	e.table.SetSize(w, max(3, h-tableTop-1))
	e.refreshTable()
}

func (e *employers) Capturing() bool   { return e.input.Capturing() }
func (e *employers) HandlesBack() bool { return e.input.Capturing() }

func (e *employers) selected() (model.Employer, bool) {
	i := e.table.Cursor()
	if i < 0 || i >= len(e.view) {
		return model.Employer{}, false
	}
	return e.all[e.view[i]], true
}

func (e *employers) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(common.DataChangedMsg); ok {
		e.load()
		return nil
	}
	return e.input.Update(msg)
}

// key handles the screen's own keys; ok is false for the table's.
func (e *employers) key(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k := e.c.Keys
	switch {
	case key.Matches(msg, k.Search):
		e.search.Focus()
		return nil, true
	case key.Matches(msg, k.Open):
		return e.open(), true
	case key.Matches(msg, k.New):
		return e.st.Push(employerForm(e.c, e.st, nil)), true
	case key.Matches(msg, e.keys.Visit):
		if x, ok := e.selected(); ok {
			return e.st.Push(visitForm(e.c, e.st, x)), true
		}
		return nil, true
	}
	return nil, false
}

func (e *employers) open() tea.Cmd {
	x, ok := e.selected()
	if !ok {
		return nil
	}
	return e.st.Push(newEmployerDetail(e.c, e.st, e.b, e.keys, x.ID))
}

func (e *employers) View() string {
	st := e.c.Styles
	open := 0
	for i := range e.all {
		if e.all[i].Status.Open() {
			open++
		}
	}
	bar := st.Title.Render(e.c.T("employers.title")) + "  " +
		e.search.View(e.c.T("members.search"), e.c.T("employers.search_prompt")) + "  " +
		st.Muted.Render(e.c.T("employers.count", open, len(e.all)))
	if e.err != nil {
		bar = st.Error.Render(e.c.Err(e.err))
	}
	return ansi.Truncate(bar, e.width, "~") + "\n" + e.table.View()
}

func (e *employers) Cursor() *tea.Cursor {
	off := ansi.StringWidth(e.c.Styles.Title.Render(e.c.T("employers.title"))) + 2
	return e.search.Cursor(e.c.T("members.search"), off, 0, e.width)
}

func (e *employers) ShortHelp() []key.Binding {
	k := e.c.Keys
	if e.search.Active() {
		return []key.Binding{k.SearchDone, k.SearchClear}
	}
	return []key.Binding{k.Search, k.Open, k.New, e.keys.Visit, k.Back}
}

func (e *employers) FullHelp() [][]key.Binding {
	k := e.c.Keys
	if e.search.Active() {
		return [][]key.Binding{e.ShortHelp()}
	}
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}, e.ShortHelp(), {k.Tabs, k.Help, k.Quit}}
}
