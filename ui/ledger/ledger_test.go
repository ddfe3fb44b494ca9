package ledger

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/keymap"
	"unionbook/ui/styles"
)

// testNow is the fixed clock: golden files stay put.
var testNow = time.Date(2026, 11, 21, 9, 30, 0, 0, time.Local)

const op = "李秘书"

func openStore(t *testing.T) *storage.Store {
	t.Helper()
	s, err := storage.Open(filepath.Join(t.TempDir(), "x.db"), storage.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// fixture is what seed wrote.
type fixture struct {
	member  model.Member
	payment model.DuesPayment // dues for 2026-10..11, posted to 401
	manual  []model.LedgerEntry
	sports  model.LedgerEntry // a manual spending entry, not reversed
	dup     model.LedgerEntry // a manual entry reversed by rev
	rev     model.LedgerEntry
}

func addEntry(t *testing.T, s *storage.Store, e model.LedgerEntry) model.LedgerEntry {
	t.Helper()
	if err := s.AddLedgerEntry(op, &e); err != nil {
		t.Fatalf("AddLedgerEntry %+v: %v", e, err)
	}
	return e
}

// seed writes a small township cash book: October income, November
// spending of several accounts, a dues payment and a reversed entry.
func seed(t *testing.T, s *storage.Store) fixture {
	t.Helper()
	var fx fixture
	if err := s.SaveProfile(op, model.Profile{UnionName: "青山镇总工会", HigherUnion: "滨江区总工会", DuesRateBP: 50, Operator: op}); err != nil {
		t.Fatal(err)
	}
	u := &model.Unit{Name: "青山镇宏达机械制造有限公司工会", Kind: 170, Employees: 320}
	if err := s.CreateUnit(op, u); err != nil {
		t.Fatal(err)
	}
	fx.member = model.Member{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", UnitID: u.ID, JoinDate: 20150301}
	if err := s.CreateMember(op, &fx.member); err != nil {
		t.Fatal(err)
	}
	fx.manual = append(fx.manual,
		addEntry(t, s, model.LedgerEntry{Date: 20261008, Direction: model.In, Account: "402", Amount: model.Yuan(12000), Counterparty: "宏达机械公司", Memo: "三季度拨缴经费"}),
		addEntry(t, s, model.LedgerEntry{Date: 20261026, Direction: model.Out, Account: "50101", Amount: 180000, Counterparty: "青山镇成校", Memo: "职工技能培训"}),
	)
	fx.sports = addEntry(t, s, model.LedgerEntry{Date: 20261103, Direction: model.Out, Account: "50102", Amount: 345050, Counterparty: "青山镇文化站", Memo: "职工篮球赛场地租金"})
	fx.manual = append(fx.manual, fx.sports,
		addEntry(t, s, model.LedgerEntry{Date: 20261112, Direction: model.Out, Account: "50205", Amount: model.Yuan(2000), Counterparty: "困难职工李四", Memo: "重阳节慰问"}),
		addEntry(t, s, model.LedgerEntry{Date: 20261115, Direction: model.In, Account: "40303", Amount: model.Yuan(5000), Counterparty: "滨江区总工会", Memo: "帮扶补助下拨"}),
	)
	fx.dup = addEntry(t, s, model.LedgerEntry{Date: 20261116, Direction: model.Out, Account: "504", Amount: 26800, Counterparty: "文具店", Memo: "办公用品"})
	fx.manual = append(fx.manual, fx.dup)
	fx.payment = model.DuesPayment{MemberID: fx.member.ID, From: 202610, To: 202611, Amount: 3080, Date: 20261118, Method: model.PayCash}
	if err := s.RecordPayment(op, &fx.payment); err != nil {
		t.Fatalf("RecordPayment: %v", err)
	}
	rev, err := s.ReverseLedgerEntry(op, fx.dup.ID, 20261120, "重复记账")
	if err != nil {
		t.Fatalf("ReverseLedgerEntry: %v", err)
	}
	fx.rev = rev
	return fx
}

// harness drives a page as the app does: it runs the commands the page
// returns, keeps the status line and feeds DataChangedMsg back.
type harness struct {
	t      *testing.T
	p      *Page
	c      *common.Common
	w, h   int
	status common.StatusMsg
	// changed counts DataChangedMsg broadcasts
	changed []common.DataChangedMsg
}

func newHarness(t *testing.T, lang i18n.Lang, w, h int, withData bool) (*harness, fixture) {
	t.Helper()
	s := openStore(t)
	var fx fixture
	if withData {
		fx = seed(t, s)
	}
	c := &common.Common{Store: s, Lang: lang, Styles: styles.Default(), Keys: keymap.New(lang),
		Today: func() model.Date { return model.DateOf(testNow) }, Operator: op, Width: w, Height: h}
	hs := &harness{t: t, c: c, w: w, h: h}
	hs.p = New(c)
	hs.p.SetSize(w, hs.pageHeight())
	return hs, fx
}

// pageHeight is what the app leaves a page: the screen less a header, the
// tab line, the status line and the key hints.
func (hs *harness) pageHeight() int { return hs.h - 4 }

func (hs *harness) send(msgs ...tea.Msg) {
	for _, m := range msgs {
		page, cmd := hs.p.Update(m)
		hs.p = page.(*Page)
		hs.run(cmd)
	}
}

func (hs *harness) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			hs.run(c)
		}
	case common.StatusMsg:
		hs.status = msg
	case common.DataChangedMsg:
		hs.changed = append(hs.changed, msg)
		hs.send(msg)
	case nil:
	default:
		hs.send(msg)
	}
}

func press(s string) tea.Msg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	case "ctrl+u":
		return tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}
	}
	r := []rune(s)
	return tea.KeyPressMsg{Code: r[0], Text: s}
}

// typeText types one key per character (an input method would commit a
// Chinese word at once; the field takes either).
func (hs *harness) typeText(s string) {
	for _, r := range s {
		hs.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func (hs *harness) keys(ks ...string) {
	for _, k := range ks {
		hs.send(press(k))
	}
}

// screen renders the page as the app would frame it: the page's lines,
// then the status line and the key hints, without colours.
func (hs *harness) screen() string {
	hs.t.Helper()
	lines := strings.Split(hs.p.View(), "\n")
	ph := hs.pageHeight()
	if len(lines) > ph {
		lines = lines[:ph]
	}
	for len(lines) < ph {
		lines = append(lines, "")
	}
	hl := help.New()
	hl.ShortSeparator = "  "
	hl.Ellipsis = "~"
	hl.SetWidth(hs.w)
	status := ansi.Truncate(strings.ReplaceAll(hs.status.Text, "\n", "; "), hs.w, "~")
	out := strings.Join(lines, "\n") + "\n" + status + "\n" + hl.ShortHelpView(hs.p.ShortHelp())
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.NoTTY}
	if _, err := w.WriteString(out); err != nil {
		hs.t.Fatal(err)
	}
	return buf.String()
}

func (hs *harness) requireGolden() {
	hs.t.Helper()
	out := hs.screen()
	lines := strings.Split(out, "\n")
	if len(lines) != hs.h-2 {
		hs.t.Errorf("screen has %d lines, want %d", len(lines), hs.h-2)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got > hs.w {
			hs.t.Errorf("line %d is %d cells wide, more than %d: %q", i, got, hs.w, l)
		}
	}
	golden.RequireEqual(hs.t, []byte(out))
}

func contains(t *testing.T, out string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Errorf("screen lacks %q:\n%s", w, out)
		}
	}
}

func lacks(t *testing.T, out string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(out, w) {
			t.Errorf("screen shows %q but should not:\n%s", w, out)
		}
	}
}

var sizes = []struct{ w, h int }{{80, 24}, {120, 40}}

var langs = []struct {
	name string
	lang i18n.Lang
}{{"zh", i18n.ZH}, {"en", i18n.EN}}

func each(t *testing.T, fn func(t *testing.T, lang i18n.Lang, w, h int)) {
	for _, l := range langs {
		for _, s := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", l.name, s.w, s.h), func(t *testing.T) { fn(t, l.lang, s.w, s.h) })
		}
	}
}

func TestGoldenLedgerList(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.requireGolden()
	})
}

func TestGoldenLedgerAllMonthsIncome(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.keys("a", "t") // every month, income only
		hs.requireGolden()
	})
}

func TestGoldenLedgerFormWithErrors(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.keys("n", "tab", "tab", "enter")
		hs.typeText("wt") // 文体 by its pinyin initials
		hs.keys("enter", "tab")
		hs.typeText("12.345")
		hs.keys("tab")
		hs.typeText("青山镇文化站")
		hs.keys("ctrl+s")
		hs.requireGolden()
	})
}

func TestGoldenLedgerDetailOfDues(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, fx := newHarness(t, lang, w, h, true)
		if !hs.p.selectID(fx.payment.LedgerID) {
			t.Fatal("the dues entry is not in the list")
		}
		hs.keys("enter")
		hs.requireGolden()
	})
}

func TestGoldenLedgerStatement(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.keys("S")
		hs.requireGolden()
	})
}

func TestGoldenLedgerStatementYear(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.keys("S", "y")
		hs.requireGolden()
	})
}
