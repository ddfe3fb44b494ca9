package model

import (
	"testing"

	"unionbook/i18n"
)

// Every kind of record and write reads in both languages: the audit log and
// its filter never show a raw key.
func TestVocabularyHasWordsInBothLanguages(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.ZH, i18n.EN} {
		for _, e := range Entities() {
			if !l.Has(e.Key()) {
				t.Errorf("%v: no word for entity %q", l, e)
			}
		}
		for _, a := range Actions() {
			if !l.Has(a.Key()) {
				t.Errorf("%v: no word for action %q", l, a)
			}
		}
	}
}
