package dues

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/picker"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// arrears is the tab's first screen: the members in arrears up to last
// month (this month is due, not in arrears). By default the long runs the
// charter speaks of (at least the settings' months, six), with whether the
// member took part in an event in those months; t shows everyone with a
// month owing. Beside each: the last reminder (催缴).
type arrears struct {
	common.ScreenBase
	*data
	st    *stack.Stack
	all   bool             // everyone in arrears, not only the long runs
	rows  []storage.Arrear // shown
	table widget.Table
	w, h  int
}

func newArrears(d *data, st *stack.Stack) *arrears {
	a := &arrears{data: d, st: st, table: widget.NewTable(nil, d.c.TableStyles())}
	a.table.SetOrigin(0, 2) // under the title and the note line; View sets it as drawn
	a.refresh()
	return a
}

func (a *arrears) refresh() {
	c := a.c
	a.rows = a.rows[:0]
	for _, x := range a.arr.list {
		if a.all || x.Consecutive >= a.prof.ArrearsMonths {
			a.rows = append(a.rows, x)
		}
	}
	if a.all {
		a.table.SetEmptyText(c.T("dues.no_arrears_all"))
	} else {
		a.table.SetEmptyText(c.T("dues.no_arrears"))
	}
	cols := []widget.Column{
		{Title: c.T("col.member_no"), Width: 7},
		{Title: c.T("col.name"), Width: 8},
		{Title: c.T("col.unit"), Width: 10, Flex: 1},
		{Title: c.T("dues.col_run"), Width: 8, AlignRight: true},
		{Title: c.T("dues.col_months"), Width: 8, AlignRight: true},
		{Title: c.T("dues.col_amount"), Width: 10, AlignRight: true},
		{Title: c.T("dues.col_reminded"), Width: 11},
	}
	if !a.all {
		cols = append(cols, widget.Column{Title: c.T("dues.col_took_part"), Width: 9})
	}
	a.table.SetColumns(cols)
	a.table.SetRows(len(a.rows), func(row, col int) string {
		x := a.rows[row]
		m := a.arr.names.Of(x.MemberID)
		switch col {
		case 0:
			return m.No
		case 1:
			return m.Name
		case 2:
			return a.unitName(m.UnitID)
		case 3:
			return fmt.Sprint(x.Consecutive)
		case 4:
			return fmt.Sprint(len(x.Months))
		case 5:
			if x.Underpaid > 0 {
				return x.Amount.Display() + "*"
			}
			return x.Amount.Display()
		case 6:
			if r, ok := a.arr.reminded[x.MemberID]; ok {
				return reminderShort(c, r)
			}
			return "-"
		case 7:
			if a.arr.tookPart[x.MemberID] {
				return c.T("dues.took_part_yes")
			}
			return c.T("dues.took_part_no")
		}
		return ""
	})
}

// reminderShort is a reminder in a table cell: its day and how this year;
// the whole date of an older one ("05-06" alone would pass for this year's).
func reminderShort(c *common.Common, r model.Reminder) string {
	if r.Date.Year() != c.Today().Year() {
		return r.Date.String()
	}
	return r.Date.String()[5:] + " " + c.T(r.How.Key()+"_short")
}

// selected is the member under the cursor, 0 for none.
func (a *arrears) selected() uint64 {
	if i := a.table.Cursor(); i >= 0 && i < len(a.rows) {
		return a.rows[i].MemberID
	}
	return 0
}

func (a *arrears) SetSize(w, h int) {
	a.w, a.h = w, h
	a.table.SetSize(w, max(3, h-3))
}

func (a *arrears) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case loadedMsg:
		a.refresh()
		return nil
	case widget.RowClickedMsg: // a second click on the selected row opens it
		if a.table.Owns(m) && m.Again {
			if id := a.selected(); id != 0 {
				return a.st.Push(newMember(a.data, a.st, id))
			}
		}
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
		case key.Matches(m, a.k.Remind):
			if id := a.selected(); id != 0 {
				return a.st.Push(newReminderForm(a.data, a.st, a.arr.names.Of(id).UnitID, id))
			}
			return nil
		case key.Matches(m, a.k.Find):
			return pickMember(a.data, a.st)
		case key.Matches(m, a.k.Batch):
			return openBatch(a.data, a.st, 0)
		case key.Matches(m, a.k.Units):
			return a.st.Push(newUnits(a.data, a.st))
		case key.Matches(m, a.k.Import):
			return openImport(a.data, a.st)
		case key.Matches(m, a.k.All):
			a.all = !a.all
			a.refresh()
			a.table.SetCursor(0)
			return nil
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
	asOf := model.DueThrough(a.c.Today()).String()
	title := a.c.T("dues.arrears_title", a.prof.ArrearsMonths, asOf)
	if a.all {
		title = a.c.T("dues.arrears_all_title", asOf)
	}
	var total model.Money
	under := false
	for _, x := range a.rows {
		total += x.Amount
		under = under || x.Underpaid > 0
	}
	count := a.c.T("dues.arrears_count", len(a.rows), total.Display())
	if a.loading {
		count = a.c.T("overview.loading")
	}
	var notes []string
	if !a.all {
		notes = append(notes, a.c.T("dues.arrears_charter"))
	}
	if under {
		notes = append(notes, a.c.T("dues.arrears_underpaid_note"))
	}
	if a.arr.noBase > 0 {
		notes = append(notes, a.c.T("dues.arrears_no_base", a.arr.noBase))
	}
	// the title and notes wrap, a clause moving whole to the next line,
	// rather than lose their ends at 80 columns; the table takes what
	// height is left
	top := fitParts(a.w, "  ", st.Title.Render(title), st.Muted.Render(count))
	for _, l := range fitParts(a.w, "  ", notes...) {
		top = append(top, st.Muted.Render(l))
	}
	a.table.SetSize(a.w, max(3, a.h-1-len(top)))
	a.table.SetOrigin(0, len(top)) // clicks land on the row under the pointer
	return strings.Join(top, "\n") + "\n" + a.table.View()
}

func (a *arrears) ShortHelp() []key.Binding {
	k := a.c.Keys
	return []key.Binding{k.Open, a.k.Pay, a.k.Batch, a.k.Units, a.k.All, k.Help, k.Quit}
}

func (a *arrears) FullHelp() [][]key.Binding {
	k := a.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Open, a.k.Pay, a.k.Remind, a.k.Batch, a.k.Find},
		{a.k.Units, a.k.All, a.k.Import, k.Tabs, k.Help, k.Quit}}
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
