package transfer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/filechooser"
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
	// the import's file chooser opens in this package's folder: the
	// rosters typed are under testdata
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	importOf(hs).dir = wd
	return hs
}

// importOf is the tab's import options and folder.
func importOf(hs *harness) *importState { return hs.P.env.st.Root().(*menu).imp }

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

// loaded is the tab after typing a partial path in the file chooser,
// completing it with tab and reading the file.
func loaded(t *testing.T, hs *harness) *preview {
	t.Helper()
	hs.Keys("i")
	top[*filechooser.Screen](t, hs)
	hs.Type("testdata/files/ro")
	hs.Keys("tab")
	if out := uitest.Screen(hs.P.View()); !strings.Contains(out, filepath.Join("testdata", "files", "roster.csv")) {
		t.Fatalf("not completed:\n%s", out)
	}
	hs.Keys("enter")
	return top[*preview](t, hs)
}

// choosePath opens the file chooser and chooses path, typed whole.
func choosePath(t *testing.T, hs *harness, path string) {
	t.Helper()
	hs.Keys("i")
	top[*filechooser.Screen](t, hs)
	hs.Keys("ctrl+u")
	hs.Type(path)
	hs.Keys("enter")
}

// hasKey reports whether the footer or the full help offers key k.
func hasKey(hs *harness, k string) bool {
	bs := hs.P.ShortHelp()
	for _, g := range hs.P.FullHelp() {
		bs = append(bs, g...)
	}
	for _, b := range bs {
		for _, x := range b.Keys() {
			if x == k {
				return true
			}
		}
	}
	return false
}
