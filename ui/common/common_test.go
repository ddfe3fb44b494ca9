package common

import (
	"fmt"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
)

func TestErrSpeaksTheUsersLanguage(t *testing.T) {
	err := fmt.Errorf("open: %w", i18n.E("err.db_locked"))
	zh := &Common{Lang: i18n.ZH}
	en := &Common{Lang: i18n.EN}
	if got := zh.Err(err); got != i18n.ZH.T("err.db_locked") {
		t.Errorf("zh: %q", got)
	}
	if got := en.Err(err); got != i18n.EN.T("err.db_locked") {
		t.Errorf("en: %q", got)
	}
	if got := zh.T("tab.members"); got != "会员" {
		t.Errorf("T: %q", got)
	}
}

func TestCommandsCarryTheirMessages(t *testing.T) {
	if m := SetStatus("已保存", false)().(StatusMsg); m.Text != "已保存" || m.Error {
		t.Errorf("SetStatus: %+v", m)
	}
	if m := Changed("member", 7)().(DataChangedMsg); m.Entity != model.EntityMember || m.ID != 7 {
		t.Errorf("Changed: %+v", m)
	}
}
