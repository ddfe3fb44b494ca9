package dues

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// reverseForm reverses (冲正) a payment: the month is owed again, and the
// cash book gets the opposite entry.
type reverseForm struct {
	formFrame
	pay model.DuesPayment
}

func newReverseForm(d *data, st *stack.Stack, pay model.DuesPayment) *reverseForm {
	c := d.c
	f := form.New(c,
		form.TextField("date", true, c.T("hint.date")),
		form.TextField("reason", true, c.T("hint.reverse_reason")),
	)
	f.SetDefault("date", c.Today().String())
	r := &reverseForm{pay: pay}
	r.open(d, st, f, c.T("dues.reverse_title", pay.ReceiptNo), fixed(c.T("dues.reverse_hint", pay.Amount.Display(), pay.From.String(), pay.To.String())),
		r.validate, r.save)
	return r
}

func (r *reverseForm) validate(f *form.Form) model.Problems {
	var ps model.Problems
	if d, err := model.ParseDate(f.Value("date")); err != nil {
		ps = append(ps, form.ProblemOf("date", err))
	} else if d > r.c.Today() {
		ps = append(ps, model.Problem{Field: "date", Key: "problem.future"})
	}
	if strings.TrimSpace(f.Value("reason")) == "" {
		ps = append(ps, model.Problem{Field: "reason", Key: "problem.required"})
	}
	return ps
}

func (r *reverseForm) save() tea.Cmd {
	d, _ := model.ParseDate(r.form.Value("date"))
	rev, err := r.c.Store.ReversePayment(r.c.OperatorName(), r.pay.ID, d, r.form.Value("reason"))
	if err != nil {
		return r.form.SaveError(err, nil)
	}
	r.st.Pop()
	return tea.Batch(common.SetStatus(r.c.T("dues.reversed_ok", r.pay.ReceiptNo), false), common.Changed(model.EntityPayment, rev.ID))
}
