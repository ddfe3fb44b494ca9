package members

import (
	"regexp"
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/ui/common"
	"unionbook/ui/picker"
	"unionbook/ui/uitest"
)

// A new user adding her first member before any unit: the unit picker says
// where units are added, not only that nothing matches.
func TestUnitPickerWithoutUnitsSaysWhereToAddOne(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.ZH, i18n.EN} {
		s := uitest.OpenStore(t, uitest.FixedNow)
		hs := uitest.NewPageHarness(t, uitest.NewCommon(s, lang, uitest.FixedNow), 80, 24, func(c *common.Common) *Page { return New(c) })
		hs.Keys("n")
		for range 4 { // name, gender, document, ID number: to the unit
			hs.Keys("tab")
		}
		hs.Keys("enter")
		if _, ok := hs.P.Top().(*picker.Screen); !ok {
			t.Fatalf("%s: enter on the unit field opened no picker:\n%s", lang.Code(), hs.Screen())
		}
		want := map[i18n.Lang]string{i18n.ZH: "8 单位 标签页按 n 新增单位", i18n.EN: "add one in tab 8 Units (press n)"}[lang]
		if out := strings.Join(strings.Fields(hs.Screen()), " "); !strings.Contains(out, want) {
			t.Errorf("%s: the empty unit picker does not say where to add a unit:\n%s", lang.Code(), hs.Screen())
		}
	}
}

// Chinese text joins its clauses with Chinese punctuation: the member
// detail's dues line had an ASCII "; " between two Chinese clauses.
func TestMemberDetailJoinsChineseClausesInChinese(t *testing.T) {
	hs := newHarness(t, i18n.ZH, 120, 40)
	hs.Keys("enter")
	if m := regexp.MustCompile(`\p{Han}[;,] |[;,] \p{Han}`).FindString(hs.Screen()); m != "" {
		t.Errorf("ASCII punctuation %q in Chinese text:\n%s", m, hs.Screen())
	}
}
