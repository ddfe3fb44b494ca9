package form

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/ui/common"
	"unionbook/ui/picker"
	"unionbook/ui/stack"
	"unionbook/ui/uitest"
)

// Typing on a Pick field opens its picker with what was typed already in
// the search: a letter (l for 李四 and 刘力), or the whole word an input
// method committed at once (张三). Before, the picker opened empty and the
// typing was lost.
func TestTypingOnAPickFieldSearchesThePicker(t *testing.T) {
	for _, c := range []struct {
		typed string
		shown []string
		not   []string
	}{
		{"l", []string{"李四", "刘力"}, []string{"张三"}},
		{"张三", []string{"张三"}, []string{"李四", "刘力"}},
	} {
		com := uitest.NewCommon(nil, i18n.ZH, uitest.FixedNow)
		f := New(com, PickField("member", true, []Option{{Label: "张三", Value: 1}, {Label: "李四", Value: 2}, {Label: "刘力", Value: 3}}))
		st := stack.NewFunc(com, func(st *stack.Stack) common.Screen {
			return NewScreen(com, st, "帮扶", f, func() tea.Cmd { return nil })
		})
		st.SetSize(80, 20)
		d := uitest.Driver{Update: st.Update}
		d.Send(tea.KeyPressMsg{Text: c.typed, Code: []rune(c.typed)[0]})
		p, ok := st.Top().(*picker.Screen)
		if !ok {
			t.Fatalf("%q: no picker in front: %T", c.typed, st.Top())
		}
		view := ansi.Strip(p.View())
		if !strings.Contains(view, c.typed) {
			t.Errorf("%q: the picker's search lost what was typed:\n%s", c.typed, view)
		}
		rows := strings.Join(strings.Split(view, "\n")[2:], "\n")
		for _, s := range c.shown {
			if !strings.Contains(rows, s) {
				t.Errorf("%q: %s not offered:\n%s", c.typed, s, view)
			}
		}
		for _, s := range c.not {
			if strings.Contains(rows, s) {
				t.Errorf("%q: %s offered:\n%s", c.typed, s, view)
			}
		}
		d.Send(uitest.Key("enter"))
		if v, _ := f.Choice("member"); v != map[string]uint64{"l": 2, "张三": 1}[c.typed] {
			t.Errorf("%q: enter chose %d", c.typed, v)
		}
	}
}

// Keys typed quickly, or an input method's word arriving one character a
// key (林共享 typed on the hardship form's member field came out 共享林),
// reach the picker before the key that opened it is handed back to it:
// that key still goes first. (Every form is a form.Screen.)
func TestTypingFastOnAPickFieldKeepsTheOrder(t *testing.T) {
	com := uitest.NewCommon(nil, i18n.ZH, uitest.FixedNow)
	f := New(com, PickField("member", true, []Option{{Label: "张三", Value: 1}, {Label: "林共享", Value: 2}}))
	st := stack.NewFunc(com, func(st *stack.Stack) common.Screen {
		return NewScreen(com, st, "帮扶", f, func() tea.Cmd { return nil })
	})
	st.SetSize(80, 20)
	var cmds []tea.Cmd
	for _, r := range "林共享" {
		cmds = append(cmds, st.Update(tea.KeyPressMsg{Text: string(r), Code: r}))
	}
	d := uitest.Driver{Update: st.Update}
	for _, c := range cmds {
		d.Run(c)
	}
	p, ok := st.Top().(*picker.Screen)
	if !ok {
		t.Fatalf("no picker in front: %T", st.Top())
	}
	if view := ansi.Strip(p.View()); !strings.Contains(view, "林共享") {
		t.Errorf("the picker's search is out of order:\n%s", view)
	}
	d.Send(uitest.Key("enter"))
	if v, _ := f.Choice("member"); v != 2 {
		t.Errorf("enter chose %d", v)
	}
}
