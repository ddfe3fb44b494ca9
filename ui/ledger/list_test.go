package ledger

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/uitest"
)

func shown(hs *harness) []string {
	var out []string
	for _, i := range hs.list().view {
		out = append(out, hs.list().lines[i].VoucherNo)
	}
	return out
}

func TestFilters(t *testing.T) {
	hs, fx := newHarness(t, i18n.ZH, 100, 30, true)
	if hs.list().month != 202611 || len(hs.list().view) != 6 {
		t.Fatalf("opens on %s with %d entries, want 2026-11 with 6", hs.list().month, len(hs.list().view))
	}
	hs.Keys("[")
	if hs.list().month != 202610 || len(hs.list().view) != 2 {
		t.Errorf("[ shows %s: %v", hs.list().month, shown(hs))
	}
	uitest.Contains(t, hs.Screen(), "月份：2026-10", "本期收入：12,000.00", "本期支出：1,800.00", "账面余额：21,780.30")
	hs.Keys("]", "]")
	if hs.list().month != 202612 || len(hs.list().view) != 0 {
		t.Errorf("] ] shows %s: %v", hs.list().month, shown(hs))
	}
	uitest.Contains(t, hs.Screen(), "这段时间没有账目")
	hs.Keys("a")
	if hs.list().month != 0 || len(hs.list().view) != 8 {
		t.Errorf("a shows %s: %v", hs.list().month, shown(hs))
	}
	hs.Keys("t")
	for _, i := range hs.list().view {
		if hs.list().lines[i].Direction != model.In {
			t.Errorf("income filter shows %+v", hs.list().lines[i])
		}
	}
	hs.Keys("t")
	if len(hs.list().view) != 5 {
		t.Errorf("spending: %v", shown(hs))
	}
	uitest.Contains(t, hs.Screen(), "收支：支出")
	hs.Keys("t")
	if hs.list().dir != 0 || len(hs.list().view) != 8 {
		t.Errorf("t cycles back to both: %v", shown(hs))
	}
	// u: an account with its sub-accounts, chosen by pinyin initials
	hs.Keys("u")
	if !hs.P.Capturing() {
		t.Error("the account picker must capture the keyboard")
	}
	hs.Type("zghdzc") // 职工活动支出
	hs.Keys("enter")
	if hs.list().account != "501" || len(hs.list().view) != 2 {
		t.Errorf("account 501 shows %v", shown(hs))
	}
	uitest.Contains(t, hs.Screen(), "科目：501 职工活动支出")
	// search counterparty and memo
	hs.Keys("x", "/")
	hs.Type("文化站")
	if len(hs.list().view) != 1 || hs.list().lines[hs.list().view[0]].ID != fx.sports.ID {
		t.Errorf("search shows %v", shown(hs))
	}
	hs.Keys("enter")
	hs.Keys("/", "ctrl+u")
	hs.Type("bgyp") // 办公用品, by pinyin initials of the memo
	if len(hs.list().view) != 1 || hs.list().lines[hs.list().view[0]].ID != fx.dup.ID {
		t.Errorf("search bgyp shows %v", shown(hs))
	}
	hs.Keys("esc")
	if hs.list().query != "" || len(hs.list().view) != 8 {
		t.Errorf("esc clears the search: %v", shown(hs))
	}
	hs.Keys("]", "u", "enter") // the first option is every account
	hs.Keys("t", "x")
	if hs.list().month != 0 || hs.list().account != "" || hs.list().dir != 0 || len(hs.list().view) != 8 {
		t.Errorf("x clears every filter: month %s account %q dir %d", hs.list().month, hs.list().account, hs.list().dir)
	}
}

func TestSearchCursorFollowsTheCaret(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 120, 30, true)
	hs.Keys("/")
	if !hs.P.Capturing() {
		t.Fatal("searching must capture the keyboard")
	}
	hs.Send(tea.KeyPressMsg{Code: '文', Text: "文化"})
	c := hs.P.Cursor()
	if c == nil {
		t.Fatal("no cursor in the search box")
	}
	line := strings.Split(hs.Screen(), "\n")[0]
	prefix := "月份：2026-11  科目：全部科目  收支：全部  搜索 "
	if !strings.HasPrefix(line, prefix+"文化") {
		t.Fatalf("filter bar %q", line)
	}
	if want := ansi.StringWidth(prefix) + 4; c.X != want || c.Y != 0 {
		t.Errorf("cursor at (%d,%d), want (%d,0)", c.X, c.Y, want)
	}
}

func TestEnglishAccountPickerTakesPinyinInitials(t *testing.T) {
	hs, _ := newHarness(t, i18n.EN, 100, 30, true)
	hs.Keys("u")
	hs.Type("knzg") // 困难职工帮扶支出
	out := hs.Screen()
	uitest.Contains(t, out, "50404 Aid to workers in hardship")
	uitest.Lacks(t, out, "50405")
	hs.Keys("enter")
	if hs.list().account != "50404" {
		t.Errorf("chose %q", hs.list().account)
	}
	uitest.Contains(t, hs.Screen(), "Account: 50404 Aid to workers in hardship")
}
