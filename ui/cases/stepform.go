package cases

import (
	"charm.land/bubbles/v2/key"
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

// stepForm adds a step to an open case (index -1) or changes step index.
type stepForm struct {
	common.ScreenBase
	c     *common.Common
	st    *stack.Stack
	cs    model.Case
	index int
	form  *form.Form
	w     int
}

func newStepForm(c *common.Common, st *stack.Stack, cs model.Case, index int) *stepForm {
	sf := &stepForm{c: c, st: st, cs: cs, index: index}
	opts := make([]form.Option, len(model.StepKinds))
	for i, k := range model.StepKinds {
		opts[i] = form.Option{Label: c.T(k.Key()), Value: uint64(k)}
	}
	sf.form = form.New(c,
		form.TextField(fStepDate, true, c.T("hint.date")),
		form.ChoiceField(fStepKind, true, opts),
		form.TextField(fStepWho, false, c.T("cases.hint_who")),
		form.TextField(fStepNote, false, c.T("cases.hint_note")),
	)
	if index >= 0 && index < len(cs.Steps) {
		s := cs.Steps[index]
		sf.form.SetValue(fStepDate, s.Date.String())
		sf.form.SetChoice(fStepKind, uint64(s.Kind))
		sf.form.SetValue(fStepWho, s.Who)
		sf.form.SetValue(fStepNote, s.Note)
	} else {
		sf.form.SetValue(fStepDate, c.Today().String())
		sf.form.SetValue(fStepWho, c.Operator)
		if len(cs.Steps) > 0 { // the usual next step after an investigation is mediation
			sf.form.SetChoice(fStepKind, uint64(model.StepMediate))
		}
	}
	sf.form.MarkClean()
	sf.form.Validate = func(*form.Form) model.Problems { _, ps := sf.read(); return ps }
	sf.form.Revalidate()
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

func (sf *stepForm) title() string {
	if sf.index >= 0 {
		return sf.c.T("cases.step_edit_title", sf.index+1, sf.cs.ID)
	}
	return sf.c.T("cases.step_new_title", sf.cs.ID, sf.cs.Received.String())
}

func (sf *stepForm) SetSize(w, h int)    { sf.w = w; sf.form.SetSize(w, max(1, h-2)) }
func (sf *stepForm) Capturing() bool     { return true }
func (sf *stepForm) Dirty() bool         { return sf.form.Dirty() }
func (sf *stepForm) View() string        { return formView(sf.c, sf.title(), sf.w, sf.form) }
func (sf *stepForm) Cursor() *tea.Cursor { return formCursor(sf.form) }

func (sf *stepForm) Update(msg tea.Msg) tea.Cmd {
	if !isTyping(msg) {
		return nil
	}
	act, cmd := sf.form.Update(msg)
	return sf.form.Answer(act, cmd, form.Answers{Cancel: sf.st.Pop, Save: sf.save})
}

func (sf *stepForm) save() tea.Cmd {
	s, _ := sf.read()
	var err error
	if sf.index >= 0 {
		err = sf.c.Store.UpdateCaseStep(sf.c.Operator, sf.cs.ID, sf.index, s)
	} else {
		err = sf.c.Store.AddCaseStep(sf.c.Operator, sf.cs.ID, s)
	}
	if err != nil {
		return sf.form.SaveError(err, nil)
	}
	sf.st.Pop()
	return tea.Batch(common.Changed(model.EntityCase, sf.cs.ID),
		common.SetStatus(sf.c.T("cases.step_saved", sf.c.T(s.Kind.Key()), s.Date.String()), false))
}

func (sf *stepForm) ShortHelp() []key.Binding { return formHelp(sf.c) }
func (sf *stepForm) FullHelp() [][]key.Binding {
	return [][]key.Binding{append(formHelp(sf.c), sf.c.Keys.Toggle)}
}
