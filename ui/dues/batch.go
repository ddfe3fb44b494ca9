package dues

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// batchForm starts a unit's monthly batch: the unit, the month, how and
// when it was paid. Saving it shows the preview of who owes the month,
// where the batch is recorded; nothing is written before.
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
		form.TextField("batch_month", true, c.T("hint.month")),
		form.ChoiceField("method", true, methodOptions(c)),
		form.TextField("date", true, c.T("hint.date")),
	)
	if unit != 0 {
		f.SetChoice("unit", unit)
	}
	f.SetValue("batch_month", c.Today().Month().String())
	f.SetChoice("method", uint64(model.PayPayroll))
	f.SetValue("date", c.Today().String())
	b := &batchForm{}
	b.open(d, st, f, func(f *form.Form) model.Problems { _, ps := b.read(f); return ps })
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
	if x.Month, err = model.ParseMonth(f.Value("batch_month")); err != nil {
		ps = append(ps, form.ProblemOf("batch_month", err))
	}
	mth, _ := f.Choice("method")
	x.Method = model.PayMethod(mth)
	if x.Date, err = model.ParseDate(f.Value("date")); err != nil {
		ps = append(ps, form.ProblemOf("date", err))
	} else if x.Date > b.c.Today() {
		ps = append(ps, model.Problem{Field: "date", Key: "problem.future"})
	}
	x.OneReceipt = b.prof.BatchOneReceipt
	return x, ps
}

func (b *batchForm) Update(msg tea.Msg) tea.Cmd { return b.answer(msg, b.next) }

// next shows who owes the month, in place of the form.
func (b *batchForm) next() tea.Cmd {
	x, _ := b.read(b.form)
	lines, err := b.c.Store.BatchPreview(x.UnitID, x.Month)
	if err != nil {
		return b.form.SaveError(err, nil)
	}
	x.Lines = lines
	return b.st.Replace(newPreview(b.data, b.st, x))
}

func (b *batchForm) View() string { return b.view(b.c.T("dues.batch_title"), b.c.T("dues.batch_hint")) }
