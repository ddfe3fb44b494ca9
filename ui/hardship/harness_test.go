package hardship

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

type fixture struct {
	zs, ls model.Member
	file   model.HardshipFile // 李四's active file with aid
}

// seed: a union with 低保 850, two members, and 李四 filed (active since
// 2025, reviewed in 2025, given 送温暖 in January 2026).
func seed(t *testing.T, s *storage.Store) fixture {
	t.Helper()
	var fx fixture
	p := model.DefaultProfile()
	p.UnionName, p.MinLiving, p.Operator = "青山镇总工会", model.Yuan(850), op
	if err := s.SaveProfile(op, p); err != nil {
		t.Fatal(err)
	}
	u := &model.Unit{Name: "青山镇宏达机械制造有限公司工会", Kind: 170, Employees: 320}
	if err := s.CreateUnit(op, u); err != nil {
		t.Fatal(err)
	}
	fx.zs = model.Member{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", UnitID: u.ID, JoinDate: 20150301}
	fx.ls = model.Member{Name: "李四", Gender: model.Male, IDNumber: "110101198505051238", UnitID: u.ID, JoinDate: 20120301}
	for _, m := range []*model.Member{&fx.zs, &fx.ls} {
		if err := s.CreateMember(op, m); err != nil {
			t.Fatal(err)
		}
	}
	fx.file = model.HardshipFile{MemberID: fx.ls.ID, Status: model.HardshipActive, Category: model.CategoryRelative,
		MainCause: model.CauseLaidOff, HouseholdSize: 3, YearlyIncome: model.Yuan(43200), Health: "高血压",
		BankName: "中国农业银行", BankAccount: "6228480012345678901", AppliedDate: 20250310,
		Household: []model.HouseholdMember{{Name: "王芳", Relation: "配偶", MonthlyIncome: model.Yuan(1200), SchoolOrWork: "灵活就业"}}}
	if err := s.CreateHardshipFile(op, &fx.file); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReviewHardshipFile(op, fx.file.ID, model.HardshipReview{Date: 20251105, Reviewer: "王主席", Finding: "情况未变，继续在档"}); err != nil {
		t.Fatal(err)
	}
	a := model.AidRecord{FileID: fx.file.ID, Type: model.AidWarmth, Date: 20260120, Cash: model.Yuan(800), Goods: "米、油", GoodsValue: model.Yuan(200),
		Fund: model.FundHigher, Approver: "王主席"}
	if _, err := s.RecordAid(op, &a); err != nil {
		t.Fatal(err)
	}
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
