package dues

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// wageForm records a member's monthly wage base from a month on: the dues
// are computed from it.
type wageForm struct {
	formFrame
	m model.Member
}

func newWageForm(d *data, st *stack.Stack, m model.Member) *wageForm {
	c := d.c
	f := form.New(c,
		form.TextField("wage_from", true, c.T("hint.month")),
		form.TextField("wage_base", true, c.T("hint.wage")),
	)
	f.SetValue("wage_from", c.Today().Month().String())
	if b := m.BaseFor(c.Today().Month()); b > 0 {
		f.SetValue("wage_base", b.String())
	}
	w := &wageForm{m: m}
	w.open(d, st, f, func(f *form.Form) model.Problems { _, ps := w.read(f); return ps })
	return w
}

func (w *wageForm) read(f *form.Form) (model.WageBase, model.Problems) {
	var ps model.Problems
	var wb model.WageBase
	var err error
	if wb.From, err = model.ParseMonth(f.Value("wage_from")); err != nil {
		ps = append(ps, form.ProblemOf("wage_from", err))
	}
	if wb.Base, err = model.ParseMoney(f.Value("wage_base")); err != nil {
		ps = append(ps, form.ProblemOf("wage_base", err))
	} else if wb.Base < 0 {
		ps = append(ps, model.Problem{Field: "wage_base", Key: "money.negative"})
	}
	return wb, ps
}

func (w *wageForm) Update(msg tea.Msg) tea.Cmd { return w.answer(msg, w.save) }

func (w *wageForm) save() tea.Cmd {
	wb, _ := w.read(w.form)
	m, err := w.c.Store.SetWageBase(w.c.OperatorName(), w.m.ID, wb)
	if err != nil {
		return w.form.SaveError(err, nil)
	}
	w.st.Pop()
	return tea.Batch(common.SetStatus(w.c.T("dues.wage_ok", m.Name, wb.Base.Display(), wb.From.String()), false),
		common.Changed(model.EntityMember, m.ID))
}

func (w *wageForm) View() string {
	return w.view(w.c.T("dues.wage_title", w.m.Name, w.m.No), w.c.T("dues.wage_hint"))
}
