package settings

import (
	"strings"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// profileSection is this union's details: name, code, the union above,
// the operator and the local minimum-living standard.
type profileSection struct{ prof model.Profile }

func newProfileForm(c *common.Common, st *stack.Stack) *form.Screen {
	prof, _, _ := c.Store.Profile()
	return newFormScreen(c, st, profileSection{prof})
}

func (profileSection) title() string { return "settings.profile_title" }

func (s profileSection) build(c *common.Common) *form.Form {
	f := form.New(c,
		form.TextField("union_name", true, c.T("hint.union_name")),
		form.TextField("union_code", false, c.T("hint.union_code")),
		form.TextField("higher_union", false, c.T("hint.higher_union")),
		form.TextField("operator", false, c.T("hint.operator")),
		form.TextField("min_living", false, c.T("hint.min_living")),
	)
	f.SetValue("union_name", s.prof.UnionName)
	f.SetValue("union_code", s.prof.Code)
	f.SetValue("higher_union", s.prof.HigherUnion)
	f.SetValue("operator", s.prof.Operator)
	if s.prof.MinLiving > 0 {
		f.SetValue("min_living", s.prof.MinLiving.String())
	}
	return f
}

func (s profileSection) read(f *form.Form) (model.Profile, model.Problems) {
	pr := s.prof
	var ps model.Problems
	pr.UnionName = f.Value("union_name")
	pr.Code = f.Value("union_code")
	pr.HigherUnion = f.Value("higher_union")
	pr.Operator = f.Value("operator")
	pr.MinLiving = 0
	if v := strings.TrimSpace(f.Value("min_living")); v != "" {
		m, err := model.ParseMoney(v)
		if err != nil {
			ps = append(ps, form.ProblemOf("min_living", err))
		}
		pr.MinLiving = m
	}
	pr.Normalize()
	return pr, withProfileProblems(&pr, ps)
}
