package cases

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/uitest"
)

// A long claim, step note or closing note is read whole on the detail,
// wrapped under its line, not cut at the screen's edge: on a closed case
// the detail is the only place they can be read.
func TestDetailWrapsLongNotes(t *testing.T) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) {
		hs, fx := newHarness(t, lang, 80, 24, true)
		s := hs.C.Store
		note := "约谈厂方负责人和项目经理，核对九月至十一月的考勤表、工资表和银行代发记录，厂方承认拖欠十二名职工工资共八万六千四百元，同意分两期补发，第一期于本月底前支付"
		if err := s.AddCaseStep(op, fx.ins.ID, model.CaseStep{Date: 20261103, Kind: model.StepInvestigate, Who: op, Note: note}); err != nil {
			t.Fatal(err)
		}
		closing := "Paid in two instalments; the workers confirmed by phone on the day after the second transfer arrived in full"
		if _, err := s.CloseCase(op, fx.ins.ID, model.CaseClosing{Date: 20261104, Outcome: model.OutcomeMediated, Recovered: model.Yuan(3_600), Note: closing}); err != nil {
			t.Fatal(err)
		}
		hs.open(fx.ins.ID)
		out := hs.Screen()
		for _, l := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(l); w > 80 {
				t.Errorf("%d cells: %q", w, l)
			}
		}
		flat := strings.NewReplacer("\n", "", " ", "").Replace(out)
		for _, whole := range []string{note, closing} {
			if !strings.Contains(flat, strings.ReplaceAll(whole, " ", "")) {
				t.Errorf("not whole on the detail: %s\n%s", whole, out)
			}
		}
	})
}

// A search or filter that hides every case says so, and how to undo it,
// rather than that there are no cases yet.
func TestListSaysWhenFiltersHideEveryCase(t *testing.T) {
	hs, _ := newHarness(t, i18n.ZH, 100, 30, true)
	hs.Keys("/")
	hs.Type("没有这个人")
	uitest.Contains(t, hs.Screen(), "没有符合搜索和筛选条件的案件", "按 esc 清除搜索")
	uitest.Lacks(t, hs.Screen(), "还没有案件", "按 x") // x would be typed into the search
	hs.Keys("enter")                             // the search kept, the box closed: now x clears
	uitest.Contains(t, hs.Screen(), "没有符合搜索和筛选条件的案件", "按 x 清除")
	hs.Keys("x")
	uitest.Lacks(t, hs.Screen(), "没有符合")
}
