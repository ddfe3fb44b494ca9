// Package events is the Events tab (活动): the union's events by date with
// search and filters by type, organising unit and month; an event's
// detail with its participants and cash-book entries; the form to record
// or edit one, with a multi-select over the roster for the participants;
// the change of an event's cost by reversal (冲正); and the figures of any
// period (events and 人次 by type, month and unit). It also gives the
// Overview and the member detail a section each.
package events

import (
	"slices"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/search"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/picker"
	"unionbook/ui/widget"
)

type mode int

const (
	modeList mode = iota
	modeDetail
	modeForm    // a new event or an edit
	modeCost    // the change of the cost of the event in detail
	modeFigures // the period's figures
)

// pickTarget says what an open picker chooses for.
type pickTarget int

const (
	pickNone pickTarget = iota
	pickFilterUnit
	pickFormUnit
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

// Page is the Events tab.
type Page struct {
	c *common.Common
	k keys

	all      []model.Event // every event, newest first
	skeys    []search.Key  // search keys of all, built on demand
	units    []model.Unit
	unitName map[uint64]string
	roster   []model.Member // loaded when first needed
	byMember map[uint64]int // member ID -> index into roster

	// filters: 0 means all; unitSet with unit 0 means the federation itself
	typ     model.EventType
	unit    uint64
	unitSet bool
	month   model.Month
	query   string

	view   []int // indexes into all
	colIDs []int
	table  widget.Table
	search widget.SearchBox

	mode          mode
	current       uint64 // event shown in detail or edited
	confirmDelete bool
	detailScroll  int

	form        *form.Form
	editing     *model.Event // the stored event under edit, nil for a new one
	formMembers []uint64
	membersFld  *form.Field
	accounts    []model.Account // the accounts an event may pay from
	chooser     *chooser

	picker  *picker.Picker
	pickFor pickTarget

	period  period
	figures *model.EventFigures

	width, height int
	err           error
}

// New builds the page and loads the events from the store.
func New(c *common.Common) *Page {
	st := widget.TableStyles{Header: c.Styles.TableHeader, Cell: c.Styles.TableCell, Selected: c.Styles.TableSelected}
	p := &Page{c: c, k: newKeys(c), table: widget.NewTable(nil, st)}
	p.table.SetID("events")
	p.table.SetOrigin(0, 1)
	p.table.SetEmptyText(c.T("events.empty"))
	p.search = widget.NewSearchBox(c.T("events.search_hint"), widget.SearchBoxStyles{
		Label: c.Styles.Label, Box: c.Styles.Input, Focus: c.Styles.InputFocus})
	p.period = yearPeriod(c.Today())
	p.reload()
	return p
}

// reload reads every event and the units, keeping the selected event.
func (p *Page) reload() {
	keep := p.selectedID()
	p.err = nil
	es, err := p.c.Store.Events(0, 0)
	if err != nil {
		p.err = err
	}
	slices.Reverse(es)
	p.all = es
	p.skeys = nil
	units, err := p.c.Store.Units()
	if err != nil && p.err == nil {
		p.err = err
	}
	p.units = units
	p.unitName = make(map[uint64]string, len(units))
	for _, u := range units {
		p.unitName[u.ID] = u.Name
	}
	p.refilter()
	if keep != 0 {
		p.selectID(keep)
	}
}

// loadRoster reads the members (for names, the chooser and the figures).
func (p *Page) loadRoster() {
	if p.roster != nil {
		return
	}
	ms, err := p.c.Store.Members()
	if err != nil {
		p.err = err
		return
	}
	p.roster = ms
	p.byMember = make(map[uint64]int, len(ms))
	for i := range ms {
		p.byMember[ms[i].ID] = i
	}
}

func (p *Page) member(id uint64) (*model.Member, bool) {
	p.loadRoster()
	i, ok := p.byMember[id]
	if !ok {
		return nil, false
	}
	return &p.roster[i], true
}

// unitLabel names an organising unit; 0 is the federation itself.
func (p *Page) unitLabel(id uint64) string {
	if id == 0 {
		return p.c.T("events.federation")
	}
	if n, ok := p.unitName[id]; ok {
		return n
	}
	return "#" + strconv.FormatUint(id, 10)
}

func (p *Page) keep(i int, q search.Query) bool {
	e := &p.all[i]
	if p.typ != 0 && e.Type != p.typ {
		return false
	}
	if p.unitSet && e.UnitID != p.unit {
		return false
	}
	if p.month != 0 && !(e.Start.Month() <= p.month && e.LastDay().Month() >= p.month) {
		return false
	}
	if q.Empty() {
		return true
	}
	if p.skeys == nil {
		p.skeys = make([]search.Key, len(p.all))
		for j := range p.all {
			x := &p.all[j]
			p.skeys[j] = search.NewKey(x.Title+" "+x.Place, "", "", "")
		}
	}
	return p.skeys[i].Match(q)
}

// refilter applies the filters and the search.
func (p *Page) refilter() {
	q := search.Compile(p.query)
	p.view = p.view[:0]
	for i := range p.all {
		if p.keep(i, q) {
			p.view = append(p.view, i)
		}
	}
	p.refreshTable()
}

func (p *Page) selectedID() uint64 {
	i := p.table.Cursor()
	if i < 0 || i >= len(p.view) {
		return 0
	}
	return p.all[p.view[i]].ID
}

func (p *Page) selectID(id uint64) bool {
	for row, i := range p.view {
		if p.all[i].ID == id {
			p.table.SetCursor(row)
			return true
		}
	}
	return false
}

func (p *Page) event(id uint64) (*model.Event, bool) {
	for i := range p.all {
		if p.all[i].ID == id {
			return &p.all[i], true
		}
	}
	return nil, false
}

// widest is the widest translation of keys, at least least cells.
func (p *Page) widest(least int, keys ...string) int {
	w := least
	for _, k := range keys {
		w = max(w, ansi.StringWidth(p.c.T(k)))
	}
	return w
}

func (p *Page) typeWidth() int {
	keys := []string{"events.col_type"}
	for _, t := range model.EventTypes {
		keys = append(keys, t.Key())
	}
	if p.width < 100 {
		return min(10, p.widest(4, keys...))
	}
	return min(16, p.widest(4, keys...))
}

func (p *Page) columns() ([]widget.Column, []int) {
	all := []struct {
		id  int
		col widget.Column
	}{
		{colDate, widget.Column{Title: p.c.T("events.col_date"), Width: 10}},
		{colTitle, widget.Column{Title: p.c.T("events.col_title"), Width: 12, Flex: 3}},
		{colType, widget.Column{Title: p.c.T("events.col_type"), Width: p.typeWidth()}},
		{colUnit, widget.Column{Title: p.c.T("events.col_org"), Width: 10, Flex: 2}},
		{colPlace, widget.Column{Title: p.c.T("events.col_place"), Width: 8, Flex: 1}},
		{colPeople, widget.Column{Title: p.c.T("events.col_people"), Width: p.widest(5, "events.col_people"), AlignRight: true}},
		{colCost, widget.Column{Title: p.c.T("events.col_cost"), Width: 10, AlignRight: true}},
	}
	var cols []widget.Column
	var ids []int
	for _, a := range all {
		if a.id == colPlace && p.width < 110 {
			continue
		}
		cols = append(cols, a.col)
		ids = append(ids, a.id)
	}
	return cols, ids
}

func (p *Page) refreshTable() {
	cols, ids := p.columns()
	p.colIDs = ids
	p.table.SetColumns(cols)
	p.table.SetRows(len(p.view), func(row, col int) string {
		e := &p.all[p.view[row]]
		switch ids[col] {
		case colDate:
			return e.Start.String()
		case colTitle:
			return e.Title
		case colType:
			return p.c.T(e.Type.Key())
		case colUnit:
			return p.unitLabel(e.UnitID)
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

// Title is the tab label.
func (p *Page) Title() string { return p.c.T("events.tab") }

// SetSize lays the page out.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.search.SetWidth(max(10, min(24, w/4)))
	p.table.SetSize(w, max(3, h-2))
	p.refreshTable()
	if p.form != nil {
		p.form.SetSize(w, h-2)
	}
	if p.chooser != nil {
		p.chooser.setSize(w, h)
	}
	if p.picker != nil {
		p.picker.SetSize(w, h)
	}
}

// Capturing reports that typed text goes to an input.
func (p *Page) Capturing() bool {
	return p.search.Active() || p.picker != nil || p.chooser != nil || p.mode == modeForm || p.mode == modeCost
}

// Dirty reports a form with unsaved changes.
func (p *Page) Dirty() bool {
	return (p.mode == modeForm || p.mode == modeCost) && p.form != nil && p.form.Dirty()
}

// Update handles keys and messages.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	_, cmd := p.update(msg)
	return cmd
}

func (p *Page) update(msg tea.Msg) (common.Page, tea.Cmd) {
	if dc, ok := msg.(common.DataChangedMsg); ok {
		if dc.Entity == model.EntityMember || dc.Entity == model.EntityUnit || dc.Entity == model.EntityImport || dc.Entity == "" {
			p.roster = nil
		}
		p.reload()
		if p.mode == modeFigures {
			p.loadFigures()
		}
		return p, nil
	}
	if p.picker != nil {
		return p, p.updatePicker(msg)
	}
	if p.chooser != nil {
		return p, p.updateChooser(msg)
	}
	switch p.mode {
	case modeForm:
		return p, p.updateForm(msg)
	case modeCost:
		return p, p.updateCost(msg)
	case modeDetail:
		return p, p.updateDetail(msg)
	case modeFigures:
		return p, p.updateFigures(msg)
	}
	return p, p.updateList(msg)
}

func (p *Page) updateList(msg tea.Msg) tea.Cmd {
	k := p.c.Keys
	if ev, cmd := p.search.Update(msg); ev != widget.SearchIgnored {
		if ev != widget.SearchHandled {
			p.query = p.search.Value()
			p.refilter()
			if ev == widget.SearchChanged {
				p.table.SetCursor(0)
			}
		}
		return cmd
	}
	km, isKey := msg.(tea.KeyPressMsg)
	if rc, ok := msg.(widget.RowClickedMsg); ok && rc.ID == "events" {
		if rc.Again {
			if id := p.selectedID(); id != 0 {
				p.openDetail(id)
			}
		}
		return nil
	}
	if !isKey {
		var cmd tea.Cmd
		p.table, cmd = p.table.Update(msg)
		return cmd
	}
	switch {
	case key.Matches(km, k.Search):
		p.search.Focus()
	case key.Matches(km, p.k.PrevMonth):
		p.moveMonth(-1)
	case key.Matches(km, p.k.NextMonth):
		p.moveMonth(1)
	case key.Matches(km, p.k.AllMonths):
		p.month = 0
		p.refilterTop()
	case key.Matches(km, p.k.Type):
		p.typ = (p.typ + 1) % (model.EventType(len(model.EventTypes)) + 1)
		p.refilterTop()
	case key.Matches(km, p.k.Unit):
		opts := []form.Option{{Label: p.c.T("events.all_units"), Value: 0}, {Label: p.c.T("events.federation"), Value: 1}}
		for _, u := range p.units {
			opts = append(opts, form.Option{Label: u.Name, Value: u.ID + 1})
		}
		cur := uint64(0)
		if p.unitSet {
			cur = p.unit + 1
		}
		p.openPicker(pickFilterUnit, p.c.T("events.pick_unit"), opts, cur)
	case key.Matches(km, p.k.Clear):
		p.typ, p.unit, p.unitSet, p.month, p.query = 0, 0, false, 0, ""
		p.search.SetValue("")
		p.refilterTop()
	case km.String() == "esc":
		if p.query != "" {
			p.query = ""
			p.search.SetValue("")
			p.refilter()
		}
	case key.Matches(km, k.Open):
		if id := p.selectedID(); id != 0 {
			p.openDetail(id)
		}
	case key.Matches(km, k.New):
		return p.openForm(nil)
	case key.Matches(km, k.Edit):
		if e, ok := p.event(p.selectedID()); ok {
			return p.openForm(e)
		}
	case key.Matches(km, p.k.Figures):
		p.openFigures()
	default:
		var cmd tea.Cmd
		p.table, cmd = p.table.Update(msg)
		return cmd
	}
	return nil
}

// moveMonth steps the month filter; from "all months" it starts at today's.
func (p *Page) moveMonth(d int) {
	if p.month == 0 {
		p.month = p.c.Today().Month()
	} else {
		p.month = p.month.Add(d)
	}
	p.refilterTop()
}

func (p *Page) refilterTop() {
	p.refilter()
	p.table.SetCursor(0)
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
			p.unitSet, p.unit = v != 0, 0
			if v > 1 {
				p.unit = v - 1
			}
			p.refilterTop()
		case pickFormUnit:
			p.form.Picked(v)
		}
	case picker.Cancelled:
		p.picker = nil
	}
	return cmd
}

// View draws the current mode.
func (p *Page) View() string {
	if p.picker != nil {
		return p.picker.View()
	}
	if p.chooser != nil {
		return p.chooser.view_()
	}
	switch p.mode {
	case modeDetail:
		return p.detailView()
	case modeForm, modeCost:
		return p.formView()
	case modeFigures:
		return p.figuresView()
	}
	return p.listView()
}

func (p *Page) typeName(t model.EventType) string {
	if t == 0 {
		return p.c.T("events.all_types")
	}
	return p.c.T(t.Key())
}

// filterBar is the start of the filter line: type, unit and month; the
// search box follows it.
func (p *Page) filterBar() string {
	st := p.c.Styles
	sep := p.c.T("events.colon")
	month := p.c.T("events.all_months")
	if p.month != 0 {
		month = p.month.String()
	}
	unit := p.c.T("events.all_units")
	if p.unitSet {
		unit = p.unitLabel(p.unit)
	}
	if w := max(8, p.width/4); ansi.StringWidth(unit) > w {
		unit = ansi.Truncate(unit, w, "~")
	}
	return st.Label.Render(p.c.T("events.filter_type")+sep) + p.typeName(p.typ) + "  " +
		st.Label.Render(p.c.T("events.filter_unit")+sep) + unit + "  " +
		st.Label.Render(p.c.T("events.filter_month")+sep) + month + "  "
}

func (p *Page) listView() string {
	st := p.c.Styles
	sep := p.c.T("events.colon")
	bar := p.filterBar()
	if box := p.search.View(p.c.T("events.search"), ""); box != "" {
		bar += box + "  "
	}
	people, cost := 0, model.Money(0)
	for _, i := range p.view {
		people += p.all[i].PersonTimes()
		cost += p.all[i].Cost
	}
	line := ansi.Truncate(bar, p.width, "~")
	if p.err != nil {
		line = st.Error.Render(ansi.Truncate(p.c.Err(p.err), p.width, "~"))
	}
	totals := st.Label.Render(p.c.T("events.total_events")+sep) + strconv.Itoa(len(p.view)) + "  " +
		st.Label.Render(p.c.T("events.total_people")+sep) + strconv.Itoa(people) + "  " +
		st.Label.Render(p.c.T("events.total_cost")+sep) + cost.Display()
	return line + "\n" + p.table.View() + "\n" + ansi.Truncate(totals, p.width, "~")
}

// Cursor is the real cursor: in the search box, a form field, the
// chooser's search or a picker.
func (p *Page) Cursor() *tea.Cursor {
	if p.picker != nil {
		return p.picker.Cursor()
	}
	if p.chooser != nil {
		return p.chooser.cursor()
	}
	switch p.mode {
	case modeForm, modeCost:
		if c := p.form.Cursor(); c != nil {
			c.Y += 2 // the form's title and a blank line
			return c
		}
	case modeList:
		if p.search.Active() {
			return p.search.Cursor(p.c.T("events.search"), ansi.StringWidth(p.filterBar()), 0, p.width)
		}
	}
	return nil
}

// ShortHelp lists the keys of the current mode for the footer.
func (p *Page) ShortHelp() []key.Binding {
	k := p.c.Keys
	switch {
	case p.picker != nil:
		return []key.Binding{k.Open, k.Back}
	case p.chooser != nil:
		return p.chooser.shortHelp(p.k)
	case p.mode == modeForm || p.mode == modeCost:
		return []key.Binding{k.NextField, k.PrevField, k.Save, k.Back}
	case p.mode == modeDetail:
		if p.confirmDelete {
			return []key.Binding{k.Confirm, k.Cancel}
		}
		out := []key.Binding{k.Edit, p.k.Cost}
		e, ok := p.event(p.current)
		if ok && len(e.LedgerIDs) == 0 {
			out = append(out, p.k.Delete)
		}
		if ok && len(p.detailLines(e)) > max(1, p.height) { // up and down scroll
			out = append(out, k.Up, k.Down)
		}
		return append(out, k.Back)
	case p.mode == modeFigures:
		return []key.Binding{p.k.Period, p.k.PrevMonth, p.k.NextMonth, k.Back}
	case p.search.Active():
		return []key.Binding{k.SearchDone, k.SearchClear}
	}
	return []key.Binding{p.k.Type, p.k.Unit, p.k.PrevMonth, p.k.NextMonth, p.k.AllMonths,
		k.New, k.Open, k.Edit, p.k.Figures, k.Search, k.Help}
}

// FullHelp lists the keys of the mode shown: only keys that work there.
func (p *Page) FullHelp() [][]key.Binding {
	k := p.c.Keys
	if p.picker != nil || p.chooser != nil || p.mode != modeList || p.search.Active() {
		return [][]key.Binding{p.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{p.k.Type, p.k.Unit, p.k.PrevMonth, p.k.NextMonth, p.k.AllMonths, p.k.Clear, k.Search},
		{k.Open, k.New, k.Edit, p.k.Figures, k.Tabs, k.Help, k.Quit},
	}
}

// english reports the English interface.
func (p *Page) english() bool { return p.c.Lang == i18n.EN }
