package report

import "unionbook/model"

// accountNames names the accounts of the books in the report's language:
// the chart of each year (read once) for income and expense accounts, the
// catalogue for the two money accounts.
type accountNames struct {
	c      *Context
	charts map[int]model.Chart
}

func newAccountNames(c *Context) *accountNames {
	return &accountNames{c: c, charts: map[int]model.Chart{}}
}

// of is the name of code in the chart of year; the code itself when the
// chart has no such account.
func (n *accountNames) of(year int, code string) string {
	switch code {
	case model.MoneyCash.Code():
		return n.money(model.MoneyCash)
	case model.MoneyBank.Code():
		return n.money(model.MoneyBank)
	}
	ch, ok := n.charts[year]
	if !ok {
		ch, _ = n.c.Store.ChartOf(year)
		n.charts[year] = ch
	}
	if a, ok := ch.Find(code); ok {
		if n.c.English() && a.NameEN != "" {
			return a.NameEN
		}
		return a.Name
	}
	return code
}

// money is the name of a money account (库存现金, 银行存款).
func (n *accountNames) money(m model.MoneyAccount) string {
	if m == model.MoneyBank {
		return n.c.T("report.account_bank")
	}
	return n.c.T("report.account_cash")
}
