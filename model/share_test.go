package model

import "testing"

// Rates read as a secretary checks them with ROUND(part/whole*100, 2) in
// Excel: 6,898 of 9,364 is 73.67% (it was cut to 73.66%), except that a
// share short of the whole never reads 100.00% and one above nothing
// never reads 0.00%.
func TestShareBPRoundsAsASpreadsheetDoes(t *testing.T) {
	for _, c := range []struct {
		part, whole int64
		want        int
	}{
		{6898, 9364, 7367},    // 73.6650…%
		{2, 3, 6667},          // 66.666…%
		{1, 3, 3333},          // 33.333…%
		{1, 8, 1250},          // 12.5% exactly
		{1, 80000, 1},         // 0.00125% rounds up to 0.01% anyway
		{1, 1_000_000, 1},     // 0.0001%: above nothing, so not 0.00%
		{0, 5, 0},             // nothing
		{99999, 100000, 9999}, // 99.999%: short of the whole, not 100.00%
		{5, 5, 10000},
		{6, 5, 12000},  // more than due
		{-1, 3, -3333}, // a fall, as the summary's changes use it
		{7, 0, 0},      // nothing due: no rate
	} {
		if got := ShareBP(c.part, c.whole); got != c.want {
			t.Errorf("ShareBP(%d, %d) = %d, want %d", c.part, c.whole, got, c.want)
		}
	}
	if got := RateBP(Yuan(1), Yuan(3)); got != 3333 {
		t.Errorf("RateBP(1, 3 yuan) = %d", got)
	}
}
