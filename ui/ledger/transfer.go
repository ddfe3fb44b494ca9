package ledger

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// Field keys of the books' forms (labels "field.<key>").
const (
	fTrKind   = "books_transfer_kind"
	fTrDate   = "books_date"
	fTrAmount = "books_amount"
	fTrMemo   = "books_memo"
)

// transfer kinds: 存现 (cash into the bank) and 取现 (bank to cash).
const (
	trDeposit  = 1
	trWithdraw = 2
)

// newTransferForm records a transfer between the cash box and the bank:
// one record, both sides (存现 or 取现).
func newTransferForm(b *book, st *stack.Stack) *form.Screen {
	c := b.c
	f := form.New(c,
		form.ChoiceField(fTrKind, true, []form.Option{
			{Label: c.T("transfer.withdraw"), Value: trWithdraw},
			{Label: c.T("transfer.deposit"), Value: trDeposit},
		}),
		form.TextField(fTrDate, true, c.T("hint.date")),
		form.TextField(fTrAmount, true, c.T("cashbook.hint_amount")),
		form.TextField(fTrMemo, false, c.T("books_ui.hint_transfer_memo")),
	)
	f.SetChoice(fTrKind, trWithdraw)
	f.SetDefault(fTrDate, c.Today().String())
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems { _, ps := readTransfer(c, f); return ps }
	f.Revalidate()
	return form.NewScreen(c, st, c.T("books_ui.transfer_title"), f, func() tea.Cmd {
		t, _ := readTransfer(c, f)
		if err := c.Store.AddTransfer(c.OperatorName(), &t); err != nil {
			return f.SaveError(err, map[string]string{"date": fTrDate, "amount": fTrAmount, "memo": fTrMemo, "to_money": fTrKind, "from_money": fTrKind})
		}
		st.Pop()
		money, _ := c.Store.MoneyWarning(t.From, t.Date) // saved; a warning that cannot be read is left out
		return tea.Batch(b.postedStatus(c.T("books_ui.transfer_saved", t.VoucherNo, c.T(t.Key()), t.Amount.Display()), money),
			common.Changed(model.EntityTransfer, t.ID))
	}).WithIntro(c.T("books_ui.transfer_intro"))
}

func readTransfer(c *common.Common, f *form.Form) (model.Transfer, model.Problems) {
	var t model.Transfer
	var ps model.Problems
	if k, _ := f.Choice(fTrKind); k == trDeposit {
		t.From, t.To = model.MoneyCash, model.MoneyBank
	} else {
		t.From, t.To = model.MoneyBank, model.MoneyCash
	}
	t.Date = readDate(c, f, fTrDate, &ps)
	t.Amount = readAmount(f, fTrAmount, true, &ps)
	t.Memo = model.Clean(f.Value(fTrMemo))
	return t, ps
}

// readDate reads a required date not after today, as every date field
// reads (model.ReadDate: 2026-10-08, 2026.10.8, 2026年10月8日; a month
// alone is its first day).
func readDate(c *common.Common, f *form.Form, key string, ps *model.Problems) model.Date {
	return readDateOf(c, f, key, ps, false)
}

// readDateOf is readDate, a month alone standing for its last day when
// monthEnd is set (a bank statement's date).
func readDateOf(c *common.Common, f *form.Form, key string, ps *model.Problems, monthEnd bool) model.Date {
	v := strings.TrimSpace(f.Value(key))
	if v == "" {
		*ps = append(*ps, model.Problem{Field: key, Key: "problem.required"})
		return 0
	}
	d, monthOnly, err := model.ParseDateOrMonth(v)
	if err != nil {
		*ps = append(*ps, form.ProblemOf(key, err))
		return 0
	}
	if monthOnly && monthEnd {
		d = d.Month().Last()
	}
	if d > c.Today() {
		*ps = append(*ps, model.Problem{Field: key, Key: "problem.future"})
	}
	return d
}

// readAmount reads an amount: above zero when positive is set, otherwise
// not below zero.
func readAmount(f *form.Form, key string, positive bool, ps *model.Problems) model.Money {
	v := strings.TrimSpace(f.Value(key))
	if v == "" {
		*ps = append(*ps, model.Problem{Field: key, Key: "problem.required"})
		return 0
	}
	m, err := model.ParseMoney(v)
	switch {
	case err != nil:
		*ps = append(*ps, form.ProblemOf(key, err))
	case positive:
		if err := m.Positive(); err != nil {
			*ps = append(*ps, form.ProblemOf(key, err))
		}
	case m < 0:
		*ps = append(*ps, model.Problem{Field: key, Key: "money.negative"})
	}
	return m
}
