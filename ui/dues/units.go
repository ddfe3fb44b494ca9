package dues

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// units is the collection by unit of a year (up to this month): what was
// due, what was paid, the rate and how many members paid.
type units struct {
	common.ScreenBase
	*data
	st         *stack.Stack
	year       int
	collection []storage.Collection
	table      widget.Table
	w          int
	err        error
}

func newUnits(d *data, st *stack.Stack) *units {
	u := &units{data: d, st: st, year: d.c.Today().Year(), table: widget.NewTable(nil, tableStyles(d.c))}
	u.load()
	return u
}

func (u *units) load() {
	col, err := u.collectionOf(u.year)
	u.err = err
	u.set(col)
}

func (u *units) set(col []storage.Collection) {
	c := u.c
	u.collection = col
	u.table.SetColumns([]widget.Column{
		{Title: c.T("col.unit"), Width: 14, Flex: 1},
		{Title: c.T("dues.col_due"), Width: 12, AlignRight: true},
		{Title: c.T("dues.col_paid"), Width: 12, AlignRight: true},
		{Title: c.T("dues.col_rate"), Width: 8, AlignRight: true},
		{Title: c.T("dues.col_people"), Width: 11, AlignRight: true},
	})
	u.table.SetRows(len(col), func(row, i int) string {
		x := col[row]
		switch i {
		case 0:
			return u.unitBy[x.UnitID]
		case 1:
			return x.Due.Display()
		case 2:
			return x.Paid.Display()
		case 3:
			return rate(x.Paid, x.Due)
		case 4:
			return fmt.Sprintf("%d/%d", x.PaidMembers, x.DueMembers)
		}
		return ""
	})
}

func rate(paid, due model.Money) string {
	if due <= 0 {
		return "-"
	}
	bp := int64(paid) * 10000 / int64(due)
	return fmt.Sprintf("%d.%02d%%", bp/100, bp%100)
}

// selected is the unit under the cursor, 0 for none.
func (u *units) selected() uint64 {
	if i := u.table.Cursor(); i >= 0 && i < len(u.collection) {
		return u.collection[i].UnitID
	}
	return 0
}

func (u *units) SetSize(w, h int) {
	u.w = w
	u.table.SetSize(w, max(3, h-3))
}

func (u *units) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case loadedMsg: // this year's figures, computed again after a change
		if m.year == u.year && m.err == nil {
			u.set(u.data.collection)
		}
		return nil
	case common.DataChangedMsg:
		if u.year != u.c.Today().Year() { // Load computes this year only
			u.load()
		}
		return nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(m, u.k.Arrears):
			u.st.Pop()
			return nil
		case key.Matches(m, u.k.PrevYear):
			u.year--
			u.load()
			return nil
		case key.Matches(m, u.k.NextYear):
			if u.year < u.c.Today().Year() {
				u.year++
				u.load()
			}
			return nil
		case key.Matches(m, u.k.Batch):
			return openBatch(u.data, u.st, u.selected())
		case key.Matches(m, u.k.Pay), key.Matches(m, u.k.Find):
			return pickMember(u.data, u.st)
		case key.Matches(m, u.c.Keys.Open):
			if id := u.selected(); id != 0 {
				return func() tea.Msg { return common.ShowUnitMembersMsg{UnitID: id} }
			}
			return nil
		}
	}
	var cmd tea.Cmd
	u.table, cmd = u.table.Update(msg)
	return cmd
}

func (u *units) View() string {
	st := u.c.Styles
	if err := u.firstErr(); err != nil {
		return st.Error.Render(u.c.Err(err))
	}
	var total storage.Collection
	for _, x := range u.collection {
		total.Due += x.Due
		total.Paid += x.Paid
	}
	head := st.Title.Render(u.c.T("dues.units_title", u.year)) + "  " +
		st.Muted.Render(u.c.T("dues.units_total", total.Due.Display(), total.Paid.Display(), rate(total.Paid, total.Due)))
	return ansi.Truncate(head, u.w, "~") + "\n" + st.Muted.Render(u.c.T("dues.units_hint")) + "\n" + u.table.View()
}

func (u *units) firstErr() error {
	if u.err != nil {
		return u.err
	}
	return u.data.err
}

func (u *units) ShortHelp() []key.Binding {
	return []key.Binding{u.k.Arrears, u.k.Year, u.k.Batch, u.c.Keys.Open, u.c.Keys.Help}
}

func (u *units) FullHelp() [][]key.Binding {
	k := u.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Open, u.k.Year, u.k.Batch, u.k.Pay, u.k.Find},
		{u.k.Arrears, k.Back, k.Tabs, k.Help, k.Quit}}
}
