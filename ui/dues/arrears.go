package dues

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/picker"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// arrears is the tab's first screen: the members with at least the
// settings' number of consecutive unpaid months.
type arrears struct {
	common.ScreenBase
	*data
	st    *stack.Stack
	table widget.Table
	w     int
}

func newArrears(d *data, st *stack.Stack) *arrears {
	a := &arrears{data: d, st: st, table: widget.NewTable(nil, tableStyles(d.c))}
	a.table.SetEmptyText(d.c.T("dues.no_arrears"))
	a.refresh()
	return a
}

func tableStyles(c *common.Common) widget.TableStyles {
	return widget.TableStyles{Header: c.Styles.TableHeader, Cell: c.Styles.TableCell, Selected: c.Styles.TableSelected}
}

func (a *arrears) refresh() {
	c := a.c
	a.table.SetColumns([]widget.Column{
		{Title: c.T("col.member_no"), Width: 7},
		{Title: c.T("col.name"), Width: 10},
		{Title: c.T("col.unit"), Width: 12, Flex: 1},
		{Title: c.T("dues.col_run"), Width: 8, AlignRight: true},
		{Title: c.T("dues.col_months"), Width: 8, AlignRight: true},
		{Title: c.T("dues.col_amount"), Width: 11, AlignRight: true},
	})
	a.table.SetRows(len(a.data.arrears), func(row, col int) string {
		x := a.data.arrears[row]
		m := a.names[x.MemberID]
		switch col {
		case 0:
			return m.No
		case 1:
			return m.Name
		case 2:
			return a.unitBy[m.UnitID]
		case 3:
			return fmt.Sprint(x.Consecutive)
		case 4:
			return fmt.Sprint(len(x.Months))
		case 5:
			if x.Amount == 0 && m.BaseFor(model.DueThrough(c.Today())) == 0 {
				return "-" // no wage base: the amount is unknown, not zero
			}
			return x.Amount.Display()
		}
		return ""
	})
}

// selected is the member under the cursor, 0 for none.
func (a *arrears) selected() uint64 {
	if i := a.table.Cursor(); i >= 0 && i < len(a.data.arrears) {
		return a.data.arrears[i].MemberID
	}
	return 0
}

func (a *arrears) SetSize(w, h int) {
	a.w = w
	a.table.SetSize(w, max(3, h-2))
}

func (a *arrears) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case loadedMsg:
		a.refresh()
		return nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(m, a.c.Keys.Open):
			if id := a.selected(); id != 0 {
				return a.st.Push(newMember(a.data, a.st, id))
			}
			return nil
		case key.Matches(m, a.k.Pay):
			if id := a.selected(); id != 0 {
				return payOver(a.data, a.st, id)
			}
			return pickMember(a.data, a.st)
		case key.Matches(m, a.k.Find):
			return pickMember(a.data, a.st)
		case key.Matches(m, a.k.Batch):
			return openBatch(a.data, a.st, 0)
		case key.Matches(m, a.k.Units):
			return a.st.Push(newUnits(a.data, a.st))
		case key.Matches(m, a.k.Arrears): // already here
			return nil
		}
	}
	var cmd tea.Cmd
	a.table, cmd = a.table.Update(msg)
	return cmd
}

func (a *arrears) View() string {
	st := a.c.Styles
	if a.err != nil {
		return st.Error.Render(a.c.Err(a.err))
	}
	count := a.c.T("dues.arrears_count", len(a.data.arrears))
	if a.loading {
		count = a.c.T("overview.loading")
	}
	head := st.Title.Render(a.c.T("dues.arrears_title", a.prof.ArrearsMonths)) + "  " + st.Muted.Render(count)
	return ansi.Truncate(head, a.w, "~") + "\n" + a.table.View()
}

func (a *arrears) ShortHelp() []key.Binding {
	k := a.c.Keys
	return []key.Binding{k.Open, a.k.Pay, a.k.Batch, a.k.Units, a.k.Find, k.Help, k.Quit}
}

func (a *arrears) FullHelp() [][]key.Binding {
	k := a.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Open, a.k.Pay, a.k.Batch, a.k.Find},
		{a.k.Units, k.Tabs, k.Help, k.Quit}}
}

// pickMember lets the user choose any member on the roll by name, pinyin
// initials or number, and opens their dues.
func pickMember(d *data, st *stack.Stack) tea.Cmd {
	ms, err := d.c.Store.Members()
	if err != nil {
		return common.SetStatus(d.c.Err(err), true)
	}
	opts := make([]form.Option, 0, len(ms))
	for _, m := range ms {
		if m.Status.InUnion() {
			opts = append(opts, form.Option{Label: m.Name + "  " + m.No + "  " + d.unitBy[m.UnitID], Value: m.ID})
		}
	}
	return st.Push(picker.NewScreen(d.c, st, d.c.T("dues.pick_member"), opts, 0, func(id uint64) tea.Cmd {
		return st.Push(newMember(d, st, id))
	}))
}
