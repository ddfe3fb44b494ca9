package cases

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/search"
	"unionbook/ui/common"
	"unionbook/ui/listexport"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// caseList is the tab's root: every case, newest first, with incremental
// search over the workers' names (pinyin initials too), phones, ID numbers
// and the unit, and the filters.
type caseList struct {
	common.ScreenBase
	c      *common.Common
	k      keys
	st     *stack.Stack
	all    []model.Case // newest first
	skeys  [][]search.Key
	names  names
	rules  model.CaseRules
	from   string // the district package this database was loaded from, if any
	f      filters
	view   []int              // indexes into all
	order  widget.ColumnOrder // sort.go
	table  widget.Table
	search widget.SearchBox
	input  widget.SearchList // routes input between search and table
	w, h   int
	err    error
}

func newList(c *common.Common) *caseList {
	l := &caseList{c: c, k: newKeys(c), table: widget.NewTable(nil, c.TableStyles())}
	l.table.SetID("cases")
	l.table.SetOrigin(0, 2)
	l.table.SetEmptyText(c.T("cases.empty"))
	l.table.SetRowStyle(func(row int) (lipgloss.Style, bool) {
		if row < len(l.view) && l.all[l.view[row]].Void {
			return c.Styles.Muted, true
		}
		return lipgloss.Style{}, false
	})
	l.search = widget.NewSearchBox(c.T("cases.search_hint"), widget.SearchBoxStyles{
		Label: c.Styles.Label, Box: c.Styles.Input, Focus: c.Styles.InputFocus, Prompt: c.Styles.Muted})
	l.input = widget.SearchList{Table: &l.table, Search: &l.search, Filter: l.filter, Sort: l.sortByClick, Open: l.open, Key: l.key}
	l.f.span = span{}
	l.reload()
	return l
}

// reload reads every case, keeping the selected one.
func (l *caseList) reload() {
	keep := l.selected()
	l.err = nil
	cs, err := l.c.Store.Cases(0, 0)
	if err == nil {
		l.names, err = loadNames(l.c, cs...)
	}
	if err == nil {
		var p model.Profile
		p, _, err = l.c.Store.Profile()
		l.rules = p.CaseRules()
	}
	if err == nil {
		l.from, err = l.c.Store.FromPackage()
	}
	if err != nil {
		l.err = err
		return
	}
	slices.Reverse(cs)
	l.all = cs
	l.skeys = make([][]search.Key, len(cs))
	for i := range cs {
		l.skeys[i] = l.keysOf(&cs[i])
	}
	l.filter()
	if keep != 0 {
		l.selectID(keep)
	}
}

// keysOf are the search keys of a case: each worker, and its unit.
func (l *caseList) keysOf(cs *model.Case) []search.Key {
	var ks []search.Key
	for _, w := range cs.Workers {
		name, no, phone, id := l.names.worker(w)
		ks = append(ks, search.NewKey(name, no, phone, id))
	}
	if u := l.names.unit(cs.UnitID, cs.Employer); u != "" {
		ks = append(ks, search.NewKey(u, "", "", ""))
	}
	return ks
}

func (l *caseList) selected() uint64 {
	if i := l.table.Cursor(); i >= 0 && i < len(l.view) {
		return l.all[l.view[i]].ID
	}
	return 0
}

func (l *caseList) selectID(id uint64) {
	for i, idx := range l.view {
		if l.all[idx].ID == id {
			l.table.SetCursor(i)
			return
		}
	}
}

func (l *caseList) filter() {
	q := search.Compile(l.search.Value())
	l.view = l.view[:0]
	for i := range l.all {
		if l.matches(i, q) {
			l.view = append(l.view, i)
		}
	}
	widget.SortRows(l.order, l.view, l.sortKey)
	l.layout()
}

// columns are the table's columns at the list's width (columnIDs).
func (l *caseList) columns() []widget.Column {
	t := l.c.T
	var cols []widget.Column
	for _, id := range l.columnIDs() {
		switch id {
		case colReceived:
			cols = append(cols, widget.Column{Title: t("cases.col_received"), Width: 10})
		case colWorkers:
			cols = append(cols, widget.Column{Title: t("cases.col_workers"), Width: 12, Flex: 2})
		case colUnit:
			cols = append(cols, widget.Column{Title: t("cases.col_unit"), Width: 12, Flex: 3})
		case colType:
			cols = append(cols, widget.Column{Title: t("cases.col_type"), Width: l.widest(typeKeys())})
		case colChannel:
			cols = append(cols, widget.Column{Title: t("cases.col_channel"), Width: l.widest(channelKeys())})
		case colHeadcount:
			cols = append(cols, widget.Column{Title: t("cases.col_headcount"), Width: 4, AlignRight: true})
		case colCollective: // its own column, so that the headcount stays a number in a list taken out
			cols = append(cols, widget.Column{Title: t("cases.col_collective"), Width: l.widest([]string{"cases.col_collective", "cases.collective_yes"})})
		case colClaimed:
			cols = append(cols, widget.Column{Title: t("cases.col_claimed"), Width: 12, AlignRight: true})
		case colStatus:
			cols = append(cols, widget.Column{Title: t("cases.col_status"), Width: l.widest(statusKeys())})
		}
	}
	return cols
}

// widest is the width of the longest of the names, between 4 and 16 cells.
func (l *caseList) widest(keys []string) int {
	w := 4
	for _, k := range keys {
		w = max(w, ansi.StringWidth(l.c.T(k)))
	}
	return min(w, 16)
}

func typeKeys() []string {
	var ks []string
	for _, t := range model.CaseTypes {
		ks = append(ks, t.Key())
	}
	return ks
}

func channelKeys() []string {
	var ks []string
	for _, c := range model.CaseChannels {
		ks = append(ks, c.Key())
	}
	return ks
}

func statusKeys() []string {
	ks := []string{"cases.st_open", "cases.st_void"}
	for _, o := range model.CaseOutcomes {
		ks = append(ks, o.Key())
	}
	return ks
}

func (l *caseList) layout() {
	l.table.SetColumns(l.columns())
	l.order.Mark(&l.table, l.columnIDs())
	ids := l.columnIDs()
	l.table.SetRows(len(l.view), func(row, col int) string {
		cs := &l.all[l.view[row]]
		switch ids[col] {
		case colReceived:
			return cs.Received.String()
		case colWorkers:
			return workersLabel(l.c, l.names, cs)
		case colUnit:
			return l.names.unit(cs.UnitID, cs.Employer)
		case colType:
			return l.c.T(cs.Type.Key())
		case colChannel:
			return l.c.T(cs.Channel.Key())
		case colHeadcount:
			return strconv.Itoa(cs.Headcount)
		case colCollective:
			if cs.Collective(l.rules) {
				return l.c.T("cases.collective_yes")
			}
			return ""
		case colClaimed:
			return cs.Claimed.Display()
		}
		return statusLabel(l.c, cs)
	})
}

func (l *caseList) SetSize(w, h int) {
	l.w, l.h = w, h
	l.search.SetWidth(max(10, min(40, w-ansi.StringWidth(l.c.T("cases.search_label"))-2)))
	l.table.SetSize(w, max(2, h-3))
	l.layout()
}

func (l *caseList) Capturing() bool   { return l.input.Capturing() }
func (l *caseList) HandlesBack() bool { return l.input.Capturing() }

func (l *caseList) Cursor() *tea.Cursor {
	return l.search.Cursor(l.c.T("cases.search_label"), 0, 1, l.w)
}

func (l *caseList) open() tea.Cmd {
	if id := l.selected(); id != 0 {
		return l.st.Push(newDetail(l.c, l.st, id))
	}
	return nil
}

func (l *caseList) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		if isOurs(msg.Entity) {
			l.reload()
			if msg.Entity == model.EntityCase && msg.ID != 0 {
				l.selectID(msg.ID)
			}
		}
		return nil
	}
	return l.input.Update(msg)
}

// key handles the list's own keys: the filters filter again; ok is false
// for the table's.
func (l *caseList) key(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k, g := l.k, l.c.Keys
	switch {
	case key.Matches(msg, g.Search):
		l.search.Focus()
	case key.Matches(msg, g.Open):
		return l.open(), true
	case key.Matches(msg, g.New):
		return l.st.Push(newCaseForm(l.c, l.st, nil)), true
	case key.Matches(msg, g.Export):
		return listexport.Start(l.c, l.st, listexport.List{Name: l.c.T("cases.title"), Filter: l.exportFilter(), Table: l.table}), true
	case key.Matches(msg, k.Figures):
		return l.st.Push(newFigures(l.c, around(spanYear, l.c.Today()))), true
	case key.Matches(msg, k.Risks):
		return l.st.Push(newRiskList(l.c, l.st)), true
	case key.Matches(msg, k.State):
		l.f.state = (l.f.state + 1) % numStates
	case key.Matches(msg, k.Type):
		l.f.typ = cycle(model.CaseTypes, l.f.typ)
	case key.Matches(msg, k.Channel):
		l.f.channel = cycle(model.CaseChannels, l.f.channel)
	case key.Matches(msg, k.Collective):
		l.f.coll = (l.f.coll + 1) % numColl
	case key.Matches(msg, k.Period):
		l.f.span = l.f.span.next(l.c.Today(), true)
	case key.Matches(msg, k.Prev):
		l.f.span = l.f.span.step(-1)
	case key.Matches(msg, k.Next):
		l.f.span = l.f.span.step(1)
	case key.Matches(msg, k.Clear):
		l.f = filters{}
		l.search.SetValue("")
	default:
		return nil, false
	}
	l.filter()
	return nil, true
}

// exportFilter is the filters and the search, for a list taken out.
func (l *caseList) exportFilter() string {
	f := l.filterText()
	if v := l.search.Value(); v != "" {
		f += "  " + l.c.T("cases.search_label") + " " + v
	}
	return strings.TrimSpace(f)
}

func (l *caseList) View() string {
	st := l.c.Styles
	head := st.Title.Render(l.c.T("cases.title")) + "  " + st.Muted.Render(l.filterText())
	lines := []string{ansi.Truncate(head, l.w, "~")}
	lines = append(lines, ansi.Truncate(l.search.View(l.c.T("cases.search_label"), l.c.T("cases.search_prompt")), l.w, "~"))
	if l.err != nil {
		return strings.Join(append(lines, st.Error.Render(ansi.Truncate(l.c.Err(l.err), l.w, "~"))), "\n")
	}
	switch {
	case len(l.all) == 0 && l.from != "": // packages carry the figures only
		l.table.SetEmptyText(l.c.T("cases.empty_package", l.from))
	case len(l.all) == 0:
		l.table.SetEmptyText(l.c.T("cases.empty"))
	case l.search.Active(): // x would be typed into the box
		l.table.SetEmptyText(l.c.T("cases.empty_searching"))
	default: // the cases are there, the search or a filter hides them
		l.table.SetEmptyText(l.c.T("cases.empty_filtered"))
	}
	lines = append(lines, l.table.View())
	open := 0
	for _, i := range l.view {
		if l.all[i].Open() {
			open++
		}
	}
	foot := l.c.T("cases.count", len(l.view), open)
	if l.f.coll != collAll || l.anyCollective() {
		foot += "  " + l.c.T("cases.collective_mark", l.rules.CollectiveMin)
	}
	lines = append(lines, st.Muted.Render(ansi.Truncate(foot, l.w, "~")))
	return strings.Join(lines, "\n")
}

func (l *caseList) anyCollective() bool {
	for _, i := range l.view {
		if l.all[i].Collective(l.rules) {
			return true
		}
	}
	return false
}

// The help lists only the keys that do something here: opening and moving
// need rows, earlier and later a period, clearing a filter.
func (l *caseList) ShortHelp() []key.Binding {
	g := l.c.Keys
	if l.search.Active() {
		return []key.Binding{g.SearchDone, g.SearchClear}
	}
	var h []key.Binding
	if len(l.view) > 0 {
		h = append(h, g.Open)
	}
	// the filters (s, p …) are in the full help: ? and q must fit at 80
	h = append(h, g.New, g.Search, l.k.Figures, l.k.Risks)
	if len(l.view) > 0 {
		h = append(h, g.Export)
	}
	return append(h, g.Help, g.Quit)
}

func (l *caseList) FullHelp() [][]key.Binding {
	g, k := l.c.Keys, l.k
	if l.search.Active() {
		return [][]key.Binding{{g.SearchDone, g.SearchClear}}
	}
	var groups [][]key.Binding
	if len(l.view) > 1 {
		groups = append(groups, []key.Binding{g.Up, g.Down, g.PageUp, g.PageDown, g.Home, g.End})
	}
	var acts []key.Binding // each key once: the filters have their own group
	if len(l.view) > 0 {
		acts = append(acts, g.Open)
	}
	acts = append(acts, g.New, g.Search, k.Figures, k.Risks)
	if len(l.view) > 0 {
		acts = append(acts, g.Export)
	}
	groups = append(groups, acts)
	fs := []key.Binding{k.State, k.Type, k.Channel, k.Collective, k.Period}
	if l.f.span.kind != spanAll {
		fs = append(fs, k.Prev, k.Next)
	}
	if l.f != (filters{}) || l.search.Value() != "" { // x clears them: only then does it do anything
		fs = append(fs, k.Clear)
	}
	return append(groups, fs, []key.Binding{g.Tabs, g.Help, g.Quit})
}
