package common

import (
	"fmt"
	"path/filepath"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
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

// The operator is read from the profile when writing, never kept: a
// change counts at once; without a profile, nobody is named.
func TestOperatorNameIsReadFromTheProfile(t *testing.T) {
	s, err := storage.Open(filepath.Join(t.TempDir(), "ub.db"), storage.Options{NoDailyBackup: true, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c := &Common{Store: s}
	if got := c.OperatorName(); got != "" {
		t.Errorf("without a profile: %q", got)
	}
	p := model.DefaultProfile()
	p.UnionName, p.Operator = "青山镇总工会", "李秘书"
	if err := s.SaveProfile("李秘书", p); err != nil {
		t.Fatal(err)
	}
	if got := c.OperatorName(); got != "李秘书" {
		t.Errorf("after saving the profile: %q", got)
	}
	p.Operator = "王会计"
	if err := s.SaveProfile("李秘书", p); err != nil {
		t.Fatal(err)
	}
	if got := c.OperatorName(); got != "王会计" {
		t.Errorf("after changing the operator: %q", got)
	}
}
