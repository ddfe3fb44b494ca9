package model

import (
	"slices"
	"strings"
)

// The income-and-expense statement (收入支出表, 工会02表): every top-level
// account of the chart, and each sub-account that was used or has a budget
// line, with the period's amount, the cumulative amount (本年累计数 in a
// month's statement, 上年数 in a year's), the year's budget and what is
// left of it. A heading's amounts and budget are the sums of its
// sub-accounts'.

// Flow is what an account took in and paid out (reversals netted in).
type Flow struct{ In, Out Money }

// Sums is the flow of each account code used.
type Sums map[string]Flow

// Add adds an amount to code's flow on the side of d.
func (s Sums) Add(code string, d Direction, amount Money) {
	f := s[code]
	if d == Out {
		f.Out += amount
	} else {
		f.In += amount
	}
	s[code] = f
}

// StatementRow is one account's line.
type StatementRow struct {
	Account    Account
	Level      int  // 0 for a top-level account
	Heading    bool // has sub-accounts in the statement
	Amount     Money
	Cumulative Money
	YearToDate Money // what the budget is measured against
	Budget     Money
	HasBudget  bool
}

// Remaining is what is left of the budget line (negative when overspent).
func (r *StatementRow) Remaining() Money { return r.Budget - r.YearToDate }

// Over reports a spending line past its budget.
func (r *StatementRow) Over() bool {
	return r.HasBudget && r.Account.Direction == Out && r.YearToDate > r.Budget
}

// Statement is the statement of the months From..To.
type Statement struct {
	Chart      Chart
	From, To   Month
	Annual     bool  // a whole calendar year: 本年数 and 上年数
	Opening    Money // money at the start of From (年初/期初资金结转结余)
	Rows       []StatementRow
	In, Out    Money // the period's totals (收入合计, 支出合计)
	InCum      Money
	OutCum     Money
	BudgetIn   Money
	BudgetOut  Money
	YearToDate Flow
}

// BudgetTotal is one side's budget and year to date over the lines that
// have a budget.
type BudgetTotal struct {
	Has            bool // some line of the side has a budget
	Budget, Actual Money
}

// Budgeted are the budget's totals per side, over the top-level lines
// that have a budget (a heading's is its sub-accounts'): spending on
// accounts no line budgets for is left out, so what is left is what the
// lines have left, and income without a budget gets no total.
func (s *Statement) Budgeted() (in, out BudgetTotal) {
	for _, r := range s.Rows {
		if r.Level != 0 || !r.HasBudget {
			continue
		}
		t := &in
		if r.Account.Direction == Out {
			t = &out
		}
		t.Has = true
		t.Budget += r.Budget
		t.Actual += r.YearToDate
	}
	return in, out
}

// Closing is the money at the end of the period (年末/期末资金结转结余).
func (s *Statement) Closing() Money { return s.Opening + s.In - s.Out }

// Income and Expense are the statement's rows of one side.
func (s *Statement) Income() []StatementRow  { return s.side(In) }
func (s *Statement) Expense() []StatementRow { return s.side(Out) }

func (s *Statement) side(d Direction) []StatementRow {
	var out []StatementRow
	for _, r := range s.Rows {
		if r.Account.Direction == d {
			out = append(out, r)
		}
	}
	return out
}

// BuildStatement makes the statement of the months from..to from the
// period's sums, the cumulative column's sums, the year-to-date sums the
// budget is measured against, and the year's budget lines (code → amount,
// non-heading accounts only).
func BuildStatement(chart Chart, from, to Month, opening Money, period, cumulative, ytd Sums, budgets map[string]Money) Statement {
	st := Statement{Chart: chart, From: from, To: to, Opening: opening,
		Annual: from.MonthOfYear() == 1 && to == Month(from.Year()*100+12)}
	rows := map[string]*StatementRow{}
	row := func(code string, d Direction) *StatementRow {
		if r := rows[code]; r != nil {
			return r
		}
		a, ok := chart.Find(code)
		if !ok {
			a = Account{Code: code, Name: code, NameEN: code, Direction: d}
		}
		r := &StatementRow{Account: a}
		rows[code] = r
		return r
	}
	// ancestors is code and every account above it in the chart.
	ancestors := func(code string) []string {
		out := []string{code}
		for p := chart.Parent(code); p != ""; p = chart.Parent(p) {
			out = append(out, p)
		}
		return out
	}
	for _, a := range chart.Accounts {
		if chart.Parent(a.Code) == "" {
			row(a.Code, a.Direction)
		}
	}
	apply := func(s Sums, set func(r *StatementRow, m Money)) {
		for code, f := range s {
			for _, side := range []struct {
				d Direction
				m Money
			}{{In, f.In}, {Out, f.Out}} {
				if side.m == 0 {
					continue
				}
				d := side.d
				if a, ok := chart.Find(code); ok {
					d = a.Direction
				}
				for _, c := range ancestors(code) {
					set(row(c, d), side.m)
				}
			}
		}
	}
	apply(period, func(r *StatementRow, m Money) { r.Amount += m })
	apply(cumulative, func(r *StatementRow, m Money) { r.Cumulative += m })
	apply(ytd, func(r *StatementRow, m Money) { r.YearToDate += m })
	for code, m := range budgets {
		a, ok := chart.Find(code)
		if !ok {
			continue
		}
		for _, c := range ancestors(code) {
			r := row(c, a.Direction)
			r.Budget += m
			r.HasBudget = true
		}
	}
	for code, r := range rows {
		r.Level = chart.Level(code)
		for other := range rows {
			if other != code && chart.Parent(other) == code {
				r.Heading = true
				break
			}
		}
		st.Rows = append(st.Rows, *r)
	}
	slices.SortFunc(st.Rows, func(a, b StatementRow) int {
		if a.Account.Direction != b.Account.Direction {
			return int(a.Account.Direction) - int(b.Account.Direction)
		}
		return strings.Compare(a.Account.Code, b.Account.Code)
	})
	for _, r := range st.Rows {
		if r.Level != 0 {
			continue
		}
		if r.Account.Direction == Out {
			st.Out += r.Amount
			st.OutCum += r.Cumulative
			st.YearToDate.Out += r.YearToDate
			st.BudgetOut += r.Budget
		} else {
			st.In += r.Amount
			st.InCum += r.Cumulative
			st.YearToDate.In += r.YearToDate
			st.BudgetIn += r.Budget
		}
	}
	return st
}
