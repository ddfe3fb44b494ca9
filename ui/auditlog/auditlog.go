// Package auditlog is the Settings → 操作日志 view: every write with its
// time, operator, action, entity and a summary of what changed, filterable
// by entity, action and date, paging through older entries by key range.
// The Settings tab embeds it; it implements the methods of common.Page
// except Title and Dirty.
package auditlog

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// pageSize is how many entries one read fetches; older ones are fetched
// when the cursor nears the end.
const pageSize = 200

// entities and actions the filters cycle through ("" is all).
var (
	entities = append([]model.Entity{""}, model.Entities()...)
	actions  = append([]model.AuditAction{""}, model.Actions()...)
)

type mode int

const (
	modeList mode = iota
	modeDetail
	modeDate
)

// keys of the view.
type keys struct {
	Entity, Action, Date, Clear key.Binding
}

// View is the audit log.
type View struct {
	c     *common.Common
	k     keys
	table widget.Table

	entries []model.AuditEntry
	next    uint64 // before-cursor for older entries; 0 when there are none
	filter  storage.AuditFilter
	entIdx  int
	actIdx  int
	names   *model.AuditNames // what the changes refer to by number

	mode     mode
	date     widget.TextField
	dateErr  string
	width    int
	height   int
	err      error
	detailAt int // first line of the detail shown
}

// New loads the newest entries.
func New(c *common.Common) *View {
	st := widget.TableStyles{Header: c.Styles.TableHeader, Cell: c.Styles.TableCell, Selected: c.Styles.TableSelected}
	b := func(help string, ks ...string) key.Binding {
		return key.NewBinding(key.WithKeys(ks...), key.WithHelp(ks[0], c.T(help)))
	}
	v := &View{
		c:     c,
		table: widget.NewTable(nil, st),
		date:  widget.NewTextField(),
		k: keys{
			Entity: b("audit.key_entity", "f"),
			Action: b("audit.key_action", "a"),
			Date:   b("audit.key_date", "d"),
			Clear:  b("key.clear_filter", "x"),
		},
	}
	v.date.SetPlaceholder(c.T("audit.date_hint"))
	v.date.SetCharLimit(40)
	v.table.SetEmptyText(c.T("audit.empty"))
	v.Reload()
	return v
}

// Reload reads the newest entries again with the current filter.
func (v *View) Reload() {
	v.entries, v.next, v.err = nil, 0, nil
	v.names = storeNames(v.c.Store)
	v.load(0)
	v.table.SetCursor(0)
	v.refresh()
}

// load appends the entries older than before.
func (v *View) load(before uint64) {
	for {
		es, next, err := v.c.Store.AuditQuery(v.filter, before, pageSize-len(v.entries)%pageSize)
		if err != nil {
			v.err = err
			return
		}
		v.entries = append(v.entries, es...)
		v.next = next
		// The scan stopped at its cap without filling the page: go on, so
		// a rare filter still fills the screen.
		if next == 0 || len(es) > 0 {
			return
		}
		before = next
	}
}

func (v *View) more() {
	if v.next != 0 {
		v.load(v.next)
		v.refresh()
	}
}

func (v *View) refresh() {
	cols := []widget.Column{
		{Title: v.c.T("audit.col_time"), Width: 16},
		{Title: v.c.T("audit.col_operator"), Width: 8},
		{Title: v.c.T("audit.col_action"), Width: 8},
		{Title: v.c.T("audit.col_record"), Width: 14, Flex: 1},
		{Title: v.c.T("audit.col_changes"), Width: 20, Flex: 2},
	}
	v.table.SetColumns(cols)
	v.table.SetRows(len(v.entries), func(row, col int) string {
		e := &v.entries[row]
		switch col {
		case 0:
			return e.At.Local().Format("2006-01-02 15:04")
		case 1:
			return e.Operator
		case 2:
			return v.action(e.Action)
		case 3:
			return v.entity(e.Entity) + " " + e.Label
		case 4:
			return v.summary(e)
		}
		return ""
	})
}

func (v *View) entity(e model.Entity) string {
	if e == "" {
		return v.c.T("audit.all")
	}
	return e.Text(v.c.Lang)
}

func (v *View) action(a model.AuditAction) string {
	if a == "" {
		return v.c.T("audit.all")
	}
	return a.Text(v.c.Lang)
}

func (v *View) change(e *model.AuditEntry, fc model.FieldChange) string {
	return model.DescribeChange(v.c.Lang, e.Action, fc, v.names)
}

func (v *View) summary(e *model.AuditEntry) string {
	return model.AuditSummary(v.c.Lang, e, v.names)
}

// SetSize lays the view out.
func (v *View) SetSize(w, h int) {
	v.width, v.height = w, h
	v.date.SetWidth(max(10, min(30, w-20)))
	v.table.SetSize(w, max(3, h-2))
	v.refresh()
}

// Capturing reports that the date input has the keyboard.
func (v *View) Capturing() bool { return v.mode == modeDate }

// AtList reports that the list is shown (not an entry's detail or the date
// input), where esc leaves the log.
func (v *View) AtList() bool { return v.mode == modeList }

// Update handles keys and data changes.
func (v *View) Update(msg tea.Msg) (*View, tea.Cmd) {
	if _, ok := msg.(common.DataChangedMsg); ok {
		v.Reload()
		return v, nil
	}
	km, isKey := msg.(tea.KeyPressMsg)
	switch v.mode {
	case modeDate:
		if isKey {
			switch km.String() {
			case "esc":
				v.mode = modeList
				v.date.Blur()
				v.dateErr = ""
				return v, nil
			case "enter":
				from, to, ok := parseRange(v.date.Value())
				if !ok {
					v.dateErr = v.c.T("audit.bad_date")
					return v, nil
				}
				v.filter.From, v.filter.To = from, to
				v.mode, v.dateErr = modeList, ""
				v.date.Blur()
				v.Reload()
				return v, nil
			}
		}
		var cmd tea.Cmd
		v.date, cmd = v.date.Update(msg)
		return v, cmd
	case modeDetail:
		if isKey {
			switch {
			case key.Matches(km, v.c.Keys.Back), key.Matches(km, v.c.Keys.Open):
				v.mode = modeList
			case key.Matches(km, v.c.Keys.Down):
				v.detailAt++
			case key.Matches(km, v.c.Keys.Up):
				v.detailAt = max(0, v.detailAt-1)
			}
		}
		return v, nil
	}
	if isKey {
		switch {
		case key.Matches(km, v.k.Entity):
			v.entIdx = (v.entIdx + 1) % len(entities)
			v.filter.Entity = entities[v.entIdx]
			v.Reload()
			return v, nil
		case key.Matches(km, v.k.Action):
			v.actIdx = (v.actIdx + 1) % len(actions)
			v.filter.Action = actions[v.actIdx]
			v.Reload()
			return v, nil
		case key.Matches(km, v.k.Date):
			v.mode = modeDate
			v.date.SetValue(rangeText(v.filter.From, v.filter.To))
			v.date.Focus()
			return v, nil
		case key.Matches(km, v.k.Clear):
			v.filter, v.entIdx, v.actIdx = storage.AuditFilter{}, 0, 0
			v.Reload()
			return v, nil
		case key.Matches(km, v.c.Keys.Open):
			if v.table.Cursor() >= 0 {
				v.mode, v.detailAt = modeDetail, 0
			}
			return v, nil
		}
	}
	var cmd tea.Cmd
	v.table, cmd = v.table.Update(msg)
	// Near the end of what is loaded: fetch older entries.
	if v.table.Cursor() >= len(v.entries)-v.table.PageSize() {
		v.more()
	}
	return v, cmd
}

// parseRange reads "2024-01-01..2024-06-30", "2024-01-01.." or a single
// day; either end may be empty.
func parseRange(s string) (from, to model.Date, ok bool) {
	s = strings.TrimSpace(model.Clean(s))
	if s == "" {
		return 0, 0, true
	}
	a, b, isRange := strings.Cut(s, "..")
	if !isRange {
		for _, sep := range []string{"～", "~", " - ", "至", "到"} {
			if a, b, isRange = strings.Cut(s, sep); isRange {
				break
			}
		}
	}
	parse := func(x string) (model.Date, bool) {
		x = strings.TrimSpace(x)
		if x == "" {
			return 0, true
		}
		d, err := model.ParseDate(x)
		return d, err == nil
	}
	if !isRange {
		d, ok := parse(s)
		return d, d, ok && d != 0
	}
	from, ok1 := parse(a)
	to, ok2 := parse(b)
	if !ok1 || !ok2 || (from != 0 && to != 0 && from > to) {
		return 0, 0, false
	}
	return from, to, true
}

func rangeText(from, to model.Date) string {
	if from == 0 && to == 0 {
		return ""
	}
	f, t := "", ""
	if from != 0 {
		f = from.String()
	}
	if to != 0 {
		t = to.String()
	}
	return f + ".." + t
}

// View draws the filter line, the table or an entry's detail.
func (v *View) View() string {
	st := v.c.Styles
	date := v.c.T("audit.all")
	if v.filter.From != 0 || v.filter.To != 0 {
		date = rangeText(v.filter.From, v.filter.To)
	}
	bar := st.Title.Render(v.c.T("audit.title")) + "  " +
		st.Label.Render(v.c.T("audit.filter_entity")) + v.entity(v.filter.Entity) + "  " +
		st.Label.Render(v.c.T("audit.filter_action")) + v.action(v.filter.Action) + "  " +
		st.Label.Render(v.c.T("audit.filter_date")) + date
	var second string
	switch {
	case v.err != nil:
		second = st.Error.Render(v.c.Err(v.err))
	case v.mode == modeDate:
		second = v.c.T("audit.date_prompt") + " " + v.date.View()
		if v.dateErr != "" {
			second += " " + st.Error.Render(v.dateErr)
		}
	default:
		n := strconv.Itoa(len(v.entries))
		if v.next != 0 {
			n += "+"
		}
		second = st.Muted.Render(v.c.T("audit.count", n))
	}
	head := ansi.Truncate(bar, v.width, "~") + "\n" + ansi.Truncate(second, v.width, "~") + "\n"
	if v.mode == modeDetail {
		return head + v.detailView()
	}
	return head + v.table.View()
}

// detailHeight is the lines the detail of an entry has on screen.
func (v *View) detailHeight() int { return max(1, v.height-2) }

func (v *View) detailView() string {
	h := v.detailHeight()
	lines := v.detailLines()
	v.detailAt = min(v.detailAt, max(0, len(lines)-h))
	lines = lines[v.detailAt:]
	out := make([]string, h)
	for j := range out {
		if j < len(lines) {
			out[j] = ansi.Truncate(lines[j], v.width, "~")
		}
	}
	return strings.Join(out, "\n")
}

// detailLines are the lines of the selected entry's detail, all of them.
func (v *View) detailLines() []string {
	i := v.table.Cursor()
	if i < 0 || i >= len(v.entries) {
		return nil
	}
	e := &v.entries[i]
	st := v.c.Styles
	lines := []string{
		st.Label.Render(v.c.T("audit.col_time")+": ") + e.At.Local().Format("2006-01-02 15:04:05"),
		st.Label.Render(v.c.T("audit.col_operator")+": ") + e.Operator,
		st.Label.Render(v.c.T("audit.col_action")+": ") + v.action(e.Action),
		st.Label.Render(v.c.T("audit.col_record")+": ") + v.entity(e.Entity) + " " + e.Label + fmt.Sprintf(" (#%d)", e.EntityID),
		st.Label.Render(v.c.T("audit.col_changes") + ":"),
	}
	for _, fc := range e.Changes {
		lines = append(lines, "  "+v.change(e, fc))
	}
	return lines
}

// Cursor is the real cursor in the date input, relative to the view.
func (v *View) Cursor() *tea.Cursor {
	if v.mode != modeDate {
		return nil
	}
	return tea.NewCursor(ansi.StringWidth(v.c.T("audit.date_prompt")+" ")+v.date.CursorColumn(), 1)
}

// ShortHelp lists the keys of the current mode that work there: up and
// down while the detail is longer than the screen, x while a filter is set.
func (v *View) ShortHelp() []key.Binding {
	k := v.c.Keys
	switch v.mode {
	case modeDate:
		return []key.Binding{k.Open, k.Back}
	case modeDetail:
		if len(v.detailLines()) > v.detailHeight() {
			return []key.Binding{k.Up, k.Down, k.Back}
		}
		return []key.Binding{k.Back}
	}
	keys := []key.Binding{v.k.Entity, v.k.Action, v.k.Date}
	if v.filter != (storage.AuditFilter{}) {
		keys = append(keys, v.k.Clear)
	}
	return append(keys, k.Open)
}

// FullHelp lists the keys of the current mode.
func (v *View) FullHelp() [][]key.Binding {
	k := v.c.Keys
	if v.mode != modeList {
		return [][]key.Binding{v.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		append(v.ShortHelp(), k.Back),
	}
}
