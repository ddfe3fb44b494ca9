package form

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/picker"
	"unionbook/ui/stack"
	"unionbook/ui/uitest"
)

// A screen WithSubtitle draws the line under the title, wraps its end onto
// a second line (the fields move down), follows what the subtitle says
// now, and puts the caret on the field's line below them.
func TestScreenWithSubtitle(t *testing.T) {
	com := uitest.NewCommon(nil, i18n.EN, uitest.FixedNow)
	f := New(com, TextField("name", true, ""), TextField("phone", false, ""))
	sub := "the first words of a line under the title that is too long for the screen"
	st := stack.NewFunc(com, func(st *stack.Stack) common.Screen {
		return NewScreen(com, st, "A form", f, func() tea.Cmd { return nil }).WithSubtitle(func() string { return sub })
	})
	st.SetSize(40, 12)
	lines := strings.Split(ansi.Strip(st.View()), "\n")
	if lines[0] != "A form" || !strings.HasPrefix(lines[1], "the first words") || !strings.Contains(lines[2], "screen") {
		t.Fatalf("title and wrapped subtitle:\n%s", strings.Join(lines, "\n"))
	}
	if strings.TrimSpace(lines[3]) != "" || !strings.Contains(lines[4], "Name") {
		t.Errorf("the fields do not start on the fifth line, after a blank one:\n%s", strings.Join(lines, "\n"))
	}
	if c := st.Cursor(); c == nil || c.Y != 4 {
		t.Errorf("the caret is at %+v, not on line 4", c)
	}
	sub = "short"
	lines = strings.Split(ansi.Strip(st.View()), "\n")
	if strings.TrimSpace(lines[1]) != "short" || strings.TrimSpace(lines[2]) != "" || !strings.Contains(lines[3], "Name") {
		t.Errorf("the subtitle does not follow:\n%s", strings.Join(lines, "\n"))
	}
	if c := st.Cursor(); c == nil || c.Y != 3 {
		t.Errorf("under a short subtitle the caret is at %+v, not on line 3", c)
	}
	// a message broadcast to every screen is not typing: nothing changes
	if cmd := st.Update(common.DataChangedMsg{}); cmd != nil || f.Dirty() {
		t.Errorf("a broadcast message changed the form")
	}
}

// WithPickOptions gives a Pick field's picker other options than the
// field's own; the choice still fills the field.
func TestScreenWithPickOptions(t *testing.T) {
	com := uitest.NewCommon(nil, i18n.ZH, uitest.FixedNow)
	f := New(com, PickField("account", true, []Option{{Label: "401", Value: 1}, {Label: "40101", Value: 2}}))
	st := stack.NewFunc(com, func(st *stack.Stack) common.Screen {
		return NewScreen(com, st, "记账", f, func() tea.Cmd { return nil }).WithPickOptions(func(field string) []Option {
			if field != "account" {
				t.Errorf("options asked for %q", field)
			}
			return []Option{{Label: "401 会费收入", Value: 1}, {Label: "  40101 会费", Value: 2}}
		})
	})
	st.SetSize(80, 20)
	d := uitest.Driver{Update: st.Update}
	d.Send(uitest.Key("enter"))
	p, ok := st.Top().(*picker.Screen)
	if !ok {
		t.Fatalf("no picker in front: %T", st.Top())
	}
	if v := ansi.Strip(p.View()); !strings.Contains(v, "401 会费收入") || !strings.Contains(v, "40101 会费") {
		t.Fatalf("the picker does not offer the screen's options:\n%s", v)
	}
	d.Send(uitest.Key("down"), uitest.Key("enter"))
	if v, _ := f.Choice("account"); v != 2 {
		t.Errorf("the choice is %d, not 2", v)
	}
}

// A refused save moves the focus and the caret to the first field with a
// problem, top down, where what is typed next goes; in Chinese and English.
func TestRefusedSaveFocusesTheFirstProblem(t *testing.T) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) {
		com := uitest.NewCommon(nil, lang, uitest.FixedNow)
		f := New(com, TextField("name", true, ""), TextField("phone", false, ""), TextField("job", true, ""), TextField("notes", false, ""))
		f.Validate = func(f *Form) model.Problems {
			var ps model.Problems
			for _, k := range []string{"job", "name"} { // not in the form's order
				if strings.TrimSpace(f.Value(k)) == "" {
					ps = append(ps, model.Problem{Field: k, Key: "problem.required"})
				}
			}
			return ps
		}
		saved := false
		st := stack.NewFunc(com, func(st *stack.Stack) common.Screen {
			return NewScreen(com, st, "A form", f, func() tea.Cmd { saved = true; return nil })
		})
		st.SetSize(80, 12)
		d := uitest.Driver{Update: st.Update}
		d.Send(uitest.Key("tab"), uitest.Key("tab"), uitest.Key("tab"))
		d.Send(uitest.Key("ctrl+s"))
		if saved || f.Focused() != "name" {
			t.Fatalf("after a refused save: saved %v, focus on %q, not name", saved, f.Focused())
		}
		if c := st.Cursor(); c == nil || c.Y != titleLines {
			t.Errorf("the caret is at %+v, not on the name's line %d", c, titleLines)
		}
		d.Send(uitest.Key("张三"))
		d.Send(uitest.Key("ctrl+s"))
		if f.Value("name") != "张三" || f.Value("notes") != "" || f.Focused() != "job" {
			t.Errorf("name %q, notes %q, focus on %q: want the name typed and the focus on job", f.Value("name"), f.Value("notes"), f.Focused())
		}
		d.Send(uitest.Key("clerk"), uitest.Key("ctrl+s"))
		if !saved {
			t.Error("a form with no problem left was not saved")
		}
	})
}
