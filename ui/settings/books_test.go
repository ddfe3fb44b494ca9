package settings

import (
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/uitest"
)

// The books' settings: a festival cap and the chair's name are kept; a
// share over 100% is refused next to its field and writes nothing.
func TestBooksSettingsAreSaved(t *testing.T) {
	hs := harness(t, i18n.ZH, 100, 30)
	hs.Keys("k", "tab", "tab")
	for range 2 {
		hs.Keys("backspace")
	}
	hs.Type("120")
	hs.Keys("ctrl+s")
	uitest.Contains(t, hs.Screen(), "应在 0 到 100 之间")
	for range 3 {
		hs.Keys("backspace")
	}
	hs.Type("50")
	hs.Keys("tab")
	hs.Type("1200")
	for range 7 {
		hs.Keys("tab")
	}
	hs.Type("王主席")
	hs.Keys("ctrl+s")
	p, _, _ := hs.C.Store.Profile()
	if p.Books.ShareOf(0) != 5000 || p.Books.Cap(model.ConsolFestival) != model.Yuan(1200) || p.Books.Signatures.Chair != "王主席" {
		t.Errorf("books settings %+v", p.Books)
	}
}

// The opening balances typed in Settings are the books' start.
func TestOpeningsFromSettings(t *testing.T) {
	hs := harness(t, i18n.EN, 100, 30)
	hs.Keys("o")
	hs.Keys("tab")
	for range 4 {
		hs.Keys("backspace")
	}
	hs.Type("1500")
	hs.Keys("tab")
	for range 4 {
		hs.Keys("backspace")
	}
	hs.Type("88,000")
	hs.Keys("ctrl+s")
	os, _ := hs.C.Store.Openings()
	if os[model.MoneyCash].Amount != model.Yuan(1500) || os[model.MoneyBank].Amount != model.Yuan(88000) || os[model.MoneyCash].Date != 20261101 {
		t.Errorf("openings %+v\n%s", os, hs.Screen())
	}
	uitest.Contains(t, hs.Screen(), "opening balances from 2026-11: cash 1,500.00, bank 88,000.00")
}
