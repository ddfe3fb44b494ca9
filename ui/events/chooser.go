package events

import (
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
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// chooserTableID tells the chooser's row clicks from the list's.
const chooserTableID = "events.chooser"

// chooser picks an event's participating members many at a time: the
// roster with incremental search (name, pinyin initials, member number, ID
// number), space to tick a member, u to add every active member of a unit,
// a to tick everyone shown, x to untick all, s to show only those ticked;
// enter hands the choice to the form. A changed choice is unsaved: esc
// asks before dropping it.
type chooser struct {
	c        *common.Common
	st       *stack.Stack
	k        *keys
	members  []model.Member
	keys     []search.Key
	units    units
	selected map[uint64]bool
	order    []uint64 // ticked members in the order they were ticked
	initial  []uint64 // the choice the chooser opened with
	done     func(chosen []uint64) tea.Cmd

	onlySel bool
	view    []int // indexes into members
	table   widget.Table
	search  widget.SearchBox
	input   widget.SearchList // routes input between search and table
	note    string            // the last bulk action, shown under the table
	w       int
}

func newChooser(c *common.Common, st *stack.Stack, k *keys, members []model.Member, us units, chosen []uint64, done func([]uint64) tea.Cmd) *chooser {
	ch := &chooser{c: c, st: st, k: k, members: members, units: us, selected: map[uint64]bool{},
		initial: slices.Clone(chosen), done: done}
	ch.keys = make([]search.Key, len(members))
	for i := range members {
		m := &members[i]
		ch.keys[i] = search.NewKey(m.Name, m.No, m.Phone, m.IDNumber)
	}
	for _, id := range chosen {
		ch.set(id, true)
	}
	ch.table = widget.NewTable([]widget.Column{
		{Title: " ", Width: 3},
		{Title: c.T("events.col_no"), Width: 6},
		{Title: c.T("events.col_name"), Width: 8, Flex: 1},
		{Title: c.T("events.col_unit"), Width: 12, Flex: 3},
		{Title: c.T("events.col_status"), Width: statusWidth(c)},
	}, c.TableStyles())
	ch.table.SetID(chooserTableID)
	ch.table.SetOrigin(0, 1)
	ch.table.SetEmptyText(c.T("events.choose_none"))
	ch.search = widget.NewSearchBox(c.T("events.choose_search_hint"), widget.SearchBoxStyles{
		Label: c.Styles.Label, Box: c.Styles.Input, Focus: c.Styles.InputFocus})
	ch.input = widget.SearchList{Table: &ch.table, Search: &ch.search, Filter: ch.refilter, Key: ch.key,
		Open: func() tea.Cmd { ch.toggle(); return nil }} // a second click ticks the member
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
	q := search.Compile(ch.search.Value())
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
			return ch.units.byID[m.UnitID]
		case 4:
			return ch.c.T(m.Status.Key())
		}
		return ""
	})
}

func (ch *chooser) SetSize(w, h int) {
	ch.w = w
	ch.search.SetWidth(max(10, min(30, w/3)))
	ch.table.SetSize(w, max(3, h-3))
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
func (ch *chooser) addUnit(id uint64) tea.Cmd {
	n := 0
	for i := range ch.members {
		m := &ch.members[i]
		if m.UnitID == id && m.Status == model.StatusActive && ch.set(m.ID, true) {
			n++
		}
	}
	ch.note = ch.c.T("events.choose_added_unit", n, ch.units.byID[id])
	ch.refilter()
	return nil
}

func (ch *chooser) Capturing() bool { return true }

// Dirty reports a choice other than the one the chooser opened with.
func (ch *chooser) Dirty() bool {
	if len(ch.selected) != len(ch.initial) {
		return true
	}
	for _, id := range ch.initial {
		if !ch.selected[id] {
			return true
		}
	}
	return false
}

// HandlesBack: while searching, esc clears the search.
func (ch *chooser) HandlesBack() bool { return ch.input.Capturing() }

func (ch *chooser) Update(msg tea.Msg) tea.Cmd {
	km, isKey := msg.(tea.KeyPressMsg)
	if isKey && key.Matches(km, ch.k.Toggle) {
		ch.search.Blur() // space ticks, even while searching
	}
	return ch.input.Update(msg)
}

// key handles the chooser's own keys; ok is false for the table's.
func (ch *chooser) key(km tea.KeyPressMsg) (tea.Cmd, bool) {
	switch {
	case key.Matches(km, ch.k.Done):
		ch.st.Pop()
		return ch.done(ch.chosen()), true
	case key.Matches(km, ch.c.Keys.Search):
		ch.search.Focus()
	case key.Matches(km, ch.k.Toggle):
		ch.toggle()
	case key.Matches(km, ch.k.AddUnit):
		opts := make([]form.Option, 0, len(ch.units.list))
		for _, u := range ch.units.list {
			opts = append(opts, form.Option{Label: u.Name, Value: u.ID})
		}
		return ch.st.Push(picker.NewScreen(ch.c, ch.st, ch.c.T("events.choose_unit_title"), opts, 0, ch.addUnit)), true
	case key.Matches(km, ch.k.AddShown):
		n := 0
		for _, i := range ch.view {
			if ch.set(ch.members[i].ID, true) {
				n++
			}
		}
		ch.note = ch.c.T("events.choose_added", n)
		ch.refilter()
	case key.Matches(km, ch.k.ClearSel):
		ch.selected = map[uint64]bool{}
		ch.order = nil
		ch.note = ch.c.T("events.choose_cleared")
		ch.refilter()
	case key.Matches(km, ch.k.OnlySel):
		ch.onlySel = !ch.onlySel
		ch.refilter()
	default:
		return nil, false
	}
	return nil, true
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
	ch.refilter()
	ch.table.SetCursor(i + 1)
}

func (ch *chooser) count() int { return len(ch.selected) }

func (ch *chooser) View() string {
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
	return ansi.Truncate(head, ch.w, "~") + "\n" + ch.table.View() + "\n" + st.Muted.Render(ansi.Truncate(foot, ch.w, "~"))
}

// Cursor is the caret of the search box, after the title and the count.
func (ch *chooser) Cursor() *tea.Cursor {
	x := ansi.StringWidth(ch.c.T("events.choose_title") + "  " + ch.c.T("events.choose_count", ch.count()) + "  ")
	return ch.search.Cursor(ch.c.T("events.search"), x, 0, ch.w)
}

func (ch *chooser) ShortHelp() []key.Binding {
	k := ch.c.Keys
	if ch.search.Active() {
		return []key.Binding{ch.k.Toggle, k.SearchDone, k.SearchClear}
	}
	return []key.Binding{ch.k.Toggle, ch.k.AddUnit, ch.k.AddShown, ch.k.ClearSel, ch.k.OnlySel, k.Search, ch.k.Done, k.Back}
}

func (ch *chooser) FullHelp() [][]key.Binding {
	k := ch.c.Keys
	if ch.search.Active() {
		return [][]key.Binding{ch.ShortHelp()}
	}
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}, ch.ShortHelp()}
}

// memberSummary is "3 人：张三、李四、王五" (cut to width when it is set).
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
