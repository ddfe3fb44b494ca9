package auditlog

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/listexport"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// pageSize is how many entries one read fetches; older ones are fetched
// when the cursor nears the end.
const pageSize = 200

// headLines are the filter line and the count line above the table (and
// above an entry's detail).
const headLines = 2

// List is the log: the newest entries first, with the filters above.
type List struct {
	c     *common.Common
	st    *stack.Stack
	k     keys
	table widget.Table

	entries []model.AuditEntry
	next    uint64 // before-cursor for older entries; 0 when there are none
	filter  storage.AuditFilter
	entIdx  int
	actIdx  int
	names   *model.AuditNames // what the changes refer to by number

	date *dateInput // open while the date range is typed
	w, h int
	err  error
}

// New is the log's list screen on st, loaded with the newest entries;
// enter pushes the entry's detail onto st.
func New(c *common.Common, st *stack.Stack) *List {
	l := &List{c: c, st: st, k: newKeys(c), table: widget.NewTable(nil, c.TableStyles())}
	l.table.SetEmptyText(c.T("audit.empty"))
	l.table.SetOrigin(0, 2) // under the filter line and the count
	l.reload()
	return l
}

// reload reads the newest entries again with the current filter.
func (l *List) reload() {
	l.entries, l.next, l.err = nil, 0, nil
	l.names = storeNames(l.c.Store)
	l.load(0)
	l.table.SetCursor(0)
	l.refresh()
}

// load appends the entries older than before.
func (l *List) load(before uint64) {
	for {
		es, next, err := l.c.Store.AuditQuery(l.filter, before, pageSize-len(l.entries)%pageSize)
		if err != nil {
			l.err = err
			return
		}
		l.entries = append(l.entries, es...)
		l.next = next
		// The scan stopped at its cap without filling the page: go on, so
		// a rare filter still fills the screen.
		if next == 0 || len(es) > 0 {
			return
		}
		before = next
	}
}

func (l *List) more() {
	if l.next != 0 {
		l.load(l.next)
		l.refresh()
	}
}

func (l *List) refresh() {
	l.table.SetColumns([]widget.Column{
		{Title: l.c.T("audit.col_time"), Width: 16},
		{Title: l.c.T("audit.col_operator"), Width: 8},
		{Title: l.c.T("audit.col_action"), Width: 8},
		{Title: l.c.T("audit.col_record"), Width: 14, Flex: 1},
		{Title: l.c.T("audit.col_changes"), Width: 20, Flex: 2},
	})
	l.table.SetRows(len(l.entries), func(row, col int) string {
		e := &l.entries[row]
		switch col {
		case 0:
			return e.At.Local().Format("2006-01-02 15:04")
		case 1:
			return e.Operator
		case 2:
			return actionText(l.c, e.Action)
		case 3:
			return entityText(l.c, e.Entity) + " " + e.Label
		case 4:
			return model.AuditSummary(l.c.Lang, e, l.names)
		}
		return ""
	})
}

// SetSize lays the list out.
func (l *List) SetSize(w, h int) {
	l.w, l.h = w, h
	l.table.SetSize(w, max(3, h-headLines))
	if l.date != nil {
		l.date.SetWidth(w)
	}
	l.refresh()
}

// Capturing reports that the date input has the keyboard.
func (l *List) Capturing() bool { return l.date != nil }

// HandlesBack: esc closes the date input, not the log.
func (l *List) HandlesBack() bool { return l.date != nil }

// Dirty: the log changes nothing.
func (l *List) Dirty() bool { return false }

// Update handles keys and data changes.
func (l *List) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(common.DataChangedMsg); ok {
		l.reload()
		return nil
	}
	if l.date != nil {
		return l.updateDate(msg)
	}
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, l.k.Entity):
			l.entIdx = (l.entIdx + 1) % len(entities)
			l.filter.Entity = entities[l.entIdx]
			l.reload()
			return nil
		case key.Matches(km, l.k.Action):
			l.actIdx = (l.actIdx + 1) % len(actions)
			l.filter.Action = actions[l.actIdx]
			l.reload()
			return nil
		case key.Matches(km, l.k.Date):
			l.date = newDateInput(l.c, l.filter.From, l.filter.To)
			l.date.SetWidth(l.w)
			return nil
		case key.Matches(km, l.k.Clear):
			l.filter, l.entIdx, l.actIdx = storage.AuditFilter{}, 0, 0
			l.reload()
			return nil
		case key.Matches(km, l.c.Keys.Export):
			return l.export()
		case key.Matches(km, l.c.Keys.Open):
			return l.open()
		}
	}
	if rc, ok := msg.(widget.RowClickedMsg); ok { // a second click on the selected row opens it
		if l.table.Owns(rc) && rc.Again {
			return l.open()
		}
		return nil
	}
	var cmd tea.Cmd
	l.table, cmd = l.table.Update(msg)
	// Near the end of what is loaded: fetch older entries.
	if l.table.Cursor() >= len(l.entries)-l.table.PageSize() {
		l.more()
	}
	return cmd
}

// open shows the entry under the cursor.
func (l *List) open() tea.Cmd {
	if i := l.table.Cursor(); i >= 0 && i < len(l.entries) {
		return l.st.Push(newDetail(l.c, l.st, l.entries[i], l.names, l.head))
	}
	return nil
}

// export takes out every entry of the filters, the older ones not yet
// read included, as the table shows them.
func (l *List) export() tea.Cmd {
	for l.next != 0 && l.err == nil {
		l.load(l.next)
	}
	l.refresh()
	if l.err != nil {
		return common.SetStatus(l.c.Err(l.err), true)
	}
	return listexport.Start(l.c, l.st, listexport.List{Name: l.c.T("audit.title"), Filter: l.filterText(), Table: l.table})
}

// updateDate hands keys to the date input: enter applies the range, esc
// closes the input.
func (l *List) updateDate(msg tea.Msg) tea.Cmd {
	done, from, to, cmd := l.date.Update(msg)
	switch done {
	case dateApplied:
		l.filter.From, l.filter.To = from, to
		l.date = nil
		l.reload()
	case dateCancelled:
		l.date = nil
	}
	return cmd
}

// filters is the filter line: record kind, action and dates, each label
// styled with label.
func (l *List) filters(label func(...string) string) string {
	date := l.c.T("audit.all")
	if l.filter.From != 0 || l.filter.To != 0 {
		date = rangeText(l.filter.From, l.filter.To)
	}
	return label(l.c.T("audit.filter_entity")) + entityText(l.c, l.filter.Entity) + "  " +
		label(l.c.T("audit.filter_action")) + actionText(l.c, l.filter.Action) + "  " +
		label(l.c.T("audit.filter_date")) + date
}

// filterText is the filter line in words, for a list taken out.
func (l *List) filterText() string {
	return l.filters(func(s ...string) string { return strings.Join(s, "") })
}

// head is the filter line and the count line (or the date input).
func (l *List) head() string {
	st := l.c.Styles
	bar := st.Title.Render(l.c.T("audit.title")) + "  " + l.filters(st.Label.Render)
	var second string
	switch {
	case l.err != nil:
		second = st.Error.Render(l.c.Err(l.err))
	case l.date != nil:
		second = l.date.View()
	default:
		n := strconv.Itoa(len(l.entries))
		if l.next != 0 {
			n += "+"
		}
		second = st.Muted.Render(l.c.T("audit.count", n))
	}
	return ansi.Truncate(bar, l.w, "~") + "\n" + ansi.Truncate(second, l.w, "~")
}

// View draws the filter line, the count and the table.
func (l *List) View() string { return l.head() + "\n" + l.table.View() }

// Cursor is the real cursor in the date input.
func (l *List) Cursor() *tea.Cursor {
	if l.date == nil {
		return nil
	}
	return l.date.Cursor(1)
}

// ShortHelp lists the keys that work here: x only while a filter is set.
func (l *List) ShortHelp() []key.Binding {
	k := l.c.Keys
	if l.date != nil {
		return []key.Binding{k.Open, k.Back}
	}
	keys := []key.Binding{l.k.Entity, l.k.Action, l.k.Date}
	if l.filter != (storage.AuditFilter{}) {
		keys = append(keys, l.k.Clear)
	}
	return append(keys, k.Open, k.Export)
}

// FullHelp adds moving in the list and leaving it.
func (l *List) FullHelp() [][]key.Binding {
	k := l.c.Keys
	if l.date != nil {
		return [][]key.Binding{l.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		append(l.ShortHelp(), k.Back),
	}
}
