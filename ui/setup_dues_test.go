package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/uitest"
)

// The first run asks from which month dues are kept, January of this year
// unless the secretary says otherwise, and Settings shows it.
func TestSetupAsksTheFirstDuesMonth(t *testing.T) {
	t.Parallel()
	a := newApp(t, i18n.ZH, 100, 30, false)
	keys(a, "1")
	uitest.Contains(t, screen(a), "会费起算月份", "2026-01")
	typeText(a, "青山镇总工会")
	keys(a, "tab", "tab", "tab", "tab", "ctrl+u")
	typeText(a, "2026-12") // after this month: refused, nothing saved
	keys(a, "ctrl+s")
	uitest.Contains(t, screen(a), "不能晚于今天")
	if _, ok, _ := a.c.Store.Profile(); ok {
		t.Fatal("a profile with a later first month was saved")
	}
	keys(a, "ctrl+u")
	typeText(a, "2026-03")
	keys(a, "ctrl+s")
	p, ok, err := a.c.Store.Profile()
	if err != nil || !ok || p.DuesSince != 202603 {
		t.Fatalf("profile %+v %v %v", p, ok, err)
	}
	// then the cash book's opening balances
	uitest.Contains(t, screen(a), "期初余额")
	keys(a, "tab")
	for range len("0.00") {
		keys(a, "backspace")
	}
	typeText(a, "1000")
	keys(a, "ctrl+s")
	uitest.Contains(t, screen(a), "0 设置")
	keys(a, "0")
	uitest.Contains(t, screen(a), "会费起算月份", "2026-03")
}

// A roster imported on the command line before the first start leaves
// members and no profile. The first start still asks for the union's
// details and the first dues month (before, it opened the tabs with dues
// owed since each member joined: 80 months for a 2020 member); the demo
// is not offered, as it needs an empty database.
func TestSetupAfterACommandLineImport(t *testing.T) {
	t.Parallel()
	s := uitest.OpenStore(t, uitest.FixedNow)
	u := model.Unit{Name: "宏达工会", Kind: 170}
	if err := s.CreateUnit("李", &u); err != nil {
		t.Fatal(err)
	}
	m := model.Member{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", UnitID: u.ID, JoinDate: 20200301}
	if err := s.CreateMember("李", &m); err != nil {
		t.Fatal(err)
	}
	a := appOn(t, s, i18n.ZH, 100, 30)
	uitest.Contains(t, screen(a), "还没有填写本工会信息和会费起算月份")
	// at 80 columns the line and the database's path wrap, not cut
	narrow := appOn(t, s, i18n.EN, 80, 24)
	uitest.Contains(t, screen(narrow), "the first month dues are kept from", filepath.Base(s.Path()))
	if strings.Contains(screen(a), "演示") {
		t.Errorf("the demo is offered on a database with members:\n%s", screen(a))
	}
	keys(a, "2") // the demo's key does nothing here
	if _, ok, _ := s.Profile(); ok || a.setup == nil {
		t.Fatal("2 left the setup")
	}
	keys(a, "1")
	uitest.Contains(t, screen(a), "会费起算月份", "2026-01")
	typeText(a, "青山镇总工会")
	keys(a, "ctrl+s")
	if p, ok, err := s.Profile(); err != nil || !ok || p.DuesSince != 202601 {
		t.Fatalf("profile %+v %v %v", p, ok, err)
	}
}
