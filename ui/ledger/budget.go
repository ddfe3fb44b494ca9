package ledger

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/listexport"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// budget is a year's budget (预算) against what was received and spent:
// every account of the statement with its line, the year so far and what
// is left; lines past their budget stand out. n adds a line, enter
// changes the line under the cursor, [ and ] step the year.
type budget struct {
	common.ScreenBase
	*book
	st    *stack.Stack
	year  int
	s     model.Statement
	table widget.Table
	w     int
	err   error
}

func newBudget(b *book, st *stack.Stack, year int) *budget {
	c := b.c
	x := &budget{book: b, st: st, year: year}
	x.table = widget.NewTable(nil, c.TableStyles())
	x.table.SetID("budget")
	x.table.SetOrigin(0, 2)
	x.table.SetRowStyle(func(row int) (lipgloss.Style, bool) {
		if row >= 0 && row < len(x.s.Rows) && x.s.Rows[row].Over() {
			return c.Styles.Error, true
		}
		return c.Styles.TableCell, false
	})
	x.load()
	return x
}

func (x *budget) load() {
	jan, dec := model.Month(x.year*100+1), model.Month(x.year*100+12)
	x.s, x.err = x.c.Store.BooksStatement(jan, dec)
	x.refreshTable()
}

func (x *budget) refreshTable() {
	x.table.SetColumns([]widget.Column{
		{Title: x.c.T("report.c_account"), Width: 20, Flex: 1},
		{Title: x.c.T("report.c_budget"), Width: 13, AlignRight: true},
		{Title: x.c.T("report.c_actual"), Width: 13, AlignRight: true},
		{Title: x.c.T("report.c_remaining"), Width: 13, AlignRight: true},
		{Title: x.c.T("books_ui.c_state"), Width: 8},
	})
	x.table.SetRows(len(x.s.Rows), func(row, col int) string {
		r := x.s.Rows[row]
		switch col {
		case 0:
			return strings.Repeat("  ", r.Level) + r.Account.Label(x.c.Lang == i18n.EN)
		case 1:
			if r.HasBudget {
				return r.Budget.Display()
			}
		case 2:
			return r.YearToDate.Display()
		case 3:
			if r.HasBudget {
				return r.Remaining().Display()
			}
		case 4:
			if r.Over() {
				return x.c.T("report.over_budget")
			}
		}
		return ""
	})
}

func (x *budget) SetSize(w, h int) {
	x.w = w
	x.table.SetSize(w, max(3, h-4))
	x.refreshTable()
}

func (x *budget) Update(msg tea.Msg) tea.Cmd {
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
		return listexport.Start(x.c, x.st, listexport.List{Name: x.c.T("books_ui.budget_title", strconv.Itoa(x.year)), Table: x.table})
	case key.Matches(km, x.c.Keys.New):
		return x.st.Push(x.lineForm(""))
	case key.Matches(km, x.k.SetBudget):
		i := x.table.Cursor()
		if i < 0 || i >= len(x.s.Rows) {
			return nil
		}
		r := x.s.Rows[i]
		if x.s.Chart.IsHeading(r.Account.Code) {
			return common.SetStatus(x.c.T("budget.heading", r.Account.Label(false)), true)
		}
		return x.st.Push(x.lineForm(r.Account.Code))
	case key.Matches(km, x.k.PrevYear):
		x.year--
		x.load()
	case key.Matches(km, x.k.NextYear):
		x.year++
		x.load()
	default:
		var cmd tea.Cmd
		x.table, cmd = x.table.Update(msg)
		return cmd
	}
	return nil
}

const (
	fBudgetAccount = "books_budget_account"
	fBudgetAmount  = "books_budget_amount"
)

// lineForm sets the budget line of an account (code "": choose it). An
// amount of 0 removes the line.
func (x *budget) lineForm(code string) *form.Screen {
	c := x.c
	chart := x.s.Chart
	var accounts []model.Account
	var opts []form.Option
	for _, a := range chart.Accounts {
		if chart.IsHeading(a.Code) {
			continue
		}
		accounts = append(accounts, a)
		opts = append(opts, form.Option{Label: a.Label(c.Lang == i18n.EN), Value: uint64(len(accounts))})
	}
	f := form.New(c,
		form.PickField(fBudgetAccount, true, opts),
		form.TextField(fBudgetAmount, true, c.T("books_ui.hint_budget_amount")),
	)
	current := map[string]model.Money{}
	for _, r := range x.s.Rows {
		if r.HasBudget && !chart.IsHeading(r.Account.Code) {
			current[r.Account.Code] = r.Budget
		}
	}
	for i, a := range accounts {
		if a.Code == code {
			f.SetChoice(fBudgetAccount, uint64(i+1))
			f.SetValue(fBudgetAmount, current[code].String())
		}
	}
	f.MarkClean()
	read := func(f *form.Form) (model.Budget, model.Problems) {
		var ps model.Problems
		b := model.Budget{Year: x.year}
		if v, ok := f.Choice(fBudgetAccount); ok && v > 0 && int(v) <= len(accounts) {
			b.Account = accounts[v-1].Code
		} else {
			ps = append(ps, model.Problem{Field: fBudgetAccount, Key: "problem.required"})
		}
		b.Amount = readAmount(f, fBudgetAmount, false, &ps)
		return b, ps
	}
	f.Validate = func(f *form.Form) model.Problems { _, ps := read(f); return ps }
	f.Revalidate()
	return form.NewScreen(c, x.st, c.T("books_ui.budget_line_title", x.year), f, func() tea.Cmd {
		b, _ := read(f)
		warn, err := c.Store.SetBudget(c.OperatorName(), &b)
		if err != nil {
			return f.SaveError(err, map[string]string{"account": fBudgetAccount, "amount": fBudgetAmount, "year": fBudgetAccount})
		}
		x.st.Pop()
		status := common.SetStatus(c.T("books_ui.budget_saved", b.Account, b.Amount.Display()), false)
		if len(warn) > 0 {
			status = common.SetStatus(warn[0].Message(c.Lang), true)
		}
		return tea.Batch(status, common.Changed(model.EntityBudget, b.ID))
	})
}

func (x *budget) View() string {
	st := x.c.Styles
	sep := x.c.T("cashbook.colon")
	head := st.Title.Render(x.c.T("books_ui.budget_title", strconv.Itoa(x.year)))
	if x.err != nil {
		head = st.Error.Render(x.c.Err(x.err))
	}
	_, out := x.s.Budgeted() // spending on lines without a budget is not set against it
	foot := st.Label.Render(x.c.T("books_ui.budget_out")+sep) + out.Budget.Display() + "  " +
		st.Label.Render(x.c.T("report.c_actual")+sep) + out.Actual.Display() + "  " +
		st.Label.Render(x.c.T("report.c_remaining")+sep) + (out.Budget - out.Actual).Display()
	return ansi.Truncate(head, x.w, "~") + "\n\n" + x.table.View() + "\n" + ansi.Truncate(foot, x.w, "~")
}

func (x *budget) ShortHelp() []key.Binding {
	k := x.c.Keys
	return []key.Binding{k.New, x.k.SetBudget, x.k.PrevYear, x.k.NextYear, k.Export, k.Back}
}

func (x *budget) FullHelp() [][]key.Binding {
	k := x.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, x.ShortHelp()}
}
