package ledger

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/search"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

const (
	fFundsUnit    = "books_funds_unit"
	fFundsFrom    = "books_funds_from"
	fFundsTo      = "books_funds_to"
	fFundsPayroll = "books_funds_payroll"
	fFundsRate    = "books_funds_rate"
	fPayDate      = "books_date"
	fPayPaid      = "books_funds_paid"
	fPayShare     = "books_funds_share"
	fPayMoney     = "books_money"
)

// newUnitFundsForm records what a unit owes in 工会经费 for a period: its
// payroll and the rate (2% unless the settings say otherwise).
func newUnitFundsForm(b *book, st *stack.Stack) *form.Screen {
	c := b.c
	units, _ := c.Store.Units()
	search.SortUnits(units)
	opts := make([]form.Option, len(units))
	for i, u := range units {
		opts[i] = form.Option{Label: u.Name, Value: u.ID}
	}
	p, _, _ := c.Store.Profile()
	f := form.New(c,
		form.PickField(fFundsUnit, true, opts),
		form.TextField(fFundsFrom, true, c.T("books_ui.hint_month")),
		form.TextField(fFundsTo, true, c.T("books_ui.hint_month")),
		form.TextField(fFundsPayroll, true, c.T("cashbook.hint_amount")),
		form.TextField(fFundsRate, true, c.T("books_ui.hint_percent")),
	)
	last := c.Today().Month().Add(-1)
	quarter := model.Month(last.Year()*100 + (last.MonthOfYear()-1)/3*3 + 1)
	f.SetDefault(fFundsFrom, quarter.String())
	f.SetDefault(fFundsTo, quarter.Add(2).String())
	f.SetValue(fFundsRate, percentText(p.Books.FundsRate()))
	f.MarkClean()
	read := func(f *form.Form) (model.UnitFunds, model.Problems) {
		var ps model.Problems
		var u model.UnitFunds
		if v, ok := f.Choice(fFundsUnit); ok && v != 0 {
			u.UnitID = v
		} else {
			ps = append(ps, model.Problem{Field: fFundsUnit, Key: "problem.required"})
		}
		u.From = readMonth(f, fFundsFrom, &ps)
		u.To = readMonth(f, fFundsTo, &ps)
		u.Payroll = readAmount(f, fFundsPayroll, true, &ps)
		u.RateBP = readPercent(f, fFundsRate, &ps)
		return u, ps
	}
	f.Validate = func(f *form.Form) model.Problems { _, ps := read(f); return ps }
	f.Revalidate()
	return form.NewScreen(c, st, c.T("books_ui.funds_record_title"), f, func() tea.Cmd {
		u, _ := read(f)
		if err := c.Store.AddUnitFunds(c.OperatorName(), &u); err != nil {
			return f.SaveError(err, map[string]string{"unit": fFundsUnit, "funds_from": fFundsFrom, "funds_to": fFundsTo,
				"payroll": fFundsPayroll, "funds_rate": fFundsRate, "memo": fFundsPayroll})
		}
		st.Pop()
		return tea.Batch(common.SetStatus(c.T("books_ui.funds_saved", u.Due.Display()), false), common.Changed(model.EntityFunds, u.ID))
	})
}

// newFundsPaymentForm records a payment of a record: what the unit paid
// (what is still due unless changed) and the share of it that reached
// this federation, posted to 402 on the money account it arrived in.
func newFundsPaymentForm(b *book, st *stack.Stack, r storage.FundsRow) *form.Screen {
	c := b.c
	p, _, _ := c.Store.Profile()
	f := form.New(c,
		form.TextField(fPayDate, true, c.T("hint.date")),
		form.TextField(fPayPaid, true, c.T("cashbook.hint_amount")),
		form.TextField(fPayShare, true, c.T("books_ui.hint_percent")),
		form.ChoiceField(fPayMoney, true, b.moneyOptions()),
	)
	f.SetDefault(fPayDate, c.Today().String())
	f.SetValue(fPayPaid, r.Outstanding().String())
	f.SetValue(fPayShare, percentText(p.Books.ShareOf(r.Funds.UnitID)))
	f.SetChoice(fPayMoney, uint64(model.MoneyBank))
	f.MarkClean()
	read := func(f *form.Form) (model.FundsPayment, model.Problems) {
		var ps model.Problems
		x := model.FundsPayment{FundsID: r.Funds.ID}
		x.Date = readDate(c, f, fPayDate, &ps)
		x.Paid = readAmount(f, fPayPaid, true, &ps)
		x.ShareBP = readPercent(f, fPayShare, &ps)
		x.Received = model.MulBP(x.Paid, x.ShareBP)
		m, _ := f.Choice(fPayMoney)
		x.Money = model.MoneyAccount(m)
		return x, ps
	}
	f.Validate = func(f *form.Form) model.Problems { _, ps := read(f); return ps }
	f.Revalidate()
	title := c.T("books_ui.funds_pay_title", r.UnitName, periodText(r.Funds.From, r.Funds.To))
	return form.NewScreen(c, st, title, f, func() tea.Cmd {
		x, _ := read(f)
		if err := c.Store.PayFunds(c.OperatorName(), &x); err != nil {
			return f.SaveError(err, map[string]string{"date": fPayDate, "paid": fPayPaid, "funds_share": fPayShare,
				"received": fPayShare, "money": fPayMoney})
		}
		st.Pop()
		return tea.Batch(b.postedStatus(c.T("books.funds_paid", x.Paid.Display(), x.Received.Display(), c.T(x.Money.Key())), r.OverpaidBy(x.Paid)),
			common.Changed(model.EntityFundsPay, x.ID))
	}).WithIntro(c.T("books_ui.funds_pay_intro", r.Funds.Due.Display(), r.Paid.Display()))
}

// readMonth reads a required month.
func readMonth(f *form.Form, key string, ps *model.Problems) model.Month {
	v := strings.TrimSpace(f.Value(key))
	if v == "" {
		*ps = append(*ps, model.Problem{Field: key, Key: "problem.required"})
		return 0
	}
	m, err := model.ParseMonth(v)
	if err != nil {
		*ps = append(*ps, form.ProblemOf(key, err))
	}
	return m
}

// readPercent reads "2", "2%" or "60.5" as basis points, 0–100%.
func readPercent(f *form.Form, key string, ps *model.Problems) int {
	v := strings.TrimSuffix(strings.TrimSpace(f.Value(key)), "%")
	m, err := model.ParseMoney(v)
	if v == "" || err != nil || m < 0 || m > 10000 {
		*ps = append(*ps, model.Problem{Field: key, Key: "books.bp_range"})
		return 0
	}
	return int(m)
}

// percentText shows basis points as a percentage for a field: 200 is "2",
// 6050 is "60.5".
func percentText(bp int) string {
	s := fmt.Sprintf("%d.%02d", bp/100, bp%100)
	return strings.TrimSuffix(strings.TrimSuffix(strings.TrimRight(s, "0"), "."), ".")
}
