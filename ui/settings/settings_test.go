package settings

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

func newPage(t *testing.T, l i18n.Lang) *Page {
	t.Helper()
	s := uitest.OpenStore(t, uitest.FixedNow)
	p := model.DefaultProfile()
	p.UnionName = "青山镇总工会"
	if err := s.SaveProfile("李", p); err != nil {
		t.Fatal(err)
	}
	pg := New(uitest.NewCommon(s, l, uitest.FixedNow))
	pg.SetSize(100, 30)
	return pg
}

func TestDuesRateIsTypedInPercent(t *testing.T) {
	p := newPage(t, i18n.ZH)
	p.Update(uitest.Key("d"))
	p.form.SetValue("dues_rate", "0.8%")
	p.form.SetValue("arrears_months", "3")
	p.form.SetValue("dues_since", "2025-01")
	pr, ps := p.duesFromForm(p.form)
	if len(ps) != 0 || pr.DuesRateBP != 80 || pr.ArrearsMonths != 3 || pr.DuesSince != 202501 {
		t.Fatalf("read %+v, problems %v", pr, ps)
	}
	p.Update(uitest.Key("ctrl+s"))
	saved, _, _ := p.c.Store.Profile()
	if saved.DuesRateBP != 80 || saved.DuesSince != 202501 {
		t.Errorf("saved %+v", saved)
	}
	if !strings.Contains(ansi.Strip(p.View()), "0.80%") {
		t.Errorf("summary does not show the new rate:\n%s", p.View())
	}
}

func TestBadSettingsAreNamedAndNotSaved(t *testing.T) {
	p := newPage(t, i18n.EN)
	p.Update(uitest.Key("d"))
	p.form.SetValue("dues_rate", "12.345")
	p.form.SetValue("arrears_months", "0")
	_, ps := p.duesFromForm(p.form)
	if !ps.Has("dues_rate", "money.decimals") || !ps.Has("arrears_months", "settings.arrears_range") {
		t.Errorf("problems: %v", ps)
	}
	p.form.Revalidate()
	p.Update(uitest.Key("ctrl+s"))
	if saved, _, _ := p.c.Store.Profile(); saved.DuesRateBP != 50 {
		t.Errorf("a bad rate was saved: %d", saved.DuesRateBP)
	}
}

func TestSubAccountCodeMustExtendItsParent(t *testing.T) {
	p := newPage(t, i18n.ZH)
	p.Update(uitest.Key("c"))
	p.Update(uitest.Key("n"))
	p.form.SetValue("account_code", "99901")
	p.form.SetValue("account_name", "职工书屋")
	if _, ps := p.accountFromForm(p.form); !ps.Has("account_code", "settings.code_shape") {
		t.Errorf("wrong parent code accepted: %v", ps)
	}
	parent := p.chart[0].Code
	p.form.SetValue("account_code", parent+"01")
	acc, ps := p.accountFromForm(p.form)
	taken := false
	for _, a := range p.chart {
		taken = taken || a.Code == acc.Code
	}
	if taken != ps.Has("account_code", "settings.code_taken") {
		t.Errorf("code %s taken=%v, problems %v", acc.Code, taken, ps)
	}
}

func TestHardshipCapsRejectNegativeMoney(t *testing.T) {
	p := newPage(t, i18n.ZH)
	p.Update(uitest.Key("h"))
	p.form.SetValue("hs_cap_medical", "-5")
	if _, ps := p.hardshipFromForm(p.form); !ps.Has("hs_cap_medical", "problem.negative") {
		t.Errorf("problems: %v", ps)
	}
	p.form.SetValue("hs_cap_medical", "20000")
	pr, ps := p.hardshipFromForm(p.form)
	if len(ps) != 0 || pr.CapMedical != model.Yuan(20000) {
		t.Errorf("read %v, %v", pr.CapMedical, ps)
	}
}

// b backs the database up in the background and says where the copy went.
func TestBackupNowFromSettings(t *testing.T) {
	p := newPage(t, i18n.EN)
	cmd := p.Update(uitest.Key("b"))
	if cmd == nil {
		t.Fatal("b started nothing")
	}
	var done tea.Msg
	for _, m := range cmd().(tea.BatchMsg) {
		if out := m(); out != nil {
			if _, ok := out.(backupDoneMsg); ok {
				done = out
			}
		}
	}
	if done == nil {
		t.Fatal("no backup result")
	}
	cmd = p.Update(done)
	status := cmd().(common.StatusMsg)
	bs, err := storage.Backups(p.c.Store.Path())
	if err != nil || len(bs) == 0 || status.Error || !strings.Contains(status.Text, bs[0].Path) || bs[0].Reason != storage.BackupManual {
		t.Fatalf("status %+v, backups %+v, %v", status, bs, err)
	}
	if !strings.Contains(ansi.Strip(p.View()), "1 backups") {
		t.Errorf("summary does not list the backup:\n%s", p.View())
	}
}
