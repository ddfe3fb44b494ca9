package uitest

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
)

// fakeTB records what a check reports instead of failing the test.
type fakeTB struct {
	testing.TB
	errors []string
}

func (f *fakeTB) Helper() {}
func (f *fakeTB) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

func TestKey(t *testing.T) {
	for _, c := range []struct {
		in   string
		want tea.KeyPressMsg
	}{
		{"enter", tea.KeyPressMsg{Code: tea.KeyEnter}},
		{"esc", tea.KeyPressMsg{Code: tea.KeyEscape}},
		{"tab", tea.KeyPressMsg{Code: tea.KeyTab}},
		{"shift+tab", tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}},
		{"space", tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}},
		{"pgdown", tea.KeyPressMsg{Code: tea.KeyPgDown}},
		{"ctrl+s", tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}},
		{"ctrl+alt+left", tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModCtrl | tea.ModAlt}},
		{"q", tea.KeyPressMsg{Code: 'q', Text: "q"}},
		{"S", tea.KeyPressMsg{Code: 'S', Text: "S"}},
		{"+", tea.KeyPressMsg{Code: '+', Text: "+"}},
		{"张三", tea.KeyPressMsg{Code: '张', Text: "张三"}},
	} {
		if got := Key(c.in); got != c.want {
			t.Errorf("Key(%q) = %#v, want %#v", c.in, got, c.want)
		}
	}
	if k := Key("shift+tab").(tea.KeyPressMsg); k.Mod != tea.ModShift || k.String() != "shift+tab" {
		t.Errorf("shift+tab reads %q", k.String())
	}
}

func TestCheckGeometry(t *testing.T) {
	var ok fakeTB
	CheckGeometry(&ok, "张三\nabcd\n", 4, 3)
	if len(ok.errors) != 0 {
		t.Errorf("a fitting screen was refused: %v", ok.errors)
	}
	var wide fakeTB
	CheckGeometry(&wide, "张三a\nab", 4, 2)
	if len(wide.errors) != 1 || !strings.Contains(wide.errors[0], "line 0 is 5 cells wide") {
		t.Errorf("a too-wide line: %v", wide.errors)
	}
	var short fakeTB
	CheckGeometry(&short, "ab", 4, 2)
	if len(short.errors) != 1 || !strings.Contains(short.errors[0], "1 lines, want 2") {
		t.Errorf("a short screen: %v", short.errors)
	}
	var full fakeTB
	CheckFullGeometry(&full, "张三\nabc", 4, 2)
	if len(full.errors) != 1 || !strings.Contains(full.errors[0], "line 1 is 3 cells wide, not 4") {
		t.Errorf("a line short of the width: %v", full.errors)
	}
}

func TestCheckGlyphsContainsLacks(t *testing.T) {
	var f fakeTB
	CheckGlyphs(&f, "ok\n等等…", "…", "→")
	Contains(&f, "张三 李四", "张三", "王五")
	Lacks(&f, "张三 李四", "李四", "王五")
	if len(f.errors) != 3 {
		t.Errorf("want one report each, got %v", f.errors)
	}
}

func TestScreenDropsColour(t *testing.T) {
	if got := Screen("\x1b[1;31m张三\x1b[0m"); got != "张三" {
		t.Errorf("Screen = %q", got)
	}
}

// counter counts what it is sent; "inc" asks for a StatusMsg and a
// DataChangedMsg in a batch, "quit" quits.
type counter struct {
	keys []string
}

func (c *counter) update(m tea.Msg) tea.Cmd {
	switch m := m.(type) {
	case tea.KeyPressMsg:
		c.keys = append(c.keys, m.String())
		switch m.String() {
		case "i":
			return tea.Batch(common.SetStatus("done", false), common.Changed(model.EntityUnit, 1))
		case "q":
			return tea.Quit
		}
	case common.StatusMsg:
		c.keys = append(c.keys, "status:"+m.Text)
	case common.DataChangedMsg:
		c.keys = append(c.keys, "changed:"+string(m.Entity))
	}
	return nil
}

func TestDriverRunsCommandsAndObserves(t *testing.T) {
	var c counter
	d := Driver{Update: c.update}
	d.Keys("i", "q")
	d.Type("ab")
	if got := strings.Join(c.keys, " "); got != "i status:done changed:unit q a b" {
		t.Errorf("delivered %q", got)
	}
	c.keys = nil
	d.Observe = func(m tea.Msg) bool { _, status := m.(common.StatusMsg); return !status }
	d.Keys("i")
	if got := strings.Join(c.keys, " "); got != "i changed:unit" {
		t.Errorf("with Observe: %q", got)
	}
}

func TestNewCommonAndStore(t *testing.T) {
	s := OpenStore(t, FixedNow)
	c := NewCommon(s, i18n.EN, FixedNow)
	if c.Store != s || c.Lang != i18n.EN || c.Today() != model.DateOf(FixedNow) || c.Keys == nil || c.Styles == nil {
		t.Errorf("NewCommon %+v", c)
	}
	var names []string
	Each(t, func(t *testing.T, _ i18n.Lang, w, h int) { names = append(names, t.Name()) })
	if got := strings.Join(names, " "); !strings.Contains(got, "/zh_80x24") || !strings.Contains(got, "/en_120x40") || len(names) != 4 {
		t.Errorf("subtests %q", got)
	}
}
