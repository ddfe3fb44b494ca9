package report

import (
	"cmp"
	"slices"

	"unionbook/model"
	"unionbook/workbook"
)

// 记账凭证: one voucher for each cash-book entry and transfer of the period,
// in number order, three to an A4 page: its date and number, and the two
// sides of the booking (借 debit, 贷 credit): money in debits the money
// account and credits the income account, money out debits the expense
// account and credits the money account, a transfer debits the account
// the money went to. A reversal (红字冲正) has negative amounts.

// voucher is one voucher to print.
type voucher struct {
	no, summary   string
	date          model.Date
	debit, credit [2]string // code, name
	amount        model.Money
}

func writeVouchers(c *Context, b *workbook.Book) error {
	es, ts, err := c.Store.LedgerEntries(c.Period.First(), c.Period.Last())
	if err != nil {
		return err
	}
	names := newAccountNames(c)
	moneyName := func(m model.MoneyAccount) [2]string { return [2]string{m.Code(), names.money(m)} }
	var vs []voucher
	for _, e := range es {
		v := voucher{no: e.VoucherNo, date: e.Date, amount: e.Amount, summary: e.Memo}
		if v.summary == "" {
			v.summary = e.Counterparty
		}
		acct := [2]string{e.Account, names.of(e.Date.Year(), e.Account)}
		if e.Direction == model.Out {
			v.debit, v.credit = acct, moneyName(e.Money)
		} else {
			v.debit, v.credit = moneyName(e.Money), acct
		}
		vs = append(vs, v)
	}
	for _, tr := range ts {
		vs = append(vs, voucher{no: tr.VoucherNo, date: tr.Date, amount: tr.Amount,
			summary: model.TransferSummary(c.T, tr.To == model.MoneyBank, tr.ReversalOf != 0, tr.Memo),
			debit:   moneyName(tr.To), credit: moneyName(tr.From)})
	}
	slices.SortFunc(vs, func(a, b voucher) int { return cmp.Compare(a.no, b.no) })

	title := c.T("report.vouchers")
	t, err := b.TableWith(title, title, []workbook.Column{
		{Header: c.T("report.c_summary"), Width: 34},
		{Header: c.T("report.c_code"), Width: 9},
		{Header: c.T("report.c_account"), Width: 20},
		{Header: c.T("report.c_debit"), Width: 14, ColKind: workbook.KMoney},
		{Header: c.T("report.c_credit"), Width: 14, ColKind: workbook.KMoney},
	}, workbook.TableOptions{Portrait: true, NoHeader: true, Sub: c.T("report.sub_vouchers", c.Union, c.PeriodLine(), len(vs))})
	if err != nil {
		return err
	}
	if len(vs) == 0 {
		if err := t.Text(c.T("report.no_vouchers"), false, false); err != nil {
			return err
		}
	}
	for i, v := range vs {
		if i > 0 && i%3 == 0 {
			if err := t.PageBreak(); err != nil {
				return err
			}
		}
		if err := t.Text(c.T("report.voucher_title"), true, true); err != nil {
			return err
		}
		if err := t.Cells(c.T("report.voucher_union", c.Union), "", c.T("report.voucher_date", v.date.String()), "", c.T("report.voucher_no", v.no)); err != nil {
			return err
		}
		if err := t.Header(); err != nil {
			return err
		}
		if err := t.Row(v.summary, v.debit[0], v.debit[1], v.amount, nil); err != nil {
			return err
		}
		if err := t.Row("", v.credit[0], v.credit[1], nil, v.amount); err != nil {
			return err
		}
		if err := t.Total(c.T("report.total"), "", "", v.amount, v.amount); err != nil {
			return err
		}
		if err := t.Signatures(c.SignatureLabels(), c.SignatureNames()); err != nil {
			return err
		}
		if err := t.Blank(); err != nil {
			return err
		}
	}
	return t.Close()
}
