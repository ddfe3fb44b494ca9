package settings

import (
	"strconv"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// orgSection is the organisation register's settings: a union committee's
// term of office and how early its 换届 shows as due.
type orgSection struct{ prof model.Profile }

func newOrgForm(c *common.Common, st *stack.Stack) *form.Screen {
	prof, _, _ := c.Store.Profile()
	return newFormScreen(c, st, orgSection{prof})
}

func (orgSection) title() string { return "settings.org_title" }

func (s orgSection) build(c *common.Common) *form.Form {
	r := s.prof.OrgRules()
	f := form.New(c,
		form.TextField("term_years", true, ""),
		form.TextField("election_warn_days", true, ""),
	)
	f.SetValue("term_years", strconv.Itoa(r.TermYears))
	f.SetValue("election_warn_days", strconv.Itoa(r.ElectionWarnDays))
	return f
}

func (s orgSection) read(f *form.Form) (model.Profile, model.Problems) {
	pr := s.prof
	r := form.Reader{F: f}
	pr.TermYears = r.Int("term_years")
	pr.ElectionWarnDays = r.Int("election_warn_days")
	if pr.TermYears == 0 && len(r.Ps.For("term_years")) == 0 {
		r.Ps = append(r.Ps, model.Problem{Field: "term_years", Key: "org.term_years"})
	}
	return pr, r.Merge(pr.Validate())
}
