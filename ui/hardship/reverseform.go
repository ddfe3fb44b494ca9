package hardship

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// reverseForm reverses (冲正) an aid record: a new record pointing at it,
// with the date and the reason; the wrong one is never changed.
type reverseForm struct {
	formScreen
	aid model.AidRecord
}

func newReverseForm(c *common.Common, st *stack.Stack, a model.AidRecord, done func(uint64) tea.Cmd) *reverseForm {
	rf := &reverseForm{aid: a}
	fm, validate := dateReasonForm(c, "reason", c.T("hint.reverse_reason"))
	rf.formScreen = newFormScreen(c, st, fm, done)
	rf.open(c.T("hardship.reverse_title", c.T(a.Type.Key()), a.Date.String()), fixed(c.T("hardship.reverse_hint", a.Value().Display())), validate, rf.save)
	return rf
}

func (rf *reverseForm) save() tea.Cmd {
	d, _ := model.ReadDate(rf.form.Value("date"))
	rev, err := rf.c.Store.ReverseAid(rf.c.OperatorName(), rf.aid.ID, d, rf.form.Value("reason"))
	if err != nil {
		return rf.form.SaveError(err, nil)
	}
	return rf.saved(model.EntityAid, rev.ID, rf.c.T("hardship.aid_reversed", rf.aid.Date.String()), false)
}
