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
	"unionbook/ui/form"
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

// open presses k on the summary and returns the form it opens.
func open(t *testing.T, p *Page, k string) *form.Form {
	t.Helper()
	p.Update(uitest.Key(k))
	fs, ok := p.Top().(*form.Screen)
	if !ok {
		t.Fatalf("%s opened %T, not a form", k, p.Top())
	}
	return fs.Form()
}

// profile is what the store holds.
func profile(t *testing.T, p *Page) model.Profile {
	t.Helper()
	pr, _, err := p.Root().(*summary).c.Store.Profile()
	if err != nil {
		t.Fatal(err)
	}
	return pr
}

func TestDuesRateIsTypedInPercent(t *testing.T) {
	p := newPage(t, i18n.ZH)
	f := open(t, p, "d")
	f.SetValue("dues_rate", "0.8%")
	f.SetValue("arrears_months", "3")
	f.SetValue("dues_since", "2025-01")
	pr, ps := duesSection{profile(t, p)}.read(f)
	if len(ps) != 0 || pr.DuesRateBP != 80 || pr.ArrearsMonths != 3 || pr.DuesSince != 202501 {
		t.Fatalf("read %+v, problems %v", pr, ps)
	}
	uitest.RunCmd(p.Update(uitest.Key("ctrl+s")), p.Update)
	saved := profile(t, p)
	if saved.DuesRateBP != 80 || saved.DuesSince != 202501 {
		t.Errorf("saved %+v", saved)
	}
	if p.Depth() != 1 || !strings.Contains(ansi.Strip(p.View()), "0.80%") {
		t.Errorf("summary does not show the new rate:\n%s", p.View())
	}
}

func TestBadSettingsAreNamedAndNotSaved(t *testing.T) {
	p := newPage(t, i18n.EN)
	f := open(t, p, "d")
	f.SetValue("dues_rate", "12.345")
	f.SetValue("arrears_months", "0")
	_, ps := duesSection{profile(t, p)}.read(f)
	if !ps.Has("dues_rate", "money.decimals") || !ps.Has("arrears_months", "settings.arrears_range") {
		t.Errorf("problems: %v", ps)
	}
	f.Revalidate()
	p.Update(uitest.Key("ctrl+s"))
	if saved := profile(t, p); saved.DuesRateBP != 50 || p.Depth() != 2 {
		t.Errorf("a bad rate was saved (%d) or the form closed", saved.DuesRateBP)
	}
}

func TestSubAccountCodeMustExtendItsParent(t *testing.T) {
	p := newPage(t, i18n.ZH)
	p.Update(uitest.Key("c"))
	f := open(t, p, "n")
	chart, _ := p.Root().(*summary).c.Store.Chart()
	sec := accountSection{c: p.Root().(*summary).c, prof: profile(t, p), chart: chart, parents: chart[:1]}
	f.SetValue("account_code", "99901")
	f.SetValue("account_name", "职工书屋")
	if _, ps := sec.account(f); !ps.Has("account_code", "settings.code_shape") {
		t.Errorf("wrong parent code accepted: %v", ps)
	}
	parent := sec.chart[0].Code
	f.SetValue("account_code", parent+"01")
	acc, ps := sec.account(f)
	taken := false
	for _, a := range sec.chart {
		taken = taken || a.Code == acc.Code
	}
	if taken != ps.Has("account_code", "settings.code_taken") {
		t.Errorf("code %s taken=%v, problems %v", acc.Code, taken, ps)
	}
}

func TestHardshipCapsRejectNegativeMoney(t *testing.T) {
	p := newPage(t, i18n.ZH)
	f := open(t, p, "h")
	sec := hardshipSection{profile(t, p)}
	f.SetValue("hs_cap_medical", "-5")
	if _, ps := sec.read(f); !ps.Has("hs_cap_medical", "problem.negative") {
		t.Errorf("problems: %v", ps)
	}
	f.SetValue("hs_cap_medical", "20000")
	pr, ps := sec.read(f)
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
	bs, err := storage.Backups(p.Root().(*summary).c.Store.Path())
	if err != nil || len(bs) == 0 || status.Error || !strings.Contains(status.Text, bs[0].Path) || bs[0].Reason != storage.BackupManual {
		t.Fatalf("status %+v, backups %+v, %v", status, bs, err)
	}
	if !strings.Contains(ansi.Strip(p.View()), "1 backups") {
		t.Errorf("summary does not list the backup:\n%s", p.View())
	}
}

// esc on a form with something typed asks before dropping it; on an
// untouched form it just goes back.
func TestEscAsksBeforeDroppingAChangedForm(t *testing.T) {
	p := newPage(t, i18n.EN)
	open(t, p, "p")
	p.Update(uitest.Key("esc"))
	if p.Depth() != 1 {
		t.Fatalf("esc on an untouched form goes back: depth %d", p.Depth())
	}
	open(t, p, "p")
	uitest.Type(func(m tea.Msg) { p.Update(m) }, "X")
	p.Update(uitest.Key("esc"))
	if p.Depth() != 2 || !p.Confirming() || !strings.Contains(ansi.Strip(p.View()), "unsaved") {
		t.Fatalf("esc on a changed form must ask (depth %d):\n%s", p.Depth(), p.View())
	}
	p.Update(uitest.Key("n"))
	if p.Depth() != 2 || !p.Dirty() {
		t.Fatal("n keeps the form and what was typed")
	}
	p.Update(uitest.Key("esc"))
	p.Update(uitest.Key("y"))
	if p.Depth() != 1 || p.Dirty() {
		t.Fatal("y drops the form")
	}
	if saved, _, _ := p.Root().(*summary).c.Store.Profile(); strings.Contains(saved.UnionName, "X") {
		t.Errorf("a dropped form was saved: %q", saved.UnionName)
	}
}

// The audit log opens over the summary and esc goes back one level at a
// time: from an entry to the log, from the log to the summary.
func TestAuditLogIsALevelOfTheTab(t *testing.T) {
	p := newPage(t, i18n.EN)
	p.Update(uitest.Key("l"))
	p.Update(uitest.Key("enter"))
	if p.Depth() != 3 {
		t.Fatalf("l, enter: depth %d", p.Depth())
	}
	p.Update(uitest.Key("esc"))
	if p.Depth() != 2 || !strings.Contains(ansi.Strip(p.View()), "Audit log") {
		t.Fatalf("esc from an entry shows the log:\n%s", p.View())
	}
	p.Update(uitest.Key("esc"))
	if p.Depth() != 1 {
		t.Fatalf("esc from the log shows the summary: depth %d", p.Depth())
	}
}

// A new dues rate starts from a month: the summary shows the rate in force
// and the change; one that would alter a month already paid is refused on
// the month's field, and nothing is saved.
func TestDuesRateFromAMonth(t *testing.T) {
	p := newPage(t, i18n.ZH)
	s := p.Root().(*summary).c.Store
	u := model.Unit{Name: "宏达工会", Kind: 170}
	if err := s.CreateUnit("李", &u); err != nil {
		t.Fatal(err)
	}
	m := model.Member{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", UnitID: u.ID, JoinDate: 20150301}
	if err := s.CreateMember("李", &m); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetWageBase("李", m.ID, model.WageBase{From: 202601, Base: 308500}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordPayment("李", &model.DuesPayment{MemberID: m.ID, From: 202610, To: 202610, Amount: 1540, Date: 20261020, Method: model.PayCash}); err != nil {
		t.Fatal(err)
	}
	f := open(t, p, "d")
	f.SetValue("dues_rate", "0.8")
	f.SetValue("dues_rate_from", "2026-10")
	f.Revalidate()
	uitest.RunCmd(p.Update(uitest.Key("ctrl+s")), p.Update)
	if !f.Problems().Has("dues_rate_from", "dues.rate_change_paid") || p.Depth() != 2 {
		t.Fatalf("a rate changing paid October: problems %v, depth %d", f.Problems(), p.Depth())
	}
	uitest.Contains(t, p.View(), "填为 2026-11", "或更晚")
	f.SetValue("dues_rate_from", "2027-01")
	f.Revalidate()
	uitest.RunCmd(p.Update(uitest.Key("ctrl+s")), p.Update)
	saved := profile(t, p)
	if saved.DuesRateBP != 50 || len(saved.DuesRates) != 1 || saved.DuesRates[0] != (model.DuesRate{From: 202701, RateBP: 80, TruncUnit: model.Yuan(10)}) {
		t.Fatalf("saved %+v %+v", saved.DuesRateBP, saved.DuesRates)
	}
	uitest.Contains(t, p.View(), "会费比例", "0.50%", "费率变动", "起初 0.50%，取整 10.00 元", "2027-01 起 0.80%，取整 10.00 元")
	// the form shows the rate set last, from its month
	f = open(t, p, "d")
	if f.Value("dues_rate") != "0.80" || f.Value("dues_rate_from") != "2027-01" {
		t.Errorf("form shows %s from %s", f.Value("dues_rate"), f.Value("dues_rate_from"))
	}
}
