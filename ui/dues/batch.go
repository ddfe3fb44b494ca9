package dues

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// batchForm starts a unit's batch: the unit, the months (one, a quarter, a
// year), how and when it was paid. Saving it shows the preview of who
// owes what in those months, where the batch is recorded; nothing is
// written before.
type batchForm struct {
	formFrame
}

// openBatch opens the batch form, with unit chosen when it is not 0.
func openBatch(d *data, st *stack.Stack, unit uint64) tea.Cmd {
	units, err := d.c.Store.Units()
	if err != nil {
		return common.SetStatus(d.c.Err(err), true)
	}
	c := d.c
	opts := make([]form.Option, len(units))
	for i, u := range units {
		opts[i] = form.Option{Label: u.Name, Value: u.ID}
	}
	f := form.New(c,
		form.PickField("unit", true, opts),
		form.TextField("batch_from", true, c.T("hint.month")),
		form.TextField("batch_to", true, c.T("hint.month_to")),
		form.ChoiceField("method", true, methodOptions(c)),
		form.TextField("date", true, c.T("hint.date")),
	)
	if unit != 0 {
		f.SetChoice("unit", unit)
	}
	f.SetDefault("batch_from", c.Today().Month().String())
	f.SetDefault("batch_to", c.Today().Month().String())
	f.SetChoice("method", uint64(model.PayPayroll))
	f.SetDefault("date", c.Today().String())
	b := &batchForm{}
	b.open(d, st, f, c.T("dues.batch_title"), fixed(c.T("dues.batch_hint")), func(f *form.Form) model.Problems { _, ps := b.read(f); return ps }, b.next)
	return st.Push(b)
}

func (b *batchForm) read(f *form.Form) (storage.DuesBatch, model.Problems) {
	var ps model.Problems
	var x storage.DuesBatch
	var ok bool
	var err error
	if x.UnitID, ok = f.Choice("unit"); !ok {
		ps = append(ps, model.Problem{Field: "unit", Key: "problem.required"})
	}
	if x.From, err = model.ParseMonth(f.Value("batch_from")); err != nil {
		ps = append(ps, form.ProblemOf("batch_from", err))
	}
	if x.To, err = model.ParseMonth(f.Value("batch_to")); err != nil {
		ps = append(ps, form.ProblemOf("batch_to", err))
	}
	if len(ps) == 0 {
		ps = append(ps, model.CheckMonths(x.From, x.To, "batch_from", "batch_to")...)
	}
	mth, _ := f.Choice("method")
	x.Method = model.PayMethod(mth)
	if x.Date, err = model.ParseDate(f.Value("date")); err != nil {
		ps = append(ps, form.ProblemOf("date", err))
	} else {
		ps = append(ps, model.CheckBatchFields(x.Date, x.Method, b.c.Today())...)
	}
	x.OneReceipt = b.prof.BatchOneReceipt
	return x, ps
}

// next shows who owes the months, in place of the form.
func (b *batchForm) next() tea.Cmd {
	x, _ := b.read(b.form)
	plan, err := b.c.Store.BatchPreview(x.UnitID, x.From, x.To)
	var bp *storage.BatchProblems
	if errors.As(err, &bp) {
		return b.form.SaveError(bp.Problems, nil)
	}
	if err != nil {
		return b.form.SaveError(err, nil)
	}
	x.Lines = plan.Lines
	return b.st.Replace(newPreview(b.data, b.st, x, plan))
}
