package auditlog

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

// Golden screens of the audit log at 80x24 in both languages.
// Regenerate with: go test ./ui/auditlog -update

var testNow = time.Date(2026, 11, 21, 9, 30, 0, 0, time.Local)

func newView(t *testing.T, lang i18n.Lang, seed func(*storage.Store)) *View {
	t.Helper()
	clock := testNow
	s, err := storage.Open(filepath.Join(t.TempDir(), "ub.db"), storage.Options{Now: func() time.Time {
		clock = clock.Add(7 * time.Minute)
		return clock
	}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if seed != nil {
		seed(s)
	} else {
		seedTown(t, s)
	}
	c := &common.Common{Store: s, Lang: lang, Styles: styles.Default(), Keys: keymap.New(lang), Operator: "李秘书",
		Today: func() model.Date { return model.DateOf(testNow) }, Width: 80, Height: 24}
	v := New(c)
	v.SetSize(80, 24)
	return v
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

func press(s string) tea.Msg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "end":
		return tea.KeyPressMsg{Code: tea.KeyEnd}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	}
	r := []rune(s)
	return tea.KeyPressMsg{Code: r[0], Text: s}
}

func send(v *View, msgs ...tea.Msg) {
	for _, m := range msgs {
		v.Update(m)
	}
}

func typeText(v *View, s string) {
	for _, r := range s {
		send(v, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func requireGolden(t *testing.T, v *View) {
	t.Helper()
	var buf bytes.Buffer
	w := &colorprofile.Writer{Forward: &buf, Profile: colorprofile.NoTTY}
	w.WriteString(v.View())
	out := buf.String()
	lines := strings.Split(out, "\n")
	if len(lines) != 24 {
		t.Errorf("view has %d lines, want 24", len(lines))
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > 80 {
			t.Errorf("line %d is %d cells wide: %q", i, ansi.StringWidth(l), l)
		}
	}
	golden.RequireEqual(t, []byte(out))
}

func each(t *testing.T, fn func(t *testing.T, lang i18n.Lang)) {
	for _, l := range []struct {
		name string
		lang i18n.Lang
	}{{"zh", i18n.ZH}, {"en", i18n.EN}} {
		t.Run(l.name+"_80x24", func(t *testing.T) { fn(t, l.lang) })
	}
}

func TestGoldenAuditList(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang) {
		requireGolden(t, newView(t, lang, nil))
	})
}

func TestGoldenAuditFiltered(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang) {
		v := newView(t, lang, nil)
		send(v, press("f"), press("a"), press("a")) // members, changed
		requireGolden(t, v)
	})
}

func TestGoldenAuditDetail(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang) {
		v := newView(t, lang, nil)
		send(v, press("down"), press("down"), press("enter")) // the member update
		requireGolden(t, v)
	})
}

func TestGoldenAuditDateInput(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang) {
		v := newView(t, lang, nil)
		send(v, press("d"))
		typeText(v, "2026-11-22..2026-11-21")
		send(v, press("enter"))
		if !v.Capturing() {
			t.Error("a reversed range was accepted")
		}
		requireGolden(t, v)
	})
}

func TestDateFilter(t *testing.T) {
	v := newView(t, i18n.ZH, nil)
	all := len(v.entries)
	send(v, press("d"))
	typeText(v, "2026-11-22..")
	send(v, press("enter"))
	if v.Capturing() || len(v.entries) != 0 {
		t.Errorf("entries after the last day: %d", len(v.entries))
	}
	send(v, press("d"))
	for range 20 {
		send(v, tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	typeText(v, "2026-11-21")
	send(v, press("enter"))
	if len(v.entries) != all {
		t.Errorf("entries of the day: %d, want %d", len(v.entries), all)
	}
	send(v, press("x"))
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
		send(v, press("end"))
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
