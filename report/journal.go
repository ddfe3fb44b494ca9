package report

import (
	"unionbook/model"
	"unionbook/workbook"
)

// 现金日记账 and 银行存款日记账: every line of one money account in date order
// with its balance, opened by the balance brought forward (上年结转 at the
// start of a year, 期初余额 otherwise), closed each month by 本月合计 and
// 本年累计, and at the end of a year by 结转下年.

// journalTitle is the catalogue key of a money account's journal.
func journalTitle(m model.MoneyAccount) string {
	if m == model.MoneyBank {
		return "report.journal_bank"
	}
	return "report.journal_cash"
}

func writeJournal(c *Context, b *workbook.Book) error {
	from, to := c.Period.First(), c.Period.Last()
	jan1 := model.Month(from.Year()*100 + 1).First()
	// Read from the first of January so that 本年累计 counts the months
	// before the period too.
	j, err := c.Store.Journal(c.Money, jan1, to)
	if err != nil {
		return err
	}
	title := c.T(journalTitle(c.Money))
	t, err := b.TableWith(title, title, []workbook.Column{
		{Header: c.T("report.c_date"), Width: 11},
		{Header: c.T("report.c_voucher"), Width: 10},
		{Header: c.T("report.c_summary"), Width: 34},
		{Header: c.T("report.c_other_account"), Width: 22},
		{Header: c.T("report.c_in"), Width: 13, ColKind: workbook.KMoney},
		{Header: c.T("report.c_out"), Width: 13, ColKind: workbook.KMoney},
		{Header: c.T("report.c_balance"), Width: 14, ColKind: workbook.KMoney},
	}, workbook.TableOptions{Portrait: true, Sub: c.T("report.sub_account", c.Union, c.PeriodLine(), c.Money.Code()+" "+c.T(c.Money.Key()))})
	if err != nil {
		return err
	}
	// Books that start inside the period begin with their opening balance:
	// no balance brought forward from before them, no empty months.
	if j.OpeningDate > from && j.OpeningDate <= to {
		from = j.OpeningDate.Month().First()
	}
	names := newAccountNames(c)
	// The balance brought into the period, and the year's sums before it.
	bal := j.Opening
	var yearIn, yearOut model.Money
	var shown []int // indexes of the lines in the period
	for i, l := range j.Lines {
		if l.Date < from {
			if !l.IsOpening {
				yearIn, yearOut = yearIn+l.In, yearOut+l.Out
			}
			bal = l.Balance
			continue
		}
		shown = append(shown, i)
	}
	// The opening balance set on the period's first day is its first line;
	// otherwise the balance is brought forward.
	if len(shown) == 0 || !j.Lines[shown[0]].IsOpening {
		opening := c.T("report.brought_forward")
		if from.MonthOfYear() == 1 && from.Day() == 1 {
			opening = c.T("report.carried_from_last_year")
		}
		if err := t.Row(from.String(), "", opening, "", nil, nil, bal); err != nil {
			return err
		}
	}
	monthIn, monthOut := model.Money(0), model.Money(0)
	month := from.Month()
	closeMonth := func(mo model.Month) error {
		yearIn, yearOut = yearIn+monthIn, yearOut+monthOut
		if err := t.Total(mo.Last().String(), "", c.T("report.month_total"), "", monthIn, monthOut, bal); err != nil {
			return err
		}
		if err := t.Total(mo.Last().String(), "", c.T("report.year_total"), "", yearIn, yearOut, bal); err != nil {
			return err
		}
		monthIn, monthOut = 0, 0
		return nil
	}
	for _, i := range shown {
		l := j.Lines[i]
		for l.Date.Month() > month {
			if err := closeMonth(month); err != nil {
				return err
			}
			month = month.Add(1)
		}
		bal = l.Balance
		if l.IsOpening {
			if err := t.Row(l.Date.String(), "", c.T("report.opening_balance"), "", nil, nil, bal); err != nil {
				return err
			}
			continue
		}
		monthIn, monthOut = monthIn+l.In, monthOut+l.Out
		var in, out any
		if l.In != 0 {
			in = l.In
		}
		if l.Out != 0 {
			out = l.Out
		}
		summary := l.SummaryText(c.T)
		if l.Counterparty != "" && summary == "" {
			summary = l.Counterparty
		}
		if err := t.Row(l.Date.String(), l.VoucherNo, summary, l.Account+" "+names.of(l.Date.Year(), l.Account), in, out, bal); err != nil {
			return err
		}
	}
	for ; month <= c.Period.To; month = month.Add(1) {
		if err := closeMonth(month); err != nil {
			return err
		}
	}
	if c.Period.To.MonthOfYear() == 12 {
		if err := t.Total(to.String(), "", c.T("report.carried_to_next_year"), "", nil, nil, bal); err != nil {
			return err
		}
	}
	if err := t.Signatures(c.SignatureLabels(), c.SignatureNames()); err != nil {
		return err
	}
	return t.Close()
}
