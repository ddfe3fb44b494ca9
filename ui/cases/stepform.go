package cases

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

const (
	fStepDate = "cs_step_date"
	fStepKind = "cs_step_kind"
	fStepWho  = "cs_step_who"
	fStepNote = "cs_step_note"
)

// stepForm adds a step to an open case (index -1) or changes step index:
// a form.Screen over the step's fields.
type stepForm struct {
	*form.Screen
	c     *common.Common
	st    *stack.Stack
	cs    model.Case
	index int
	form  *form.Form
}

func newStepForm(c *common.Common, st *stack.Stack, cs model.Case, index int) *stepForm {
	sf := &stepForm{c: c, st: st, cs: cs, index: index}
	opts := make([]form.Option, len(model.StepKinds))
	for i, k := range model.StepKinds {
		opts[i] = form.Option{Label: c.T(k.Key()), Value: uint64(k)}
	}
	f := form.New(c,
		form.TextField(fStepDate, true, c.T("hint.date")),
		form.ChoiceField(fStepKind, true, opts),
		form.TextField(fStepWho, false, c.T("cases.hint_who")),
		form.TextField(fStepNote, false, c.T("cases.hint_note")),
	)
	sf.form = f
	title := c.T("cases.step_new_title", cs.ID, cs.Received.String())
	if index >= 0 && index < len(cs.Steps) {
		s := cs.Steps[index]
		f.SetValue(fStepDate, s.Date.String())
		f.SetChoice(fStepKind, uint64(s.Kind))
		f.SetValue(fStepWho, s.Who)
		f.SetValue(fStepNote, s.Note)
		title = c.T("cases.step_edit_title", index+1, cs.ID)
	} else {
		f.SetDefault(fStepDate, c.Today().String())
		f.SetDefault(fStepWho, c.OperatorName())
		if len(cs.Steps) > 0 { // the usual next step after an investigation is mediation
			f.SetChoice(fStepKind, uint64(model.StepMediate))
		}
	}
	f.MarkClean()
	f.Validate = func(*form.Form) model.Problems { _, ps := sf.read(); return ps }
	f.Revalidate()
	sf.Screen = form.NewScreen(c, st, title, f, sf.save)
	return sf
}

func (sf *stepForm) read() (model.CaseStep, model.Problems) {
	var ps model.Problems
	s := model.CaseStep{Date: parseDate(sf.form, fStepDate, true, &ps), Who: sf.form.Value(fStepWho), Note: sf.form.Value(fStepNote)}
	k, _ := sf.form.Choice(fStepKind)
	s.Kind = model.StepKind(k)
	probe := s
	probe.Normalize()
	return s, mergeProblems(ps, model.ValidateCaseStep(&probe, &sf.cs, sf.c.Today()))
}

func (sf *stepForm) save() tea.Cmd {
	s, _ := sf.read()
	var err error
	if sf.index >= 0 {
		err = sf.c.Store.UpdateCaseStep(sf.c.OperatorName(), sf.cs.ID, sf.index, s)
	} else {
		err = sf.c.Store.AddCaseStep(sf.c.OperatorName(), sf.cs.ID, s)
	}
	if err != nil {
		return sf.form.SaveError(err, nil)
	}
	sf.st.Pop()
	return tea.Batch(common.Changed(model.EntityCase, sf.cs.ID),
		common.SetStatus(sf.c.T("cases.step_saved", sf.c.T(s.Kind.Key()), s.Date.String()), false))
}
