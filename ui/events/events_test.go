package events

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/uitest"
)

const op = uitest.Operator

type fixture struct {
	u1, u2  model.Unit
	members []model.Member // 张三 李四 (u1), 王芳 赵六 (u2), 钱七 (u2, left)
	ball    model.Event    // basketball, both units, with a cost
	safety  model.Event    // safety training, unit 2, outside participants
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

// harness drives the page as the app does (see uitest.PageHarness); a
// page drawing more lines than it has fails, and so does a golden screen
// with an ambiguous-width glyph.
type harness struct {
	*uitest.PageHarness[*Page]
}

func newHarness(t *testing.T, lang i18n.Lang, w, h int, withEvents bool) (*harness, fixture) {
	t.Helper()
	s := uitest.OpenStore(t, uitest.FixedNow)
	fx := seedRoster(t, s)
	if withEvents {
		seedEvents(t, s, &fx)
	}
	hs := &harness{uitest.NewPageHarness(t, uitest.NewCommon(s, lang, uitest.FixedNow), w, h, New)}
	hs.StrictHeight = true
	hs.Glyphs = []string{"“", "”", "…", "·", "─", "①", "→"}
	return hs, fx
}

// form is the form in front; the test stops without one.
func (hs *harness) form() *form.Form {
	hs.TB.Helper()
	f, ok := hs.P.Top().(interface{ Form() *form.Form })
	if !ok {
		hs.TB.Fatalf("no form in front (%T):\n%s", hs.P.Top(), hs.Screen())
	}
	return f.Form()
}

// list is the tab's list, under whatever is in front.
func (hs *harness) list() *list { return hs.P.Root().(*list) }

// on reports whether the screen in front is a T.
func on[T common.Screen](hs *harness) bool {
	_, ok := hs.P.Top().(T)
	return ok
}

// focus tabs to a form field.
func (hs *harness) focus(key string) {
	hs.TB.Helper()
	for range 20 {
		if hs.form().Focused() == key {
			return
		}
		hs.Keys("tab")
	}
	hs.TB.Fatalf("no field %s", key)
}

// fill replaces a text field's content.
func (hs *harness) fill(key, text string) {
	hs.TB.Helper()
	hs.focus(key)
	hs.Keys("ctrl+u")
	hs.Type(text)
}

func TestGoldenEventsList(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.RequireGolden()
	})
}

func TestGoldenEventDetail(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, fx := newHarness(t, lang, w, h, true)
		hs.list().selectID(fx.ball.ID)
		hs.Keys("enter")
		hs.RequireGolden()
	})
}

func TestGoldenEventFormWithErrors(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("n")
		hs.Type("职工拔河比赛")
		hs.fill(fStart, "2026-11-10")
		hs.fill(fEnd, "2026-11-08")
		hs.fill(fOthers, "-3")
		hs.fill(fCost, "-50")
		hs.fill(fAttachments, "/nowhere/签到表.jpg")
		hs.Keys("ctrl+s")
		hs.RequireGolden()
	})
}

func TestGoldenEventChooser(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("n")
		hs.focus(fMembers)
		hs.Keys("enter", "space", "down", "space")
		hs.RequireGolden()
	})
}

func TestGoldenEventFigures(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, true)
		hs.Keys("f")
		hs.RequireGolden()
	})
}

func TestGoldenEventsEmpty(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs, _ := newHarness(t, lang, w, h, false)
		hs.RequireGolden()
	})
}

// The new user's walk: a basketball match for two units' members, a
// safety-training session with outside participants and a cost; the
// figures, the cash book and the members' histories change.
func TestRecordEventsAsANewUser(t *testing.T) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) {
		hs, fx := newHarness(t, lang, 120, 40, false)
		s := hs.C.Store
		ms := fx.members

		// Basketball: all active members of both units, added by unit.
		hs.Keys("n")
		hs.Type("职工篮球赛")
		hs.fill(fStart, "2026-11-14")
		hs.fill(fEnd, "2026-11-15")
		hs.fill(fPlace, "镇文体中心")
		hs.focus(fMembers)
		hs.Keys("enter", "u")
		hs.Type("hdjx") // 宏达机械 by pinyin initials
		hs.Keys("enter", "u")
		hs.Type("zxxx") // 中心小学
		hs.Keys("enter")
		ch, _ := hs.P.Top().(*chooser)
		if got := ch.count(); ch == nil || got != 4 {
			t.Fatalf("chooser has %d members ticked, want 4 (钱七 has left):\n%s", got, hs.Screen())
		}
		hs.Keys("enter")
		hs.fill(fCost, "2,400.00")
		hs.Keys("ctrl+s")
		if !on[*detail](hs) {
			t.Fatalf("not saved: %q\n%s", hs.Status.Text, hs.Screen())
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
		uitest.Contains(t, hs.Screen(), "职工篮球赛", "2,400.00", "张三", "赵六")

		// Safety training: one member searched by name, 18 outsiders, a cost.
		hs.Keys("esc", "n")
		hs.Type("安全生产培训")
		hs.focus(fType)
		hs.Keys("right") // the type: training
		hs.fill(fStart, "2026-11-18")
		hs.focus(fMembers)
		hs.Keys("enter", "/")
		hs.Type("wf")
		hs.Keys("space", "enter")
		hs.fill(fOthers, "18")
		hs.fill(fCost, "800")
		hs.Keys("ctrl+s")
		es, _ = s.Events(0, 0)
		if len(es) != 2 {
			t.Fatalf("events %d; status %q\n%s", len(es), hs.Status.Text, hs.Screen())
		}
		tr := es[1]
		if tr.Type != model.EventTraining || tr.Others != 18 || tr.PersonTimes() != 19 || tr.Account != "50101" || tr.Members[0] != ms[2].ID {
			t.Errorf("training %+v", tr)
		}
		if bal, _ := s.Balance(); bal != -model.Yuan(3200) {
			t.Errorf("balance %s", bal)
		}
		// Figures of the year.
		hs.Keys("esc", "f")
		out := hs.Screen()
		uitest.Contains(t, out, "23", "3,200.00")
		f, _ := s.EventFigures(20260101, 20261231)
		if f.Events != 2 || f.PersonTimes != 4+19 {
			t.Errorf("figures %+v", f)
		}
		// The members' histories.
		title, lines := MemberSection()(hs.C, &ms[2], 100)
		if !strings.Contains(title, "2") || len(lines) != 2 || !strings.Contains(lines[0], "安全生产培训") {
			t.Errorf("王芳's events %q %q", title, lines)
		}
		_, lines = MemberSection()(hs.C, &ms[4], 100)
		if len(lines) != 1 || strings.Contains(lines[0], "篮球") {
			t.Errorf("钱七 (left) %q", lines)
		}
		// The overview's line.
		sec := OverviewSection()
		r, err := sec.Compute(s, model.DateOf(uitest.FixedNow))
		if err != nil {
			t.Fatal(err)
		}
		var ov string
		for _, g := range sec.Render(hs.C, r) {
			ov += g.String() + "\n"
		}
		uitest.Contains(t, ov, "23", "3,200.00")
	})
}

func TestBadInputWritesNothing(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 120, 40, true)
	s := hs.C.Store
	before, _ := s.Events(0, 0)
	hs.Keys("n")
	hs.Type("职工拔河比赛")
	hs.fill(fStart, "2026-11-10")
	hs.fill(fEnd, "2026-11-08")
	hs.Keys("ctrl+s")
	ps := hs.form().Problems()
	if !ps.Has(fEnd, "events.end_before_start") {
		t.Errorf("problems %v", ps)
	}
	hs.fill(fEnd, "")
	hs.fill(fOthers, "-2")
	hs.fill(fCost, "-5")
	hs.Keys("ctrl+s")
	ps = hs.form().Problems()
	if !ps.Has(fOthers, "problem.negative") || !ps.Has(fCost, "problem.negative") {
		t.Errorf("problems %v", ps)
	}
	hs.fill(fOthers, "2")
	hs.fill(fCost, "5")
	hs.fill(fAttachments, "/nowhere/照片.jpg")
	hs.Keys("ctrl+s")
	if !on[*eventForm](hs) || !strings.Contains(hs.Screen(), "/nowhere/照片.jpg") {
		t.Errorf("missing attachment not shown:\n%s", hs.Screen())
	}
	after, _ := s.Events(0, 0)
	if len(after) != len(before) {
		t.Errorf("%d events written", len(after)-len(before))
	}
	// With a real attachment it saves.
	path := filepath.Join(t.TempDir(), "签到表.jpg")
	os.WriteFile(path, []byte("x"), 0o600)
	hs.fill(fAttachments, path)
	hs.Keys("ctrl+s")
	if !on[*detail](hs) {
		t.Fatalf("not saved: %q", hs.Status.Text)
	}
	if len(hs.Changed) != 1 || hs.Changed[0].Entity != model.EntityEvent {
		t.Errorf("broadcasts %v", hs.Changed)
	}
}

func TestChangeCostReverses(t *testing.T) {
	hs, fx := newHarness(t, i18n.EN, 120, 40, true)
	s := hs.C.Store
	hs.list().selectID(fx.ball.ID)
	hs.Keys("enter", "r")
	hs.Keys("ctrl+s")
	if !on[*costForm](hs) || !hs.form().Problems().Has(fCost, "events.cost_unchanged") {
		t.Fatalf("unchanged cost accepted: %v", hs.form().Problems())
	}
	hs.fill(fCost, "3000")
	hs.fill(fReason, "invoice mistyped")
	hs.Keys("ctrl+s")
	if !on[*detail](hs) {
		t.Fatalf("not saved: %q\n%s", hs.Status.Text, hs.Screen())
	}
	e, _ := s.Event(fx.ball.ID)
	if e.Cost != model.Yuan(3000) || len(e.LedgerIDs) != 3 {
		t.Fatalf("event %+v", e)
	}
	if by, _ := s.LedgerReversedBy(fx.ball.LedgerID); by == 0 {
		t.Error("the old entry was not reversed")
	}
	uitest.Contains(t, hs.Screen(), "3,000.00", "reversal", "reversed")
	// An edit of the title alone posts nothing.
	hs.Keys("e")
	hs.fill(fTitle, "2026 staff basketball")
	hs.Keys("ctrl+s")
	e2, _ := s.Event(fx.ball.ID)
	if e2.Title != "2026 staff basketball" || len(e2.LedgerIDs) != 3 {
		t.Errorf("after the edit %+v", e2)
	}
	// The event with a cost cannot be deleted; the one without can.
	hs.Keys("d")
	if !hs.Status.Error {
		t.Error("deleting an event with a cost was not refused")
	}
	hs.Keys("esc")
	hs.list().selectID(fx.safety.ID)
	hs.Keys("enter", "d", "y")
	if _, err := s.Event(fx.safety.ID); err == nil {
		t.Error("the event without a cost was not deleted")
	}
}

func TestFiltersAndSearch(t *testing.T) {
	hs, fx := newHarness(t, i18n.ZH, 120, 40, true)
	if len(hs.list().view) != 2 {
		t.Fatalf("%d events shown", len(hs.list().view))
	}
	hs.Keys("t") // 文体活动
	if len(hs.list().view) != 1 || hs.list().all[hs.list().view[0]].ID != fx.ball.ID {
		t.Errorf("type filter: %v", hs.list().view)
	}
	hs.Keys("t", "x", "u")
	hs.Type("zxxx")
	hs.Keys("enter")
	if len(hs.list().view) != 1 || hs.list().all[hs.list().view[0]].ID != fx.safety.ID {
		t.Errorf("unit filter: %v", hs.list().view)
	}
	hs.Keys("x", "[") // this month: November
	if len(hs.list().view) != 1 || hs.list().all[hs.list().view[0]].ID != fx.safety.ID {
		t.Errorf("month filter: %v", hs.list().view)
	}
	hs.Keys("x", "/")
	hs.Type("lqs") // 篮球赛
	if len(hs.list().view) != 1 || hs.list().all[hs.list().view[0]].ID != fx.ball.ID {
		t.Errorf("search: %v", hs.list().view)
	}
	if c := hs.P.Cursor(); c == nil {
		t.Error("no cursor in the search box")
	}
	// The figures' periods step by half-year.
	hs.Keys("esc", "f", "p")
	uitest.Contains(t, hs.Screen(), "2026年下半年")
	hs.Keys("[")
	uitest.Contains(t, hs.Screen(), "2026年上半年", "本期没有活动")
}
