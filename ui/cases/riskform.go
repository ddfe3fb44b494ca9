package cases

import (
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
// resolved, say): a form.Screen, whose pickers choose the unit.
type riskForm struct {
	*form.Screen
	c       *common.Common
	st      *stack.Stack
	editing *model.RiskCheck
	form    *form.Form
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
		f.SetDefault(fRkDate, c.Today().String())
		f.SetDefault(fRkInspector, c.OperatorName())
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
	title := c.T("cases.risk_new_title")
	if editing != nil {
		title = c.T("cases.risk_edit_title", editing.Date.String())
	}
	rf.Screen = form.NewScreen(c, st, title, f, rf.save)
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

func (rf *riskForm) save() tea.Cmd {
	r, _ := rf.read()
	var err error
	if rf.editing != nil {
		err = rf.c.Store.UpdateRiskCheck(rf.c.OperatorName(), &r)
	} else {
		err = rf.c.Store.CreateRiskCheck(rf.c.OperatorName(), &r)
	}
	if err != nil {
		return rf.form.SaveError(err, nil)
	}
	rf.st.Pop()
	return tea.Batch(common.Changed(model.EntityRiskCheck, r.ID), common.SetStatus(rf.c.T("cases.risk_saved", r.Date.String()), false))
}
