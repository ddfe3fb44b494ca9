package dues

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// memberHeaderLines is the height of the member's summary and month grid
// above the payments table.
const memberHeaderLines = 8

func (p *Page) loadMember(id uint64) {
	m, err := p.c.Store.Member(id)
	if err != nil {
		p.err = err
		return
	}
	p.member = m
	if p.paid, err = p.c.Store.PaidMonths(id); err != nil {
		p.err = err
		return
	}
	if p.payments, err = p.c.Store.MemberPayments(id); err != nil {
		p.err = err
		return
	}
	p.reversed = map[uint64]uint64{}
	for _, pay := range p.payments {
		if pay.ReversalOf != 0 {
			p.reversed[pay.ReversalOf] = pay.ID
		}
	}
	p.payTable.SetColumns([]widget.Column{
		{Title: p.c.T("dues.col_receipt"), Width: 11},
		{Title: p.c.T("dues.col_date"), Width: 10},
		{Title: p.c.T("dues.col_period"), Width: 15},
		{Title: p.c.T("dues.col_amount"), Width: 10, AlignRight: true},
		{Title: p.c.T("dues.col_method"), Width: 8},
		{Title: p.c.T("dues.col_note"), Width: 8, Flex: 1},
	})
	p.payTable.SetRows(len(p.payments), func(row, col int) string {
		pay := p.payments[len(p.payments)-1-row] // newest first
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
			return p.c.T(pay.Method.Key())
		case 5:
			switch {
			case pay.ReversalOf != 0:
				return p.c.T("dues.is_reversal", pay.Reason)
			case p.reversed[pay.ID] != 0:
				return p.c.T("dues.was_reversed")
			}
			return ""
		}
		return ""
	})
}

// selectedPayment is the payment under the table's cursor.
func (p *Page) selectedPayment() (model.DuesPayment, bool) {
	i := p.payTable.Cursor()
	if i < 0 || i >= len(p.payments) {
		return model.DuesPayment{}, false
	}
	return p.payments[len(p.payments)-1-i], true
}

func (p *Page) updateMember(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case km.String() == "esc":
			p.mode = p.back
			if p.mode == modeMember {
				p.mode = modeArrears
			}
			return nil
		case key.Matches(km, keyPay):
			return p.openPayForm()
		case key.Matches(km, keyWage):
			return p.openWageForm()
		case key.Matches(km, keyReverse):
			pay, ok := p.selectedPayment()
			switch {
			case !ok:
				return nil
			case pay.ReversalOf != 0:
				return common.SetStatus(p.c.T("dues.cannot_reverse_reversal"), true)
			case p.reversed[pay.ID] != 0:
				return common.SetStatus(p.c.T("dues.already_reversed", pay.ReceiptNo), true)
			}
			return p.openReverseForm(pay)
		}
	}
	var cmd tea.Cmd
	p.payTable, cmd = p.payTable.Update(msg)
	return cmd
}

// grid shows the last two years month by month: paid, unpaid, not owed.
func (p *Page) grid() []string {
	st := p.c.Styles
	today := p.c.Today().Month()
	hist := model.DuesHistory(&p.member, p.rules, p.paid, today)
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
			cell := p.c.T("dues.cell_none")
			style := st.Muted
			switch {
			case m > today || !ok:
			case h.PaymentID != 0:
				cell, style = p.c.T("dues.cell_paid"), st.Success
			case h.Owed:
				cell, style = p.c.T("dues.cell_unpaid"), st.Error
			}
			b.WriteString(" " + style.Render(cell))
		}
		lines = append(lines, b.String())
	}
	return lines
}

func (p *Page) memberView() string {
	st := p.c.Styles
	m := p.member
	months, total, run := model.Unpaid(&m, p.rules, p.paid, model.DueThrough(p.c.Today()))
	base := m.BaseFor(p.c.Today().Month())
	var lines []string
	lines = append(lines, st.Title.Render(p.c.T("dues.member_title", m.Name, m.No))+"  "+
		st.Muted.Render(p.unitBy[m.UnitID]+"  "+p.c.T(m.Status.Key())))
	wage := p.c.T("dues.no_wage")
	if base > 0 {
		wage = p.c.T("dues.wage_line", base.Display(), p.rules.Monthly(base).Display())
	}
	lines = append(lines, wage)
	owe := st.Success.Render(p.c.T("dues.nothing_owed"))
	if len(months) > 0 {
		owe = st.Error.Render(OwesText(p.c, len(months), total, run, base))
	}
	lines = append(lines, owe, "")
	lines = append(lines, p.grid()...)
	lines = append(lines, st.Title.Render(p.c.T("dues.payments_title")))
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, p.width, "~")
	}
	for len(lines) < memberHeaderLines {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n") + "\n" + p.payTable.View()
}

// OwesText says what a member owes; with no wage base the amount is unknown
// rather than zero.
func OwesText(c *common.Common, months int, total model.Money, run int, base model.Money) string {
	if base == 0 && total == 0 {
		return c.T("dues.owes_no_base", months, run)
	}
	return c.T("dues.owes", months, total.Display(), run)
}
