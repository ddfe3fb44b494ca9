package members

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/picker"
	"unionbook/ui/widget"
)

type mode int

const (
	modeList mode = iota
	modeDetail
	modeForm
	modeStatus
	modeConfirmDelete
)

// pickTarget says what an open picker chooses for.
type pickTarget int

const (
	pickNone pickTarget = iota
	pickFilterUnit
	pickFormField
)

// Page is the Members tab.
type Page struct {
	c      *common.Common
	r      *roster
	units  []model.Unit
	unitBy map[uint64]string

	table  widget.Table
	search widget.SearchBox

	mode    mode
	current uint64 // member shown in detail / edited
	form    *form.Form
	editing bool // form edits an existing member (else adds one)

	picker    *picker.Picker
	pickFor   pickTarget
	extras    []common.MemberSection
	width     int
	height    int
	loadError error
}

// New loads the roster from the store.
func New(c *common.Common, extras ...common.MemberSection) *Page {
	p := &Page{c: c, extras: extras}
	p.search = widget.NewSearchBox(c.T("members.search_hint"), widget.SearchBoxStyles{
		Label: c.Styles.Label, Box: c.Styles.Input, Focus: c.Styles.InputFocus, Prompt: c.Styles.Muted})
	ms, err := c.Store.Members()
	if err != nil {
		p.loadError = err
	}
	p.r = newRoster(ms)
	p.loadUnits()
	p.table = widget.NewTable(nil, widget.TableStyles{
		Header: c.Styles.TableHeader, Cell: c.Styles.TableCell, Selected: c.Styles.TableSelected,
	})
	p.table.SetEmptyText(c.T("members.empty"))
	p.refreshTable()
	return p
}

func (p *Page) loadUnits() {
	us, err := p.c.Store.Units()
	if err != nil {
		p.loadError = err
		return
	}
	p.units = us
	p.unitBy = make(map[uint64]string, len(us))
	for _, u := range us {
		p.unitBy[u.ID] = u.Name
	}
	p.r.setUnits(p.unitBy)
}

// Title is the tab label.
func (p *Page) Title() string { return p.c.T("tab.members") }

// columns picks the columns that fit the width: phone and join date give
// way first on a narrow terminal.
func (p *Page) columns() ([]widget.Column, []int) {
	all := []struct {
		id  int
		col widget.Column
	}{
		{colNo, widget.Column{Title: p.c.T("col.member_no"), Width: 7}},
		{colName, widget.Column{Title: p.c.T("col.name"), Width: 10}},
		{colGender, widget.Column{Title: p.c.T("col.gender"), Width: p.labelWidth(4, model.Male.Key(), model.Female.Key())}},
		{colUnit, widget.Column{Title: p.c.T("col.unit"), Width: 12, Flex: 1}},
		{colID, widget.Column{Title: p.c.T("col.id_number"), Width: 18}},
		{colPhone, widget.Column{Title: p.c.T("col.phone"), Width: 11}},
		{colStatus, widget.Column{Title: p.c.T("col.status"), Width: p.labelWidth(8, statusKeys...)}},
		{colJoined, widget.Column{Title: p.c.T("col.joined"), Width: 10}},
	}
	var cols []widget.Column
	var ids []int
	for _, a := range all {
		if a.id == colPhone && p.width < 110 || a.id == colJoined && p.width < 92 {
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

// labelWidth is the width of the widest translated label, at least min and
// at most 12 cells, so "female" and "保留会籍" fit in either language.
func (p *Page) labelWidth(least int, keys ...string) int {
	w := least
	for _, k := range keys {
		w = max(w, ansi.StringWidth(p.c.T(k)))
	}
	return min(w, 12)
}

func (p *Page) cell(ids []int) func(row, col int) string {
	return func(rowIdx, col int) string {
		x := p.r.view[rowIdx]
		switch ids[col] {
		case colNo:
			return x.m.No
		case colName:
			return x.m.Name
		case colGender:
			return p.c.T(x.m.Gender.Key())
		case colUnit:
			return p.unitBy[x.m.UnitID]
		case colID:
			return x.masked
		case colPhone:
			return x.m.Phone
		case colStatus:
			return p.c.T(x.m.Status.Key())
		case colJoined:
			return x.m.JoinDate.String()
		}
		return ""
	}
}

func (p *Page) refreshTable() {
	cols, ids := p.columns()
	p.table.SetColumns(cols)
	p.table.SetRows(len(p.r.view), p.cell(ids))
	sortAt := -1
	for i, id := range ids {
		if id == p.r.sortCol {
			sortAt = i
		}
	}
	p.table.SetSort(sortAt, p.r.sortDesc)
}

// SetSize lays the page out.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.search.SetWidth(max(10, min(40, w-30)))
	p.table.SetSize(w, max(3, h-2))
	p.refreshTable()
	if p.form != nil {
		p.form.SetSize(w, h-2)
	}
	if p.picker != nil {
		p.picker.SetSize(w, h)
	}
}

// Capturing reports that typed text goes to an input.
func (p *Page) Capturing() bool {
	return p.search.Active() || p.picker != nil || p.mode == modeForm || p.mode == modeStatus
}

// Dirty reports unsaved changes in a form.
func (p *Page) Dirty() bool {
	return (p.mode == modeForm || p.mode == modeStatus) && p.form != nil && p.form.Dirty()
}

// ShowUnit filters the roster to one unit (from the Units tab).
func (p *Page) ShowUnit(unitID uint64) {
	p.mode = modeList
	p.r.unitFilter = unitID
	p.r.refilter()
	p.refreshTable()
	p.table.SetCursor(0)
}

func (p *Page) selected() (*row, bool) {
	i := p.table.Cursor()
	if i < 0 || i >= len(p.r.view) {
		return nil, false
	}
	return p.r.view[i], true
}

// Update handles keys and messages.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	_, cmd := p.update(msg)
	return cmd
}

func (p *Page) update(msg tea.Msg) (common.Page, tea.Cmd) {
	if m, ok := msg.(common.DataChangedMsg); ok {
		p.refresh(m)
		return p, nil
	}
	if p.picker != nil {
		return p, p.updatePicker(msg)
	}
	switch p.mode {
	case modeForm:
		return p, p.updateForm(msg)
	case modeStatus:
		return p, p.updateStatusForm(msg)
	case modeDetail:
		return p, p.updateDetail(msg)
	case modeConfirmDelete:
		return p, p.updateConfirmDelete(msg)
	}
	return p, p.updateList(msg)
}

func (p *Page) updateList(msg tea.Msg) tea.Cmd {
	k := p.c.Keys
	if ev, cmd := p.search.Update(msg); ev != widget.SearchIgnored {
		if ev != widget.SearchHandled {
			p.r.setQuery(p.search.Value())
			p.refreshTable()
			if ev == widget.SearchChanged {
				p.table.SetCursor(0)
			}
		}
		return cmd
	}
	km, isKey := msg.(tea.KeyPressMsg)
	if hc, ok := msg.(widget.HeaderClickedMsg); ok {
		_, ids := p.columns()
		if hc.Col >= 0 && hc.Col < len(ids) {
			desc := ids[hc.Col] == p.r.sortCol && !p.r.sortDesc
			p.r.setSort(ids[hc.Col], desc)
			p.refreshTable()
		}
		return nil
	}
	if isKey {
		switch {
		case key.Matches(km, k.Search):
			p.search.Focus()
			return nil
		case km.String() == "esc":
			if p.r.query != "" || p.r.unitFilter != 0 || p.r.statusFilter != 0 {
				p.clearFilters()
			}
			return nil
		case key.Matches(km, k.ClearFilter):
			p.clearFilters()
			return nil
		case key.Matches(km, k.Open):
			if x, ok := p.selected(); ok {
				p.current = x.m.ID
				p.mode = modeDetail
			}
			return nil
		case key.Matches(km, k.New):
			return p.openForm(nil)
		case key.Matches(km, k.Edit):
			if x, ok := p.selected(); ok {
				return p.openForm(&x.m)
			}
			return nil
		case key.Matches(km, k.Status):
			if x, ok := p.selected(); ok {
				p.current = x.m.ID
				return p.openStatusForm(x.m)
			}
			return nil
		case key.Matches(km, k.Sort):
			p.r.setSort((p.r.sortCol+1)%numCols, false)
			p.refreshTable()
			return nil
		case key.Matches(km, k.SortRev):
			p.r.setSort(p.r.sortCol, !p.r.sortDesc)
			p.refreshTable()
			return nil
		case key.Matches(km, k.FilterStatus):
			p.cycleStatusFilter()
			return nil
		case key.Matches(km, k.FilterUnit):
			opts := []form.Option{{Label: p.c.T("members.all_units"), Value: 0}}
			opts = append(opts, p.unitOptions()...)
			p.openPicker(pickFilterUnit, p.c.T("field.unit"), opts, p.r.unitFilter)
			return nil
		}
	}
	var cmd tea.Cmd
	p.table, cmd = p.table.Update(msg)
	return cmd
}

var statusCycle = []int{statusFilterAll, statusFilterInUnion, int(model.StatusActive), int(model.StatusRetained),
	int(model.StatusTransferred), int(model.StatusLeft), int(model.StatusExpelled), int(model.StatusDeceased)}

func (p *Page) cycleStatusFilter() {
	for i, s := range statusCycle {
		if s == p.r.statusFilter {
			p.r.statusFilter = statusCycle[(i+1)%len(statusCycle)]
			break
		}
	}
	p.r.refilter()
	p.refreshTable()
	p.table.SetCursor(0)
}

func (p *Page) statusFilterName() string {
	switch p.r.statusFilter {
	case statusFilterAll:
		return p.c.T("members.all_statuses")
	case statusFilterInUnion:
		return p.c.T("members.in_union")
	}
	return p.c.T(model.Status(p.r.statusFilter).Key())
}

func (p *Page) clearFilters() {
	p.search.SetValue("")
	p.r.query = ""
	p.r.unitFilter = 0
	p.r.statusFilter = statusFilterAll
	p.r.refilter()
	p.refreshTable()
}

func (p *Page) unitOptions() []form.Option {
	opts := make([]form.Option, 0, len(p.units))
	for _, u := range p.units {
		opts = append(opts, form.Option{Label: u.Name, Value: u.ID})
	}
	return opts
}

func (p *Page) openPicker(target pickTarget, title string, opts []form.Option, current uint64) {
	p.pickFor = target
	p.picker = picker.New(p.c, title, opts, current)
	p.picker.SetSize(p.width, p.height)
}

func (p *Page) updatePicker(msg tea.Msg) tea.Cmd {
	res, v, cmd := p.picker.Update(msg)
	switch res {
	case picker.Chosen:
		p.picker = nil
		switch p.pickFor {
		case pickFilterUnit:
			p.r.unitFilter = v
			p.r.refilter()
			p.refreshTable()
			p.table.SetCursor(0)
		case pickFormField:
			p.form.Picked(v)
		}
	case picker.Cancelled:
		p.picker = nil
	}
	return cmd
}

func (p *Page) updateDetail(msg tea.Msg) tea.Cmd {
	k := p.c.Keys
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	x, found := p.r.byID[p.current]
	if !found {
		p.mode = modeList
		return nil
	}
	switch {
	case km.String() == "esc":
		p.mode = modeList
	case key.Matches(km, k.Edit):
		return p.openForm(&x.m)
	case key.Matches(km, k.Status):
		return p.openStatusForm(x.m)
	case key.Matches(km, k.Delete):
		p.mode = modeConfirmDelete
	case key.Matches(km, keyDues):
		id := x.m.ID
		return func() tea.Msg { return common.ShowMemberDuesMsg{MemberID: id} }
	}
	return nil
}

var keyDues = key.NewBinding(key.WithKeys("f"))

func (p *Page) updateConfirmDelete(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch km.String() {
	case "y", "Y":
		x := p.r.byID[p.current]
		if err := p.c.Store.DeleteMember(p.c.Operator, p.current); err != nil {
			p.mode = modeDetail
			return common.SetStatus(p.c.Err(err), true)
		}
		p.r.remove(p.current)
		p.refreshTable()
		p.mode = modeList
		return tea.Batch(common.SetStatus(p.c.T("members.deleted", x.m.Name), false), common.Changed(model.EntityMember, x.m.ID))
	case "n", "N", "esc":
		p.mode = modeDetail
	}
	return nil
}

// afterSave puts the saved member into the roster and shows it.
func (p *Page) afterSave(m model.Member, msgKey string) tea.Cmd {
	p.r.put(m)
	p.refreshTable()
	if i := p.r.indexOf(m.ID); i >= 0 {
		p.table.SetCursor(i)
	}
	p.current = m.ID
	p.mode = modeDetail
	p.form = nil
	return tea.Batch(common.SetStatus(p.c.T(msgKey, m.Name, m.No), false), common.Changed(model.EntityMember, m.ID))
}

// View draws the current mode.
func (p *Page) View() string {
	if p.picker != nil {
		return p.picker.View()
	}
	switch p.mode {
	case modeDetail, modeConfirmDelete:
		return p.detailView()
	case modeForm, modeStatus:
		return p.formView()
	}
	return p.listView()
}

func (p *Page) listView() string {
	st := p.c.Styles
	var bar strings.Builder
	bar.WriteString(p.search.View(p.c.T("members.search"), p.c.T("members.search_prompt")) + "  ")
	unit := p.c.T("members.all_units")
	if p.r.unitFilter != 0 {
		unit = p.unitBy[p.r.unitFilter]
	}
	bar.WriteString(st.Label.Render(p.c.T("field.unit")+": ") + unit + "  ")
	bar.WriteString(st.Label.Render(p.c.T("field.status")+": ") + p.statusFilterName() + "  ")
	bar.WriteString(st.Muted.Render(p.c.T("members.count", len(p.r.view), len(p.r.all))))
	line := ansi.Truncate(bar.String(), p.width, "~")
	if p.loadError != nil {
		line = st.Error.Render(p.c.Err(p.loadError))
	}
	return line + "\n" + p.table.View()
}

// Cursor is the real cursor: in the search box, a form field or a picker.
func (p *Page) Cursor() *tea.Cursor {
	if p.picker != nil {
		return p.picker.Cursor()
	}
	switch p.mode {
	case modeForm, modeStatus:
		if c := p.form.Cursor(); c != nil {
			c.Y += 2 // the form's title and a blank line
			return c
		}
		return nil
	case modeList:
		return p.search.Cursor(p.c.T("members.search"), 0, 0, p.width)
	}
	return nil
}

// ShortHelp lists the keys of the current mode for the footer.
func (p *Page) ShortHelp() []key.Binding {
	k := p.c.Keys
	switch {
	case p.picker != nil:
		return []key.Binding{k.Open, k.Back}
	case p.mode == modeForm || p.mode == modeStatus:
		return []key.Binding{k.NextField, k.PrevField, k.Save, k.Back}
	case p.mode == modeDetail:
		dues := keyDues
		dues.SetHelp("f", p.c.T("members.key_dues"))
		return []key.Binding{k.Edit, k.Status, dues, k.Delete, k.Back}
	case p.mode == modeConfirmDelete:
		return []key.Binding{k.Confirm, k.Cancel}
	case p.search.Active():
		return []key.Binding{k.SearchDone, k.SearchClear}
	}
	return []key.Binding{k.Search, k.Open, k.New, k.Edit, k.Status, k.FilterUnit, k.FilterStatus, k.Sort, k.Help, k.Quit}
}

// FullHelp lists every key of the list, or the keys of the mode shown
// (a form, the detail, a picker): only keys that work there.
func (p *Page) FullHelp() [][]key.Binding {
	k := p.c.Keys
	if p.picker != nil || p.mode != modeList || p.search.Active() {
		return [][]key.Binding{p.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Search, k.Open, k.New, k.Edit, k.Status},
		{k.FilterUnit, k.FilterStatus, k.ClearFilter, k.Sort, k.SortRev},
		{k.Tabs, k.Help, k.Quit},
	}
}

func label(c *common.Common, key string) string {
	l := c.T("field." + key)
	return l + strings.Repeat(" ", max(0, 14-ansi.StringWidth(l)))
}

// refresh brings the roster up to date after a write elsewhere: a unit's
// name, one member changed in another tab (a wage base), or many at once
// (an import, ID 0), which reloads the whole roster.
func (p *Page) refresh(m common.DataChangedMsg) {
	switch m.Entity {
	case model.EntityUnit:
		p.loadUnits()
		if m.ID == 0 { // units imported: their members may have come too
			p.reload()
		}
	case model.EntityMember:
		if m.ID == 0 {
			p.reload()
			break
		}
		if x, err := p.c.Store.Member(m.ID); err == nil {
			p.r.put(x)
		}
	default:
		return
	}
	p.refreshTable()
}

// reload reads the whole roster again, keeping the filters and the order.
func (p *Page) reload() {
	ms, err := p.c.Store.Members()
	if err != nil {
		p.loadError = err
		return
	}
	old := p.r
	p.r = newRoster(ms)
	p.r.setUnits(p.unitBy)
	p.r.unitFilter, p.r.statusFilter = old.unitFilter, old.statusFilter
	p.r.setSort(old.sortCol, old.sortDesc)
	p.r.setQuery(old.query)
}
