package dues

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// memberHeaderLines is the height of the member's summary and month grid
// above the payments table.
const memberHeaderLines = 8

// member is one member's dues: what they owe, the last two years month by
// month, the last reminder, and their payments newest first. p records a
// payment, w a wage base, e an exception, f a reminder; r reverses and x
// prints the receipt of the payment under the cursor.
type member struct {
	common.ScreenBase
	*data
	st       *stack.Stack
	id       uint64
	info     *storage.MemberDuesInfo
	payments []model.DuesPayment
	reversed map[uint64]uint64 // payment -> its reversal
	reminder *model.Reminder   // the latest, if any
	reminded int               // how many reminders the log holds
	table    widget.Table
	w, h     int
	err      error
}

func newMember(d *data, st *stack.Stack, id uint64) *member {
	s := &member{data: d, st: st, id: id, table: widget.NewTable(nil, d.c.TableStyles())}
	s.table.SetOrigin(0, memberHeaderLines)
	s.table.SetEmptyText(d.c.T("dues.no_payments"))
	s.load()
	return s
}

func (s *member) load() {
	info, err := s.c.Store.MemberDues(s.id)
	if err != nil {
		s.err = err
		return
	}
	s.info = info
	if s.payments, err = s.c.Store.MemberPayments(s.id); err != nil {
		s.err = err
		return
	}
	rs, err := s.c.Store.Reminders(0, s.id)
	if err != nil {
		s.err = err
		return
	}
	s.reminder, s.reminded = nil, len(rs)
	if len(rs) > 0 {
		s.reminder = &rs[0]
	}
	s.err = nil
	s.reversed = map[uint64]uint64{}
	for _, pay := range s.payments {
		if pay.ReversalOf != 0 {
			s.reversed[pay.ReversalOf] = pay.ID
		}
	}
	c := s.c
	s.table.SetColumns([]widget.Column{
		{Title: c.T("dues.col_receipt"), Width: 11},
		{Title: c.T("dues.col_date"), Width: 10},
		{Title: c.T("dues.col_period"), Width: 15},
		{Title: c.T("dues.col_amount"), Width: 10, AlignRight: true},
		{Title: c.T("dues.col_method"), Width: 8},
		{Title: c.T("dues.col_note"), Width: 8, Flex: 1},
	})
	s.table.SetRows(len(s.payments), func(row, col int) string {
		pay := s.payments[len(s.payments)-1-row] // newest first
		switch col {
		case 0:
			return pay.ReceiptNo
		case 1:
			return pay.Date.String()
		case 2:
			return monthsText(pay.From, pay.To)
		case 3:
			return pay.Amount.Display()
		case 4:
			return c.T(pay.Method.Key())
		case 5:
			switch {
			case pay.ReversalOf != 0:
				return c.T("dues.is_reversal", pay.Reason)
			case s.reversed[pay.ID] != 0:
				return c.T("dues.was_reversed")
			case pay.Shortfall() > 0:
				return c.T("dues.short_by", pay.Shortfall().Display())
			}
		}
		return ""
	})
}

// monthsText is a range of months: 2026-01, or 2026-01~2026-03.
func monthsText(from, to model.Month) string {
	if from == to {
		return from.String()
	}
	return from.String() + "~" + to.String()
}

// selected is the payment under the table's cursor.
func (s *member) selected() (model.DuesPayment, bool) {
	i := s.table.Cursor()
	if i < 0 || i >= len(s.payments) {
		return model.DuesPayment{}, false
	}
	return s.payments[len(s.payments)-1-i], true
}

func (s *member) SetSize(w, h int) {
	s.w, s.h = w, h
	s.table.SetSize(w, max(3, h-memberHeaderLines))
}

func (s *member) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case common.DataChangedMsg:
		s.load()
		return nil
	case tea.KeyPressMsg:
		if s.info == nil {
			break
		}
		switch {
		case key.Matches(m, s.k.Pay):
			return s.pay()
		case key.Matches(m, s.k.Wage):
			return s.st.Push(newWageForm(s.data, s.st, s.info.Member))
		case key.Matches(m, s.k.Exception):
			return s.st.Push(newExceptionForm(s.data, s.st, s.info))
		case key.Matches(m, s.k.Remind):
			return s.st.Push(newReminderForm(s.data, s.st, s.info.Member.UnitID, s.id))
		case key.Matches(m, s.k.Receipt):
			if pay, ok := s.selected(); ok && pay.ReversalOf == 0 {
				return newReceiptSave(s.data, s.st, pay)
			}
			return nil
		case key.Matches(m, s.k.Reverse):
			pay, ok := s.selected()
			switch {
			case !ok:
				return nil
			case pay.ReversalOf != 0:
				return common.SetStatus(s.c.T("dues.cannot_reverse_reversal"), true)
			case s.reversed[pay.ID] != 0:
				return common.SetStatus(s.c.T("dues.already_reversed", pay.ReceiptNo), true)
			}
			return s.st.Push(newReverseForm(s.data, s.st, pay))
		}
	}
	var cmd tea.Cmd
	s.table, cmd = s.table.Update(msg)
	return cmd
}

// pay opens the payment form, or says why the member pays nothing here.
func (s *member) pay() tea.Cmd {
	if cmd := s.payBlocked(); cmd != nil {
		return cmd
	}
	return s.st.Push(newPayForm(s.data, s.st, s.info))
}

// payBlocked says why the member cannot pay here (nil when they can): not
// in the union, the unit collects its own dues, or nothing is owing.
func (s *member) payBlocked() tea.Cmd {
	m := s.info.Member
	if !m.Status.InUnion() {
		return common.SetStatus(s.c.T("dues.not_in_union", m.Name, s.c.T(m.Status.Key())), true)
	}
	if model.FirstOwing(s.info.Calc, s.info.Paid(), s.c.Today().Month()) == 0 {
		if _, st := s.info.Calc.Month(s.c.Today().Month()); st == model.OweSelf {
			return common.SetStatus(s.c.T("dues.pay_unit_collects", s.unitName(m.UnitID)), true)
		}
		return common.SetStatus(s.c.T("dues.pay_nothing_owing", m.Name), true)
	}
	return nil
}

// payOver opens member id's payment form over their dues, as if p had been
// pressed there; nothing opens for a member who pays nothing here.
func payOver(d *data, st *stack.Stack, id uint64) tea.Cmd {
	s := newMember(d, st, id)
	if s.err != nil {
		return common.SetStatus(d.c.Err(s.err), true)
	}
	if cmd := s.payBlocked(); cmd != nil {
		return cmd
	}
	return tea.Batch(st.Push(s), st.Push(newPayForm(d, st, s.info)))
}

// gridCell is one month of the grid and its style.
func (s *member) gridCell(d model.MonthDues, current model.Month) (string, bool) {
	c := s.c
	switch {
	case d.Month > current:
		return c.T("dues.cell_none"), false
	case d.Full:
		return c.T("dues.cell_paid"), true
	case d.Month == current && d.State == model.OweDue && d.Paid == 0:
		return c.T("dues.cell_due"), false
	case d.Underpaid():
		return c.T("dues.cell_short"), false
	case d.Owing():
		return c.T("dues.cell_unpaid"), false
	case d.State == model.OweExempt:
		return c.T("dues.cell_exempt"), false
	case d.State == model.OweSelf:
		return c.T("dues.cell_self"), false
	case d.State == model.OweNoBase:
		return c.T("dues.cell_no_base"), false
	}
	return c.T("dues.cell_none"), false
}

// grid shows the last two years month by month.
func (s *member) grid() []string {
	st := s.c.Styles
	today := s.c.Today().Month()
	head := "      "
	for mo := 1; mo <= 12; mo++ {
		head += fmt.Sprintf("%3d", mo)
	}
	// the legend beside the month numbers, or under the grid, wrapped,
	// where it would not fit beside them
	legend := s.c.T("dues.grid_legend")
	beside := ansi.StringWidth(head+"   "+legend) <= s.w
	lines := []string{st.Muted.Render(head)}
	if beside {
		lines[0] = st.Muted.Render(head + "   " + legend)
	}
	for y := today.Year() - 1; y <= today.Year(); y++ {
		var b strings.Builder
		b.WriteString(fmt.Sprintf("%d  ", y))
		for mo := 1; mo <= 12; mo++ {
			d := s.info.Month(model.Month(y*100 + mo))
			cell, paid := s.gridCell(d, today)
			style := st.Muted
			switch {
			case paid:
				style = st.Success
			case d.Owing() && d.Month < today:
				style = st.Error
			case d.Owing():
				style = st.Warning
			}
			b.WriteString(" " + style.Render(cell))
		}
		lines = append(lines, b.String())
	}
	if !beside {
		lines = append(lines, strings.Split(st.Muted.Render(ansi.Wrap(legend, s.w, "")), "\n")...)
	}
	return lines
}

func (s *member) View() string {
	st := s.c.Styles
	if s.err != nil {
		return st.Error.Render(s.c.Err(s.err))
	}
	m := s.info.Member
	today := s.c.Today().Month()
	o := s.info.Overdue(model.DueThrough(s.c.Today()))
	// the summary wraps, a clause moving whole to the next line, rather
	// than lose its ends at 80 columns (this month's due came last and was
	// cut); the payments take what height is left
	top := fitParts(s.w, "  ", st.Title.Render(s.c.T("dues.member_title", m.Name, m.No)),
		st.Muted.Render(s.unitName(m.UnitID)+"  "+s.c.T(m.Status.Key())))
	top = append(top, fitParts(s.w, "  ", common.MonthlyText(s.c, s.info))...)
	owe := []string{st.Success.Render(common.OwesText(s.c, o))}
	if o.Count > 0 {
		owe[0] = st.Error.Render(common.OwesText(s.c, o))
	}
	switch d := s.info.Month(today); {
	case d.Underpaid():
		owe = append(owe, st.Warning.Render(s.c.T("dues.this_month_short", today.String(), d.Paid.Display(), d.Rest().Display())))
	case d.Owing():
		owe = append(owe, st.Warning.Render(s.c.T("dues.this_month_due", today.String(), d.Rest().Display())))
	}
	top = append(top, fitParts(s.w, "  ", owe...)...)
	var notes []string
	for _, mo := range o.Months {
		if d := s.info.Month(mo); d.Underpaid() {
			notes = append(notes, s.c.T("dues.underpaid_month", mo.String(), d.Paid.Display(), d.Rest().Display()))
		}
	}
	if s.reminder != nil {
		notes = append(notes, s.c.T("dues.last_reminder", s.reminder.Date.String(), s.c.T(s.reminder.How.Key()), s.reminder.Note)+
			s.c.T("dues.reminders_count", s.reminded))
	}
	for _, l := range fitParts(s.w, "  ", notes...) {
		top = append(top, st.Muted.Render(l))
	}
	top = append(top, s.grid()...)
	top = append(top, ansi.Truncate(st.Title.Render(s.c.T("dues.payments_title")), s.w, "~"))
	for len(top) < memberHeaderLines {
		top = append(top, "")
	}
	s.table.SetSize(s.w, max(3, s.h-len(top)))
	s.table.SetOrigin(0, len(top)) // clicks land on the row under the pointer
	return strings.Join(top, "\n") + "\n" + s.table.View()
}

// ShortHelp: r and x only with a payment under the cursor.
func (s *member) ShortHelp() []key.Binding {
	keys := []key.Binding{s.k.Pay, s.k.Wage, s.k.Exception, s.k.Remind}
	if _, ok := s.selected(); ok {
		keys = append(keys, s.k.Reverse, s.k.Receipt)
	}
	return append(keys, s.c.Keys.Back)
}

// FullHelp: up and down only with payments to move through.
func (s *member) FullHelp() [][]key.Binding {
	k := s.c.Keys
	if len(s.payments) > 1 {
		return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}, s.ShortHelp(), {k.Tabs, k.Help, k.Quit}}
	}
	return [][]key.Binding{s.ShortHelp(), {k.Tabs, k.Help, k.Quit}}
}
