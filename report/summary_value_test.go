package report

import (
	"testing"

	"unionbook/i18n"
)

// One of a thing reads as one in English ("1 unit", "down 1 honour"; it
// read "1 units"); Chinese has no plural.
func TestSummaryValueSaysOneInTheSingular(t *testing.T) {
	f := SummaryFigure{Unit: "summary.u_units"}
	for _, c := range []struct {
		l    i18n.Lang
		v    int64
		want string
	}{
		{i18n.EN, 1, "1 unit"}, {i18n.EN, 2, "2 units"}, {i18n.EN, 0, "0 units"}, {i18n.ZH, 1, "1个"},
	} {
		if got := Value(c.l, f, c.v); got != c.want {
			t.Errorf("%v %d: %q, want %q", c.l, c.v, got, c.want)
		}
	}
}
