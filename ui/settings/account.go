package settings

import (
	"strings"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// accountSection adds one of the union's own sub-accounts under a
// top-level account of the chart.
type accountSection struct {
	c       *common.Common
	prof    model.Profile
	chart   []model.Account
	parents []model.Account // the top-level accounts, in the order offered
}

func newAccountForm(c *common.Common, st *stack.Stack) *form.Screen {
	prof, _, _ := c.Store.Profile()
	chart, _ := c.Store.Chart()
	s := accountSection{c: c, prof: prof, chart: chart}
	for _, a := range chart {
		if len(a.Code) == 3 {
			s.parents = append(s.parents, a)
		}
	}
	return newFormScreen(c, st, s)
}

func (accountSection) title() string { return "settings.account_title" }

func (s accountSection) build(c *common.Common) *form.Form {
	opts := make([]form.Option, len(s.parents))
	for i, a := range s.parents {
		opts[i] = form.Option{Label: a.Code + " " + accountName(c, a), Value: uint64(i)}
	}
	return form.New(c,
		form.ChoiceField("account_parent", true, opts),
		form.TextField("account_code", true, c.T("hint.account_code")),
		form.TextField("account_name", true, c.T("hint.account_name")),
		form.TextField("account_name_en", false, ""),
	)
}

// read is the profile with the new account added.
func (s accountSection) read(f *form.Form) (model.Profile, model.Problems) {
	acc, ps := s.account(f)
	pr := s.prof
	pr.CustomAccounts = append(append([]model.Account(nil), pr.CustomAccounts...), acc)
	return pr, ps
}

func (s accountSection) account(f *form.Form) (model.Account, model.Problems) {
	var ps model.Problems
	var parent model.Account
	if i, ok := f.Choice("account_parent"); ok && int(i) < len(s.parents) {
		parent = s.parents[i]
	}
	acc := model.Account{
		Code:      model.Clean(f.Value("account_code")),
		Name:      model.CleanText(f.Value("account_name")),
		NameEN:    model.CleanText(f.Value("account_name_en")),
		Direction: parent.Direction,
	}
	switch {
	case acc.Code == "":
		ps = append(ps, model.Problem{Field: "account_code", Key: "problem.required"})
	case !strings.HasPrefix(acc.Code, parent.Code) || len(acc.Code) != len(parent.Code)+2 || !allDigits(acc.Code):
		ps = append(ps, model.Problem{Field: "account_code", Key: "settings.code_shape", Args: []any{parent.Code}})
	default:
		for _, a := range s.chart {
			if a.Code == acc.Code {
				ps = append(ps, model.Problem{Field: "account_code", Key: "settings.code_taken", Args: []any{accountName(s.c, a)}})
			}
		}
	}
	if acc.Name == "" {
		ps = append(ps, model.Problem{Field: "account_name", Key: "problem.required"})
	}
	return acc, ps
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
