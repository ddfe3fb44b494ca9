package form

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

func nameForm(c *common.Common) *Form {
	f := New(c, TextField("name", true, ""), ChoiceField("gender", true, []Option{{Label: "男", Value: 1}, {Label: "女", Value: 2}}), CheckField("migrant"))
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
	f := nameForm(uitest.NewCommon(nil, i18n.ZH, uitest.FixedNow))
	if strings.Contains(ansi.Strip(f.View()), "必填") {
		t.Error("an untouched field shows its problem")
	}
	f.Update(uitest.Key("tab"))
	if !strings.Contains(ansi.Strip(f.View()), "必填") {
		t.Error("a visited empty required field shows no problem")
	}
}

func TestSaveShowsEveryProblemAndReportsSubmit(t *testing.T) {
	f := nameForm(uitest.NewCommon(nil, i18n.EN, uitest.FixedNow))
	act, _ := f.Update(uitest.Key("ctrl+s"))
	if act != Submit {
		t.Fatalf("ctrl+s gave %v", act)
	}
	if !strings.Contains(ansi.Strip(f.View()), "required") || len(f.Problems()) != 1 {
		t.Errorf("problems after save: %v\n%s", f.Problems(), f.View())
	}
	if act, _ := f.Update(uitest.Key("esc")); act != None {
		t.Errorf("esc gave %v: esc is the stack's", act)
	}
}

func TestCursorFollowsWideCharacters(t *testing.T) {
	f := nameForm(uitest.NewCommon(nil, i18n.ZH, uitest.FixedNow))
	f.Update(uitest.Key("张三")) // an input method commits a word
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
	f := nameForm(uitest.NewCommon(nil, i18n.ZH, uitest.FixedNow))
	f.Update(uitest.Key("tab"))
	f.Update(uitest.Key("right"))
	if v, ok := f.Choice("gender"); !ok || v != 2 {
		t.Errorf("gender after right = %v,%v", v, ok)
	}
	f.Update(uitest.Key("tab"))
	f.Update(uitest.Key("space"))
	if !f.Checked("migrant") {
		t.Error("space did not tick the check field")
	}
	if cur := f.Cursor(); cur != nil {
		t.Error("a check field has a text cursor")
	}
}

func TestLongFormScrollsToTheFocusedField(t *testing.T) {
	c := uitest.NewCommon(nil, i18n.ZH, uitest.FixedNow)
	var fields []*Field
	for range 12 {
		fields = append(fields, TextField("notes", false, ""))
	}
	fields = append(fields, TextField("name", true, ""))
	f := New(c, fields...)
	f.SetSize(80, 5)
	for range 12 {
		f.Update(uitest.Key("tab"))
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

// A field filled with SetDefault (today's date) takes what is typed there
// in its place, a word from an input method too; one filled with SetValue
// (a stored record's) goes on at its end; backspace edits a default.
func TestTypingReplacesADefault(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		c := uitest.NewCommon(nil, lang, uitest.FixedNow)
		f := New(c, TextField("join_date", true, ""), TextField("operator", false, ""), TextField("notes", false, ""))
		f.SetDefault("join_date", "2026-11-21")
		f.SetDefault("operator", "李秘书")
		f.SetValue("notes", "调入")
		f.SetSize(80, 10)
		uitest.Type(func(m tea.Msg) { f.Update(m) }, "2026-11-20")
		if got := f.Value("join_date"); got != "2026-11-20" {
			t.Errorf("%s: typing a date over the default gave %q", lang.Code(), got)
		}
		f.Update(uitest.Key("tab"))
		f.Update(uitest.Key("王会计"))
		if got := f.Value("operator"); got != "王会计" {
			t.Errorf("%s: a name over the default gave %q", lang.Code(), got)
		}
		f.Update(uitest.Key("tab"))
		f.Update(uitest.Key("，已核对"))
		if got := f.Value("notes"); got != "调入，已核对" {
			t.Errorf("%s: typing after a stored value gave %q", lang.Code(), got)
		}
		f.SetDefault("join_date", "2026-11-21")
		f.FocusKey("join_date")
		f.Update(uitest.Key("backspace"))
		f.Update(uitest.Key("0"))
		if got := f.Value("join_date"); got != "2026-11-20" || !f.Dirty() {
			t.Errorf("%s: backspace and 0 gave %q (dirty %v)", lang.Code(), got, f.Dirty())
		}
	}
}
