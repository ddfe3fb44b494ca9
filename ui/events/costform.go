package events

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// costForm changes the cost of an event: the cost entry in the cash book
// is reversed (冲正) and the new cost posted, with the reason. It is a
// form.Screen; the tab adds how the form reads and saves.
type costForm struct {
	*form.Screen
	c        *common.Common
	st       *stack.Stack
	form     *form.Form
	done     func(id uint64) tea.Cmd // the opener's next step once saved
	accounts []model.Account
	stored   model.Event
}

func newCostForm(c *common.Common, st *stack.Stack, e model.Event, done func(uint64) tea.Cmd) *costForm {
	cf := &costForm{c: c, st: st, done: done, stored: cloneEvent(&e)}
	cf.accounts, _ = eventAccounts(c) // without them the store refuses the account
	f := form.New(c,
		form.TextField(fCost, false, c.T("events.hint_new_cost")),
		form.ChoiceField(fAccount, false, accountOptions(c, cf.accounts)),
		form.TextField(fReason, true, c.T("events.hint_reason")),
	)
	f.SetValue(fCost, e.Cost.String())
	acct := e.Account
	if acct == "" {
		acct = e.Type.DefaultAccount(cf.accounts)
	}
	f.SetChoice(fAccount, accountValue(cf.accounts, acct))
	cf.form = f
	cf.Screen = form.NewScreen(c, st, c.T("events.cost_title", e.Title, e.Cost.Display()), f, cf.save)
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems { _, ps := cf.fromForm(f); return ps }
	f.Revalidate()
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

func (cf *costForm) save() tea.Cmd {
	e, _ := cf.fromForm(cf.form)
	if err := cf.c.Store.UpdateEvent(cf.c.OperatorName(), &e, cf.form.Value(fReason)); err != nil {
		return cf.form.SaveError(err, nil)
	}
	return saved(cf.st, cf.done, e.ID, cf.c.T("events.cost_changed", cf.stored.Cost.Display(), e.Cost.Display()))
}
