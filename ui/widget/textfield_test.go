package widget

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

func typeText(f TextField, s string) TextField {
	for _, r := range s {
		f, _ = f.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return f
}

func press(f TextField, code rune, mod tea.KeyMod) TextField {
	f, _ = f.Update(tea.KeyPressMsg{Code: code, Mod: mod})
	return f
}

func focused(w int) TextField {
	f := NewTextField()
	f.SetWidth(w)
	f.Focus()
	return f
}

// checkField asserts the view is exactly the field's width and the caret is
// inside it.
func checkField(t *testing.T, f TextField) {
	t.Helper()
	v := f.View()
	if strings.Contains(v, "\n") {
		t.Fatalf("view has a newline: %q", v)
	}
	if got := ansi.StringWidth(v); got != f.Width() {
		t.Errorf("view %q is %d cells, want %d", ansi.Strip(v), got, f.Width())
	}
	if c := f.CursorColumn(); c < 0 || c >= f.Width() {
		t.Errorf("cursor column %d outside 0..%d", c, f.Width()-1)
	}
	if strings.ContainsRune(v, 0xFFFD) {
		t.Errorf("view %q has a broken character", v)
	}
}

func TestTextFieldCursorColumnCJK(t *testing.T) {
	f := focused(20)
	f = typeText(f, "张三")
	f = typeText(f, "abc")
	if f.CursorColumn() != 7 {
		t.Errorf("after typing: column %d, want 7", f.CursorColumn())
	}
	f = press(f, tea.KeyLeft, 0)
	f = press(f, tea.KeyLeft, 0)
	if f.CursorColumn() != 5 {
		t.Errorf("after two lefts: column %d, want 5", f.CursorColumn())
	}
	if f.Value() != "张三abc" {
		t.Errorf("value %q", f.Value())
	}
	f = press(f, tea.KeyLeft, 0) // before a
	f = press(f, tea.KeyLeft, 0) // before 三
	if f.CursorColumn() != 2 {
		t.Errorf("before 三: column %d, want 2", f.CursorColumn())
	}
	// Typing in the middle.
	f = typeText(f, "小")
	if f.Value() != "张小三abc" || f.CursorColumn() != 4 {
		t.Errorf("insert: %q col %d", f.Value(), f.CursorColumn())
	}
	checkField(t, f)
	golden.RequireEqual(t, f.View())
}

func TestTextFieldIME(t *testing.T) {
	f := focused(20)
	f = typeText(f, "市")
	f, _ = f.Update(tea.KeyPressMsg{Code: tea.KeyExtended, Text: "工会"})
	if f.Value() != "市工会" || f.CursorColumn() != 6 {
		t.Errorf("IME word: %q col %d", f.Value(), f.CursorColumn())
	}
	// A space arrives as Text " " (String() "space").
	f, _ = f.Update(tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
	// Shifted letters are text too.
	f, _ = f.Update(tea.KeyPressMsg{Code: 'a', ShiftedCode: 'A', Text: "A", Mod: tea.ModShift})
	if f.Value() != "市工会 A" {
		t.Errorf("value %q", f.Value())
	}
	// Ctrl combinations are not text.
	f, _ = f.Update(tea.KeyPressMsg{Code: 'a', Mod: tea.ModCtrl})
	if f.Position() != 0 || f.CursorColumn() != 0 {
		t.Errorf("ctrl+a: pos %d", f.Position())
	}
	// Unfocused fields ignore input.
	f.Blur()
	f = typeText(f, "x")
	if f.Value() != "市工会 A" {
		t.Errorf("blurred field took input: %q", f.Value())
	}
}

func TestTextFieldPaste(t *testing.T) {
	f := focused(30)
	f = typeText(f, "备注")
	f, _ = f.Update(tea.PasteMsg{Content: "第一行\r\n第二行\n\tend\x1b[31m红\x1b[0m"})
	if f.Value() != "备注第一行第二行 end红" {
		t.Errorf("paste: %q", f.Value())
	}
	if want := ansi.StringWidth(f.Value()); f.CursorColumn() != want {
		t.Errorf("paste col %d want %d", f.CursorColumn(), want)
	}
	checkField(t, f)
}

func TestTextFieldBackspaceCJK(t *testing.T) {
	f := focused(20)
	f = typeText(f, "工会ab")
	f = press(f, tea.KeyBackspace, 0)
	f = press(f, tea.KeyBackspace, 0)
	f = press(f, tea.KeyBackspace, 0)
	if f.Value() != "工" || f.CursorColumn() != 2 {
		t.Errorf("backspace: %q col %d", f.Value(), f.CursorColumn())
	}
	// Combining marks and emoji count as one character.
	f.SetValue("e\u0301👍🏽")
	f = press(f, tea.KeyBackspace, 0)
	if f.Value() != "e\u0301" {
		t.Errorf("backspace emoji: %q", f.Value())
	}
	f = press(f, tea.KeyBackspace, 0)
	if f.Value() != "" {
		t.Errorf("backspace combining: %q", f.Value())
	}
	f = press(f, tea.KeyBackspace, 0)
	if f.Value() != "" || f.CursorColumn() != 0 {
		t.Errorf("backspace empty: %q", f.Value())
	}
}

func TestTextFieldEditingKeys(t *testing.T) {
	f := focused(40)
	f.SetValue("张三 zhang san 工会")
	f = press(f, 'w', tea.ModCtrl)
	if f.Value() != "张三 zhang san " {
		t.Errorf("ctrl+w: %q", f.Value())
	}
	f = press(f, tea.KeyBackspace, tea.ModAlt)
	if f.Value() != "张三 zhang " {
		t.Errorf("alt+backspace: %q", f.Value())
	}
	f = press(f, tea.KeyLeft, tea.ModCtrl)
	if f.Position() != 3 {
		t.Errorf("ctrl+left: pos %d", f.Position())
	}
	f = press(f, tea.KeyLeft, tea.ModCtrl)
	if f.Position() != 0 {
		t.Errorf("ctrl+left twice: pos %d", f.Position())
	}
	f = press(f, tea.KeyRight, tea.ModCtrl)
	if f.Position() != 2 || f.CursorColumn() != 4 {
		t.Errorf("ctrl+right: pos %d col %d", f.Position(), f.CursorColumn())
	}
	f = press(f, 'k', tea.ModCtrl)
	if f.Value() != "张三" {
		t.Errorf("ctrl+k: %q", f.Value())
	}
	f = press(f, tea.KeyHome, 0)
	f = press(f, tea.KeyDelete, 0)
	if f.Value() != "三" || f.Position() != 0 {
		t.Errorf("delete: %q", f.Value())
	}
	f = press(f, 'e', tea.ModCtrl)
	f = typeText(f, "丰")
	f = press(f, tea.KeyLeft, 0)
	f = press(f, 'u', tea.ModCtrl)
	if f.Value() != "丰" || f.Position() != 0 {
		t.Errorf("ctrl+u: %q pos %d", f.Value(), f.Position())
	}
	f = press(f, tea.KeyEnd, 0)
	if f.CursorColumn() != 2 {
		t.Errorf("end: col %d", f.CursorColumn())
	}
	// Mixed Latin/Han word boundaries.
	f.SetValue("会员abc")
	f = press(f, 'w', tea.ModCtrl)
	if f.Value() != "会员" {
		t.Errorf("ctrl+w mixed: %q", f.Value())
	}
}

func TestTextFieldValueSemantics(t *testing.T) {
	a := focused(20)
	a.SetValue("张三丰")
	a = press(a, tea.KeyLeft, 0)
	b := press(a, tea.KeyBackspace, 0)
	if a.Value() != "张三丰" || b.Value() != "张丰" {
		t.Errorf("copies share text: a=%q b=%q", a.Value(), b.Value())
	}
}

func TestTextFieldScroll(t *testing.T) {
	f := focused(10)
	long := "中华全国总工会某某省分会"
	f = typeText(f, long)
	checkField(t, f)
	// The caret is at the end, in the last cell, text scrolled left.
	if f.CursorColumn() != 9 {
		t.Errorf("end col %d", f.CursorColumn())
	}
	if v := f.View(); !strings.HasSuffix(v, "分会 ") {
		t.Errorf("scrolled view %q", v)
	}
	views := []string{f.View()}
	// Walk the caret home and back; the view always fits and the caret stays
	// inside.
	for range len([]rune(long)) {
		f = press(f, tea.KeyLeft, 0)
		checkField(t, f)
	}
	if f.CursorColumn() != 0 || !strings.HasPrefix(f.View(), "中华") {
		t.Errorf("home: col %d view %q", f.CursorColumn(), f.View())
	}
	views = append(views, f.View())
	for range len([]rune(long)) {
		f = press(f, tea.KeyRight, 0)
		checkField(t, f)
	}
	views = append(views, f.View())
	// Every width keeps the invariants.
	for w := 1; w <= 30; w++ {
		g := focused(w)
		g.SetValue("ab" + long + "xyz")
		for range 40 {
			checkField(t, g)
			g = press(g, tea.KeyLeft, 0)
		}
	}
	golden.RequireEqual(t, strings.Join(views, "|\n")+"|")
}

func TestTextFieldHalfCharacter(t *testing.T) {
	// "a工会" in a field of 4 cells with the caret at the end: the text is 5
	// cells plus one for the caret, so the window starts at cell 2, in the
	// middle of 工. Its visible half must be a space.
	f := focused(4)
	f = typeText(f, "a工会")
	if v := f.View(); v != " 会 " {
		t.Errorf("half character view %q", v)
	}
	if f.CursorColumn() != 3 {
		t.Errorf("col %d", f.CursorColumn())
	}
	// Odd width cutting a character on the right.
	g := focused(5)
	g.SetValue("工会委员")
	g = press(g, tea.KeyHome, 0)
	if v := g.View(); v != "工会 " {
		t.Errorf("right edge view %q", v)
	}
	checkField(t, f)
	checkField(t, g)
	golden.RequireEqual(t, f.View()+"|\n"+g.View()+"|")
}

func TestTextFieldPlaceholderAndLimit(t *testing.T) {
	f := focused(12)
	f.SetPlaceholder("输入姓名或拼音首字母")
	if v := ansi.Strip(f.View()); v != "输入姓名或~ " {
		t.Errorf("placeholder %q", v)
	}
	if f.CursorColumn() != 0 {
		t.Errorf("placeholder col %d", f.CursorColumn())
	}
	checkField(t, f)
	f.SetCharLimit(4)
	f, _ = f.Update(tea.PasteMsg{Content: "欧阳娜娜和她的朋友"})
	if f.Value() != "欧阳娜娜" {
		t.Errorf("limit: %q", f.Value())
	}
	f = typeText(f, "x")
	if f.Value() != "欧阳娜娜" {
		t.Errorf("limit typing: %q", f.Value())
	}
	golden.RequireEqual(t, ansi.Strip(placeholderField(12, "搜索").View())+"|\n"+f.View()+"|")
}

// placeholderField returns an unfocused field showing a placeholder.
func placeholderField(w int, p string) TextField {
	f := NewTextField()
	f.SetWidth(w)
	f.SetPlaceholder(p)
	return f
}

// A default (SetDefault) is replaced by the first character typed or
// pasted, in Chinese as in English; a moving or deleting key first makes
// it text to edit; SetValue fills a value that is no default.
func TestTextFieldDefaultIsReplacedByTyping(t *testing.T) {
	f := focused(20)
	f.SetDefault("2026")
	if !f.IsDefault() {
		t.Fatal("SetDefault gave no default")
	}
	if f = typeText(f, "2025-Q3"); f.Value() != "2025-Q3" || f.IsDefault() {
		t.Errorf("typing over the default gave %q (default %v), want 2025-Q3", f.Value(), f.IsDefault())
	}
	f.SetDefault("李秘书")
	if f, _ = f.Update(tea.KeyPressMsg{Code: '王', Text: "王会计"}); f.Value() != "王会计" {
		t.Errorf("a word from an input method over the default gave %q", f.Value())
	}
	f.SetDefault("2026")
	if f, _ = f.Update(tea.PasteMsg{Content: "2026-H1"}); f.Value() != "2026-H1" {
		t.Errorf("a paste over the default gave %q", f.Value())
	}
	f.SetDefault("2026")
	if f = typeText(press(f, tea.KeyBackspace, 0), "5-Q3"); f.Value() != "2025-Q3" {
		t.Errorf("backspace then typing gave %q, want the default edited: 2025-Q3", f.Value())
	}
	f.SetDefault("2026")
	if f = typeText(press(f, tea.KeyHome, 0), "x"); f.Value() != "x2026" {
		t.Errorf("home then typing gave %q, want x2026", f.Value())
	}
	f.SetDefault("2026")
	if f = typeText(press(f, tea.KeyLeft, 0), "1"); f.Value() != "20216" {
		t.Errorf("left then typing gave %q, want 20216", f.Value())
	}
	f.SetValue("2026")
	if f.IsDefault() {
		t.Error("SetValue left a default")
	}
	if f = typeText(f, "-Q3"); f.Value() != "2026-Q3" {
		t.Errorf("typing after SetValue gave %q, want it appended: 2026-Q3", f.Value())
	}
	// an unfocused field ignores keys and keeps its default
	u := NewTextField()
	u.SetDefault("2026")
	if u = typeText(u, "7"); u.Value() != "2026" || !u.IsDefault() {
		t.Errorf("an unfocused field took a key: %q", u.Value())
	}
}

// A focused default is drawn selected (typing replaces it), its padding
// not; the width stays the field's.
func TestTextFieldDefaultShowsSelected(t *testing.T) {
	f := focused(12)
	f.DefaultStyle = f.DefaultStyle.Reverse(true)
	f.SetDefault("二〇二六")
	checkField(t, f)
	if v := f.View(); !strings.HasPrefix(v, "\x1b[7m") || ansi.Strip(v) != "二〇二六    " {
		t.Errorf("the default is not drawn selected: %q", v)
	}
	f = typeText(f, "2")
	if v := f.View(); strings.Contains(v, "\x1b[7m") {
		t.Errorf("typed text is drawn selected: %q", v)
	}
}
