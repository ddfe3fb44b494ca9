package members

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/listexport"
	"unionbook/ui/picker"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// list is the roster: the filter line (search box, unit, status, count)
// over the table. It is the bottom of the tab's stack.
type list struct {
	common.ScreenBase
	c      *common.Common
	st     *stack.Stack
	b      *book
	keys   keys
	extras []common.MemberSection
	table  widget.Table
	search widget.SearchBox
	input  widget.SearchList // routes input between search and table
	width  int
}

// tableTop is the line of the table's column titles: the filter line is
// above it.
const tableTop = 1

func newList(c *common.Common, st *stack.Stack, b *book, k keys, extras []common.MemberSection) *list {
	l := &list{c: c, st: st, b: b, keys: k, extras: extras}
	l.search = widget.NewSearchBox(c.T("members.search_hint"), widget.SearchBoxStyles{
		Label: c.Styles.Label, Box: c.Styles.Input, Focus: c.Styles.InputFocus, Prompt: c.Styles.Muted})
	l.table = widget.NewTable(nil, c.TableStyles())
	l.table.SetOrigin(0, tableTop)
	l.input = widget.SearchList{Table: &l.table, Search: &l.search, Sort: l.sortByClick, Open: l.open, Key: l.key,
		Filter: func() {
			l.b.r.setQuery(l.search.Value())
			l.refreshTable()
		}}
	l.refreshTable()
	return l
}

// columns picks the columns that fit the width: phone and join date give
// way first on a narrow terminal. ids are the roster's column numbers.
func (l *list) columns() (cols []widget.Column, ids []int) {
	all := []struct {
		id  int
		col widget.Column
	}{
		{colNo, widget.Column{Title: l.c.T("col.member_no"), Width: 7}},
		{colName, widget.Column{Title: l.c.T("col.name"), Width: 10}},
		{colGender, widget.Column{Title: l.c.T("col.gender"), Width: l.labelWidth(4, model.Male.Key(), model.Female.Key())}},
		{colUnit, widget.Column{Title: l.c.T("col.unit"), Width: 12, Flex: 1}},
		{colID, widget.Column{Title: l.c.T("col.id_number"), Width: 18}},
		{colPhone, widget.Column{Title: l.c.T("col.phone"), Width: 11}},
		{colStatus, widget.Column{Title: l.c.T("col.status"), Width: l.labelWidth(8, statusKeys...)}},
		{colJoined, widget.Column{Title: l.c.T("col.joined"), Width: 10}},
	}
	for _, a := range all {
		if a.id == colPhone && l.width < 110 || a.id == colJoined && l.width < 92 {
			continue
		}
		cols = append(cols, a.col)
		ids = append(ids, a.id)
	}
	return cols, ids
}

var statusKeys = func() []string {
	keys := make([]string, len(model.Statuses))
	for i, s := range model.Statuses {
		keys[i] = s.Key()
	}
	return keys
}()

// labelWidth is the width of the widest translated label, at least least
// and at most 12 cells, so "female" and "保留会籍" fit in either language.
func (l *list) labelWidth(least int, keys ...string) int {
	w := least
	for _, k := range keys {
		w = max(w, ansi.StringWidth(l.c.T(k)))
	}
	return min(w, 12)
}

func (l *list) cell(ids []int) func(row, col int) string {
	return func(rowIdx, col int) string {
		x := l.b.r.shownRow(rowIdx)
		switch ids[col] {
		case colNo:
			return x.No
		case colName:
			return x.Name
		case colGender:
			return l.c.T(x.Gender.Key())
		case colUnit:
			return l.b.unitBy[x.UnitID]
		case colID:
			return model.MaskID(x.IDNumber)
		case colPhone:
			return x.Phone
		case colStatus:
			return l.c.T(x.Status.Key())
		case colJoined:
			return x.JoinDate.String()
		}
		return ""
	}
}

func (l *list) refreshTable() {
	cols, ids := l.columns()
	empty := "members.empty"
	if l.b.loading {
		empty = "members.loading"
	}
	l.table.SetEmptyText(l.c.T(empty))
	l.table.SetColumns(cols)
	l.table.SetRows(l.b.r.shown(), l.cell(ids))
	sortAt := -1
	for i, id := range ids {
		if id == l.b.r.sortCol {
			sortAt = i
		}
	}
	l.table.SetSort(sortAt, l.b.r.sortDesc)
}

func (l *list) SetSize(w, h int) {
	l.width = w
	l.search.SetWidth(max(10, min(40, w-30)))
	l.table.SetSize(w, max(3, h-tableTop-1))
	l.refreshTable()
}

// Capturing while the search box takes typing.
func (l *list) Capturing() bool { return l.input.Capturing() }

// HandlesBack: esc leaves the search box, or clears the filters.
func (l *list) HandlesBack() bool { return l.search.Active() || l.filtered() }

func (l *list) filtered() bool {
	r := l.b.r
	return r.query != "" || r.unitFilter != 0 || r.statusFilter != statusFilterAll
}

// selected is the line of the member under the cursor.
func (l *list) selected() (storage.MemberLine, bool) {
	i := l.table.Cursor()
	if i < 0 || i >= l.b.r.shown() {
		return storage.MemberLine{}, false
	}
	return *l.b.r.shownRow(i), true
}

// withSelected calls fn with the whole record of the member under the
// cursor (read from the store), or says why it cannot be read.
func (l *list) withSelected(fn func(m model.Member) tea.Cmd) tea.Cmd {
	x, ok := l.selected()
	if !ok {
		return nil
	}
	m, err := l.b.member(x.ID)
	if err != nil {
		return common.SetStatus(l.c.Err(err), true)
	}
	return fn(m)
}

// follow selects the member in the table (after it was saved).
func (l *list) follow(id uint64) {
	l.refreshTable()
	if i := l.b.r.indexOf(id); i >= 0 {
		l.table.SetCursor(i)
	}
}

// rosterChanged shows a roster read anew, from its top.
func (l *list) rosterChanged() {
	l.refreshTable()
	l.table.SetCursor(0)
}

// showUnit filters the roster to one unit (from the Units tab).
func (l *list) showUnit(unitID uint64) {
	l.b.r.unitFilter = unitID
	l.b.r.refilter()
	l.refreshTable()
	l.table.SetCursor(0)
}

func (l *list) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(common.DataChangedMsg); ok { // the page has brought the roster up to date
		l.refreshTable()
		return nil
	}
	return l.input.Update(msg)
}

// key handles the list's own keys; ok is false for the table's.
func (l *list) key(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k, tk := l.c.Keys, l.keys
	r := l.b.r
	switch {
	case key.Matches(msg, k.Search):
		l.search.Focus()
	case key.Matches(msg, k.Back), key.Matches(msg, tk.ClearFilter):
		if l.filtered() {
			l.clearFilters()
		}
	case key.Matches(msg, k.Open):
		return l.open(), true
	case key.Matches(msg, k.New):
		return l.st.Push(newMemberForm(l.c, l.b, nil).screen(l.st, l.saved)), true
	case key.Matches(msg, k.Edit):
		return l.withSelected(func(m model.Member) tea.Cmd {
			return l.st.Push(newMemberForm(l.c, l.b, &m).screen(l.st, l.saved))
		}), true
	case key.Matches(msg, tk.Status):
		return l.withSelected(func(m model.Member) tea.Cmd { return openStatusForm(l.c, l.st, l.b, m, l.saved) }), true
	case key.Matches(msg, tk.Sort):
		r.setSort((r.sortCol+1)%numCols, false)
		l.refreshTable()
	case key.Matches(msg, tk.SortRev):
		r.setSort(r.sortCol, !r.sortDesc)
		l.refreshTable()
	case key.Matches(msg, tk.FilterStatus):
		l.cycleStatusFilter()
	case key.Matches(msg, tk.ModelWorkers):
		return l.st.Push(newModelWorkers(l.c, l.st, func(id uint64) tea.Cmd {
			return l.st.Push(newDetail(l.c, l.st, l.b, l.keys, id, l.extras, l.follow))
		})), true
	case key.Matches(msg, k.Export):
		return listexport.Start(l.c, l.st, l.exported()), true
	case key.Matches(msg, tk.FilterUnit):
		opts := append([]form.Option{{Label: l.c.T("members.all_units"), Value: 0}}, l.b.unitOptions()...)
		return l.st.Push(picker.NewScreen(l.c, l.st, l.c.T("field.unit"), opts, r.unitFilter, func(v uint64) tea.Cmd {
			l.showUnit(v)
			return nil
		})), true
	default:
		return nil, false
	}
	return nil, true
}

// open shows the selected member's detail.
func (l *list) open() tea.Cmd {
	m, ok := l.selected()
	if !ok {
		return nil
	}
	return l.st.Push(newDetail(l.c, l.st, l.b, l.keys, m.ID, l.extras, l.follow))
}

// saved is what a form opened from the list does after saving: it shows
// the member, in the detail and in the table.
func (l *list) saved(m model.Member) tea.Cmd {
	l.follow(m.ID)
	return l.st.Replace(newDetail(l.c, l.st, l.b, l.keys, m.ID, l.extras, l.follow))
}

// sortByClick sorts by the column whose title was clicked; a second click
// reverses the order.
func (l *list) sortByClick(col int) {
	_, ids := l.columns()
	if col < 0 || col >= len(ids) {
		return
	}
	r := l.b.r
	desc := ids[col] == r.sortCol && !r.sortDesc
	r.setSort(ids[col], desc)
	l.refreshTable()
}

var statusCycle = []int{statusFilterAll, statusFilterInUnion, int(model.StatusActive), int(model.StatusRetained),
	int(model.StatusTransferred), int(model.StatusLeft), int(model.StatusExpelled), int(model.StatusDeceased)}

func (l *list) cycleStatusFilter() {
	r := l.b.r
	for i, s := range statusCycle {
		if s == r.statusFilter {
			r.statusFilter = statusCycle[(i+1)%len(statusCycle)]
			break
		}
	}
	r.refilter()
	l.refreshTable()
	l.table.SetCursor(0)
}

func (l *list) statusFilterName() string {
	switch l.b.r.statusFilter {
	case statusFilterAll:
		return l.c.T("members.all_statuses")
	case statusFilterInUnion:
		return l.c.T("members.in_union")
	}
	return l.c.T(model.Status(l.b.r.statusFilter).Key())
}

func (l *list) clearFilters() {
	r := l.b.r
	l.search.SetValue("")
	r.query = ""
	r.unitFilter = 0
	r.statusFilter = statusFilterAll
	r.refilter()
	l.refreshTable()
}

func (l *list) View() string {
	st := l.c.Styles
	r := l.b.r
	var bar strings.Builder
	bar.WriteString(l.search.View(l.c.T("members.search"), l.c.T("members.search_prompt")) + "  ")
	unit := l.c.T("members.all_units")
	if r.unitFilter != 0 {
		unit = l.b.unitBy[r.unitFilter]
	}
	bar.WriteString(st.Label.Render(l.c.T("field.unit")+": ") + unit + "  ")
	bar.WriteString(st.Label.Render(l.c.T("field.status")+": ") + l.statusFilterName() + "  ")
	if l.b.loading && len(r.all) == 0 {
		bar.WriteString(st.Muted.Render(l.c.T("members.loading")))
	} else {
		bar.WriteString(st.Muted.Render(l.c.T("members.count", r.shown(), len(r.all))))
	}
	line := ansi.Truncate(bar.String(), l.width, "~")
	if l.b.err != nil {
		line = st.Error.Render(l.c.Err(l.b.err))
	}
	return line + "\n" + l.table.View()
}

// exported is the roster as shown, for listexport: its filters in words,
// and the whole ID number behind each masked one.
func (l *list) exported() listexport.List {
	r := l.b.r
	unit := l.c.T("members.all_units")
	if r.unitFilter != 0 {
		unit = l.b.unitBy[r.unitFilter]
	}
	filter := l.c.T("field.unit") + ": " + unit + "  " + l.c.T("field.status") + ": " + l.statusFilterName()
	if r.query != "" {
		filter += "  " + l.c.T("members.search") + ": " + r.query
	}
	_, ids := l.columns()
	return listexport.List{Name: l.c.T("tab.members"), Filter: filter, Table: l.table,
		Unmasked: func(row, col int) (string, bool) {
			if col >= len(ids) || ids[col] != colID || row >= r.shown() {
				return "", false
			}
			return r.shownRow(row).IDNumber, true
		}}
}

// Cursor is the search box's caret while it takes typing.
func (l *list) Cursor() *tea.Cursor {
	return l.search.Cursor(l.c.T("members.search"), 0, 0, l.width)
}

func (l *list) ShortHelp() []key.Binding {
	k, tk := l.c.Keys, l.keys
	if l.search.Active() {
		return []key.Binding{k.SearchDone, k.SearchClear}
	}
	return []key.Binding{k.Search, k.Open, k.New, k.Edit, tk.Status, tk.FilterUnit, tk.FilterStatus, tk.Sort, k.Export, k.Help, k.Quit}
}

func (l *list) FullHelp() [][]key.Binding {
	k, tk := l.c.Keys, l.keys
	if l.search.Active() {
		return [][]key.Binding{l.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Search, k.Open, k.New, k.Edit, tk.Status, tk.ModelWorkers},
		{tk.FilterUnit, tk.FilterStatus, tk.ClearFilter, tk.Sort, tk.SortRev, k.Export},
		{k.Tabs, k.Help, k.Quit},
	}
}
