package ledger

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/listexport"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// funds is 工会经费 (2% of the payroll) by unit and period: what is due,
// what the unit paid, what reached this federation (posted to 402) and the
// records behind their due date, which stand out. n records what a unit
// owes for a period; enter records a payment of the record under the
// cursor (fundsform.go).
type funds struct {
	common.ScreenBase
	*book
	st    *stack.Stack
	rows  []storage.FundsRow
	table widget.Table
	w     int
	err   error
}

func newFunds(b *book, st *stack.Stack) *funds {
	c := b.c
	x := &funds{book: b, st: st}
	x.table = widget.NewTable(nil, c.TableStyles())
	x.table.SetID("funds")
	x.table.SetOrigin(0, 2)
	x.table.SetEmptyText(c.T("books_ui.funds_empty"))
	x.table.SetRowStyle(func(row int) (lipgloss.Style, bool) {
		if row >= 0 && row < len(x.rows) && x.rows[row].Behind(c.Today()) {
			return c.Styles.Error, true
		}
		return c.Styles.TableCell, false
	})
	x.load()
	return x
}

func (x *funds) load() {
	keep := x.table.Cursor()
	x.rows, x.err = x.c.Store.Funds()
	x.refreshTable()
	x.table.SetCursor(keep)
}

func (x *funds) refreshTable() {
	x.table.SetColumns([]widget.Column{
		{Title: x.c.T("books.c_unit"), Width: 14, Flex: 1},
		{Title: x.c.T("books.c_period"), Width: 16},
		{Title: x.c.T("books.c_due"), Width: 12, AlignRight: true},
		{Title: x.c.T("books.c_paid"), Width: 12, AlignRight: true},
		{Title: x.c.T("books.c_received"), Width: 12, AlignRight: true},
		{Title: x.c.T("books_ui.c_state"), Width: 6},
	})
	today := x.c.Today()
	x.table.SetRows(len(x.rows), func(row, col int) string {
		r := x.rows[row]
		switch col {
		case 0:
			return r.UnitName
		case 1:
			return periodText(r.Funds.From, r.Funds.To)
		case 2:
			return r.Funds.Due.Display()
		case 3:
			return r.Paid.Display()
		case 4:
			return r.Received.Display()
		case 5:
			if r.Behind(today) {
				return x.c.T("books.behind")
			}
		}
		return ""
	})
}

// periodText is "2026-07..2026-09", or one month.
func periodText(from, to model.Month) string {
	if from == to {
		return from.String()
	}
	return from.String() + ".." + to.String()
}

func (x *funds) SetSize(w, h int) {
	x.w = w
	x.table.SetSize(w, max(3, h-4))
	x.refreshTable()
}

func (x *funds) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(common.DataChangedMsg); ok {
		x.load()
		return nil
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		x.table, cmd = x.table.Update(msg)
		return cmd
	}
	switch {
	case key.Matches(km, x.c.Keys.Export):
		return listexport.Start(x.c, x.st, listexport.List{Name: x.c.T("books_ui.menu_funds"), Table: x.table})
	case key.Matches(km, x.c.Keys.New):
		return x.st.Push(newUnitFundsForm(x.book, x.st))
	case key.Matches(km, x.k.Pay):
		i := x.table.Cursor()
		if i < 0 || i >= len(x.rows) {
			return nil
		}
		return x.st.Push(newFundsPaymentForm(x.book, x.st, x.rows[i]))
	}
	var cmd tea.Cmd
	x.table, cmd = x.table.Update(msg)
	return cmd
}

func (x *funds) View() string {
	st := x.c.Styles
	sep := x.c.T("cashbook.colon")
	head := st.Title.Render(x.c.T("books_ui.funds_title"))
	if x.err != nil {
		head = st.Error.Render(x.c.Err(x.err))
	}
	var due, paid, received, behind model.Money
	units := map[uint64]bool{}
	for _, r := range x.rows {
		due, paid, received = due+r.Funds.Due, paid+r.Paid, received+r.Received
		if r.Behind(x.c.Today()) {
			behind += r.Outstanding()
			units[r.Funds.UnitID] = true
		}
	}
	foot := st.Label.Render(x.c.T("books.c_due")+sep) + due.Display() + "  " +
		st.Label.Render(x.c.T("books.c_paid")+sep) + paid.Display() + "  " +
		st.Label.Render(x.c.T("books.c_received")+sep) + received.Display() + "  " +
		st.Label.Render(x.c.T("books.behind")+sep) + x.c.T("books_ui.funds_behind", len(units), behind.Display())
	return ansi.Truncate(head, x.w, "~") + "\n\n" + x.table.View() + "\n" + ansi.Truncate(foot, x.w, "~")
}

func (x *funds) ShortHelp() []key.Binding {
	k := x.c.Keys
	return []key.Binding{k.New, x.k.Pay, k.Export, k.Back}
}

func (x *funds) FullHelp() [][]key.Binding {
	k := x.c.Keys
	if x.table.Len() < 2 { // nowhere to move
		return [][]key.Binding{x.ShortHelp()}
	}
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, x.ShortHelp()}
}
