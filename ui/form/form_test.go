package form

import (
	"strings"
	"testing"

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
