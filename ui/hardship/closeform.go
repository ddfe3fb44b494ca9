package hardship

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// closeForm closes a file (退出): the date and the reason.
type closeForm struct {
	formScreen
	fileID uint64
}

func newCloseForm(c *common.Common, st *stack.Stack, name string, fileID uint64, done func(uint64) tea.Cmd) *closeForm {
	cf := &closeForm{fileID: fileID}
	fm, validate := dateReasonForm(c, "reason", c.T("hardship.hint_close"))
	cf.formScreen = newFormScreen(c, st, fm, done)
	cf.open(c.T("hardship.close_title", name, fileID), fixed(c.T("hardship.close_hint")), validate, cf.save)
	return cf
}

func (cf *closeForm) save() tea.Cmd {
	d, _ := model.ReadDate(cf.form.Value("date"))
	f, err := cf.c.Store.CloseHardshipFile(cf.c.OperatorName(), cf.fileID, d, cf.form.Value("reason"))
	if err != nil {
		return cf.form.SaveError(err, nil)
	}
	return cf.saved(model.EntityHardship, f.ID, cf.c.T("hardship.closed", f.ID), false)
}
