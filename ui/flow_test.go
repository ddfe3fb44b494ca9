package ui

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/chrome"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

func TestSearchByPinyinInitialsOfPolyphonicNames(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.ZH, 100, 30)
	keys(a, "/")
	typeText(a, "sl") // 单丽华: 单 reads shàn as well as dān
	out := screen(a)
	uitest.Contains(t, out, "单丽华", "1 / 5")
	uitest.Lacks(t, out, "张三")
	keys(a, "ctrl+u")
	typeText(a, "zzw") // 曾 reads zēng and céng
	uitest.Contains(t, screen(a), "曾志伟")
	keys(a, "esc")
	uitest.Contains(t, screen(a), "5 / 5")
}

func TestSearchByNumberPhoneAndIDPart(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.EN, 100, 30)
	keys(a, "/")
	typeText(a, "13912")
	out := screen(a)
	uitest.Contains(t, out, "单丽华")
	uitest.Lacks(t, out, "张三")
	keys(a, "ctrl+u")
	typeText(a, "0022") // last digits of the Macau permit
	uitest.Contains(t, screen(a), "阿依古丽")
}

func TestCursorSitsAtTheCaretAfterChinese(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.ZH, 100, 30)
	keys(a, "/")
	send(a, tea.KeyPressMsg{Code: '张', Text: "张三"}) // an IME commits a whole word
	v := a.View()
	if v.Cursor == nil {
		t.Fatal("no real cursor while typing in the search box")
	}
	wantX := ansi.StringWidth("搜索 ") + 4 // 张三 is four cells
	if v.Cursor.X != wantX || v.Cursor.Y != chrome.HeaderLines {
		t.Errorf("cursor at (%d,%d), want (%d,%d)", v.Cursor.X, v.Cursor.Y, wantX, chrome.HeaderLines)
	}
}

func TestAddMemberWithWrongIDThenFixIt(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.ZH, 100, 30)
	keys(a, "n")
	typeText(a, "王五")
	keys(a, "tab", "tab", "tab")
	typeText(a, "440308199901101513") // wrong check character
	keys(a, "ctrl+s")
	out := screen(a)
	uitest.Contains(t, out, "校验位不对", "需要修改")
	if n := len(mustMembers(t, a)); n != 5 {
		t.Fatalf("a member with a wrong ID was saved: %d members", n)
	}
	// the refusal put the focus on the ID, the only problem (the gender
	// comes from it once it reads): fix its last digit there
	keys(a, "backspace")
	typeText(a, "2")
	keys(a, "tab") // unit
	keys(a, "enter")
	typeText(a, "hd") // 宏达 by its initials in the picker
	keys(a, "enter")
	keys(a, "ctrl+s")
	out = screen(a)
	uitest.Contains(t, out, "已新增会员 王五", "440308199901101512")
	ms := mustMembers(t, a)
	if len(ms) != 6 {
		t.Fatalf("want 6 members after saving, got %d", len(ms))
	}
	var w model.Member
	for _, m := range ms {
		if m.Name == "王五" {
			w = m
		}
	}
	if w.Gender != model.Male || w.Birth != 19990110 || w.JoinDate != model.DateOf(uitest.FixedNow) {
		t.Errorf("saved member %+v: gender, birth date or join date wrong", w)
	}
}

func TestDuplicateIDIsShownNextToTheField(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.EN, 120, 40)
	keys(a, "n")
	typeText(a, "Copy Cat")
	keys(a, "tab", "tab", "tab")
	typeText(a, "110101199003078670") // 张三's number
	keys(a, "tab", "enter", "enter", "ctrl+s")
	uitest.Contains(t, screen(a), "张三")
	if n := len(mustMembers(t, a)); n != 5 {
		t.Fatalf("a duplicate ID number was saved")
	}
}

func TestChangeStatusKeepsHistory(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.ZH, 120, 40)
	// first row by member number is 张三
	keys(a, "enter", "s")
	// the picker: 保留会籍 first; 退会 is the third
	keys(a, "down", "down", "enter")
	keys(a, "tab", "tab") // keep today's date and the first reason, 个人要求退会
	typeText(a, "本人申请")
	keys(a, "ctrl+s")
	out := screen(a)
	uitest.Contains(t, out, "已记录会员 张三", "在会 -> 退会", "个人要求退会：本人申请")
	m := mustMembers(t, a)[0]
	if m.Status != model.StatusLeft || len(m.History) != 1 {
		t.Errorf("stored status %v with %d history entries", m.Status, len(m.History))
	}
}

func TestTransferNeedsReceivingUnion(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.EN, 120, 40)
	keys(a, "s", "down", "enter", "tab", "tab", "tab") // transferred out; past the date, reason and union
	typeText(a, "moved")
	keys(a, "ctrl+s")
	uitest.Contains(t, screen(a), "Receiving union", "required")
	if mustMembers(t, a)[0].Status != model.StatusActive {
		t.Error("a transfer without the receiving union was saved")
	}
}

func TestQuitAsksWhenAFormHasChanges(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.ZH, 100, 30)
	keys(a, "n")
	typeText(a, "q") // typed into the name field, not a quit
	if _, cmd := a.Update(uitest.Key("ctrl+c")); cmd != nil {
		t.Fatal("ctrl+c quit without asking while a form held changes")
	}
	uitest.Contains(t, screen(a), "确定退出吗")
	a.Update(uitest.Key("n"))
	uitest.Contains(t, screen(a), "新增会员")
	a.Update(uitest.Key("ctrl+c"))
	_, cmd := a.Update(uitest.Key("y"))
	if cmd == nil {
		t.Fatal("y did not quit")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("y did not quit")
	}
}

func TestQuitWithoutChangesIsImmediate(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.EN, 100, 30)
	_, cmd := a.Update(uitest.Key("q"))
	if cmd == nil {
		t.Fatal("q did nothing")
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Error("q did not quit")
	}
}

func TestTabsByNumberAndMouse(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.ZH, 100, 30)
	send(a, tab(t, a, "tab.units"))
	uitest.Contains(t, screen(a), "宏达机械")
	send(a, tea.MouseClickMsg{X: 10, Y: 1, Button: tea.MouseLeft}) // " 1 概览 " is 8 cells, then a gap
	uitest.Contains(t, screen(a), "张三")
}

func TestUnitShowsItsMembersAndRefusesDeletion(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.ZH, 120, 40)
	send(a, tab(t, a, "tab.units"))
	keys(a, "/")
	typeText(a, "cq") // 重庆村 by its initials: 重 reads chóng
	keys(a, "enter", "enter")
	out := screen(a)
	uitest.Contains(t, out, "重庆村联合工会", "单丽华", "李四")
	keys(a, "d", "y")
	uitest.Contains(t, screen(a), "还有 2 名会员")
	keys(a, "m")
	out = screen(a)
	uitest.Contains(t, out, "2 / 5")
	uitest.Lacks(t, out, "张三")
}

func TestAddUnitWithBadCreditCode(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.EN, 120, 40)
	send(a, tab(t, a, "tab.units"), uitest.Key("n"))
	typeText(a, "New Works Union")
	keys(a, "tab")
	typeText(a, "911100001000013428")
	keys(a, "tab", "tab", "tab")
	typeText(a, "10")
	keys(a, "tab")
	typeText(a, "20")
	keys(a, "ctrl+s")
	out := screen(a)
	uitest.Contains(t, out, "check character of the credit code", "cannot exceed the number of employees")
	us, _ := a.c.Store.Units()
	if len(us) != 3 {
		t.Errorf("a unit with problems was saved")
	}
}

func TestSetupSavesProfile(t *testing.T) {
	t.Parallel()
	a := newApp(t, i18n.ZH, 100, 30, false)
	keys(a, "1")
	keys(a, "ctrl+s")
	uitest.Contains(t, screen(a), "必填")
	typeText(a, "青山镇总工会")
	keys(a, "ctrl+s")
	// Then the opening balances: the cash box holds 1,000.00.
	out := screen(a)
	uitest.Contains(t, out, "期初余额", "开始月份", "库存现金", "银行存款")
	keys(a, "tab")
	for range len("0.00") {
		keys(a, "backspace")
	}
	typeText(a, "1000")
	keys(a, "ctrl+s")
	out = screen(a)
	uitest.Contains(t, out, "青山镇总工会", "1 概览", "2 会员", "单位", "设置")
	if os, _ := a.c.Store.Openings(); os[model.MoneyCash].Amount != model.Yuan(1000) {
		t.Errorf("openings %+v", os)
	}
	p, ok, err := a.c.Store.Profile()
	if err != nil || !ok || p.UnionName != "青山镇总工会" {
		t.Errorf("profile not saved: %+v %v %v", p, ok, err)
	}
}

func mustMembers(t *testing.T, a *App) []model.Member {
	t.Helper()
	ms, err := a.c.Store.Members()
	if err != nil {
		t.Fatal(err)
	}
	return ms
}

// An import in the Import/Export tab (many members at once) shows in the
// Members tab without restarting.
func TestRosterReloadsAfterABulkChange(t *testing.T) {
	t.Parallel()
	a := onMembers(t, i18n.ZH, 100, 30)
	m := model.Member{Name: "新来的", Gender: model.Female, UnitID: mustMembers(t, a)[0].UnitID, JoinDate: 20250101}
	m.IDNumber = "810000199408230021"
	if err := a.c.Store.CreateMember("李秘书", &m); err != nil {
		t.Fatal(err)
	}
	send(a, common.DataChangedMsg{Entity: model.EntityMember})
	uitest.Contains(t, screen(a), "新来的", "6 / 6")
}

// The overview recomputes in the background after a write in another tab;
// its result must reach it although another tab is in front.
func TestOverviewUpdatesWhileAnotherTabIsInFront(t *testing.T) {
	t.Parallel()
	a := newApp(t, i18n.ZH, 100, 30, true)
	send(a, tab(t, a, "tab.units"))
	zs := mustMembers(t, a)[0]
	if _, err := a.c.Store.SetWageBase("李秘书", zs.ID, model.WageBase{From: 202601, Base: 308500}); err != nil {
		t.Fatal(err)
	}
	pay := model.DuesPayment{MemberID: zs.ID, From: 202601, To: 202601, Amount: 1540, Method: model.PayCash, Date: 20260305}
	if err := a.c.Store.RecordPayment("李秘书", &pay); err != nil {
		t.Fatal(err)
	}
	send(a, common.DataChangedMsg{Entity: model.EntityPayment, ID: pay.ID})
	send(a, uitest.Key("1"))
	uitest.Contains(t, screen(a), "经费结余 15.40")
}
