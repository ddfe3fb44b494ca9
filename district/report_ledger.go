package district

import (
	"unionbook/model"
	"unionbook/storage"
	"unionbook/workbook"
)

// 收支表 and 收支明细: the income-and-expense statement of the period by
// account (sub-accounts under their parent), with the opening and closing
// balance, and every cash-book entry of the period with its running balance.

func writeLedger(rc *ReportContext, b *workbook.Book) ([]Figure, error) {
	lines, err := rc.Store.Statement(rc.Period.From, rc.Period.To)
	if err != nil {
		return nil, err
	}
	var opening model.Money
	err = rc.Store.ReadRecords(func(r *storage.Records) error {
		opening = r.BalanceBefore(rc.Period.From)
		return nil
	})
	if err != nil {
		return nil, err
	}
	en := rc.Lang.Code() == "en"
	t, err := b.Table(rc.T("export.s_statement"), rc.T("export.r_ledger"), []workbook.Column{
		{Header: rc.T("export.c_account"), Width: 10, ColKind: workbook.KText},
		{Header: rc.T("export.c_account_name"), Width: 30, ColKind: workbook.KText},
		{Header: rc.T("export.c_income"), Width: 15, ColKind: workbook.KMoney},
		{Header: rc.T("export.c_expense"), Width: 15, ColKind: workbook.KMoney},
	})
	if err != nil {
		return nil, err
	}
	if err := t.Row("", rc.T("export.opening_balance"), opening, nil); err != nil {
		return nil, err
	}
	for _, l := range lines {
		name := l.Account.Label(en)
		if model.IsSubAccount(l.Account.Code) {
			name = "    " + name
		}
		var in, out any
		if l.In != 0 || l.Account.Direction == model.In {
			in = l.In
		}
		if l.Out != 0 || l.Account.Direction == model.Out {
			out = l.Out
		}
		if err := t.Row(l.Account.Code, name, in, out); err != nil {
			return nil, err
		}
	}
	in, out := storage.StatementTotals(lines)
	if err := t.Total("", rc.T("export.total"), in, out); err != nil {
		return nil, err
	}
	closing := opening + in - out
	if err := t.Total("", rc.T("export.closing_balance"), closing, nil); err != nil {
		return nil, err
	}
	if err := t.Close(); err != nil {
		return nil, err
	}

	entries, err := rc.Store.Ledger(storage.LedgerFilter{From: rc.Period.First(), To: rc.Period.Last()})
	if err != nil {
		return nil, err
	}
	chart, err := rc.Store.Chart()
	if err != nil {
		return nil, err
	}
	t, err = b.Table(rc.T("export.s_entries"), rc.T("export.r_entries"), []workbook.Column{
		{Header: rc.T("export.c_date"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_voucher"), Width: 11, ColKind: workbook.KText},
		{Header: rc.T("export.c_direction"), Width: 6, ColKind: workbook.KText},
		{Header: rc.T("export.c_account"), Width: 8, ColKind: workbook.KText},
		{Header: rc.T("export.c_account_name"), Width: 20, ColKind: workbook.KText},
		{Header: rc.T("export.c_amount"), Width: 13, ColKind: workbook.KMoney},
		{Header: rc.T("export.c_counterparty"), Width: 20, ColKind: workbook.KText},
		{Header: rc.T("export.c_memo"), Width: 36, ColKind: workbook.KText},
		{Header: rc.T("export.c_reversal"), Width: 14, ColKind: workbook.KText},
		{Header: rc.T("export.c_balance"), Width: 14, ColKind: workbook.KMoney},
	})
	if err != nil {
		return nil, err
	}
	vouchers := map[uint64]string{}
	for _, e := range entries {
		vouchers[e.ID] = e.VoucherNo
	}
	for _, e := range entries {
		name := e.Account
		if a, ok := model.FindAccount(chart, e.Account); ok {
			name = a.Label(en)
		}
		rev := ""
		switch {
		case e.ReversalOf != 0:
			v := vouchers[e.ReversalOf]
			if v == "" {
				if o, err := rc.Store.LedgerEntry(e.ReversalOf); err == nil {
					v = o.VoucherNo
				}
			}
			rev = rc.T("export.reverses", v)
		case e.ReversedBy != 0:
			v := vouchers[e.ReversedBy]
			if v == "" {
				if o, err := rc.Store.LedgerEntry(e.ReversedBy); err == nil {
					v = o.VoucherNo
				}
			}
			rev = rc.T("export.reversed_by", v)
		}
		if err := t.Row(e.Date.String(), e.VoucherNo, rc.T(e.Direction.Key()), e.Account, name, e.Amount,
			e.Counterparty, e.Memo, rev, e.Balance); err != nil {
			return nil, err
		}
	}
	if err := t.Close(); err != nil {
		return nil, err
	}
	return []Figure{
		{Key: "opening_balance", Label: "export.f_opening", Kind: workbook.KMoney, Value: int64(opening)},
		{Key: "income", Label: "export.f_income", Kind: workbook.KMoney, Value: int64(in)},
		{Key: "expense", Label: "export.f_expense", Kind: workbook.KMoney, Value: int64(out)},
		{Key: "closing_balance", Label: "export.f_closing", Kind: workbook.KMoney, Value: int64(closing)},
		{Key: "entries", Label: "export.f_entries", Kind: workbook.KInt, Value: int64(len(entries))},
	}, nil
}
