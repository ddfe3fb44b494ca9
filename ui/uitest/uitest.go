// Package uitest is the harness the TUI's tests share: key presses by name,
// typing, running the commands a model returns as the program would, the
// screen rendered without colour, the geometry and golden-file checks, a
// temporary store on a fixed clock and a common.Common to build pages on.
//
// It is an ordinary package so that the test files of every ui package can
// import it, but only tests use it: the program never does.
package uitest

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/keymap"
	"unionbook/ui/styles"
)

// FixedNow is the clock of the UI tests, so golden files stay put.
var FixedNow = time.Date(2026, 11, 21, 9, 30, 0, 0, time.Local)

// Operator is the name the test fixtures write as.
const Operator = "李秘书"

// OpenStore opens a store in a fresh temporary folder whose clock stands
// still at now; it is closed when the test ends.
func OpenStore(tb testing.TB, now time.Time) *storage.Store {
	tb.Helper()
	return OpenStoreWith(tb, storage.Options{Now: func() time.Time { return now }})
}

// OpenStoreWith is OpenStore with the options given, for a clock that moves
// or other settings. It never waits for the disk (NoSync).
func OpenStoreWith(tb testing.TB, opts storage.Options) *storage.Store {
	tb.Helper()
	opts.NoSync = true // no test of the interface is of durability
	s, err := storage.Open(StorePath(tb), opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// StorePath is a database path in a fresh temporary folder.
func StorePath(tb testing.TB) string {
	return filepath.Join(tb.TempDir(), "ub.db")
}

// NewCommon is what a page is built on: the store (nil for a component
// that needs none), the language with its styles and keys, today as of now.
// Width and Height are left for the caller. The operator is the profile's
// (write fixtures as Operator).
func NewCommon(s *storage.Store, lang i18n.Lang, now time.Time) *common.Common {
	today := model.DateOf(now)
	return &common.Common{Store: s, Lang: lang, Styles: styles.Default(), Keys: keymap.New(lang),
		Today: func() model.Date { return today }}
}

// Lang is a language of the screens with its name in test names.
type Lang struct {
	Name string
	Lang i18n.Lang
}

// Langs are the languages every screen is tested in.
var Langs = []Lang{{"zh", i18n.ZH}, {"en", i18n.EN}}

// Size is a terminal size.
type Size struct{ W, H int }

// Sizes are the terminal sizes of the golden screens.
var Sizes = []Size{{80, 24}, {120, 40}}

// Each runs fn as a subtest for every language at every size of Sizes,
// named like "zh_80x24" (the golden files' names).
func Each(t *testing.T, fn func(t *testing.T, lang i18n.Lang, w, h int)) {
	EachIn(t, Sizes, fn)
}

// EachIn is Each at the sizes given.
func EachIn(t *testing.T, sizes []Size, fn func(t *testing.T, lang i18n.Lang, w, h int)) {
	for _, l := range Langs {
		for _, s := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", l.Name, s.W, s.H), func(t *testing.T) { fn(t, l.Lang, s.W, s.H) })
		}
	}
}

// EachLang runs fn as a subtest for every language, named by Lang.Name.
func EachLang(t *testing.T, fn func(t *testing.T, lang i18n.Lang)) {
	for _, l := range Langs {
		t.Run(l.Name, func(t *testing.T) { fn(t, l.Lang) })
	}
}
