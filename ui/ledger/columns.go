package ledger

import (
	"github.com/charmbracelet/x/ansi"

	"unionbook/ui/widget"
)

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

// counterpartyMax caps the counterparty column when it grows to show
// whole names: a unit's full name can be longer than any screen.
const counterpartyMax = 24

// columns are the list's columns that fit width w, with their ids. Date,
// voucher, account, direction, amount, balance and counterparty always
// show; then, while they fit, the reversal flag (from about 90 cells), the
// memo (from about 96: every screen of 100 shows it), the counterparty
// wide enough for the longest shown (from 100 cells, up to 24: whole names
// at 120) and the source.
func (l *list) columns(w int) ([]widget.Column, []int) {
	b := l.book
	type col struct {
		id  int
		col widget.Column
	}
	cols := []col{
		{colDate, widget.Column{Title: b.c.T("cashbook.col_date"), Width: 10}},
		{colVoucher, widget.Column{Title: b.c.T("cashbook.col_voucher"), Width: 10}},
		{colAccount, widget.Column{Title: b.c.T("cashbook.col_account"), Width: 14, Flex: 2}},
		{colDir, widget.Column{Title: b.c.T("cashbook.col_dir"), Width: b.widest(2, "cashbook.col_dir", "cashbook.dir_in", "cashbook.dir_out")}},
		{colAmount, widget.Column{Title: b.c.T("cashbook.col_amount"), Width: 11, AlignRight: true}},
		{colBalance, widget.Column{Title: b.c.T("cashbook.col_balance"), Width: 12, AlignRight: true}},
		{colCounterparty, widget.Column{Title: b.c.T("cashbook.col_counterparty"), Width: 8, Flex: 1}},
	}
	fits := func(cs []col) bool {
		ws := make([]widget.Column, len(cs))
		for i, c := range cs {
			ws[i] = c.col
		}
		return widget.MinWidth(ws) <= w
	}
	// try adds c (before the flag, which stays last) when it fits.
	try := func(c col) {
		next := append([]col(nil), cols...)
		at := len(next)
		if at > 0 && next[at-1].id == colFlag {
			at--
		}
		next = append(next[:at], append([]col{c}, next[at:]...)...)
		if fits(next) {
			cols = next
		}
	}
	try(col{colFlag, widget.Column{Title: b.c.T("cashbook.col_flag"), Width: b.widest(2, "cashbook.col_flag", "cashbook.flag_reversal", "cashbook.flag_reversed")}})
	try(col{colMemo, widget.Column{Title: b.c.T("cashbook.col_memo"), Width: 10, Flex: 2}})
	// On a narrow screen the account's name keeps its share: the
	// counterparty grows whole only from 100 cells.
	if full := min(counterpartyMax, l.widestCounterparty()); full > 8 && w >= 100 {
		for i := range cols {
			if cols[i].id == colCounterparty {
				wide := append([]col(nil), cols...)
				wide[i].col.Width = full
				if fits(wide) {
					cols = wide
				}
			}
		}
	}
	try(col{colSource, widget.Column{Title: b.c.T("cashbook.col_source"), Width: min(10, b.widest(4, "cashbook.col_source", "cashbook.src_manual", "cashbook.src_dues", "cashbook.src_dues_batch", "cashbook.src_aid", "cashbook.src_event"))}})

	out := make([]widget.Column, len(cols))
	ids := make([]int, len(cols))
	for i, c := range cols {
		out[i], ids[i] = c.col, c.id
	}
	return out, ids
}

// widestCounterparty is the width of the longest counterparty shown.
func (l *list) widestCounterparty() int {
	w := 0
	for _, i := range l.view {
		w = max(w, ansi.StringWidth(l.lines[i].Counterparty))
	}
	return w
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
