package settings

import (
	"strconv"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// casesSection is the Cases tab's rule: from how many workers a labour
// dispute counts as collective in the figures.
type casesSection struct{ prof model.Profile }

func newCasesForm(c *common.Common, st *stack.Stack) *form.Screen {
	prof, _, _ := c.Store.Profile()
	return newFormScreen(c, st, casesSection{prof})
}

func (casesSection) title() string { return "settings.cases_title" }

// intro is where the usual thresholds come from, shown above the field.
func (casesSection) intro(c *common.Common) string { return c.T("settings.hint_collective_min") }

func (s casesSection) build(c *common.Common) *form.Form {
	f := form.New(c, form.TextField("case_collective_min", true, "10"))
	f.SetValue("case_collective_min", strconv.Itoa(s.prof.CaseRules().CollectiveMin))
	return f
}

func (s casesSection) read(f *form.Form) (model.Profile, model.Problems) {
	pr := s.prof
	var ps model.Problems
	pr.CaseCollectiveMin = readCount(f, "case_collective_min", pr.CaseCollectiveMin, model.DefaultCollectiveMin, &ps)
	return pr, withProfileProblems(&pr, ps)
}

// readCount reads a whole number a setting holds as 0 for its default:
// the default typed over a setting never set stays 0, so that saving the
// form unchanged changes nothing. Not a number is a problem on the field.
func readCount(f *form.Form, key string, old, def int, ps *model.Problems) int {
	n, err := strconv.Atoi(model.Clean(f.Value(key)))
	if err != nil {
		*ps = append(*ps, model.Problem{Field: key, Key: "settings.whole_number"})
		return old
	}
	if n == def && old == 0 {
		return 0
	}
	return n
}
