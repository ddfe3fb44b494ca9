package ledger

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// reverseFields maps the store's problem fields to the reversal form's keys.
var reverseFields = map[string]string{"date": fRevDate, "reason": fReason, "memo": fReason}

// whyNot says why l cannot be reversed here, or "" when it can.
func (b *book) whyNot(l storage.LedgerLine) string {
	switch {
	case !storage.ReversibleInCashBook(l.Source.Kind):
		return b.c.T("cashbook.reverse_at_source", b.sourceName(l.Source), b.sourceTab(l.Source))
	case l.ReversalOf != 0:
		return b.c.T("cashbook.reverse_reversal")
	case l.ReversedBy != 0:
		return b.c.T("cashbook.already_reversed", l.VoucherNo, b.voucher(l.ReversedBy))
	}
	return ""
}

// reverse opens the reversal of the entry under the list's cursor over
// its detail, or says why it cannot be reversed here.
func (l *list) reverse(id uint64) tea.Cmd {
	x, err := l.entryLine(id)
	if err != nil {
		return common.SetStatus(l.c.Err(err), true)
	}
	if why := l.whyNot(x); why != "" {
		return common.SetStatus(why, true)
	}
	return tea.Batch(l.st.Push(newDetail(l.book, l.st, id, l.selectID)), l.st.Push(newReverseForm(l.book, l.st, x)))
}

// reverse opens the reversal of the entry shown.
func (d *detail) reverse() tea.Cmd {
	if d.err != nil {
		return common.SetStatus(d.c.Err(d.err), true)
	}
	if why := d.whyNot(d.line); why != "" {
		return common.SetStatus(why, true)
	}
	return d.st.Push(newReverseForm(d.book, d.st, d.line))
}

// newReverseForm writes the reversal (冲正) of orig: a new entry of the
// opposite amount, dated and with a reason. It opens over the entry's
// detail, where it goes back to.
func newReverseForm(b *book, st *stack.Stack, orig storage.LedgerLine) *form.Screen {
	c := b.c
	f := form.New(c,
		form.TextField(fRevDate, true, c.T("hint.date")),
		form.TextField(fReason, true, c.T("cashbook.hint_reason")),
	)
	f.SetDefault(fRevDate, c.Today().String())
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems { _, _, ps := readReversal(c, f, orig.Date); return ps }
	f.Revalidate()
	f.FocusKey(fReason)
	title := c.T("cashbook.reverse_title_of", orig.VoucherNo, b.dirName(orig.Direction), orig.Amount.Display())
	return form.NewScreen(c, st, title, f, func() tea.Cmd {
		date, reason, _ := readReversal(c, f, orig.Date)
		rev, err := c.Store.ReverseEntry(c.OperatorName(), orig.ID, date, reason)
		if err != nil {
			return f.SaveError(err, reverseFields)
		}
		st.Pop()
		return tea.Batch(common.SetStatus(c.T("cashbook.reversed", orig.VoucherNo, rev.VoucherNo), false),
			common.Changed(model.EntityLedger, rev.ID))
	})
}

// readReversal reads the date and reason; the date may not be before the
// entry's own (orig) nor after today.
func readReversal(c *common.Common, f *form.Form, orig model.Date) (model.Date, string, model.Problems) {
	var ps model.Problems
	var date model.Date
	if v := f.Value(fRevDate); strings.TrimSpace(v) == "" {
		ps = append(ps, model.Problem{Field: fRevDate, Key: "problem.required"})
	} else if d, err := model.ReadDate(v); err != nil {
		ps = append(ps, form.ProblemOf(fRevDate, err))
	} else {
		date = d
		switch {
		case d > c.Today():
			ps = append(ps, model.Problem{Field: fRevDate, Key: "problem.future"})
		case d < orig:
			ps = append(ps, model.Problem{Field: fRevDate, Key: "cashbook.reverse_before", Args: []any{orig.String()}})
		}
	}
	reason := model.Clean(f.Value(fReason))
	if reason == "" {
		ps = append(ps, model.Problem{Field: fReason, Key: "problem.required"})
	}
	return date, reason, ps
}
