package main

import (
	"strings"
	"testing"
)

// A flag without a default says none: report's --year said "(default: 0)".
func TestHelpGivesNoZeroDefault(t *testing.T) {
	for _, r := range []result{runEN("report", "--help"), runZH("report", "--help")} {
		out := r.expect(t, 0).stdout
		if strings.Contains(out, ": 0)") || strings.Contains(out, "：0）") {
			t.Errorf("the help gives a default of 0:\n%s", out)
		}
	}
}
