package cases

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

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
// assumed), the amount recovered for the workers and a note. An amount
// above the amount in dispute shows a warning while typed and is saved.
type closeForm struct {
	common.ScreenBase
	c    *common.Common
	st   *stack.Stack
	cs   model.Case
	form *form.Form
	w    int
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
	cf.form.SetValue(fClosed, c.Today().String())
	cf.form.MarkClean()
	cf.form.Validate = func(*form.Form) model.Problems { _, ps := cf.read(); return ps }
	cf.form.Revalidate()
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

// warning is the live warning of the amount recovered ("" for none).
func (cf *closeForm) warning() string {
	k, _ := cf.read()
	probe := cf.cs
	k.Apply(&probe)
	if w := model.CaseWarnings(&probe); len(w) > 0 {
		return "! " + w[0].Message(cf.c.Lang)
	}
	return ""
}

func (cf *closeForm) SetSize(w, h int)    { cf.w = w; cf.form.SetSize(w, max(1, h-3)) }
func (cf *closeForm) Capturing() bool     { return true }
func (cf *closeForm) Dirty() bool         { return cf.form.Dirty() }
func (cf *closeForm) Cursor() *tea.Cursor { c := formCursor(cf.form); moveDown(c); return c }

func moveDown(c *tea.Cursor) {
	if c != nil {
		c.Y++
	}
}

func (cf *closeForm) View() string {
	st := cf.c.Styles
	title := st.Title.Render(cf.c.T("cases.close_title", cf.cs.ID)) + "  " +
		st.Muted.Render(cf.c.T("cases.close_claimed", cf.cs.Claimed.Display()))
	warn := ""
	if w := cf.warning(); w != "" {
		warn = st.Warning.Render(ansi.Truncate(w, cf.w, "~"))
	}
	return ansi.Truncate(title, cf.w, "~") + "\n" + warn + "\n\n" + cf.form.View()
}

func (cf *closeForm) Update(msg tea.Msg) tea.Cmd {
	if !isTyping(msg) {
		return nil
	}
	act, cmd := cf.form.Update(msg)
	return cf.form.Answer(act, cmd, form.Answers{Cancel: cf.st.Pop, Save: cf.save})
}

func (cf *closeForm) save() tea.Cmd {
	k, _ := cf.read()
	warn, err := cf.c.Store.CloseCase(cf.c.Operator, cf.cs.ID, k)
	if err != nil {
		return cf.form.SaveError(err, nil)
	}
	cf.st.Pop()
	status := common.SetStatus(cf.c.T("cases.closed_status", cf.cs.ID, cf.c.T(k.Outcome.Key()), k.Recovered.Display()), false)
	if len(warn) > 0 {
		status = common.SetStatus(cf.c.T("cases.closed_status", cf.cs.ID, cf.c.T(k.Outcome.Key()), k.Recovered.Display())+"  "+warn.Localize(cf.c.Lang), true)
	}
	return tea.Batch(common.Changed(model.EntityCase, cf.cs.ID), status)
}

func (cf *closeForm) ShortHelp() []key.Binding { return append(formHelp(cf.c), cf.c.Keys.Toggle) }
func (cf *closeForm) FullHelp() [][]key.Binding {
	return [][]key.Binding{cf.ShortHelp()}
}

// reasonKind says what a reason form does.
type reasonKind int

const (
	reasonVoid   reasonKind = iota // close as entered by mistake
	reasonReopen                   // open a closed case again
)

// reasonForm asks the reason for closing a case as entered by mistake or
// for reopening it, and does it.
type reasonForm struct {
	common.ScreenBase
	c    *common.Common
	st   *stack.Stack
	cs   model.Case
	kind reasonKind
	form *form.Form
	w    int
}

func (r *reasonForm) field() string {
	if r.kind == reasonReopen {
		return "cs_reopen_reason"
	}
	return "cs_void_reason"
}

func newReasonForm(c *common.Common, st *stack.Stack, cs model.Case, kind reasonKind) *reasonForm {
	r := &reasonForm{c: c, st: st, cs: cs, kind: kind}
	r.form = form.New(c, form.TextField(r.field(), true, c.T("cases.hint_reason")))
	r.form.Validate = func(f *form.Form) model.Problems {
		if model.CleanText(f.Value(r.field())) == "" {
			return model.Problems{{Field: r.field(), Key: "problem.required"}}
		}
		return nil
	}
	r.form.Revalidate()
	return r
}

func (r *reasonForm) title() string {
	if r.kind == reasonReopen {
		return r.c.T("cases.reopen_title", r.cs.ID)
	}
	return r.c.T("cases.void_title", r.cs.ID)
}

func (r *reasonForm) SetSize(w, h int)    { r.w = w; r.form.SetSize(w, max(1, h-3)) }
func (r *reasonForm) Capturing() bool     { return true }
func (r *reasonForm) Dirty() bool         { return r.form.Dirty() }
func (r *reasonForm) Cursor() *tea.Cursor { c := formCursor(r.form); moveDown(c); return c }

func (r *reasonForm) View() string {
	explain := "cases.void_explain"
	if r.kind == reasonReopen {
		explain = "cases.reopen_explain"
	}
	return ansi.Truncate(r.c.Styles.Title.Render(r.title()), r.w, "~") + "\n" +
		r.c.Styles.Muted.Render(ansi.Truncate(r.c.T(explain), r.w, "~")) + "\n\n" + r.form.View()
}

func (r *reasonForm) Update(msg tea.Msg) tea.Cmd {
	if !isTyping(msg) {
		return nil
	}
	act, cmd := r.form.Update(msg)
	return r.form.Answer(act, cmd, form.Answers{Cancel: r.st.Pop, Save: r.save})
}

func (r *reasonForm) save() tea.Cmd {
	reason := r.form.Value(r.field())
	var err error
	done := "cases.voided"
	if r.kind == reasonReopen {
		err, done = r.c.Store.ReopenCase(r.c.Operator, r.cs.ID, reason), "cases.reopened"
	} else {
		err = r.c.Store.VoidCase(r.c.Operator, r.cs.ID, reason)
	}
	if err != nil {
		return r.form.SaveError(err, nil)
	}
	r.st.Pop()
	return tea.Batch(common.Changed(model.EntityCase, r.cs.ID), common.SetStatus(r.c.T(done, r.cs.ID), false))
}

func (r *reasonForm) ShortHelp() []key.Binding  { return []key.Binding{r.c.Keys.Save} }
func (r *reasonForm) FullHelp() [][]key.Binding { return [][]key.Binding{r.ShortHelp()} }
