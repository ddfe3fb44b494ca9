package ui

import (
	"testing"

	"unionbook/i18n"
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
