package events

import (
	"bytes"
	"fmt"
	"os"
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

type fixture struct {
	u1, u2  model.Unit
	members []model.Member // 张三 李四 (u1), 王芳 赵六 (u2), 钱七 (u2, left)
	ball    model.Event    // basketball, both units, with a cost
	safety  model.Event    // safety training, unit 2, outside participants
}

func openStore(t *testing.T) *storage.Store {
	t.Helper()
	s, err := storage.Open(filepath.Join(t.TempDir(), "x.db"), storage.Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func seedRoster(t *testing.T, s *storage.Store) fixture {
	t.Helper()
	var fx fixture
	if err := s.SaveProfile(op, model.Profile{UnionName: "青山镇总工会", DuesRateBP: 50, Operator: op}); err != nil {
		t.Fatal(err)
	}
	fx.u1 = model.Unit{Name: "青山镇宏达机械制造有限公司工会", Kind: 170, Employees: 320}
	fx.u2 = model.Unit{Name: "青山镇中心小学工会", Kind: 400, Employees: 80}
	for _, u := range []*model.Unit{&fx.u1, &fx.u2} {
		if err := s.CreateUnit(op, u); err != nil {
			t.Fatal(err)
		}
	}
	people := []struct {
		name, id string
		unit     uint64
	}{
		{"张三", "110101199003078670", fx.u1.ID},
		{"李四", "440308199901101512", fx.u1.ID},
		{"王芳", "500154199804106120", fx.u2.ID},
		{"赵六", "350303199002033073", fx.u2.ID},
		{"钱七", "430302199312194239", fx.u2.ID},
	}
	for _, p := range people {
		m := model.Member{Name: p.name, IDNumber: p.id, UnitID: p.unit, JoinDate: 20150301}
		if err := s.CreateMember(op, &m); err != nil {
			t.Fatal(err)
		}
		fx.members = append(fx.members, m)
	}
	if _, err := s.ChangeStatus(op, fx.members[4].ID, model.StatusChange{To: model.StatusLeft, Date: 20260101, Reason: "离职"}); err != nil {
		t.Fatal(err)
	}
	return fx
}

func seedEvents(t *testing.T, s *storage.Store, fx *fixture) {
	t.Helper()
	ms := fx.members
	fx.ball = model.Event{Title: "2026年职工篮球赛", Type: model.EventSports, Start: 20261010, End: 20261011,
		Place: "镇文体中心篮球场", Members: []uint64{ms[0].ID, ms[1].ID, ms[2].ID, ms[3].ID}, Others: 6,
		Cost: 345050, Summary: "两个单位的会员组队参赛，宏达机械队获冠军。"}
	fx.safety = model.Event{Title: "消防安全培训", Type: model.EventTraining, Start: 20261105, UnitID: fx.u2.ID,
		Place: "中心小学礼堂", Members: []uint64{ms[2].ID, ms[3].ID}, Others: 25}
	for _, e := range []*model.Event{&fx.ball, &fx.safety} {
		if err := s.CreateEvent(op, e); err != nil {
			t.Fatal(err)
		}
	}
}

// harness drives a page as the app does.
type harness struct {
	t       *testing.T
	p       *Page
	c       *common.Common
	w, h    int
	status  common.StatusMsg
	changed []common.DataChangedMsg
}

func newHarness(t *testing.T, lang i18n.Lang, w, h int, withEvents bool) (*harness, fixture) {
	t.Helper()
	s := openStore(t)
	fx := seedRoster(t, s)
	if withEvents {
		seedEvents(t, s, &fx)
	}
	c := &common.Common{Store: s, Lang: lang, Styles: styles.Default(), Keys: keymap.New(lang),
		Today: func() model.Date { return model.DateOf(testNow) }, Operator: op, Width: w, Height: h}
	hs := &harness{t: t, c: c, w: w, h: h}
	hs.p = New(c)
	hs.p.SetSize(w, hs.pageHeight())
	return hs, fx
}

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
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
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

// focus tabs to a form field.
func (hs *harness) focus(key string) {
	hs.t.Helper()
	for range 20 {
		if hs.p.form.Focused() == key {
			return
		}
		hs.keys("tab")
	}
	hs.t.Fatalf("no field %s", key)
}

// fill replaces a text field's content.
func (hs *harness) fill(key, text string) {
	hs.t.Helper()
	hs.focus(key)
	hs.keys("ctrl+u")
	hs.typeText(text)
}

func (hs *harness) screen() string {
	hs.t.Helper()
	lines := strings.Split(hs.p.View(), "\n")
	ph := hs.pageHeight()
	if len(lines) > ph {
		hs.t.Errorf("page drew %d lines, more than its %d", len(lines), ph)
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
	for i, l := range strings.Split(out, "\n") {
		if got := ansi.StringWidth(l); got > hs.w {
			hs.t.Errorf("line %d is %d cells wide, more than %d: %q", i, got, hs.w, l)
		}
		for _, g := range []string{"“", "”", "…", "·", "─", "①", "→"} {
			if strings.Contains(l, g) {
				hs.t.Errorf("line %d draws the ambiguous-width glyph %q: %q", i, g, l)
			}
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

func TestGoldenEventsList(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.requireGolden()
	})
}

func TestGoldenEventDetail(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, fx := newHarness(t, lang, w, h, true)
		hs.p.selectID(fx.ball.ID)
		hs.keys("enter")
		hs.requireGolden()
	})
}

func TestGoldenEventFormWithErrors(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.keys("n")
		hs.typeText("职工拔河比赛")
		hs.fill(fStart, "2026-11-10")
		hs.fill(fEnd, "2026-11-08")
		hs.fill(fOthers, "-3")
		hs.fill(fCost, "-50")
		hs.fill(fAttachments, "/nowhere/签到表.jpg")
		hs.keys("ctrl+s")
		hs.requireGolden()
	})
}

func TestGoldenEventChooser(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.keys("n")
		hs.focus(fMembers)
		hs.keys("enter", "space", "down", "space")
		hs.requireGolden()
	})
}

func TestGoldenEventFigures(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.keys("f")
		hs.requireGolden()
	})
}

func TestGoldenEventsEmpty(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, false)
		hs.requireGolden()
	})
}

// The new user's walk: a basketball match for two units' members, a
// safety-training session with outside participants and a cost; the
// figures, the cash book and the members' histories change.
func TestRecordEventsAsANewUser(t *testing.T) {
	for _, l := range langs {
		t.Run(l.name, func(t *testing.T) {
			hs, fx := newHarness(t, l.lang, 120, 40, false)
			s := hs.c.Store
			ms := fx.members

			// Basketball: all active members of both units, added by unit.
			hs.keys("n")
			hs.typeText("职工篮球赛")
			hs.fill(fStart, "2026-11-14")
			hs.fill(fEnd, "2026-11-15")
			hs.fill(fPlace, "镇文体中心")
			hs.focus(fMembers)
			hs.keys("enter", "u")
			hs.typeText("hdjx") // 宏达机械 by pinyin initials
			hs.keys("enter", "u")
			hs.typeText("zxxx") // 中心小学
			hs.keys("enter")
			if got := hs.p.chooser.count(); got != 4 {
				t.Fatalf("chooser has %d members ticked, want 4 (钱七 has left):\n%s", got, hs.screen())
			}
			hs.keys("enter")
			hs.fill(fCost, "2,400.00")
			hs.keys("ctrl+s")
			if hs.p.mode != modeDetail {
				t.Fatalf("not saved: %q\n%s", hs.status.Text, hs.screen())
			}
			es, _ := s.Events(0, 0)
			if len(es) != 1 || len(es[0].Members) != 4 || es[0].Cost != model.Yuan(2400) || es[0].Account != "50102" {
				t.Fatalf("stored %+v", es)
			}
			ball := es[0]
			le, _ := s.LedgerEntry(ball.LedgerID)
			if le.Amount != model.Yuan(2400) || le.Date != 20261115 {
				t.Errorf("cash book %+v", le)
			}
			contains(t, hs.screen(), "职工篮球赛", "2,400.00", "张三", "赵六")

			// Safety training: one member searched by name, 18 outsiders, a cost.
			hs.keys("esc", "n")
			hs.typeText("安全生产培训")
			hs.focus(fType)
			hs.keys("right") // the type: training
			hs.fill(fStart, "2026-11-18")
			hs.focus(fMembers)
			hs.keys("enter", "/")
			hs.typeText("wf")
			hs.keys("space", "enter")
			hs.fill(fOthers, "18")
			hs.fill(fCost, "800")
			hs.keys("ctrl+s")
			es, _ = s.Events(0, 0)
			if len(es) != 2 {
				t.Fatalf("events %d; status %q\n%s", len(es), hs.status.Text, hs.screen())
			}
			tr := es[1]
			if tr.Type != model.EventTraining || tr.Others != 18 || tr.PersonTimes() != 19 || tr.Account != "50101" || tr.Members[0] != ms[2].ID {
				t.Errorf("training %+v", tr)
			}
			if bal, _ := s.Balance(); bal != -model.Yuan(3200) {
				t.Errorf("balance %s", bal)
			}
			// Figures of the year.
			hs.keys("esc", "f")
			out := hs.screen()
			contains(t, out, "23", "3,200.00")
			f, _ := s.EventFigures(20260101, 20261231)
			if f.Events != 2 || f.PersonTimes != 4+19 {
				t.Errorf("figures %+v", f)
			}
			// The members' histories.
			title, lines := MemberSection()(hs.c, &ms[2], 100)
			if !strings.Contains(title, "2") || len(lines) != 2 || !strings.Contains(lines[0], "安全生产培训") {
				t.Errorf("王芳's events %q %q", title, lines)
			}
			_, lines = MemberSection()(hs.c, &ms[4], 100)
			if len(lines) != 1 || strings.Contains(lines[0], "篮球") {
				t.Errorf("钱七 (left) %q", lines)
			}
			// The overview's line.
			sec := OverviewSection()
			r, err := sec.Compute(s, model.DateOf(testNow))
			if err != nil {
				t.Fatal(err)
			}
			ov := strings.Join(sec.Render(hs.c, r, 120), "\n")
			contains(t, ov, "23", "3,200.00")
		})
	}
}

func TestBadInputWritesNothing(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 120, 40, true)
	s := hs.c.Store
	before, _ := s.Events(0, 0)
	hs.keys("n")
	hs.typeText("职工拔河比赛")
	hs.fill(fStart, "2026-11-10")
	hs.fill(fEnd, "2026-11-08")
	hs.keys("ctrl+s")
	ps := hs.p.form.Problems()
	if !ps.Has(fEnd, "events.end_before_start") {
		t.Errorf("problems %v", ps)
	}
	hs.fill(fEnd, "")
	hs.fill(fOthers, "-2")
	hs.fill(fCost, "-5")
	hs.keys("ctrl+s")
	ps = hs.p.form.Problems()
	if !ps.Has(fOthers, "problem.negative") || !ps.Has(fCost, "problem.negative") {
		t.Errorf("problems %v", ps)
	}
	hs.fill(fOthers, "2")
	hs.fill(fCost, "5")
	hs.fill(fAttachments, "/nowhere/照片.jpg")
	hs.keys("ctrl+s")
	if hs.p.mode != modeForm || !strings.Contains(hs.screen(), "/nowhere/照片.jpg") {
		t.Errorf("missing attachment not shown:\n%s", hs.screen())
	}
	after, _ := s.Events(0, 0)
	if len(after) != len(before) {
		t.Errorf("%d events written", len(after)-len(before))
	}
	// With a real attachment it saves.
	path := filepath.Join(t.TempDir(), "签到表.jpg")
	os.WriteFile(path, []byte("x"), 0o600)
	hs.fill(fAttachments, path)
	hs.keys("ctrl+s")
	if hs.p.mode != modeDetail {
		t.Fatalf("not saved: %q", hs.status.Text)
	}
	if len(hs.changed) != 1 || hs.changed[0].Entity != "event" {
		t.Errorf("broadcasts %v", hs.changed)
	}
}

func TestChangeCostReverses(t *testing.T) {
	hs, fx := newHarness(t, i18n.EN, 120, 40, true)
	s := hs.c.Store
	hs.p.selectID(fx.ball.ID)
	hs.keys("enter", "r")
	hs.keys("ctrl+s")
	if hs.p.mode != modeCost || !hs.p.form.Problems().Has(fCost, "events.cost_unchanged") {
		t.Fatalf("unchanged cost accepted: %v", hs.p.form.Problems())
	}
	hs.fill(fCost, "3000")
	hs.fill(fReason, "invoice mistyped")
	hs.keys("ctrl+s")
	if hs.p.mode != modeDetail {
		t.Fatalf("not saved: %q\n%s", hs.status.Text, hs.screen())
	}
	e, _ := s.Event(fx.ball.ID)
	if e.Cost != model.Yuan(3000) || len(e.LedgerIDs) != 3 {
		t.Fatalf("event %+v", e)
	}
	if by, _ := s.LedgerReversedBy(fx.ball.LedgerID); by == 0 {
		t.Error("the old entry was not reversed")
	}
	contains(t, hs.screen(), "3,000.00", "reversal", "reversed")
	// An edit of the title alone posts nothing.
	hs.keys("e")
	hs.fill(fTitle, "2026 staff basketball")
	hs.keys("ctrl+s")
	e2, _ := s.Event(fx.ball.ID)
	if e2.Title != "2026 staff basketball" || len(e2.LedgerIDs) != 3 {
		t.Errorf("after the edit %+v", e2)
	}
	// The event with a cost cannot be deleted; the one without can.
	hs.keys("d")
	if !hs.status.Error {
		t.Error("deleting an event with a cost was not refused")
	}
	hs.keys("esc")
	hs.p.selectID(fx.safety.ID)
	hs.keys("enter", "d", "y")
	if _, err := s.Event(fx.safety.ID); err == nil {
		t.Error("the event without a cost was not deleted")
	}
}

func TestFiltersAndSearch(t *testing.T) {
	hs, fx := newHarness(t, i18n.ZH, 120, 40, true)
	if len(hs.p.view) != 2 {
		t.Fatalf("%d events shown", len(hs.p.view))
	}
	hs.keys("t") // 文体活动
	if len(hs.p.view) != 1 || hs.p.all[hs.p.view[0]].ID != fx.ball.ID {
		t.Errorf("type filter: %v", hs.p.view)
	}
	hs.keys("t", "x", "u")
	hs.typeText("zxxx")
	hs.keys("enter")
	if len(hs.p.view) != 1 || hs.p.all[hs.p.view[0]].ID != fx.safety.ID {
		t.Errorf("unit filter: %v", hs.p.view)
	}
	hs.keys("x", "[") // this month: November
	if len(hs.p.view) != 1 || hs.p.all[hs.p.view[0]].ID != fx.safety.ID {
		t.Errorf("month filter: %v", hs.p.view)
	}
	hs.keys("x", "/")
	hs.typeText("lqs") // 篮球赛
	if len(hs.p.view) != 1 || hs.p.all[hs.p.view[0]].ID != fx.ball.ID {
		t.Errorf("search: %v", hs.p.view)
	}
	if c := hs.p.Cursor(); c == nil {
		t.Error("no cursor in the search box")
	}
	// The figures' periods step by half-year.
	hs.keys("esc", "f", "p")
	contains(t, hs.screen(), "2026年下半年")
	hs.keys("[")
	contains(t, hs.screen(), "2026年上半年", "本期没有活动")
}
