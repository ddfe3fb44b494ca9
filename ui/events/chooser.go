package events

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/search"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/picker"
	"unionbook/ui/widget"
)

// chooser picks an event's participating members many at a time: the
// roster with incremental search (name, pinyin initials, member number, ID
// number), space to tick a member, "u" to add every active member of a
// unit, "a" to tick everyone shown, "x" to untick all, "s" to show only
// those ticked; enter keeps the choice, esc drops it.
type chooser struct {
	c        *common.Common
	members  []model.Member
	keys     []search.Key
	unitName map[uint64]string
	units    []model.Unit
	selected map[uint64]bool
	order    []uint64 // ticked members in the order they were ticked

	query    string
	onlySel  bool
	view     []int // indexes into members
	table    widget.Table
	search   widget.SearchBox
	unitPick *picker.Picker

	width, height int
	note          string // the last bulk action, shown under the table
}

type chooseResult int

const (
	chooseOpen chooseResult = iota
	chooseDone
	chooseCancel
)

func newChooser(c *common.Common, members []model.Member, units []model.Unit, chosen []uint64) *chooser {
	ch := &chooser{c: c, members: members, units: units, selected: map[uint64]bool{}, unitName: map[uint64]string{}}
	for _, u := range units {
		ch.unitName[u.ID] = u.Name
	}
	ch.keys = make([]search.Key, len(members))
	for i := range members {
		m := &members[i]
		ch.keys[i] = search.NewKey(m.Name, m.No, m.Phone, m.IDNumber)
	}
	for _, id := range chosen {
		if !ch.selected[id] {
			ch.selected[id] = true
			ch.order = append(ch.order, id)
		}
	}
	st := widget.TableStyles{Header: c.Styles.TableHeader, Cell: c.Styles.TableCell, Selected: c.Styles.TableSelected}
	ch.table = widget.NewTable([]widget.Column{
		{Title: " ", Width: 3},
		{Title: c.T("events.col_no"), Width: 6},
		{Title: c.T("events.col_name"), Width: 8, Flex: 1},
		{Title: c.T("events.col_unit"), Width: 12, Flex: 3},
		{Title: c.T("events.col_status"), Width: statusWidth(c)},
	}, st)
	ch.table.SetEmptyText(c.T("events.choose_none"))
	ch.search = widget.NewSearchBox(c.T("events.choose_search_hint"), widget.SearchBoxStyles{
		Label: c.Styles.Label, Box: c.Styles.Input, Focus: c.Styles.InputFocus})
	ch.refilter()
	return ch
}

func statusWidth(c *common.Common) int {
	w := ansi.StringWidth(c.T("events.col_status"))
	for _, s := range model.Statuses {
		w = max(w, ansi.StringWidth(c.T(s.Key())))
	}
	return w
}

func (ch *chooser) refilter() {
	q := search.Compile(ch.query)
	ch.view = ch.view[:0]
	for i := range ch.members {
		if ch.onlySel && !ch.selected[ch.members[i].ID] {
			continue
		}
		if !q.Empty() && !ch.keys[i].Match(q) {
			continue
		}
		ch.view = append(ch.view, i)
	}
	ch.table.SetRows(len(ch.view), func(row, col int) string {
		m := &ch.members[ch.view[row]]
		switch col {
		case 0:
			if ch.selected[m.ID] {
				return "[x]"
			}
			return "[ ]"
		case 1:
			return m.No
		case 2:
			return m.Name
		case 3:
			return ch.unitName[m.UnitID]
		case 4:
			return ch.c.T(m.Status.Key())
		}
		return ""
	})
}

func (ch *chooser) setSize(w, h int) {
	ch.width, ch.height = w, h
	ch.search.SetWidth(max(10, min(30, w/3)))
	ch.table.SetSize(w, max(3, h-3))
	if ch.unitPick != nil {
		ch.unitPick.SetSize(w, h)
	}
}

// chosen lists the ticked members in the order they were ticked.
func (ch *chooser) chosen() []uint64 {
	out := make([]uint64, 0, len(ch.order))
	for _, id := range ch.order {
		if ch.selected[id] {
			out = append(out, id)
		}
	}
	return out
}

func (ch *chooser) set(id uint64, on bool) bool {
	if ch.selected[id] == on {
		return false
	}
	if on {
		ch.selected[id] = true
		if !slices.Contains(ch.order, id) {
			ch.order = append(ch.order, id)
		}
	} else {
		delete(ch.selected, id)
	}
	return true
}

// addUnit ticks every active member of unit id and says how many were added.
func (ch *chooser) addUnit(id uint64) {
	n := 0
	for i := range ch.members {
		m := &ch.members[i]
		if m.UnitID == id && m.Status == model.StatusActive && ch.set(m.ID, true) {
			n++
		}
	}
	ch.note = ch.c.T("events.choose_added_unit", n, ch.unitName[id])
	ch.refilter()
}

func (ch *chooser) update(msg tea.Msg) (chooseResult, tea.Cmd) {
	if ch.unitPick != nil {
		res, v, cmd := ch.unitPick.Update(msg)
		switch res {
		case picker.Chosen:
			ch.unitPick = nil
			ch.addUnit(v)
		case picker.Cancelled:
			ch.unitPick = nil
		}
		return chooseOpen, cmd
	}
	km, isKey := msg.(tea.KeyPressMsg)
	if isKey && km.String() == "space" {
		ch.search.Blur() // space ticks, even while searching
	}
	if ev, cmd := ch.search.Update(msg); ev != widget.SearchIgnored {
		if ev != widget.SearchHandled {
			ch.query = ch.search.Value()
			ch.refilter()
			if ev == widget.SearchChanged {
				ch.table.SetCursor(0)
			}
		}
		return chooseOpen, cmd
	}
	if rc, ok := msg.(widget.RowClickedMsg); ok {
		if rc.Again {
			ch.toggle()
		}
		return chooseOpen, nil
	}
	if !isKey {
		var cmd tea.Cmd
		ch.table, cmd = ch.table.Update(msg)
		return chooseOpen, cmd
	}
	switch km.String() {
	case "esc":
		return chooseCancel, nil
	case "enter", "ctrl+s":
		return chooseDone, nil
	case "/":
		ch.search.Focus()
	case "space":
		ch.toggle()
	case "u":
		opts := make([]form.Option, 0, len(ch.units))
		for _, u := range ch.units {
			opts = append(opts, form.Option{Label: u.Name, Value: u.ID})
		}
		ch.unitPick = picker.New(ch.c, ch.c.T("events.choose_unit_title"), opts, 0)
		ch.unitPick.SetSize(ch.width, ch.height)
	case "a":
		n := 0
		for _, i := range ch.view {
			if ch.set(ch.members[i].ID, true) {
				n++
			}
		}
		ch.note = ch.c.T("events.choose_added", n)
		ch.refilter()
	case "x":
		ch.selected = map[uint64]bool{}
		ch.order = nil
		ch.note = ch.c.T("events.choose_cleared")
		ch.refilter()
	case "s":
		ch.onlySel = !ch.onlySel
		ch.refilter()
	default:
		var cmd tea.Cmd
		ch.table, cmd = ch.table.Update(msg)
		return chooseOpen, cmd
	}
	return chooseOpen, nil
}

// toggle ticks or unticks the member under the cursor and moves down.
func (ch *chooser) toggle() {
	i := ch.table.Cursor()
	if i < 0 || i >= len(ch.view) {
		return
	}
	id := ch.members[ch.view[i]].ID
	ch.set(id, !ch.selected[id])
	ch.note = ""
	cur := i
	ch.refilter()
	ch.table.SetCursor(cur + 1)
}

func (ch *chooser) count() int { return len(ch.selected) }

func (ch *chooser) view_() string {
	if ch.unitPick != nil {
		return ch.unitPick.View()
	}
	st := ch.c.Styles
	head := st.Title.Render(ch.c.T("events.choose_title")) + "  " +
		st.Label.Render(ch.c.T("events.choose_count", ch.count())) + "  "
	if box := ch.search.View(ch.c.T("events.search"), ""); box != "" {
		head += box + "  "
	}
	if ch.onlySel {
		head += st.Muted.Render(ch.c.T("events.choose_only_selected"))
	}
	foot := ch.note
	if foot == "" {
		foot = ch.c.T("events.choose_help")
	}
	return ansi.Truncate(head, ch.width, "~") + "\n" + ch.table.View() + "\n" + st.Muted.Render(ansi.Truncate(foot, ch.width, "~"))
}

// searchX is the column of the search box in the head line.
func (ch *chooser) searchX() int {
	return ansi.StringWidth(ch.c.T("events.choose_title") + "  " + ch.c.T("events.choose_count", ch.count()) + "  ")
}

func (ch *chooser) cursor() *tea.Cursor {
	if ch.unitPick != nil {
		return ch.unitPick.Cursor()
	}
	return ch.search.Cursor(ch.c.T("events.search"), ch.searchX(), 0, ch.width)
}

func (ch *chooser) shortHelp(k keys) []key.Binding {
	if ch.unitPick != nil || ch.search.Active() {
		return []key.Binding{ch.c.Keys.Open, ch.c.Keys.Back}
	}
	return []key.Binding{k.Toggle, k.AddUnit, k.AddShown, k.ClearSel, k.OnlySel, ch.c.Keys.Search, k.Done, ch.c.Keys.Back}
}

// summary is "3 人：张三、李四、王五" (names cut to fit width).
func memberSummary(c *common.Common, names []string, width int) string {
	if len(names) == 0 {
		return c.T("events.no_members")
	}
	s := c.T("events.n_members", len(names)) + c.T("events.colon") + strings.Join(names, c.T("events.name_sep"))
	if width > 0 && ansi.StringWidth(s) > width {
		s = ansi.Truncate(s, width, "~")
	}
	return s
}

var _ = fmt.Sprint
