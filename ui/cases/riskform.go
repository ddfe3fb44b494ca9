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
	fRkDate       = "rk_date"
	fRkUnit       = "rk_unit"
	fRkEmployer   = "rk_employer"
	fRkInspector  = "rk_inspector"
	fRkLevel      = "rk_level"
	fRkArea       = "rk_area"
	fRkFindings   = "rk_findings"
	fRkResolved   = "rk_resolved"
	fRkResolution = "rk_resolution"
)

// riskForm records a risk check visit or edits one (to mark its risk
// resolved, say).
type riskForm struct {
	common.ScreenBase
	c       *common.Common
	st      *stack.Stack
	editing *model.RiskCheck
	form    *form.Form
	w       int
}

func newRiskForm(c *common.Common, st *stack.Stack, editing *model.RiskCheck) *riskForm {
	rf := &riskForm{c: c, st: st}
	n, _ := loadNames(c)
	units := []form.Option{{Label: c.T("cases.no_unit"), Value: 0}}
	for _, id := range n.unitIDs {
		units = append(units, form.Option{Label: n.units[id], Value: id})
	}
	levels := make([]form.Option, len(model.RiskLevels))
	for i, l := range model.RiskLevels {
		levels[i] = form.Option{Label: c.T(l.Key()), Value: uint64(l)}
	}
	areas := []form.Option{{Label: c.T("cases.no_area"), Value: 0}}
	for _, t := range model.CaseTypes {
		areas = append(areas, form.Option{Label: c.T(t.Key()), Value: uint64(t)})
	}
	rf.form = form.New(c,
		form.TextField(fRkDate, true, c.T("hint.date")),
		form.PickField(fRkUnit, false, units),
		form.TextField(fRkEmployer, false, c.T("cases.hint_employer")),
		form.TextField(fRkInspector, true, c.T("cases.hint_who")),
		form.ChoiceField(fRkLevel, true, levels),
		form.ChoiceField(fRkArea, false, areas),
		form.TextField(fRkFindings, false, c.T("cases.hint_findings")),
		form.TextField(fRkResolved, false, c.T("hint.date")),
		form.TextField(fRkResolution, false, c.T("cases.hint_resolution")),
	)
	f := rf.form
	if editing == nil {
		f.SetValue(fRkDate, c.Today().String())
		f.SetValue(fRkInspector, c.Operator)
		f.SetChoice(fRkUnit, 0)
		f.ClearChoice(fRkLevel)
		f.SetChoice(fRkArea, 0)
	} else {
		stored := *editing
		rf.editing = &stored
		f.SetValue(fRkDate, stored.Date.String())
		f.SetChoice(fRkUnit, stored.UnitID)
		f.SetValue(fRkEmployer, stored.Employer)
		f.SetValue(fRkInspector, stored.Inspector)
		f.SetChoice(fRkLevel, uint64(stored.Level))
		f.SetChoice(fRkArea, uint64(stored.Area))
		f.SetValue(fRkFindings, stored.Findings)
		if stored.Resolved != 0 {
			f.SetValue(fRkResolved, stored.Resolved.String())
		}
		f.SetValue(fRkResolution, stored.Resolution)
	}
	f.MarkClean()
	f.Validate = func(*form.Form) model.Problems { _, ps := rf.read(); return ps }
	f.Revalidate()
	return rf
}

func (rf *riskForm) read() (model.RiskCheck, model.Problems) {
	f := rf.form
	var r model.RiskCheck
	if rf.editing != nil {
		r = *rf.editing
	}
	var ps model.Problems
	r.Date = parseDate(f, fRkDate, true, &ps)
	r.UnitID, _ = f.Choice(fRkUnit)
	r.Employer = f.Value(fRkEmployer)
	r.Inspector = f.Value(fRkInspector)
	l, _ := f.Choice(fRkLevel)
	r.Level = model.RiskLevel(l)
	a, _ := f.Choice(fRkArea)
	r.Area = model.CaseType(a)
	r.Findings = f.Value(fRkFindings)
	r.Resolved = parseDate(f, fRkResolved, false, &ps)
	r.Resolution = f.Value(fRkResolution)
	probe := r
	probe.Normalize()
	return r, mergeProblems(ps, model.ValidateRiskCheck(&probe, rf.c.Today()))
}

func (rf *riskForm) title() string {
	if rf.editing != nil {
		return rf.c.T("cases.risk_edit_title", rf.editing.Date.String())
	}
	return rf.c.T("cases.risk_new_title")
}

func (rf *riskForm) SetSize(w, h int)    { rf.w = w; rf.form.SetSize(w, max(1, h-2)) }
func (rf *riskForm) Capturing() bool     { return true }
func (rf *riskForm) Dirty() bool         { return rf.form.Dirty() }
func (rf *riskForm) View() string        { return formView(rf.c, rf.title(), rf.w, rf.form) }
func (rf *riskForm) Cursor() *tea.Cursor { return formCursor(rf.form) }

func (rf *riskForm) Update(msg tea.Msg) tea.Cmd {
	if !isTyping(msg) {
		return nil
	}
	act, cmd := rf.form.Update(msg)
	return rf.form.Answer(act, cmd, form.Answers{
		Cancel: rf.st.Pop,
		Pick: func(title string, opts []form.Option, current uint64) {
			rf.st.Push(newPick(rf.c, rf.st, title, opts, current, func(v uint64) tea.Cmd { rf.form.Picked(v); return nil }))
		},
		Save: rf.save,
	})
}

func (rf *riskForm) save() tea.Cmd {
	r, _ := rf.read()
	var err error
	if rf.editing != nil {
		err = rf.c.Store.UpdateRiskCheck(rf.c.Operator, &r)
	} else {
		err = rf.c.Store.CreateRiskCheck(rf.c.Operator, &r)
	}
	if err != nil {
		return rf.form.SaveError(err, nil)
	}
	rf.st.Pop()
	return tea.Batch(common.Changed(model.EntityRiskCheck, r.ID), common.SetStatus(rf.c.T("cases.risk_saved", r.Date.String()), false))
}

func (rf *riskForm) ShortHelp() []key.Binding { return append(formHelp(rf.c), rf.c.Keys.Toggle) }
func (rf *riskForm) FullHelp() [][]key.Binding {
	return [][]key.Binding{rf.ShortHelp()}
}
