package hardship

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// approveForm approves an applied file (在档): the date and who reviewed
// the application.
type approveForm struct {
	formScreen
	fileID uint64
}

func newApproveForm(c *common.Common, st *stack.Stack, name string, fileID uint64, done func(uint64) tea.Cmd) *approveForm {
	af := &approveForm{fileID: fileID}
	fm, validate := dateReasonForm(c, "hs_reviewed_by", "")
	fm.SetDefault("hs_reviewed_by", c.OperatorName())
	af.formScreen = newFormScreen(c, st, fm, done)
	af.open(c.T("hardship.approve_title", name, fileID), fixed(c.T("hardship.approve_hint")), validate, af.save)
	return af
}

func (af *approveForm) save() tea.Cmd {
	d, _ := model.ReadDate(af.form.Value("date"))
	f, err := af.c.Store.ApproveHardshipFile(af.c.OperatorName(), af.fileID, d, af.form.Value("hs_reviewed_by"))
	if err != nil {
		return af.form.SaveError(err, nil)
	}
	return af.saved(model.EntityHardship, f.ID, af.c.T("hardship.approved", f.ID), false)
}
