package members

import (
	"strings"
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/uitest"
)

// An ID number whose birth date lies in the future: the form has no birth
// date field, so the problem shows under the ID number she typed, with the
// date it read.
func TestFutureBirthInTheIDShowsOnTheIDField(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := newHarness(t, lang, w, h)
		hs.Keys("n")
		hs.Type("王五")
		hs.Keys("tab", "tab", "tab")
		hs.Type("11010120300307867X")
		hs.Keys("tab")
		out := hs.Screen()
		want := lang.T("member.id_birth_future", "2030-03-07")
		if !strings.Contains(strings.Join(strings.Fields(out), " "), strings.Join(strings.Fields(want), " ")[:20]) {
			t.Errorf("the form does not say the ID's birth date is in the future:\n%s", out)
		}
		hs.RequireGolden()
	})
}

// The rules the import applies hold in the form: born before 1900 (from the
// ID), under 16 at joining.
func TestMemberFormAppliesTheImportsRules(t *testing.T) {
	hs := newHarness(t, i18n.EN, 100, 30)
	form := newMemberForm(hs.C, hs.P.b, nil)
	f := form.f
	f.SetValue("name", "王五")
	f.SetChoice("gender", uint64(model.Male))
	f.SetChoice("unit", 1)
	f.SetValue("id_number", "440524188001010014")
	f.SetValue("join_date", "2010-01-01")
	if ps := form.validate(f); !ps.Has("id_number", "member.id_born_too_early") {
		t.Errorf("born 1880: %v", ps)
	}
	f.SetValue("id_number", "110101201503078677")
	f.SetValue("join_date", "2026-01-01")
	if ps := form.validate(f); !ps.Has("join_date", "member.too_young") {
		t.Errorf("born 2015, joined 2026: %v", ps)
	}
}

// Every date field takes what the import takes: a month alone is its
// first day.
func TestMemberFormReadsAMonthAsItsFirstDay(t *testing.T) {
	hs := newHarness(t, i18n.ZH, 100, 30)
	for in, want := range map[string]model.Date{"2019-5": 20190501, "2019.5": 20190501, "2019年5月": 20190501, "2019/5/3": 20190503} {
		form := newMemberForm(hs.C, hs.P.b, nil)
		form.f.SetValue("join_date", in)
		m, ps := form.member()
		if len(ps.For("join_date")) > 0 || m.JoinDate != want {
			t.Errorf("join date %q read as %v (%v), want %v", in, m.JoinDate, ps, want)
		}
	}
}

// English labels wider than the label column keep a space before their
// value: "Political status -", not "Political status-".
func TestDetailKeepsASpaceAfterLongLabels(t *testing.T) {
	hs := newHarness(t, i18n.EN, 80, 24)
	hs.Keys("enter")
	out := hs.Screen()
	for _, l := range []string{"Political status ", "Migrant worker "} {
		if !strings.Contains(out, l) {
			t.Errorf("%q runs into its value:\n%s", l, out)
		}
	}
}

// E on the roster asks how ID numbers go out, on the list's last line.
func TestGoldenExportAsksAboutIDNumbers(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := newHarness(t, lang, w, h)
		hs.Keys("E")
		hs.RequireGolden()
	})
}
