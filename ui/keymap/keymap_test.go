package keymap

import (
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"

	"unionbook/i18n"
)

// Every binding needs keys and help in both languages, and help text may not
// use ambiguous-width glyphs (arrows, bullets), which CJK terminals draw two
// cells wide and which would shift the footer.
func TestEveryBindingHasHelp(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
		k := New(l)
		v := reflect.ValueOf(*k)
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).Type() != reflect.TypeFor[key.Binding]() {
				continue // the read-only session's list of writing keys
			}
			b := v.Field(i).Interface().(key.Binding)
			name := v.Type().Field(i).Name
			h := b.Help()
			if len(b.Keys()) == 0 || h.Key == "" || h.Desc == "" {
				t.Errorf("%s/%s: keys %v help %+v", l.Code(), name, b.Keys(), h)
			}
			if strings.ContainsAny(h.Key+h.Desc, "↑↓←→•…·“”") {
				t.Errorf("%s/%s: ambiguous-width glyph in %q", l.Code(), name, h.Key+" "+h.Desc)
			}
			if strings.HasPrefix(h.Desc, "key.") {
				t.Errorf("%s/%s: untranslated help %q", l.Code(), name, h.Desc)
			}
		}
	}
}

// The list of writing keys names catalogue keys that exist; a key whose
// help merely reads like a writing key's is not refused.
func TestWriteKeysAreKnownAndUnambiguous(t *testing.T) {
	for _, h := range WriteHelpKeys() {
		if !i18n.ZH.Has(h) {
			t.Errorf("%q is not in the catalogues", h)
		}
	}
	for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
		k := New(l)
		k.SetReadOnly(l)
		if k.Writes(k.Quit) || !k.Writes(Binding(l, "hardship.key_close", "x")) {
			t.Errorf("%s: quit (退出 q) taken for closing a file (退出 x), or the other way", l.Code())
		}
		if !k.Writes(k.New) || !k.Writes(k.Save) || k.Writes(k.Open) || k.Writes(k.Search) {
			t.Errorf("%s: new and save must write, open and search not", l.Code())
		}
		if got := k.Writable([]key.Binding{k.New, k.Open, k.Edit, k.Search}); len(got) != 2 {
			t.Errorf("%s: Writable kept %d keys", l.Code(), len(got))
		}
	}
	if k := New(i18n.ZH); k.ReadOnly() || k.Writes(k.New) {
		t.Error("a normal session refuses keys")
	}
}
