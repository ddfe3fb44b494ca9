package events

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// saved leaves a form that wrote event id: back to the screen under it,
// then the opener's next step (done, may be nil: the detail of a new
// event, the detail read again), the status line and the change broadcast
// to every tab.
func saved(st *stack.Stack, done func(uint64) tea.Cmd, id uint64, status string) tea.Cmd {
	st.Pop()
	var next tea.Cmd
	if done != nil {
		next = done(id)
	}
	return tea.Batch(next, common.SetStatus(status, false), common.Changed(model.EntityEvent, id))
}

// isInput reports the user's keys and pasted text, all a form takes.
func isInput(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		return true
	}
	return false
}

// accountOptions are the accounts an event may pay from; values are
// indexes into accounts plus one.
func accountOptions(c *common.Common, accounts []model.Account) []form.Option {
	opts := make([]form.Option, len(accounts))
	for i, a := range accounts {
		opts[i] = form.Option{Label: a.Label(c.Lang == i18n.EN), Value: uint64(i + 1)}
	}
	return opts
}

// accountValue is the option of account code, 0 for none.
func accountValue(accounts []model.Account, code string) uint64 {
	for i, a := range accounts {
		if a.Code == code {
			return uint64(i + 1)
		}
	}
	return 0
}

// accountOf is the code of the account chosen in field key, "" for none.
func accountOf(f *form.Form, key string, accounts []model.Account) string {
	if v, ok := f.Choice(key); ok && v > 0 && int(v) <= len(accounts) {
		return accounts[v-1].Code
	}
	return ""
}

// parseCost reads a cost field: empty is none; a negative amount is a
// problem of its own.
func parseCost(f *form.Form, key string) (model.Money, *model.Problem) {
	v := model.Clean(f.Value(key))
	if v == "" {
		return 0, nil
	}
	m, err := model.ParseMoney(strings.TrimPrefix(v, "-"))
	switch {
	case err != nil:
		p := form.ProblemOf(key, err)
		return 0, &p
	case strings.HasPrefix(v, "-") && m != 0:
		return 0, &model.Problem{Field: key, Key: "problem.negative"}
	}
	return m, nil
}
