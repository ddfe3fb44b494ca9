package hardship

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// reviewForm records a review (复核) of a file: date, reviewer, finding
// and, when it changes, the category.
type reviewForm struct {
	formScreen
	file model.HardshipFile
}

func newReviewForm(c *common.Common, st *stack.Stack, name string, file model.HardshipFile, done func(uint64) tea.Cmd) *reviewForm {
	rf := &reviewForm{file: file}
	cats := append([]form.Option{{Label: c.T("hardship.cat_keep"), Value: 0}}, opts(c, model.HardshipCategories, model.HardshipCategory.Key)...)
	fm := form.New(c,
		form.TextField("date", true, c.T("hint.date")),
		form.TextField("hs_reviewer", true, ""),
		form.TextField("hs_finding", true, c.T("hardship.hint_finding")),
		form.ChoiceField("hs_category", true, cats),
	)
	fm.SetDefault("date", c.Today().String())
	fm.SetDefault("hs_reviewer", c.OperatorName())
	rf.formScreen = newFormScreen(c, st, fm, done)
	rf.open(c.T("hardship.review_title", name, file.ID), fixed(c.T("hardship.review_hint")),
		func(fm *form.Form) model.Problems { _, ps := rf.fromForm(fm); return ps }, rf.save)
	return rf
}

func (rf *reviewForm) fromForm(fm *form.Form) (model.HardshipReview, model.Problems) {
	r := model.HardshipReview{Reviewer: fm.Value("hs_reviewer"), Finding: fm.Value("hs_finding")}
	var err error
	if r.Date, err = model.ReadDate(fm.Value("date")); err != nil {
		return r, model.Problems{form.ProblemOf("date", err)}
	}
	c, _ := fm.Choice("hs_category")
	r.Category = model.HardshipCategory(c)
	return r, model.ValidateReview(&rf.file, &r, rf.c.Today())
}

func (rf *reviewForm) save() tea.Cmd {
	r, _ := rf.fromForm(rf.form)
	f, err := rf.c.Store.ReviewHardshipFile(rf.c.OperatorName(), rf.file.ID, r)
	if err != nil {
		return rf.form.SaveError(err, nil)
	}
	return rf.saved(model.EntityHardship, f.ID, rf.c.T("hardship.reviewed", f.ID, r.Date.String()), false)
}
