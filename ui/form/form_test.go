package form

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/keymap"
	"unionbook/ui/styles"
)

func newCommon(l i18n.Lang) *common.Common {
	return &common.Common{Lang: l, Styles: styles.Default(), Keys: keymap.New(l)}
}

func keyMsg(s string) tea.Msg {
	switch s {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "ctrl+s":
		return tea.KeyPressMsg{Code: 's', Mod: tea.ModCtrl}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	}
	return tea.KeyPressMsg{Code: []rune(s)[0], Text: s}
}

func nameForm(c *common.Common) *Form {
	f := New(c, TextField("name", true, ""), ChoiceField("gender", true, []Option{{"男", 1}, {"女", 2}}), CheckField("migrant"))
	f.Validate = func(f *Form) model.Problems {
		if strings.TrimSpace(f.Value("name")) == "" {
			return model.Problems{{Field: "name", Key: "problem.required"}}
		}
		return nil
	}
	f.Revalidate()
	f.SetSize(80, 10)
	return f
}

func TestProblemsShowOnlyAfterTheFieldWasVisited(t *testing.T) {
	f := nameForm(newCommon(i18n.ZH))
	if strings.Contains(ansi.Strip(f.View()), "必填") {
		t.Error("an untouched field shows its problem")
	}
	f.Update(keyMsg("tab"))
	if !strings.Contains(ansi.Strip(f.View()), "必填") {
		t.Error("a visited empty required field shows no problem")
	}
}

func TestSaveShowsEveryProblemAndReportsSubmit(t *testing.T) {
	f := nameForm(newCommon(i18n.EN))
	act, _ := f.Update(keyMsg("ctrl+s"))
	if act != Submit {
		t.Fatalf("ctrl+s gave %v", act)
	}
	if !strings.Contains(ansi.Strip(f.View()), "required") || len(f.Problems()) != 1 {
		t.Errorf("problems after save: %v\n%s", f.Problems(), f.View())
	}
	if act, _ := f.Update(keyMsg("esc")); act != Cancel {
		t.Errorf("esc gave %v", act)
	}
}

func TestCursorFollowsWideCharacters(t *testing.T) {
	f := nameForm(newCommon(i18n.ZH))
	f.Update(tea.KeyPressMsg{Code: '张', Text: "张三"})
	c := f.Cursor()
	if c == nil {
		t.Fatal("no cursor in a focused text field")
	}
	if want := f.labelWidth() + 4; c.X != want || c.Y != 0 {
		t.Errorf("cursor at (%d,%d), want (%d,0)", c.X, c.Y, want)
	}
	if !f.Dirty() {
		t.Error("typing did not mark the form dirty")
	}
}

func TestChoiceAndCheckFields(t *testing.T) {
	f := nameForm(newCommon(i18n.ZH))
	f.Update(keyMsg("tab"))
	f.Update(keyMsg("right"))
	if v, ok := f.Choice("gender"); !ok || v != 2 {
		t.Errorf("gender after right = %v,%v", v, ok)
	}
	f.Update(keyMsg("tab"))
	f.Update(keyMsg("space"))
	if !f.Checked("migrant") {
		t.Error("space did not tick the check field")
	}
	if cur := f.Cursor(); cur != nil {
		t.Error("a check field has a text cursor")
	}
}

func TestLongFormScrollsToTheFocusedField(t *testing.T) {
	c := newCommon(i18n.ZH)
	var fields []*Field
	for range 12 {
		fields = append(fields, TextField("notes", false, ""))
	}
	fields = append(fields, TextField("name", true, ""))
	f := New(c, fields...)
	f.SetSize(80, 5)
	for range 12 {
		f.Update(keyMsg("tab"))
	}
	view := ansi.Strip(f.View())
	if !strings.Contains(view, "姓名") || strings.Count(view, "\n") > 4 {
		t.Errorf("focused last field not visible in 5 lines:\n%s", view)
	}
}

func TestProblemOfKeepsTheParserMessage(t *testing.T) {
	_, err := model.ParseDate("2023-02-31")
	p := ProblemOf("join_date", err)
	if p.Field != "join_date" || p.Key != "date.impossible" {
		t.Errorf("got %+v", p)
	}
}
