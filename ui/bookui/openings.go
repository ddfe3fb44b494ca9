// Package bookui holds the screens of the books that more than one tab
// opens: the opening balances (the first run asks for them; the Cash book
// and Settings tabs change them). Tabs do not import each other; they
// import this.
package bookui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// Field keys of the opening balances form (labels "field.<key>").
const (
	fDate = "opening_date"
	fCash = "opening_cash"
	fBank = "opening_bank"
)

// openingFields maps the store's problem fields to the form's.
var openingFields = map[string]string{
	"date_cash": fDate, "date_bank": fDate, "amount_cash": fCash, "amount_bank": fBank,
	"money_cash": fCash, "money_bank": fBank, "memo_cash": fCash, "memo_bank": fBank,
}

// NewOpenings is the opening balances form (期初余额): the month the books
// start in the program and what the cash box and the bank account held
// then. It shows what is stored; after saving it pops itself and calls
// done (nil: nothing more), whose command runs after the change message.
func NewOpenings(c *common.Common, st *stack.Stack, done func() tea.Cmd) *form.Screen {
	f := form.New(c,
		form.TextField(fDate, true, c.T("bookui.hint_month")),
		form.TextField(fCash, true, c.T("bookui.hint_amount")),
		form.TextField(fBank, true, c.T("bookui.hint_amount")),
	)
	os, _ := c.Store.Openings()
	start := c.Today().Month()
	cash, bank := model.Money(0), model.Money(0)
	if o, ok := os[model.MoneyCash]; ok {
		start, cash = o.Date.Month(), o.Amount
	}
	if o, ok := os[model.MoneyBank]; ok {
		start, bank = min(start, o.Date.Month()), o.Amount
	}
	f.SetValue(fDate, start.String())
	f.SetValue(fCash, cash.String())
	f.SetValue(fBank, bank.String())
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems { _, ps := readOpenings(f); return ps }
	f.Revalidate()
	return form.NewScreen(c, st, c.T("bookui.openings_title"), f, func() tea.Cmd {
		os, _ := readOpenings(f)
		if err := c.Store.SetOpenings(c.OperatorName(), os); err != nil {
			return f.SaveError(err, openingFields)
		}
		st.Pop()
		cmds := []tea.Cmd{common.SetStatus(c.T("bookui.openings_saved", os[0].Date.String(), os[0].Amount.Display(), os[1].Amount.Display()), false),
			common.Changed(model.EntityOpening, 0)}
		if done != nil {
			cmds = append(cmds, done())
		}
		return tea.Batch(cmds...)
	}).WithIntro(c.T("bookui.openings_intro"))
}

// readOpenings reads the form: the month (its first day) and the two
// amounts, not below zero.
func readOpenings(f *form.Form) ([]model.OpeningBalance, model.Problems) {
	var ps model.Problems
	var date model.Date
	if v := strings.TrimSpace(f.Value(fDate)); v == "" {
		ps = append(ps, model.Problem{Field: fDate, Key: "problem.required"})
	} else if m, err := model.ParseMonth(v); err != nil {
		ps = append(ps, form.ProblemOf(fDate, err))
	} else {
		date = m.First()
	}
	amount := func(key string) model.Money {
		v := strings.TrimSpace(f.Value(key))
		if v == "" {
			ps = append(ps, model.Problem{Field: key, Key: "problem.required"})
			return 0
		}
		m, err := model.ParseMoney(v)
		switch {
		case err != nil:
			ps = append(ps, form.ProblemOf(key, err))
		case m < 0:
			ps = append(ps, model.Problem{Field: key, Key: "bookui.opening_negative"})
		}
		return m
	}
	cash, bank := amount(fCash), amount(fBank)
	return []model.OpeningBalance{
		{Money: model.MoneyCash, Date: date, Amount: cash},
		{Money: model.MoneyBank, Date: date, Amount: bank},
	}, ps
}
