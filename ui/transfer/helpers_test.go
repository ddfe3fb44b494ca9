package transfer

import (
	"testing"
	"time"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/uitest"
)

// The golden screens of before the tab became a stack are the page alone
// at 80x24 (testdata/TestGolden*/zh|en.golden); the screens added since
// are framed as the app shows them, with the status line and the keys, at
// 80x24 and 120x40 (testdata/TestGolden*/zh_80x24.golden...). Regenerate
// with: go test ./ui/transfer -update

var testNow = time.Date(2025, 6, 1, 9, 0, 0, 0, time.Local)

type harness = uitest.PageHarness[*Page]

// open builds the tab on st at a w x h screen, its export clock fixed.
func open(t *testing.T, st *storage.Store, lang i18n.Lang, w, h int) *harness {
	t.Helper()
	hs := uitest.NewPageHarness(t, uitest.NewCommon(st, lang, testNow), w, h, New)
	hs.P.env.now = func() time.Time { return testNow }
	return hs
}

// importStore is a store holding the unit the test rosters name.
func importStore(t *testing.T) *storage.Store {
	t.Helper()
	st := uitest.OpenStore(t, testNow)
	u := model.Unit{Name: "青山机械厂", Kind: 170}
	if err := st.CreateUnit("t", &u); err != nil {
		t.Fatal(err)
	}
	return st
}

// newPage is the tab on importStore, the page 80x24 (the screen 80x28).
func newPage(t *testing.T, lang i18n.Lang) *harness {
	t.Helper()
	return open(t, importStore(t), lang, 80, 28)
}

// screen is the page without colours, every line filled to 80 cells.
func screen(t *testing.T, hs *harness) string {
	t.Helper()
	out := uitest.Screen(hs.P.View())
	uitest.CheckFullGeometry(t, out, 80, 24)
	// a CJK terminal may draw these two cells wide
	uitest.CheckGlyphs(t, out, "✓", "✗", "–", "…", "·", "→")
	return out
}

// top is the screen in front, which must be an S.
func top[S common.Screen](t testing.TB, hs *harness) S {
	t.Helper()
	s, ok := hs.P.Top().(S)
	if !ok {
		t.Fatalf("%T is in front, not %T", hs.P.Top(), s)
	}
	return s
}

func each(t *testing.T, fn func(t *testing.T, hs *harness)) {
	uitest.EachLang(t, func(t *testing.T, lang i18n.Lang) { fn(t, newPage(t, lang)) })
}

// loaded is the tab after typing a partial path, completing it with tab
// and reading the file.
func loaded(t *testing.T, hs *harness) *preview {
	t.Helper()
	hs.Keys("i")
	hs.Type("testdata/files/ro")
	hs.Keys("tab")
	if got := top[*fileScreen](t, hs).path.Value(); got != "testdata/files/roster.csv" {
		t.Fatalf("completed to %q", got)
	}
	hs.Keys("enter")
	return top[*preview](t, hs)
}

// hasKey reports whether the footer offers key k.
func hasKey(hs *harness, k string) bool {
	for _, b := range hs.P.ShortHelp() {
		for _, x := range b.Keys() {
			if x == k {
				return true
			}
		}
	}
	return false
}
