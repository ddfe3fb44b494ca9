package auditlog

import (
	"fmt"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/stack"
	"unionbook/ui/uitest"
)

// Golden screens of the audit log at 80x24 in both languages.
// Regenerate with: go test ./ui/auditlog -update

// view is the log on a stack as the Settings tab holds it: the list,
// with an entry's detail pushed over it.
type view struct {
	*stack.Stack
	*List
}

func newView(t *testing.T, lang i18n.Lang, seed func(*storage.Store)) *view {
	t.Helper()
	return newViewAt(t, lang, 80, 24, seed)
}

// newViewAt is newView at w x h.
func newViewAt(t *testing.T, lang i18n.Lang, w, h int, seed func(*storage.Store)) *view {
	t.Helper()
	// the clock moves seven minutes at each reading, so entries have times
	clock := uitest.FixedNow
	s := uitest.OpenStoreWith(t, storage.Options{Now: func() time.Time {
		clock = clock.Add(7 * time.Minute)
		return clock
	}})
	if seed != nil {
		seed(s)
	} else {
		seedTown(t, s)
	}
	c := uitest.NewCommon(s, lang, uitest.FixedNow)
	c.Width, c.Height = w, h
	st := stack.New(c, nil)
	l := New(c, st)
	st.Replace(l)
	st.SetSize(w, h)
	return &view{st, l}
}

func seedTown(t *testing.T, s *storage.Store) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.SaveProfile("李秘书", model.Profile{UnionName: "青山镇总工会", DuesRateBP: 50, Operator: "李秘书"}))
	u := &model.Unit{Name: "青山镇宏达机械制造有限公司工会", Kind: 170, Employees: 320, Women: 120, Chair: "王建国"}
	must(s.CreateUnit("李秘书", u))
	m := &model.Member{Name: "张三", Gender: model.Male, IDNumber: "110101199003078670", Phone: "13812345678", UnitID: u.ID, JoinDate: 20150301}
	must(s.CreateMember("李秘书", m))
	m2 := &model.Member{Name: "单丽华", Gender: model.Female, IDNumber: "500154199804106120", UnitID: u.ID, JoinDate: 20200601}
	must(s.CreateMember("王会计", m2))
	m.Phone = "13912345678"
	m.Job = "钳工"
	must(s.UpdateMember("李秘书", m))
	_, err := s.ChangeStatus("李秘书", m2.ID, model.StatusChange{Date: 20261101, To: model.StatusRetained, Reason: "退休"})
	must(err)
	u.Employees = 330
	must(s.UpdateUnit("王会计", u))
}

// press hands the view the keys named (see uitest.Key); the view's
// commands are not run.
func press(v *view, ks ...string) {
	for _, k := range ks {
		v.Stack.Update(uitest.Key(k))
	}
}

// typeText types s one key per character.
func typeText(v *view, s string) { uitest.Type(func(m tea.Msg) { v.Stack.Update(m) }, s) }

// requireGolden checks the 80x24 view, without colours, against its golden file.
func requireGolden(t *testing.T, v *view) {
	t.Helper()
	uitest.RequireGolden(t, uitest.Screen(v.Stack.View()), 80, 24)
}

// each runs fn in both languages at 80x24.
func each(t *testing.T, fn func(t *testing.T, lang i18n.Lang)) {
	uitest.EachIn(t, []uitest.Size{{W: 80, H: 24}}, func(t *testing.T, lang i18n.Lang, _, _ int) { fn(t, lang) })
}

func TestGoldenAuditList(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang) {
		requireGolden(t, newView(t, lang, nil))
	})
}

func TestGoldenAuditFiltered(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang) {
		v := newView(t, lang, nil)
		press(v, "f", "a", "a") // members, changed
		requireGolden(t, v)
	})
}

func TestGoldenAuditDetail(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang) {
		v := newView(t, lang, nil)
		press(v, "down", "down", "enter") // the member update
		requireGolden(t, v)
	})
}

func TestGoldenAuditDateInput(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang) {
		v := newView(t, lang, nil)
		press(v, "d")
		typeText(v, "2026-11-22..2026-11-21")
		press(v, "enter")
		if !v.Stack.Capturing() {
			t.Error("a reversed range was accepted")
		}
		requireGolden(t, v)
	})
}

func TestDateFilter(t *testing.T) {
	v := newView(t, i18n.ZH, nil)
	all := len(v.entries)
	press(v, "d")
	typeText(v, "2026-11-22..")
	press(v, "enter")
	if v.Stack.Capturing() || len(v.entries) != 0 {
		t.Errorf("entries after the last day: %d", len(v.entries))
	}
	press(v, "d")
	for range 20 {
		press(v, "backspace")
	}
	typeText(v, "2026-11-21")
	press(v, "enter")
	if len(v.entries) != all {
		t.Errorf("entries of the day: %d, want %d", len(v.entries), all)
	}
	press(v, "x")
	if v.filter != (storage.AuditFilter{}) || len(v.entries) != all {
		t.Errorf("clear: %+v %d", v.filter, len(v.entries))
	}
}

func TestPagingLoadsOlderEntries(t *testing.T) {
	v := newView(t, i18n.EN, func(s *storage.Store) {
		u := &model.Unit{Name: "分页测试工会", Kind: 170}
		s.CreateUnit("op", u)
		for i := range 450 {
			u.Employees = i + 1
			if err := s.UpdateUnit("op", u); err != nil {
				panic(err)
			}
		}
	})
	if len(v.entries) != pageSize || v.next == 0 {
		t.Fatalf("first page: %d entries, next %d", len(v.entries), v.next)
	}
	for range 3 {
		press(v, "end")
	}
	if len(v.entries) != 451 || v.next != 0 {
		t.Fatalf("after paging: %d entries, next %d", len(v.entries), v.next)
	}
	for i := 1; i < len(v.entries); i++ {
		if v.entries[i].ID >= v.entries[i-1].ID {
			t.Fatalf("entries out of order at %d", i)
		}
	}
	want := fmt.Sprintf("%d", 1)
	if got := v.entries[len(v.entries)-1]; fmt.Sprint(got.ID) != want {
		t.Errorf("oldest entry %d", got.ID)
	}
}
