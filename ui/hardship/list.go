package hardship

import (
	"fmt"
	"maps"
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/search"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/listexport"
	"unionbook/ui/picker"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// listView is which files the list shows.
type listView int

const (
	viewOpen listView = iota // applied and active
	viewApplied
	viewActive
	viewOverdue
	viewLifted
	viewClosed
	viewAll
	numViews
)

var viewKeys = []string{"hardship.view_open", "hardship.view_applied", "hardship.view_active", "hardship.view_overdue",
	"hardship.view_lifted", "hardship.view_closed", "hardship.view_all"}

// listHeaderLines: the filter line and the search line above the table.
const listHeaderLines = 2

// tableID tells the list's row clicks from a picker's.
const tableID = "hardship"

// row is one file with what the list shows and searches.
type row struct {
	f      model.HardshipFile
	m      storage.MemberLine
	unit   string
	key    search.Key
	pc     model.Money
	review model.Date
}

// list is the tab's root screen: the files of one view and category,
// newest first, with search like the member list.
type list struct {
	c  *common.Common
	st *stack.Stack
	k  *keys

	rows      []*row
	view      []*row
	table     widget.Table
	search    widget.SearchBox
	input     widget.SearchList // routes input between search and table
	listView  listView
	catFilter model.HardshipCategory

	w   int
	err error
}

func newList(c *common.Common, k *keys) *list {
	l := &list{c: c, k: k, table: widget.NewTable(nil, c.TableStyles())}
	l.table.SetID(tableID)
	l.table.SetOrigin(0, listHeaderLines)
	l.table.SetEmptyText(c.T("hardship.empty"))
	l.search = widget.NewSearchBox(c.T("hardship.search_hint"), widget.SearchBoxStyles{
		Label: c.Styles.Label, Box: c.Styles.Input, Focus: c.Styles.InputFocus, Prompt: c.Styles.Muted})
	l.input = widget.SearchList{Table: &l.table, Search: &l.search, Filter: l.filter, Key: l.key, Open: func() tea.Cmd {
		if i := l.table.Cursor(); i >= 0 && i < len(l.view) {
			return l.open(l.view[i].f.ID)
		}
		return nil
	}}
	l.reload()
	return l
}

// reload reads the files, their members and units from the store.
func (l *list) reload() {
	l.err = nil
	units, err := unitNames(l.c)
	if err != nil {
		l.err = err
		return
	}
	files, err := l.c.Store.HardshipFiles()
	if err != nil {
		l.err = err
		return
	}
	// The members' lines (name, number, phone, ID number, unit) in one
	// read, not each whole member with its history in a read of its own.
	ids := make([]uint64, len(files))
	for i, f := range files {
		ids[i] = f.MemberID
	}
	lines, err := l.c.Store.MemberLinesByID(ids)
	if err != nil { // a damaged member: the others still show, it as "?"
		lines = map[uint64]storage.MemberLine{}
		for _, id := range ids {
			if one, err := l.c.Store.MemberLinesByID([]uint64{id}); err == nil {
				maps.Copy(lines, one)
			}
		}
	}
	l.rows = l.rows[:0]
	for _, f := range files {
		m, ok := lines[f.MemberID]
		if !ok {
			m = storage.MemberLine{ID: f.MemberID, Name: "?"}
		}
		l.rows = append(l.rows, &row{f: f, m: m, unit: units[m.UnitID], key: search.NewKey(m.Name, m.No, m.Phone, m.IDNumber),
			pc: f.PerCapita(), review: f.LastReviewed()})
	}
	// Newest files first.
	slices.SortFunc(l.rows, func(a, b *row) int { return int(int64(b.f.ID) - int64(a.f.ID)) })
	l.filter()
}

// unitNames maps unit IDs to names.
func unitNames(c *common.Common) (map[uint64]string, error) {
	units, err := c.Store.Units()
	if err != nil {
		return nil, err
	}
	by := make(map[uint64]string, len(units))
	for _, u := range units {
		by[u.ID] = u.Name
	}
	return by, nil
}

// shows reports whether the list view and category filter select r.
func (l *list) shows(r *row) bool {
	ok := false
	switch l.listView {
	case viewOpen:
		ok = r.f.Status.Open()
	case viewApplied:
		ok = r.f.Status == model.HardshipApplied
	case viewActive:
		ok = r.f.Status == model.HardshipActive
	case viewOverdue:
		ok = r.f.ReviewOverdue(l.c.Today())
	case viewLifted:
		ok = r.f.Status == model.HardshipLifted
	case viewClosed:
		ok = r.f.Status == model.HardshipClosed
	case viewAll:
		ok = true
	}
	return ok && (l.catFilter == 0 || r.f.Category == l.catFilter)
}

func (l *list) filter() {
	q := search.Compile(l.search.Value())
	l.view = l.view[:0]
	for _, r := range l.rows {
		if l.shows(r) && (q.Empty() || r.key.Match(q)) {
			l.view = append(l.view, r)
		}
	}
	l.refreshTable()
}

// labelWidth is the widest translation of keys, at least least and at most
// 14 cells.
func labelWidth(c *common.Common, least int, keys ...string) int {
	w := least
	for _, k := range keys {
		w = max(w, ansi.StringWidth(c.T(k)))
	}
	return min(w, 14)
}

func (l *list) refreshTable() {
	c := l.c
	cols := []widget.Column{
		{Title: c.T("hardship.col_file"), Width: 5, AlignRight: true},
		{Title: c.T("col.name"), Width: 8},
		{Title: c.T("col.unit"), Width: 10, Flex: 1},
		{Title: c.T("hardship.col_category"), Width: labelWidth(c, 6, "hardship.cat_deep", "hardship.cat_relative", "hardship.cat_sudden")},
		{Title: c.T("hardship.col_status"), Width: labelWidth(c, 4, "hardship.st_applied", "hardship.st_active", "hardship.st_lifted", "hardship.st_closed")},
		{Title: c.T("hardship.col_per_capita"), Width: 10, AlignRight: true},
	}
	if l.w >= 100 {
		cols = append(cols,
			widget.Column{Title: c.T("hardship.col_size"), Width: 4, AlignRight: true},
			widget.Column{Title: c.T("hardship.col_reviewed"), Width: 10})
	}
	l.table.SetColumns(cols)
	today := c.Today()
	l.table.SetRows(len(l.view), func(i, col int) string {
		r := l.view[i]
		switch col {
		case 0:
			return fmt.Sprint(r.f.ID)
		case 1:
			return r.m.Name
		case 2:
			return r.unit
		case 3:
			return c.T(r.f.Category.Key())
		case 4:
			s := c.T(r.f.Status.Key())
			if r.f.ReviewOverdue(today) {
				s += "!"
			}
			return s
		case 5:
			return r.pc.Display()
		case 6:
			return fmt.Sprint(r.f.HouseholdSize)
		case 7:
			return r.review.String()
		}
		return ""
	})
}

func (l *list) SetSize(w, h int) {
	l.w = w
	l.search.SetWidth(max(10, min(40, w-30)))
	l.table.SetSize(w, max(3, h-listHeaderLines))
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
	case key.Matches(km, k.Back):
		if l.search.Value() != "" {
			l.search.SetValue("")
			l.filter()
		}
	case key.Matches(km, l.k.Clear):
		l.search.SetValue("")
		l.listView, l.catFilter = viewOpen, 0
		l.filter()
	case key.Matches(km, l.k.View):
		l.listView = (l.listView + 1) % numViews
		l.filter()
	case key.Matches(km, k.Export):
		return listexport.Start(l.c, l.st, l.exported()), true
	case key.Matches(km, l.k.Category):
		l.catFilter = (l.catFilter + 1) % 4
		l.filter()
	case key.Matches(km, k.New):
		ff, err := newFileForm(l.c, l.st, "", nil, false, l.open)
		return pushOr(l.c, l.st, ff, err), true
	case key.Matches(km, l.k.AidMember):
		return l.pickAidMember(), true
	case key.Matches(km, k.Open):
		if len(l.view) > 0 {
			return l.open(l.view[l.table.Cursor()].f.ID), true
		}
	default:
		return nil, false
	}
	return nil, true
}

// open pushes the detail of file id.
func (l *list) open(id uint64) tea.Cmd { return l.st.Push(newDetail(l.c, l.st, l.k, id)) }

// pickAidMember chooses a member to give aid to: a filed member's aid goes
// on the file, over its detail; anyone else's stands alone.
func (l *list) pickAidMember() tea.Cmd {
	opts, err := memberOptions(l.c)
	if err != nil {
		return common.SetStatus(l.c.Err(err), true)
	}
	return l.st.Push(picker.NewScreen(l.c, l.st, l.c.T("hardship.pick_aid_member"), opts, 0, func(id uint64) tea.Cmd {
		m, err := l.c.Store.Member(id)
		if err != nil {
			return common.SetStatus(l.c.Err(err), true)
		}
		if f, ok, err := l.c.Store.OpenHardshipFile(id); err == nil && ok {
			d := newDetail(l.c, l.st, l.k, f.ID)
			return tea.Batch(l.st.Push(d), d.openAid())
		}
		return l.st.Push(newAidForm(l.c, l.st, m, 0, nil))
	}))
}

// memberOptions are the members in the union, to choose from.
func memberOptions(c *common.Common) ([]form.Option, error) {
	units, err := unitNames(c)
	if err != nil {
		return nil, err
	}
	ms, err := c.Store.Members()
	if err != nil {
		return nil, err
	}
	opts := make([]form.Option, 0, len(ms))
	for _, m := range ms {
		if m.Status.InUnion() {
			opts = append(opts, form.Option{Label: m.Name + "  " + m.No + "  " + units[m.UnitID], Value: m.ID})
		}
	}
	return opts, nil
}

func (l *list) View() string {
	st := l.c.Styles
	if l.err != nil {
		return st.Error.Render(l.c.Err(l.err))
	}
	cat := l.c.T("hardship.cat_all")
	if l.catFilter != 0 {
		cat = l.c.T(l.catFilter.Key())
	}
	head := st.Title.Render(l.c.T(viewKeys[l.listView])) + "  " +
		st.Muted.Render(l.c.T("hardship.list_line", cat, len(l.view), len(l.rows)))
	if l.anyOverdue() {
		head += "  " + st.Muted.Render(l.c.T("hardship.overdue_legend"))
	}
	searchLine := l.search.View(l.c.T("hardship.search"), l.c.T("hardship.list_hint"))
	return ansi.Truncate(head, l.w, "~") + "\n" + ansi.Truncate(searchLine, l.w, "~") + "\n" + l.table.View()
}

// exported is the list as shown, for listexport: its view, category and
// search in words.
func (l *list) exported() listexport.List {
	cat := l.c.T("hardship.cat_all")
	if l.catFilter != 0 {
		cat = l.c.T(l.catFilter.Key())
	}
	filter := cat
	if v := l.search.Value(); v != "" {
		filter += "  " + l.c.T("hardship.search") + ": " + v
	}
	return listexport.List{Name: l.c.T(viewKeys[l.listView]), Filter: filter, Table: l.table}
}

// anyOverdue reports a file shown whose review is overdue: its status
// carries the "!" the legend explains.
func (l *list) anyOverdue() bool {
	today := l.c.Today()
	for _, r := range l.view {
		if r.f.ReviewOverdue(today) {
			return true
		}
	}
	return false
}

// Cursor is the caret of the search box.
func (l *list) Cursor() *tea.Cursor {
	return l.search.Cursor(l.c.T("hardship.search"), 0, 1, l.w)
}

func (l *list) ShortHelp() []key.Binding {
	k := l.c.Keys
	if l.search.Active() {
		return []key.Binding{k.SearchDone, k.SearchClear}
	}
	return []key.Binding{k.Open, k.New, l.k.AidMember, l.k.View, l.k.Category, k.Search, k.Export, k.Help, k.Quit}
}

func (l *list) FullHelp() [][]key.Binding {
	k := l.c.Keys
	if l.search.Active() {
		return [][]key.Binding{l.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Open, k.New, l.k.AidMember, l.k.View, l.k.Category, l.k.Clear, k.Search, k.Export},
		{k.Tabs, k.Help, k.Quit},
	}
}
