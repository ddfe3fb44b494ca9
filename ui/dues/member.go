package dues

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// memberHeaderLines is the height of the member's summary and month grid
// above the payments table.
const memberHeaderLines = 8

// member is one member's dues: what they owe, the last two years month by
// month, and their payments newest first. p records a payment, w a wage
// base, r reverses the payment under the cursor.
type member struct {
	common.ScreenBase
	*data
	st       *stack.Stack
	id       uint64
	m        model.Member
	paid     map[model.Month]uint64
	payments []model.DuesPayment
	reversed map[uint64]uint64 // payment -> its reversal
	table    widget.Table
	w        int
	err      error
}

func newMember(d *data, st *stack.Stack, id uint64) *member {
	s := &member{data: d, st: st, id: id, table: widget.NewTable(nil, tableStyles(d.c))}
	s.table.SetEmptyText(d.c.T("dues.no_payments"))
	s.load()
	return s
}

func (s *member) load() {
	m, err := s.c.Store.Member(s.id)
	if err != nil {
		s.err = err
		return
	}
	s.m = m
	if s.paid, err = s.c.Store.PaidMonths(s.id); err != nil {
		s.err = err
		return
	}
	if s.payments, err = s.c.Store.MemberPayments(s.id); err != nil {
		s.err = err
		return
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
			if pay.From == pay.To {
				return pay.From.String()
			}
			return pay.From.String() + "~" + pay.To.String()
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
			}
		}
		return ""
	})
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
	s.w = w
	s.table.SetSize(w, max(3, h-memberHeaderLines))
}

func (s *member) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case common.DataChangedMsg:
		s.load()
		return nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(m, s.k.Pay):
			return s.pay()
		case key.Matches(m, s.k.Wage):
			return s.st.Push(newWageForm(s.data, s.st, s.m))
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

// pay opens the payment form, or says why the member pays no dues.
func (s *member) pay() tea.Cmd {
	if !s.m.Status.InUnion() {
		return common.SetStatus(s.c.T("dues.not_in_union", s.m.Name, s.c.T(s.m.Status.Key())), true)
	}
	return s.st.Push(newPayForm(s.data, s.st, s.m, s.paid))
}

// payOver opens member id's payment form over their dues, as if p had been
// pressed there; nothing opens for a member who pays no dues.
func payOver(d *data, st *stack.Stack, id uint64) tea.Cmd {
	s := newMember(d, st, id)
	if s.err != nil {
		return common.SetStatus(d.c.Err(s.err), true)
	}
	if !s.m.Status.InUnion() {
		return s.pay()
	}
	return tea.Batch(st.Push(s), s.pay())
}

// grid shows the last two years month by month: paid, unpaid, not owed.
func (s *member) grid() []string {
	st := s.c.Styles
	today := s.c.Today().Month()
	hist := model.DuesHistory(&s.m, s.rules, s.paid, today)
	byMonth := make(map[model.Month]model.MonthDues, len(hist))
	for _, h := range hist {
		byMonth[h.Month] = h
	}
	head := "      "
	for mo := 1; mo <= 12; mo++ {
		head += fmt.Sprintf("%3d", mo)
	}
	lines := []string{st.Muted.Render(head)}
	for y := today.Year() - 1; y <= today.Year(); y++ {
		var b strings.Builder
		b.WriteString(fmt.Sprintf("%d  ", y))
		for mo := 1; mo <= 12; mo++ {
			m := model.Month(y*100 + mo)
			h, ok := byMonth[m]
			cell := s.c.T("dues.cell_none")
			style := st.Muted
			switch {
			case m > today || !ok:
			case h.PaymentID != 0:
				cell, style = s.c.T("dues.cell_paid"), st.Success
			case h.Owed:
				cell, style = s.c.T("dues.cell_unpaid"), st.Error
			}
			b.WriteString(" " + style.Render(cell))
		}
		lines = append(lines, b.String())
	}
	return lines
}

func (s *member) View() string {
	st := s.c.Styles
	if s.err != nil {
		return st.Error.Render(s.c.Err(s.err))
	}
	m := s.m
	months, total, run := model.Unpaid(&m, s.rules, s.paid, model.DueThrough(s.c.Today()))
	base := m.BaseFor(s.c.Today().Month())
	lines := []string{st.Title.Render(s.c.T("dues.member_title", m.Name, m.No)) + "  " +
		st.Muted.Render(s.unitBy[m.UnitID]+"  "+s.c.T(m.Status.Key()))}
	lines = append(lines, wageLine(s.data, m))
	owe := st.Success.Render(s.c.T("dues.nothing_owed"))
	if len(months) > 0 {
		owe = st.Error.Render(common.OwesText(s.c, len(months), total, run, base))
	}
	lines = append(lines, owe, "")
	lines = append(lines, s.grid()...)
	lines = append(lines, st.Title.Render(s.c.T("dues.payments_title")))
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, s.w, "~")
	}
	for len(lines) < memberHeaderLines {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n") + "\n" + s.table.View()
}

// wageLine is the member's wage base and monthly dues, or that there is
// none.
func wageLine(d *data, m model.Member) string {
	if b := m.BaseFor(d.c.Today().Month()); b > 0 {
		return d.c.T("dues.wage_line", b.Display(), d.rules.Monthly(b).Display())
	}
	return d.c.T("dues.no_wage")
}

// ShortHelp: r only with a payment under the cursor.
func (s *member) ShortHelp() []key.Binding {
	keys := []key.Binding{s.k.Pay, s.k.Wage}
	if _, ok := s.selected(); ok {
		keys = append(keys, s.k.Reverse)
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
