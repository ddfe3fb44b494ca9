package cases

import (
	"testing"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/form"
	"unionbook/ui/uitest"
)

// A case's dates read what every date field reads: a month alone is its
// first day; what is no date is a problem on its field.
func TestCaseDatesReadAsTheImportDoes(t *testing.T) {
	c := uitest.NewCommon(nil, i18n.ZH, uitest.FixedNow)
	for _, x := range []struct {
		typed string
		want  model.Date
		bad   bool
	}{
		{"2026-11-05", 20261105, false},
		{"2026.5", 20260501, false},
		{"2026年5月", 20260501, false},
		{"2026-5", 20260501, false},
		{"2026年13月", 0, true},
	} {
		f := form.New(c, form.TextField(fReceived, true, ""))
		f.SetValue(fReceived, x.typed)
		var ps model.Problems
		got := parseDate(f, fReceived, true, &ps)
		if got != x.want || (len(ps.For(fReceived)) > 0) != x.bad {
			t.Errorf("%q: %v, %v", x.typed, got, ps)
		}
	}
}
