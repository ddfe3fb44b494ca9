package settings

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// The union's code is checked as it is typed: a company's credit code is
// named for what it is next to the field, and not saved; a union's code
// is saved upper-case.
func TestUnionCodeIsChecked(t *testing.T) {
	hs := harness(t, i18n.ZH, 100, 30)
	hs.Keys("p", "tab")
	hs.Type("91350100M000100Y43")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "81（基层工会）或 89（其他工会）开头", "这里是 91")
	if p, _, _ := hs.C.Store.Profile(); p.Code != "" {
		t.Fatalf("a company's code was saved: %q", p.Code)
	}
	for range 18 {
		hs.Keys("backspace")
	}
	hs.Type("81350102mc0123450a")
	hs.Keys("ctrl+s")
	if p, _, _ := hs.C.Store.Profile(); p.Code != "81350102MC0123450A" {
		t.Errorf("the union's code was saved as %q\n%s", p.Code, hs.Screen())
	}
}

// A code kept from before it was checked does not stop the other
// settings from being saved.
func TestOldUnionCodeDoesNotBlockOtherSettings(t *testing.T) {
	s := uitest.OpenStore(t, uitest.FixedNow)
	p := model.DefaultProfile()
	p.UnionName, p.Code = "青山镇总工会", "GHDM-2015-001" // as a package or an old version left it
	if err := s.RestoreRecords(func(r *storage.Restorer) error { return r.PutProfile(p) }); err != nil {
		t.Fatal(err)
	}
	hs := uitest.NewPageHarness(t, uitest.NewCommon(s, i18n.EN, uitest.FixedNow), 100, 30, New)
	hs.Keys("h")
	hs.Keys("backspace", "backspace", "backspace")
	hs.Type("90")
	hs.Keys("ctrl+s")
	if p, _, _ := s.Profile(); p.HardshipDeepPct != 90 || hs.P.Depth() != 1 {
		t.Fatalf("the hardship rules were not saved over the old code: %d\n%s", p.HardshipDeepPct, hs.Screen())
	}
	hs.Keys("p", "tab", "tab") // past the code: its problem shows
	uitest.Contains(t, hs.Screen(), "a unified social credit code has 18 characters")
}

// The collective-dispute threshold is set in Settings (g), within 2 to
// 1,000, and the summary says it.
func TestCollectiveThresholdIsSet(t *testing.T) {
	hs := harness(t, i18n.ZH, 100, 30)
	uitest.Contains(t, hs.Screen(), "集体争议：10 人及以上")
	hs.Keys("g")
	uitest.Contains(t, hs.Screen(), "劳动争议调解仲裁法第七条")
	hs.Keys("backspace", "backspace")
	hs.Type("1")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "应为 2 到 1000 之间的整数")
	hs.Keys("backspace")
	hs.Type("5")
	hs.Keys("ctrl+s")
	if p, _, _ := hs.C.Store.Profile(); p.CaseCollectiveMin != 5 {
		t.Fatalf("threshold %d\n%s", p.CaseCollectiveMin, hs.Screen())
	}
	uitest.Contains(t, hs.Screen(), "集体争议：5 人及以上")
}

// The date limits are set with the dues (how far ahead a payment) and the
// books (how far back an entry); a form saved with its defaults as shown
// stores nothing new.
func TestDateLimitsAreSet(t *testing.T) {
	hs := harness(t, i18n.EN, 120, 40)
	uitest.Contains(t, hs.Screen(), "Dues may be paid up to 12 months ahead", "Cash-book entries may be dated up to 5 years back")
	hs.Keys("d")
	for range 7 { // to the months paid ahead (after the rate's month)
		hs.Keys("tab")
	}
	hs.Keys("backspace", "backspace")
	hs.Type("3")
	hs.Keys("ctrl+s")
	hs.Keys("k")
	for range 14 {
		hs.Keys("tab")
	}
	hs.Keys("backspace")
	hs.Type("x")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "give a whole number")
	hs.Keys("backspace")
	hs.Type("2")
	hs.Keys("ctrl+s")
	p, _, _ := hs.C.Store.Profile()
	if l := p.DateLimits(); l.PayAheadMonths != 3 || l.YearsBack != 2 {
		t.Fatalf("limits %+v\n%s", l, hs.Screen())
	}
	uitest.Contains(t, hs.Screen(), "up to 3 months ahead", "up to 2 years back")

	fresh := harness(t, i18n.EN, 100, 30)
	fresh.Keys("d", "tab")
	fresh.Keys("ctrl+s") // nothing changed: the form's 12 is the default
	if p, _, _ := fresh.C.Store.Profile(); p.PayAheadMonths != 0 {
		t.Errorf("the default was stored as %d", p.PayAheadMonths)
	}
}

// At 80x24 nothing of the summary is lost: the blank lines between
// sections go, and what still does not fit scrolls, saying how much more
// there is; every section's title can be reached.
func TestSummaryScrollsAt80x24(t *testing.T) {
	for _, l := range uitest.Langs {
		hs := harness(t, l.Lang, 80, 24)
		hs.StrictHeight = true
		seen := map[string]bool{}
		look := func() {
			for _, line := range strings.Split(hs.Screen(), "\n") {
				seen[strings.TrimSpace(line)] = true
			}
		}
		look()
		if more := map[string]string{"zh": "下面还有", "en": "more lines below"}[l.Name]; !strings.Contains(hs.Screen(), more) {
			t.Errorf("%s: the summary does not say there is more:\n%s", l.Name, hs.Screen())
		}
		for range 30 {
			hs.Keys("down")
			look()
		}
		all := strings.Join(keysOf(seen), "\n")
		for _, title := range []string{"settings.profile_title", "settings.dues_title", "settings.hardship_title", "settings.cases_title",
			"settings.chart_title", "settings.books_title", "settings.audit_title", "settings.backup_title"} {
			if !strings.Contains(all, l.Lang.T(title)) {
				t.Errorf("%s: %s never shows", l.Name, title)
			}
		}
		for _, line := range []string{l.Lang.T("settings.years_back_line", 5), l.Lang.T("settings.collective_line", 10)} {
			if !strings.Contains(all, line) {
				t.Errorf("%s: %q never shows", l.Name, line)
			}
		}
		hs.Keys("home")
		if !strings.Contains(hs.Screen(), l.Lang.T("settings.profile_title")) {
			t.Errorf("%s: home does not go back to the top", l.Name)
		}
	}
}

func keysOf(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestGoldenSettingsSummary(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := harness(t, lang, w, h)
		hs.StrictHeight = true
		hs.RequireGolden()
	})
}

func TestGoldenSettingsSummaryScrolledToTheEnd(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := demoHarness(t, lang, w, h)
		hs.StrictHeight = true
		hs.Keys("end")
		hs.RequireGolden()
	})
}

// demoHarness is the Settings tab on the demo's database.
func demoHarness(t *testing.T, lang i18n.Lang, w, h int) *uitest.PageHarness[*Page] {
	t.Helper()
	hs := harness(t, lang, w, h)
	if err := hs.C.Store.Bulk(uitest.Operator, func(b *storage.Batch) error { return b.MarkDemo() }); err != nil {
		t.Fatal(err)
	}
	hs.Send(common.DataChangedMsg{Entity: model.EntityProfile})
	return hs
}

// On the demo's database Settings offers a new, empty database: f asks
// first, and only y sends the app the request (which quits to set the
// demo aside). On one's own books there is no such key.
func TestStartFreshFromSettingsOnlyOnTheDemo(t *testing.T) {
	hs := harness(t, i18n.EN, 100, 30)
	hs.Keys("f")
	if hs.P.Depth() != 1 || strings.Contains(hs.Screen(), "start your own books") {
		t.Fatalf("real books offer a fresh start:\n%s", hs.Screen())
	}

	hs = demoHarness(t, i18n.EN, 100, 30)
	hs.Keys("end")
	uitest.Contains(t, hs.Screen(), "f to start your own books", "keeps the demo in a file beside it")
	var fresh bool
	d := hs.Driver()
	d.Observe = func(m tea.Msg) bool {
		if _, ok := m.(common.StartFreshMsg); ok {
			fresh = true
			return false
		}
		return true
	}
	d.Keys("f")
	if _, ok := hs.P.Top().(interface{ HandlesBack() bool }); !ok || hs.P.Depth() != 2 {
		t.Fatalf("f did not ask first:\n%s", hs.Screen())
	}
	uitest.Contains(t, hs.Screen(), "-demo-2026-11-21.db")
	d.Keys("n")
	if fresh || hs.P.Depth() != 1 {
		t.Fatalf("n started afresh (%v) or left the question open", fresh)
	}
	d.Keys("f", "y")
	if !fresh {
		t.Error("y did not ask the app to start afresh")
	}
}

func TestGoldenSettingsUnionCodeProblem(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := harness(t, lang, w, h)
		hs.StrictHeight = true
		hs.Keys("p", "tab")
		hs.Type("91350100M000100Y43")
		hs.Keys("tab")
		hs.RequireGolden()
	})
}

func TestGoldenSettingsCasesForm(t *testing.T) {
	uitest.Each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		hs := harness(t, lang, w, h)
		hs.StrictHeight = true
		hs.Keys("g")
		hs.RequireGolden()
	})
}
