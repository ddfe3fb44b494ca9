package dues

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// wageForm records a monthly wage base from a month on, for one member
// or, with unit set, for every member of a unit in one step: the dues are
// reckoned from it (monthly wage income only: bonuses, allowances and
// subsidies are not in it).
type wageForm struct {
	formFrame
	m    model.Member
	unit uint64 // every member of this unit, when not 0
}

func newWageForm(d *data, st *stack.Stack, m model.Member) *wageForm {
	return openWageForm(d, st, m, 0)
}

// newUnitWageForm gives every member of the unit the same base.
func newUnitWageForm(d *data, st *stack.Stack, unit uint64) *wageForm {
	return openWageForm(d, st, model.Member{}, unit)
}

func openWageForm(d *data, st *stack.Stack, m model.Member, unit uint64) *wageForm {
	c := d.c
	f := form.New(c,
		form.TextField("wage_from", true, c.T("hint.month")),
		form.TextField("wage_base", true, c.T("hint.wage")),
	)
	f.SetDefault("wage_from", c.Today().Month().String())
	if b := m.BaseFor(c.Today().Month()); b > 0 && unit == 0 {
		f.SetValue("wage_base", b.String())
	}
	w := &wageForm{m: m, unit: unit}
	title := c.T("dues.wage_title", m.Name, m.No)
	if unit != 0 {
		title = c.T("dues.unit_wage_title", d.unitName(unit))
	}
	w.open(d, st, f, title, fixed(c.T("dues.wage_hint")), func(f *form.Form) model.Problems { _, ps := w.read(f); return ps }, w.save)
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
	} else if err := wb.Base.Positive(); err != nil {
		ps = append(ps, form.ProblemOf("wage_base", err))
	}
	return wb, ps
}

func (w *wageForm) save() tea.Cmd {
	wb, _ := w.read(w.form)
	if w.unit != 0 {
		n, err := w.c.Store.UnitWageBase(w.c.OperatorName(), w.unit, wb)
		if err != nil {
			return w.form.SaveError(err, map[string]string{"": "wage_from"})
		}
		w.st.Pop()
		return tea.Batch(common.SetStatus(w.c.T("dues.unit_wage_ok", w.unitName(w.unit), n, wb.Base.Display(), wb.From.String()), false),
			common.Changed(model.EntityMember, 0))
	}
	m, err := w.c.Store.SetWageBase(w.c.OperatorName(), w.m.ID, wb)
	if err != nil {
		return w.form.SaveError(err, nil)
	}
	w.st.Pop()
	return tea.Batch(common.SetStatus(w.c.T("dues.wage_ok", m.Name, wb.Base.Display(), wb.From.String()), false),
		common.Changed(model.EntityMember, m.ID))
}

// View adds under the form what a wage base is.
func (w *wageForm) View() string {
	return w.Screen.View() + "\n\n" + w.c.Styles.Muted.Render(ansi.Wrap(w.wageRule(), max(w.width(), 20), ""))
}
