package model

import "testing"

// A household at or below the deep line with a disabled member is 深度困难
// even when no cause was ticked (DOMAIN.md: illness, disability or schooling).
func TestDisabilityCountsForDeepHardship(t *testing.T) {
	r := HardshipRules{MinLiving: Yuan(850), DeepPct: 100, RelativePct: 200}
	f := HardshipFile{HouseholdSize: 2, MainCause: CauseLaidOff}
	f.YearlyIncome = Yuan(12000) // 500 a person a month
	if got := SuggestCategory(&f, r); got.Category != CategoryRelative {
		t.Fatalf("without disability: %+v", got)
	}
	f.Disability = "肢体二级"
	if got := SuggestCategory(&f, r); got.Category != CategoryDeep {
		t.Errorf("with disability: %+v", got)
	}
}
