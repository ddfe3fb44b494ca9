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

// reverseForm writes the reversal (冲正) of a manual entry: a new entry of
// the opposite amount, dated and with a reason. It opens over the entry's
// detail, where it goes back to.
type reverseForm struct {
	formFrame
	orig storage.LedgerLine
}

// whyNot says why l cannot be reversed here, or "" when it can.
func (b *book) whyNot(l storage.LedgerLine) string {
	switch {
	case l.Source.Kind != "":
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

func newReverseForm(b *book, st *stack.Stack, orig storage.LedgerLine) *reverseForm {
	c := b.c
	r := &reverseForm{orig: orig}
	f := form.New(c,
		form.TextField(fRevDate, true, c.T("hint.date")),
		form.TextField(fReason, true, c.T("cashbook.hint_reason")),
	)
	r.formFrame = formFrame{book: b, st: st, form: f}
	f.SetValue(fRevDate, c.Today().String())
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems { _, _, ps := r.read(f); return ps }
	f.Revalidate()
	f.FocusKey(fReason)
	return r
}

func (r *reverseForm) read(f *form.Form) (model.Date, string, model.Problems) {
	var ps model.Problems
	var date model.Date
	if v := f.Value(fRevDate); strings.TrimSpace(v) == "" {
		ps = append(ps, model.Problem{Field: fRevDate, Key: "problem.required"})
	} else if d, err := model.ParseDate(v); err != nil {
		ps = append(ps, form.ProblemOf(fRevDate, err))
	} else {
		date = d
		switch {
		case d > r.c.Today():
			ps = append(ps, model.Problem{Field: fRevDate, Key: "problem.future"})
		case d < r.orig.Date:
			ps = append(ps, model.Problem{Field: fRevDate, Key: "cashbook.reverse_before", Args: []any{r.orig.Date.String()}})
		}
	}
	reason := model.Clean(f.Value(fReason))
	if reason == "" {
		ps = append(ps, model.Problem{Field: fReason, Key: "problem.required"})
	}
	return date, reason, ps
}

func (r *reverseForm) Update(msg tea.Msg) tea.Cmd {
	act, cmd := r.form.Update(msg)
	return r.form.Answer(act, cmd, form.Answers{Cancel: r.st.Pop, Save: r.save})
}

func (r *reverseForm) save() tea.Cmd {
	date, reason, _ := r.read(r.form)
	rev, err := r.c.Store.ReverseLedgerEntry(r.operator(), r.orig.ID, date, reason)
	if err != nil {
		return r.form.SaveError(err, reverseFields)
	}
	r.st.Pop()
	return tea.Batch(common.SetStatus(r.c.T("cashbook.reversed", r.orig.VoucherNo, rev.VoucherNo), false),
		common.Changed(model.EntityLedger, rev.ID))
}

func (r *reverseForm) View() string {
	o := r.orig
	return r.view(r.c.T("cashbook.reverse_title_of", o.VoucherNo, r.dirName(o.Direction), o.Amount.Display()))
}
