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
