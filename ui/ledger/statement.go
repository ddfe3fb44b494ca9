package ledger

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/widget"
)

// openStatement shows the income-and-expense statement for the list's
// month (today's when the list shows every month).
func (p *Page) openStatement() {
	p.stmtMonth = p.month
	if p.stmtMonth == 0 {
		p.stmtMonth = p.c.Today().Month()
	}
	p.mode = modeStatement
	p.loadStatement()
}

// period is the first and last month of the statement.
func (p *Page) period() (from, to model.Month) {
	if p.stmtYear {
		y := p.stmtMonth.Year()
		return model.Month(y*100 + 1), model.Month(y*100 + 12)
	}
	return p.stmtMonth, p.stmtMonth
}

func (p *Page) loadStatement() {
	from, to := p.period()
	lines, err := p.c.Store.Statement(from, to)
	if err != nil {
		p.err = err
		lines = nil
	}
	p.stmt = lines
	p.stmtIn, p.stmtOut = storage.StatementTotals(lines)
	p.refreshStatementTable()
	p.stmtTable.SetCursor(0)
}

// depth is how far an account is indented under its parents.
func depth(code string) int { return max(0, (len(code)-3+1)/2) }

func (p *Page) refreshStatementTable() {
	p.stmtTable.SetColumns([]widget.Column{
		{Title: p.c.T("cashbook.col_account"), Width: 40},
		{Title: p.c.T("cashbook.col_in"), Width: 14, AlignRight: true},
		{Title: p.c.T("cashbook.col_out"), Width: 14, AlignRight: true},
	})
	n := len(p.stmt)
	amount := func(m model.Money, own bool) string {
		if m == 0 && !own {
			return ""
		}
		return m.Display()
	}
	rows := n + 3 // a blank line, the totals and the surplus
	if n == 0 {
		rows = 0 // the empty text says there is nothing
	}
	p.stmtTable.SetRows(rows, func(row, col int) string {
		switch {
		case row < n:
			l := p.stmt[row]
			switch col {
			case 0:
				return strings.Repeat("  ", depth(l.Account.Code)) + l.Account.Code + " " + p.accountName(l.Account)
			case 1:
				return amount(l.In, l.Account.Direction == model.In)
			case 2:
				return amount(l.Out, l.Account.Direction == model.Out)
			}
		case row == n:
			return ""
		case row == n+1:
			return [...]string{p.c.T("cashbook.stmt_total"), p.stmtIn.Display(), p.stmtOut.Display()}[col]
		default:
			if col == 0 {
				return p.c.T("cashbook.stmt_surplus")
			}
			if col == 1 {
				return (p.stmtIn - p.stmtOut).Display()
			}
		}
		return ""
	})
	bold := p.c.Styles.Value.Bold(true)
	p.stmtTable.SetRowStyle(func(row int) (lipgloss.Style, bool) {
		if row > n {
			return bold, true
		}
		if row < n && depth(p.stmt[row].Account.Code) == 0 {
			return bold, true
		}
		return lipgloss.Style{}, false
	})
}

func (p *Page) updateStatement(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		p.stmtTable, cmd = p.stmtTable.Update(msg)
		return cmd
	}
	step := 1
	if p.stmtYear {
		step = 12
	}
	switch {
	case km.String() == "esc", key.Matches(km, p.k.Statement):
		p.mode = modeList
	case key.Matches(km, p.k.PrevMonth):
		p.stmtMonth = p.stmtMonth.Add(-step)
		p.loadStatement()
	case key.Matches(km, p.k.NextMonth):
		p.stmtMonth = p.stmtMonth.Add(step)
		p.loadStatement()
	case key.Matches(km, p.k.Year):
		p.stmtYear = !p.stmtYear
		p.loadStatement()
	default:
		var cmd tea.Cmd
		p.stmtTable, cmd = p.stmtTable.Update(msg)
		return cmd
	}
	return nil
}

func (p *Page) periodName() string {
	if p.stmtYear {
		return p.c.T("cashbook.period_year", p.stmtMonth.Year())
	}
	return p.c.T("cashbook.period_month", p.stmtMonth.Year(), p.stmtMonth.MonthOfYear())
}

func (p *Page) statementView() string {
	st := p.c.Styles
	title := st.Title.Render(p.c.T("cashbook.statement_title", p.periodName()))
	hint := st.Muted.Render(p.c.T("cashbook.statement_hint"))
	head := title + "  " + hint
	if p.err != nil {
		head = st.Error.Render(p.c.Err(p.err))
	}
	return ansi.Truncate(head, p.width, "~") + "\n\n" + p.stmtTable.View()
}
