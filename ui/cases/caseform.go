package cases

import (
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/picker"
	"unionbook/ui/stack"
)

// Form field keys; their labels are "field.<key>", and the store names its
// problems by the same keys.
const (
	fReceived  = "cs_received"
	fChannel   = "cs_channel"
	fType      = "cs_type"
	fWorkers   = "cs_workers"
	fHeadcount = "cs_headcount"
	fUnit      = "cs_unit"
	fEmployer  = "cs_employer"
	fClaimed   = "cs_claimed"
	fSummary   = "cs_summary"
	fRisk      = "cs_risk"
)

// caseForm records a new case or edits an open one: a form.Screen whose
// Update opens the workers' own screen (workers.go) from the workers
// field; the unit and the risk check are chosen in pickers.
type caseForm struct {
	*form.Screen
	c          *common.Common
	st         *stack.Stack
	form       *form.Form
	editing    *model.Case // the stored case, nil for a new one
	workers    []model.CaseWorker
	workersFld *form.Field
	names      names
	roster     rosterCache // the members to choose from, read when first needed
}

func newCaseForm(c *common.Common, st *stack.Stack, editing *model.Case) *caseForm {
	cf := &caseForm{c: c, st: st}
	var cs model.Case
	if editing != nil {
		stored := *editing
		cf.editing = &stored
		cs = stored
		cf.workers = slices.Clone(stored.Workers)
	}
	cf.names, _ = loadNames(c, cs)
	choice := func(keys []string, values []uint64) []form.Option {
		opts := make([]form.Option, len(keys))
		for i := range keys {
			opts[i] = form.Option{Label: c.T(keys[i]), Value: values[i]}
		}
		return opts
	}
	var chKeys, tKeys []string
	var chVals, tVals []uint64
	for _, ch := range model.CaseChannels {
		chKeys, chVals = append(chKeys, ch.Key()), append(chVals, uint64(ch))
	}
	for _, t := range model.CaseTypes {
		tKeys, tVals = append(tKeys, t.Key()), append(tVals, uint64(t))
	}
	cf.workersFld = form.PickField(fWorkers, true, nil)
	f := form.New(c,
		form.TextField(fReceived, true, c.T("hint.date")),
		form.ChoiceField(fChannel, true, choice(chKeys, chVals)),
		form.ChoiceField(fType, true, choice(tKeys, tVals)),
		cf.workersFld,
		form.TextField(fHeadcount, true, c.T("cases.hint_headcount")),
		form.PickField(fUnit, false, cf.unitOptions()),
		form.TextField(fEmployer, false, c.T("cases.hint_employer")),
		form.TextField(fClaimed, false, c.T("cases.hint_amount")),
		form.TextField(fSummary, false, c.T("cases.hint_summary")),
		form.PickField(fRisk, false, cf.riskOptions(cs.RiskCheckID)),
	)
	cf.form = f
	if editing == nil {
		f.SetDefault(fReceived, c.Today().String())
		f.SetChoice(fUnit, 0)
		f.SetChoice(fRisk, 0)
	} else {
		f.SetValue(fReceived, cs.Received.String())
		f.SetChoice(fChannel, uint64(cs.Channel))
		f.SetChoice(fType, uint64(cs.Type))
		f.SetValue(fHeadcount, strconv.Itoa(cs.Headcount))
		f.SetChoice(fUnit, cs.UnitID)
		f.SetValue(fEmployer, cs.Employer)
		if cs.Claimed != 0 {
			f.SetValue(fClaimed, cs.Claimed.String())
		}
		f.SetValue(fSummary, cs.Summary)
		f.SetChoice(fRisk, cs.RiskCheckID)
	}
	cf.syncWorkers()
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems { _, ps := cf.read(); return ps }
	f.Revalidate()
	title := c.T("cases.new_title")
	if editing != nil {
		title = c.T("cases.edit_title", editing.ID)
	}
	cf.Screen = form.NewScreen(c, st, title, f, cf.save)
	return cf
}

func (cf *caseForm) unitOptions() []form.Option {
	opts := []form.Option{{Label: cf.c.T("cases.no_unit"), Value: 0}}
	for _, id := range cf.names.unitIDs {
		opts = append(opts, form.Option{Label: cf.names.units[id], Value: id})
	}
	return opts
}

// riskOptions are the risk checks that found a risk, newest first, that a
// case may name (and the one it names, whatever it found).
func (cf *caseForm) riskOptions(current uint64) []form.Option {
	opts := []form.Option{{Label: cf.c.T("cases.no_risk"), Value: 0}}
	rs, err := cf.c.Store.RiskChecks(0, 0)
	if err != nil {
		return opts
	}
	for i := len(rs) - 1; i >= 0; i-- {
		r := &rs[i]
		if r.Level < model.RiskLow && r.ID != current {
			continue
		}
		opts = append(opts, form.Option{Label: r.Date.String() + " " + cf.names.unit(r.UnitID, r.Employer) + " " + cf.c.T(r.Level.Key()), Value: r.ID})
	}
	return opts
}

// syncWorkers shows the chosen workers in their field.
func (cf *caseForm) syncWorkers() {
	if len(cf.workers) == 0 {
		cf.workersFld.Options = nil
		cf.form.ClearChoice(fWorkers)
		return
	}
	var ns []string
	for _, w := range cf.workers {
		name, _, _, _ := cf.names.worker(w)
		ns = append(ns, name)
	}
	cf.workersFld.Options = []form.Option{{Label: strings.Join(ns, cf.c.T("cases.list_sep")), Value: 1}}
	cf.form.SetChoice(fWorkers, 1)
}

// read turns the form into a case (the stored one's steps and closing kept
// when editing): values that do not parse are problems of their field, then
// the model's rules apply.
func (cf *caseForm) read() (model.Case, model.Problems) {
	f := cf.form
	var cs model.Case
	var ps model.Problems
	if cf.editing != nil {
		cs = *cf.editing
		cs.Steps = slices.Clone(cf.editing.Steps)
	}
	cs.Received = parseDate(f, fReceived, true, &ps)
	ch, _ := f.Choice(fChannel)
	cs.Channel = model.CaseChannel(ch)
	t, _ := f.Choice(fType)
	cs.Type = model.CaseType(t)
	cs.Workers = slices.Clone(cf.workers)
	cs.Headcount = parseCount(f, fHeadcount, &ps)
	cs.UnitID, _ = f.Choice(fUnit)
	cs.Employer = f.Value(fEmployer)
	cs.Claimed = parseAmount(f, fClaimed, &ps)
	cs.Summary = f.Value(fSummary)
	cs.RiskCheckID, _ = f.Choice(fRisk)
	probe := cs
	probe.Workers = slices.Clone(cs.Workers)
	probe.Normalize()
	return cs, mergeProblems(ps, model.ValidateCase(&probe, cf.c.Today()))
}

// mergeProblems adds the model's problems to the parse problems, leaving
// out those of a field that did not parse.
func mergeProblems(parsed, model_ model.Problems) model.Problems {
	bad := map[string]bool{}
	for _, q := range parsed {
		bad[q.Field] = true
	}
	for _, q := range model_ {
		if !bad[q.Field] {
			parsed = append(parsed, q)
		}
	}
	return parsed
}

// parseDate reads a date field; empty is 0 (a problem when required).
func parseDate(f *form.Form, key string, required bool, ps *model.Problems) model.Date {
	v := strings.TrimSpace(f.Value(key))
	if v == "" {
		if required {
			*ps = append(*ps, model.Problem{Field: key, Key: "problem.required"})
		}
		return 0
	}
	d, err := model.ReadDate(v) // 2019-5, 2019.5 and 2019年5月 too, as every date field
	if err != nil {
		*ps = append(*ps, form.ProblemOf(key, err))
	}
	return d
}

// parseAmount reads an amount field; empty is 0, a minus is refused.
func parseAmount(f *form.Form, key string, ps *model.Problems) model.Money {
	v := model.Clean(f.Value(key))
	if v == "" {
		return 0
	}
	m, err := model.ParseMoney(v)
	switch {
	case err != nil:
		*ps = append(*ps, form.ProblemOf(key, err))
	case m < 0:
		*ps = append(*ps, model.Problem{Field: key, Key: "problem.negative"})
	}
	return m
}

// parseCount reads a whole number; empty is 0.
func parseCount(f *form.Form, key string, ps *model.Problems) int {
	v := model.Clean(f.Value(key))
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		*ps = append(*ps, model.Problem{Field: key, Key: "problem.whole_number"})
	}
	return n
}

// Update is form.Screen's, but enter on the workers field opens their
// screen rather than a picker, and typing there opens nothing.
func (cf *caseForm) Update(msg tea.Msg) tea.Cmd {
	if !isTyping(msg) {
		return nil
	}
	act, cmd := cf.form.Update(msg)
	switch act {
	case form.OpenPicker:
		if cmd != nil && cf.form.Focused() == fWorkers {
			// typed, not enter: the workers' screen would take the next
			// keys as commands (d removes, a digit changes tab)
			return nil
		}
		return tea.Batch(cf.pick(cf.form.PickRequest()), cmd) // cmd: the key typed, for the chooser's search
	case form.Submit:
		if blocked := cf.form.SubmitBlocked(); blocked != nil {
			return blocked
		}
		return cf.save()
	}
	return cmd
}

// pick opens the chooser of the focused field: the workers' screen, or a
// picker of units or risk checks.
func (cf *caseForm) pick(title string, opts []form.Option, current uint64) tea.Cmd {
	if cf.form.Focused() == fWorkers {
		unit, _ := cf.form.Choice(fUnit)
		return cf.st.Push(newWorkers(cf.c, cf.st, cf.workers, &cf.roster, unit, func(ws []model.CaseWorker, n names) {
			cf.workers = ws
			for id, m := range n.members {
				cf.names.members[id] = m
			}
			cf.syncWorkers()
			cf.unitFromMember()
			if len(ws) > 0 {
				cf.form.Picked(1)
			} else {
				cf.form.Revalidate()
			}
			if cf.form.Value(fHeadcount) == "" || cf.headcountBelow() {
				cf.form.SetValue(fHeadcount, strconv.Itoa(len(ws)))
				cf.form.Revalidate()
			}
		}))
	}
	return cf.st.Push(picker.NewScreen(cf.c, cf.st, title, opts, current, func(v uint64) tea.Cmd {
		cf.form.Picked(v)
		return nil
	}))
}

// unitFromMember fills an empty unit with the unit of the first worker
// who is a member: the usual case, which the secretary may still change.
func (cf *caseForm) unitFromMember() {
	if unit, _ := cf.form.Choice(fUnit); unit != 0 || strings.TrimSpace(cf.form.Value(fEmployer)) != "" {
		return
	}
	for _, w := range cf.workers {
		if m, ok := cf.names.members[w.MemberID]; ok && w.MemberID != 0 {
			if _, known := cf.names.units[m.UnitID]; known {
				cf.form.SetChoice(fUnit, m.UnitID)
			}
			return
		}
	}
}

// headcountBelow reports a headcount below the workers named.
func (cf *caseForm) headcountBelow() bool {
	n, err := strconv.Atoi(model.Clean(cf.form.Value(fHeadcount)))
	return err == nil && n < len(cf.workers)
}

func (cf *caseForm) save() tea.Cmd {
	cs, ps := cf.read()
	if len(ps) > 0 {
		cf.form.SetProblems(ps)
		return cf.form.SubmitBlocked()
	}
	var warn model.Warnings
	var err error
	if cf.editing != nil {
		warn, err = cf.c.Store.UpdateCase(cf.c.OperatorName(), &cs)
	} else {
		warn, err = cf.c.Store.CreateCase(cf.c.OperatorName(), &cs)
	}
	if err != nil {
		return cf.form.SaveError(err, nil)
	}
	cf.st.Pop()
	status := common.SetStatus(cf.c.T("cases.saved", cs.ID), false)
	if len(warn) > 0 {
		status = common.SetStatus(warn.Localize(cf.c.Lang), true)
	}
	var open tea.Cmd
	if cf.editing == nil {
		open = cf.st.Push(newDetail(cf.c, cf.st, cs.ID))
	}
	return tea.Batch(open, common.Changed(model.EntityCase, cs.ID), status)
}
