package events

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// costForm changes the cost of an event: the cost entry in the cash book
// is reversed (冲正) and the new cost posted, with the reason.
type costForm struct {
	formScreen
	accounts []model.Account
	stored   model.Event
}

func newCostForm(c *common.Common, st *stack.Stack, e model.Event, done func(uint64) tea.Cmd) *costForm {
	cf := &costForm{stored: cloneEvent(&e)}
	cf.accounts, _ = eventAccounts(c) // without them the store refuses the account
	f := form.New(c,
		form.TextField(fCost, false, c.T("events.hint_new_cost")),
		form.ChoiceField(fAccount, false, accountOptions(c, cf.accounts)),
		form.TextField(fReason, true, c.T("events.hint_reason")),
	)
	f.SetValue(fCost, e.Cost.String())
	acct := e.Account
	if acct == "" {
		acct = e.Type.DefaultAccount()
	}
	f.SetChoice(fAccount, accountValue(cf.accounts, acct))
	cf.formScreen = formScreen{c: c, st: st, form: f, done: done}
	cf.open(func(f *form.Form) model.Problems { _, ps := cf.fromForm(f); return ps })
	f.FocusKey(fCost)
	return cf
}

func (cf *costForm) fromForm(f *form.Form) (model.Event, model.Problems) {
	e := cloneEvent(&cf.stored)
	var ps model.Problems
	var bad *model.Problem
	e.Account = ""
	if e.Cost, bad = parseCost(f, fCost); bad != nil {
		ps = append(ps, *bad)
	}
	if e.Cost != 0 {
		if e.Account = accountOf(f, fAccount, cf.accounts); e.Account == "" {
			ps = append(ps, model.Problem{Field: fAccount, Key: "problem.required"})
		}
	}
	if !costChanged(&cf.stored, &e) {
		ps = append(ps, model.Problem{Field: fCost, Key: "events.cost_unchanged"})
	}
	if model.Clean(f.Value(fReason)) == "" {
		ps = append(ps, model.Problem{Field: fReason, Key: "problem.required"})
	}
	return e, ps
}

func (cf *costForm) Update(msg tea.Msg) tea.Cmd {
	if !isInput(msg) {
		return nil
	}
	act, cmd := cf.form.Update(msg)
	switch act {
	case form.Cancel:
		cf.st.Pop()
	case form.Submit:
		if blocked := cf.form.SubmitBlocked(); blocked != nil {
			return blocked
		}
		return cf.save()
	}
	return cmd
}

func (cf *costForm) save() tea.Cmd {
	e, _ := cf.fromForm(cf.form)
	if err := cf.c.Store.UpdateEvent(cf.c.Operator, &e, cf.form.Value(fReason)); err != nil {
		return cf.form.SaveError(err, nil)
	}
	return cf.saved(e.ID, cf.c.T("events.cost_changed", cf.stored.Cost.Display(), e.Cost.Display()))
}

func (cf *costForm) View() string {
	return cf.view(cf.c.T("events.cost_title", cf.stored.Title, cf.stored.Cost.Display()))
}
