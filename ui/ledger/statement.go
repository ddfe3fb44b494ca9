package ledger

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// statement is the income-and-expense statement (收支表) of a month or a
// year: every account with its income or spending, the totals and the
// surplus. [ and ] step the period, y switches month and year.
type statement struct {
	common.ScreenBase
	*book
	month   model.Month // the month shown, or a month of the year shown
	year    bool
	lines   []storage.StatementLine
	in, out model.Money
	table   widget.Table
	w       int
	err     error
}

func newStatement(b *book, month model.Month) *statement {
	c := b.c
	s := &statement{book: b, month: month}
	s.table = widget.NewTable(nil, c.TableStyles())
	s.table.SetID("statement")
	s.table.SetOrigin(0, 2)
	s.table.SetEmptyText(c.T("cashbook.statement_empty"))
	s.load()
	return s
}

// period is the first and last month of the statement.
func (s *statement) period() (from, to model.Month) {
	if s.year {
		y := s.month.Year()
		return model.Month(y*100 + 1), model.Month(y*100 + 12)
	}
	return s.month, s.month
}

func (s *statement) load() {
	lines, err := s.c.Store.Statement(s.period())
	s.err = err
	s.lines = lines
	s.in, s.out = storage.StatementTotals(lines)
	s.refreshTable()
	s.table.SetCursor(0)
}

func (s *statement) refreshTable() {
	s.table.SetColumns([]widget.Column{
		{Title: s.c.T("cashbook.col_account"), Width: 40},
		{Title: s.c.T("cashbook.col_in"), Width: 14, AlignRight: true},
		{Title: s.c.T("cashbook.col_out"), Width: 14, AlignRight: true},
	})
	n := len(s.lines)
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
	s.table.SetRows(rows, func(row, col int) string {
		switch {
		case row < n:
			l := s.lines[row]
			switch col {
			case 0:
				return strings.Repeat("  ", depth(l.Account.Code)) + l.Account.Code + " " + s.accountName(l.Account)
			case 1:
				return amount(l.In, l.Account.Direction == model.In)
			case 2:
				return amount(l.Out, l.Account.Direction == model.Out)
			}
		case row == n:
			return ""
		case row == n+1:
			return [...]string{s.c.T("cashbook.stmt_total"), s.in.Display(), s.out.Display()}[col]
		default:
			if col == 0 {
				return s.c.T("cashbook.stmt_surplus")
			}
			if col == 1 {
				return (s.in - s.out).Display()
			}
		}
		return ""
	})
	bold := s.c.Styles.Value.Bold(true)
	s.table.SetRowStyle(func(row int) (lipgloss.Style, bool) {
		if row > n {
			return bold, true
		}
		if row < n && depth(s.lines[row].Account.Code) == 0 {
			return bold, true
		}
		return lipgloss.Style{}, false
	})
}

func (s *statement) SetSize(w, h int) {
	s.w = w
	s.table.SetSize(w, max(3, h-2))
	s.refreshTable()
}

func (s *statement) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(common.DataChangedMsg); ok {
		s.load()
		return nil
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		s.table, cmd = s.table.Update(msg)
		return cmd
	}
	step := 1
	if s.year {
		step = 12
	}
	switch {
	case key.Matches(km, s.k.PrevMonth):
		s.month = s.month.Add(-step)
		s.load()
	case key.Matches(km, s.k.NextMonth):
		s.month = s.month.Add(step)
		s.load()
	case key.Matches(km, s.k.Year):
		s.year = !s.year
		s.load()
	default:
		var cmd tea.Cmd
		s.table, cmd = s.table.Update(msg)
		return cmd
	}
	return nil
}

func (s *statement) periodName() string {
	if s.year {
		return s.c.T("cashbook.period_year", s.month.Year())
	}
	return s.c.T("cashbook.period_month", s.month.Year(), s.month.MonthOfYear())
}

func (s *statement) View() string {
	st := s.c.Styles
	head := st.Title.Render(s.c.T("cashbook.statement_title", s.periodName())) + "  " + st.Muted.Render(s.c.T("cashbook.statement_hint"))
	if s.err != nil {
		head = st.Error.Render(s.c.Err(s.err))
	}
	return ansi.Truncate(head, s.w, "~") + "\n\n" + s.table.View()
}

func (s *statement) ShortHelp() []key.Binding {
	return []key.Binding{s.k.PrevMonth, s.k.NextMonth, s.k.Year, s.c.Keys.Back}
}

func (s *statement) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
