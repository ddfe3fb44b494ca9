package hardship

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// liftForm lifts an active file out of hardship (脱困): the public notice's
// dates, the approval and the date; the follow-up period follows.
type liftForm struct {
	formScreen
	file model.HardshipFile
	// workdays is the shortest public notice (the setting).
	workdays int
}

func newLiftForm(c *common.Common, st *stack.Stack, name string, file model.HardshipFile, done func(uint64) tea.Cmd) *liftForm {
	lf := &liftForm{file: file}
	if r, err := c.Store.HardshipRules(); err == nil {
		lf.workdays = r.NoticeWorkdays
	}
	if lf.workdays <= 0 {
		lf.workdays = model.MinNoticeWorkdays
	}
	fm := form.New(c,
		form.TextField("hs_notice_from", true, c.T("hint.date")),
		form.TextField("hs_notice_to", true, c.T("hint.date")),
		form.TextField("hs_approval", true, c.T("hardship.hint_approval")),
		form.TextField("date", true, c.T("hint.date")),
	)
	today := c.Today()
	fm.SetDefault("hs_notice_from", today.Time().AddDate(0, 0, -9).Format("2006-01-02"))
	fm.SetDefault("hs_notice_to", today.Time().AddDate(0, 0, -2).Format("2006-01-02"))
	fm.SetDefault("date", today.String())
	lf.formScreen = newFormScreen(c, st, fm, done)
	lf.open(c.T("hardship.lift_title", name, file.ID), fixed(c.T("hardship.lift_hint", lf.workdays)),
		func(fm *form.Form) model.Problems { _, ps := lf.fromForm(fm); return ps }, lf.save)
	return lf
}

func (lf *liftForm) fromForm(fm *form.Form) (model.LiftOut, model.Problems) {
	var ps model.Problems
	l := model.LiftOut{Approval: fm.Value("hs_approval")}
	var err error
	for _, x := range []struct {
		field string
		dst   *model.Date
	}{{"hs_notice_from", &l.NoticeFrom}, {"hs_notice_to", &l.NoticeTo}, {"date", &l.Date}} {
		if *x.dst, err = model.ReadDate(fm.Value(x.field)); err != nil {
			ps = append(ps, form.ProblemOf(x.field, err))
		}
	}
	if len(ps) == 0 {
		ps = model.ValidateLiftOut(&lf.file, l, lf.c.Today(), lf.workdays)
	}
	return l, ps
}

func (lf *liftForm) save() tea.Cmd {
	l, _ := lf.fromForm(lf.form)
	f, err := lf.c.Store.LiftHardshipFile(lf.c.OperatorName(), lf.file.ID, l)
	if err != nil {
		return lf.form.SaveError(err, nil)
	}
	return lf.saved(model.EntityHardship, f.ID, lf.c.T("hardship.lifted", f.ID, f.FollowUpUntil.String()), false)
}
