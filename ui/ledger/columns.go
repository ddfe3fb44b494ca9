package ledger

import "unionbook/ui/widget"

// Column ids of the list; which of them show depends on the width.
const (
	colDate = iota
	colVoucher
	colAccount
	colDir
	colAmount
	colBalance
	colCounterparty
	colMemo
	colSource
	colFlag
)

// columns are the list's columns that fit width w, with their ids: the
// memo and source from 110 cells, the reversal flag from 96.
func (b *book) columns(w int) ([]widget.Column, []int) {
	all := []struct {
		id  int
		col widget.Column
	}{
		{colDate, widget.Column{Title: b.c.T("cashbook.col_date"), Width: 10}},
		{colVoucher, widget.Column{Title: b.c.T("cashbook.col_voucher"), Width: 10}},
		{colAccount, widget.Column{Title: b.c.T("cashbook.col_account"), Width: 14, Flex: 2}},
		{colDir, widget.Column{Title: b.c.T("cashbook.col_dir"), Width: b.widest(2, "cashbook.col_dir", "cashbook.dir_in", "cashbook.dir_out")}},
		{colAmount, widget.Column{Title: b.c.T("cashbook.col_amount"), Width: 11, AlignRight: true}},
		{colBalance, widget.Column{Title: b.c.T("cashbook.col_balance"), Width: 12, AlignRight: true}},
		{colCounterparty, widget.Column{Title: b.c.T("cashbook.col_counterparty"), Width: 8, Flex: 1}},
		{colMemo, widget.Column{Title: b.c.T("cashbook.col_memo"), Width: 10, Flex: 2}},
		{colSource, widget.Column{Title: b.c.T("cashbook.col_source"), Width: min(10, b.widest(4, "cashbook.col_source", "cashbook.src_manual", "cashbook.src_dues", "cashbook.src_dues_batch", "cashbook.src_aid", "cashbook.src_event"))}},
		{colFlag, widget.Column{Title: b.c.T("cashbook.col_flag"), Width: b.widest(2, "cashbook.col_flag", "cashbook.flag_reversal", "cashbook.flag_reversed")}},
	}
	var cols []widget.Column
	var ids []int
	for _, a := range all {
		if (a.id == colMemo || a.id == colSource) && w < 110 || a.id == colFlag && w < 96 {
			continue
		}
		cols = append(cols, a.col)
		ids = append(ids, a.id)
	}
	return cols, ids
}

func (l *list) refreshTable() {
	cols, ids := l.columns(l.w)
	l.table.SetColumns(cols)
	l.table.SetRows(len(l.view), func(row, col int) string {
		x := l.lines[l.view[row]]
		switch ids[col] {
		case colDate:
			return x.Date.String()
		case colVoucher:
			return x.VoucherNo
		case colAccount:
			return l.accountLabel(x.Account)
		case colDir:
			return l.dirName(x.Direction)
		case colAmount:
			return x.Amount.Display()
		case colBalance:
			return x.Balance.Display()
		case colCounterparty:
			return x.Counterparty
		case colMemo:
			return x.Memo
		case colSource:
			return l.sourceName(x.Source)
		case colFlag:
			return l.flag(x)
		}
		return ""
	})
}
