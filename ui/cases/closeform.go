package cases

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

const (
	fClosed    = "cs_closed"
	fOutcome   = "cs_outcome"
	fRecovered = "cs_recovered"
	fCloseNote = "cs_close_note"
)

// closeForm closes an open case: the day, the outcome (chosen, never
// assumed), the amount recovered for the workers and a note. The line
// under the title gives the amount in dispute, or, while the amount typed
// is above it, the warning; such an amount is saved all the same.
type closeForm struct {
	*form.Screen
	c    *common.Common
	st   *stack.Stack
	cs   model.Case
	form *form.Form
}

func newCloseForm(c *common.Common, st *stack.Stack, cs model.Case) *closeForm {
	cf := &closeForm{c: c, st: st, cs: cs}
	opts := make([]form.Option, len(model.CaseOutcomes))
	for i, o := range model.CaseOutcomes {
		opts[i] = form.Option{Label: c.T(o.Key()), Value: uint64(o)}
	}
	cf.form = form.New(c,
		form.TextField(fClosed, true, c.T("hint.date")),
		form.ChoiceField(fOutcome, true, opts),
		form.TextField(fRecovered, false, c.T("cases.hint_amount")),
		form.TextField(fCloseNote, false, c.T("cases.hint_close_note")),
	)
	cf.form.ClearChoice(fOutcome)
	cf.form.SetDefault(fClosed, c.Today().String())
	cf.form.SetValue(fCloseNote, cs.CloseNote) // a reopened case's, kept for this closing
	cf.form.MarkClean()
	cf.form.Validate = func(*form.Form) model.Problems { _, ps := cf.read(); return ps }
	cf.form.Revalidate()
	cf.Screen = form.NewScreen(c, st, c.T("cases.close_title", cs.ID), cf.form, cf.save)
	cf.intro()
	return cf
}

func (cf *closeForm) read() (model.CaseClosing, model.Problems) {
	var ps model.Problems
	k := model.CaseClosing{
		Date:      parseDate(cf.form, fClosed, true, &ps),
		Recovered: parseAmount(cf.form, fRecovered, &ps),
		Note:      cf.form.Value(fCloseNote),
	}
	o, _ := cf.form.Choice(fOutcome)
	k.Outcome = model.CaseOutcome(o)
	probe := cf.cs
	k.Apply(&probe)
	probe.Normalize()
	mps := model.ValidateCase(&probe, cf.c.Today())
	if k.Date == 0 {
		mps = nil // only the closing date's own problem, and the outcome's below
		if !k.Outcome.Valid() {
			mps = model.Problems{{Field: fOutcome, Key: "cases.outcome_required"}}
		}
	}
	return k, mergeProblems(ps, mps)
}

// intro sets the line under the title: the warning of an amount above the
// one in dispute, else that amount.
func (cf *closeForm) intro() {
	k, _ := cf.read()
	probe := cf.cs
	k.Apply(&probe)
	text := cf.c.T("cases.close_claimed", cf.cs.Claimed.Display())
	if w := model.CaseWarnings(&probe); len(w) > 0 {
		text = "! " + w[0].Message(cf.c.Lang)
	}
	cf.WithIntro(text)
}

func (cf *closeForm) Update(msg tea.Msg) tea.Cmd {
	if !isTyping(msg) {
		return nil
	}
	cmd := cf.Screen.Update(msg)
	cf.intro()
	return cmd
}

func (cf *closeForm) save() tea.Cmd {
	k, _ := cf.read()
	warn, err := cf.c.Store.CloseCase(cf.c.OperatorName(), cf.cs.ID, k)
	if err != nil {
		return cf.form.SaveError(err, nil)
	}
	cf.st.Pop()
	text := cf.c.T("cases.closed_status", cf.cs.ID, cf.c.T(k.Outcome.Key()), k.Recovered.Display())
	if len(warn) > 0 {
		text += "  " + warn.Localize(cf.c.Lang)
	}
	return tea.Batch(common.Changed(model.EntityCase, cf.cs.ID), common.SetStatus(text, len(warn) > 0))
}

// reasonKind says what a reason form does.
type reasonKind int

const (
	reasonVoid   reasonKind = iota // close as entered by mistake
	reasonReopen                   // open a closed case again
)

// newReasonForm asks the reason for closing a case as entered by mistake
// or for reopening it, and does it.
func newReasonForm(c *common.Common, st *stack.Stack, cs model.Case, kind reasonKind) *form.Screen {
	field, title, explain, done := "cs_void_reason", c.T("cases.void_title", cs.ID), c.T("cases.void_explain"), "cases.voided"
	if kind == reasonReopen {
		field, title, explain, done = "cs_reopen_reason", c.T("cases.reopen_title", cs.ID), c.T("cases.reopen_explain"), "cases.reopened"
	}
	f := form.New(c, form.TextField(field, true, c.T("cases.hint_reason")))
	f.Validate = func(f *form.Form) model.Problems {
		if model.CleanText(f.Value(field)) == "" {
			return model.Problems{{Field: field, Key: "problem.required"}}
		}
		return nil
	}
	f.Revalidate()
	save := func() tea.Cmd {
		var err error
		if kind == reasonReopen {
			err = c.Store.ReopenCase(c.OperatorName(), cs.ID, f.Value(field))
		} else {
			err = c.Store.VoidCase(c.OperatorName(), cs.ID, f.Value(field))
		}
		if err != nil {
			return f.SaveError(err, nil)
		}
		st.Pop()
		return tea.Batch(common.Changed(model.EntityCase, cs.ID), common.SetStatus(c.T(done, cs.ID), false))
	}
	return form.NewScreen(c, st, title, f, save).WithIntro(explain)
}
