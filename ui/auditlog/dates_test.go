package auditlog

import (
	"testing"

	"unionbook/model"
)

// A range's ends are read as every date field reads them; a month alone
// covers the whole month.
func TestParseRangeReadsMonthsAsWholeMonths(t *testing.T) {
	for _, c := range []struct {
		in       string
		from, to model.Date
		ok       bool
	}{
		{"2026-11-21", 20261121, 20261121, true},
		{"2026-5", 20260501, 20260531, true},
		{"2026年2月", 20260201, 20260228, true},
		{"2026.1..2026.3", 20260101, 20260331, true},
		{"2026.10..", 20261001, 0, true},
		{"..2026-6", 0, 20260630, true},
		{"2026-01-15 至 2026年2月", 20260115, 20260228, true},
		{"2026-3..2026-1", 0, 0, false},
		{"2026-13", 0, 0, false},
		{"", 0, 0, true},
	} {
		from, to, ok := parseRange(c.in)
		if from != c.from || to != c.to || ok != c.ok {
			t.Errorf("parseRange(%q) = %v, %v, %v; want %v, %v, %v", c.in, from, to, ok, c.from, c.to, c.ok)
		}
	}
}
