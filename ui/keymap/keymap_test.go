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
