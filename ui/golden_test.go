package ui

import (
	"fmt"
	"testing"

	"unionbook/i18n"
)

// Golden screens at 80x24 and 120x40, in both languages, with Chinese data.
// Regenerate with: go test ./ui -update

var sizes = []struct{ w, h int }{{80, 24}, {120, 40}}

var langs = []struct {
	name string
	lang i18n.Lang
}{{"zh", i18n.ZH}, {"en", i18n.EN}}

func each(t *testing.T, fn func(t *testing.T, lang i18n.Lang, w, h int)) {
	for _, l := range langs {
		for _, s := range sizes {
			t.Run(fmt.Sprintf("%s_%dx%d", l.name, s.w, s.h), func(t *testing.T) { fn(t, l.lang, s.w, s.h) })
		}
	}
}

func TestGoldenMembersList(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		a := newApp(t, lang, w, h, true)
		requireGolden(t, a, w, h)
	})
}

func TestGoldenMembersSearchPinyin(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		a := newApp(t, lang, w, h, true)
		send(a, press("/"))
		typeText(a, "zs")
		requireGolden(t, a, w, h)
	})
}

func TestGoldenMemberFormWithErrors(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		a := newApp(t, lang, w, h, true)
		send(a, press("n"))
		typeText(a, "王五")
		send(a, press("tab"), press("tab"), press("tab"))
		typeText(a, "440308199901101513") // wrong check character
		send(a, press("ctrl+s"))
		requireGolden(t, a, w, h)
	})
}

func TestGoldenMemberDetail(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		a := newApp(t, lang, w, h, true)
		send(a, press("enter"))
		requireGolden(t, a, w, h)
	})
}

func TestGoldenUnitsList(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		a := newApp(t, lang, w, h, true)
		send(a, press("2"))
		requireGolden(t, a, w, h)
	})
}

func TestGoldenSetup(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		a := newApp(t, lang, w, h, false)
		requireGolden(t, a, w, h)
	})
}

func TestGoldenHelp(t *testing.T) {
	each(t, func(t *testing.T, lang i18n.Lang, w, h int) {
		a := newApp(t, lang, w, h, true)
		send(a, press("?"))
		requireGolden(t, a, w, h)
	})
}
