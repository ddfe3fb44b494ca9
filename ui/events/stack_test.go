package events

import (
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// esc on the event form with changes asks; n keeps the form as typed, y
// drops it. The chooser with a changed choice asks too.
func TestEscOnAChangedEventFormAsks(t *testing.T) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) {
		hs, fx := newHarness(t, lang, 120, 40, true)
		T := lang.T
		hs.list().selectID(fx.ball.ID)
		hs.Keys("enter", "e")
		hs.fill(fPlace, "镇体育馆")
		hs.Keys("esc")
		uitest.Contains(t, hs.Screen(), T("stack.discard_confirm"))
		hs.Keys("n")
		if !on[*eventForm](hs) || hs.form().Value(fPlace) != "镇体育馆" {
			t.Fatalf("n did not keep the form:\n%s", hs.Screen())
		}
		// the participants: a changed choice is not dropped silently
		hs.focus(fMembers)
		hs.Keys("enter", "space")
		hs.Keys("esc")
		if !on[*chooser](hs) || !hs.P.Confirming() {
			t.Fatalf("esc dropped a changed choice:\n%s", hs.Screen())
		}
		hs.Keys("y")
		if !on[*eventForm](hs) {
			t.Fatalf("y goes back to the form, got %T", hs.P.Top())
		}
		hs.Keys("esc", "y")
		if !on[*detail](hs) {
			t.Fatalf("y drops the form, got %T", hs.P.Top())
		}
		if e, _ := hs.C.Store.Event(fx.ball.ID); e.Place != fx.ball.Place || len(e.Members) != 4 {
			t.Errorf("a dropped form was saved: %+v", e)
		}
		// an unchanged chooser goes at once
		hs.Keys("e")
		hs.focus(fMembers)
		hs.Keys("enter", "esc")
		if !on[*eventForm](hs) {
			t.Errorf("esc on an unchanged chooser: %T", hs.P.Top())
		}
	})
}

// A saved edit goes back to the detail, read again, and the list under it
// shows the new title.
func TestSavedEventFormPopsToARefreshedDetailAndList(t *testing.T) {
	hs, fx := newHarness(t, i18n.EN, 120, 40, true)
	hs.list().selectID(fx.ball.ID)
	hs.Keys("enter", "e")
	hs.fill(fTitle, "Staff basketball final")
	hs.Keys("ctrl+s")
	if hs.P.Depth() != 2 || !on[*detail](hs) {
		t.Fatalf("after saving: depth %d, %T", hs.P.Depth(), hs.P.Top())
	}
	uitest.Contains(t, hs.Screen(), "Staff basketball final")
	hs.Keys("esc")
	out := hs.Screen()
	uitest.Contains(t, out, "Staff basketball final")
	uitest.Lacks(t, out, "2026年职工篮球赛")
	// a new event from the list: its detail over the list
	hs.Keys("n")
	hs.Type("职工拔河比赛")
	hs.Keys("ctrl+s")
	if hs.P.Depth() != 2 || !on[*detail](hs) {
		t.Fatalf("after creating: depth %d, %T; %q", hs.P.Depth(), hs.P.Top(), hs.Status.Text)
	}
	hs.Keys("esc")
	uitest.Contains(t, hs.Screen(), "职工拔河比赛")
}

// Another tab's write reaches the list under an open detail, the detail
// and the participants' names.
func TestChangeFromAnotherTabRefreshesUnderTheDetail(t *testing.T) {
	hs, fx := newHarness(t, i18n.ZH, 120, 40, true)
	s := hs.C.Store
	hs.list().selectID(fx.ball.ID)
	hs.Keys("enter")
	uitest.Contains(t, hs.Screen(), "张三")
	m := fx.members[0]
	m.Name = "张叁"
	if err := s.UpdateMember(op, &m); err != nil {
		t.Fatal(err)
	}
	tug := model.Event{Title: "职工拔河比赛", Type: model.EventSports, Start: 20261120, Members: []uint64{m.ID}}
	if err := s.CreateEvent(op, &tug); err != nil {
		t.Fatal(err)
	}
	hs.Send(common.DataChangedMsg{Entity: model.EntityMember, ID: m.ID})
	if hs.P.Depth() != 2 {
		t.Fatalf("a change elsewhere moved the user: depth %d", hs.P.Depth())
	}
	uitest.Contains(t, hs.Screen(), "张叁")
	hs.Keys("esc")
	uitest.Contains(t, hs.Screen(), "职工拔河比赛")
}

// The figures keep their period between visits, as before.
func TestFiguresKeepTheirPeriod(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 120, 40, true)
	hs.Keys("f", "p", "[", "esc", "f")
	uitest.Contains(t, hs.Screen(), "2026年上半年")
}
