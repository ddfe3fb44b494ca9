package report

import (
	"strconv"
	"strings"

	"unionbook/model"
	"unionbook/workbook"
)

// 收入支出表 in the layout of the 工会02表 (财会〔2021〕7号 第四部分): the
// balance brought in (年初资金结转结余, in a year's statement), the income
// accounts under 收入合计, the expense accounts under 支出合计, the period's
// difference (本期收支差额) and the balance carried out (年末资金结转结余);
// columns 本月数 and 本年累计数 for a month (or part of a year), 本年数 and
// 上年数 for a year. Sub-accounts are indented under their account. A
// second sheet shows the budget's execution line by line.

func writeStatement(c *Context, b *workbook.Book) error {
	st, err := c.Store.BooksStatement(c.Period.From, c.Period.To)
	if err != nil {
		return err
	}
	col1, col2 := c.T("report.c_period"), c.T("report.c_year_to_date")
	if st.Annual {
		col1, col2 = c.T("report.c_this_year"), c.T("report.c_last_year")
	}
	title := c.T("report.statement")
	t, err := b.TableWith(title, title, []workbook.Column{
		{Header: c.T("report.c_item"), Width: 40},
		{Header: c.T("report.c_line"), Width: 6, ColKind: workbook.KInt},
		{Header: col1, Width: 16, ColKind: workbook.KMoney},
		{Header: col2, Width: 16, ColKind: workbook.KMoney},
	}, workbook.TableOptions{Portrait: true, Corner: c.T("report.form_02"), Sub: c.T("report.sub_statement", c.Union, c.PeriodLine())})
	if err != nil {
		return err
	}
	line := 0
	row := func(total bool, label string, a, b any) error {
		line++
		if total {
			return t.Total(label, line, a, b)
		}
		return t.Row(label, line, a, b)
	}
	// The balances: filled in a year's statement only, as the form says.
	var opening, closing any
	if st.Annual {
		opening, closing = st.Opening, st.Closing()
	}
	if err := row(true, c.T("report.s_opening"), opening, nil); err != nil {
		return err
	}
	if err := row(false, c.T("report.s_adjust"), model.Money(0), model.Money(0)); err != nil {
		return err
	}
	if err := row(true, c.T("report.s_income"), st.In, st.InCum); err != nil {
		return err
	}
	for _, r := range st.Income() {
		if err := row(false, accountLine(c, r), r.Amount, r.Cumulative); err != nil {
			return err
		}
	}
	if err := row(true, c.T("report.s_expense"), st.Out, st.OutCum); err != nil {
		return err
	}
	for _, r := range st.Expense() {
		if err := row(false, accountLine(c, r), r.Amount, r.Cumulative); err != nil {
			return err
		}
	}
	if err := row(true, c.T("report.s_difference"), st.In-st.Out, st.InCum-st.OutCum); err != nil {
		return err
	}
	if err := row(true, c.T("report.s_closing"), closing, nil); err != nil {
		return err
	}
	if err := t.Blank(); err != nil {
		return err
	}
	if err := t.Text(c.T("report.chart_source", st.Chart.Source), false, false); err != nil {
		return err
	}
	if err := t.Signatures(c.SignatureLabels(), c.SignatureNames()); err != nil {
		return err
	}
	if err := t.Close(); err != nil {
		return err
	}
	return writeBudget(c, b, &st)
}

// accountLine is a statement row's label: "    50101 职工教育支出" (indented
// by level).
func accountLine(c *Context, r model.StatementRow) string {
	return strings.Repeat("    ", r.Level+1) + r.Account.Label(c.English())
}

// writeBudget writes the budget's execution of the statement's year: each
// account with a budget line (and its headings), the year's budget, what
// was spent or received to the end of the period, what is left and the
// share used; lines past their budget are marked.
func writeBudget(c *Context, b *workbook.Book, st *model.Statement) error {
	title := c.T("report.budget")
	t, err := b.TableWith(title, title, []workbook.Column{
		{Header: c.T("report.c_account"), Width: 36},
		{Header: c.T("report.c_budget"), Width: 15, ColKind: workbook.KMoney},
		{Header: c.T("report.c_actual"), Width: 15, ColKind: workbook.KMoney},
		{Header: c.T("report.c_remaining"), Width: 15, ColKind: workbook.KMoney},
		{Header: c.T("report.c_used"), Width: 10, ColKind: workbook.KPct},
		{Header: c.T("report.c_note"), Width: 12},
	}, workbook.TableOptions{Portrait: true, Sub: c.T("report.sub_budget", c.Union, strconv.Itoa(st.To.Year()), st.To.String())})
	if err != nil {
		return err
	}
	n := 0
	for _, r := range st.Rows {
		if !r.HasBudget {
			continue
		}
		n++
		note := ""
		if r.Over() {
			note = c.T("report.over_budget")
		}
		var used any
		if r.Budget > 0 {
			used = workbook.Pct(model.RateBP(r.YearToDate, r.Budget))
		}
		write := t.Row
		if r.Level == 0 {
			write = t.Total
		}
		if err := write(accountLine(c, r), r.Budget, r.YearToDate, r.Remaining(), used, note); err != nil {
			return err
		}
	}
	if n == 0 {
		if err := t.Text(c.T("report.no_budget", st.To.Year()), false, false); err != nil {
			return err
		}
	} else {
		in, out := st.Budgeted()
		for _, side := range []struct {
			label string
			t     model.BudgetTotal
		}{{c.T("report.budget_total_in"), in}, {c.T("report.budget_total_out"), out}} {
			if !side.t.Has {
				continue
			}
			if err := t.Total(side.label, side.t.Budget, side.t.Actual, side.t.Budget-side.t.Actual, nil, nil); err != nil {
				return err
			}
		}
	}
	if err := t.Signatures(c.SignatureLabels(), c.SignatureNames()); err != nil {
		return err
	}
	return t.Close()
}
