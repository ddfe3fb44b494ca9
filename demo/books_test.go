package demo

import (
	"testing"

	"unionbook/model"
)

// The demo's bank is reconciled from the month its books start: the last
// statement leaves no difference and only its own month's latest payments
// outstanding. (Aid paid in the months before the dues history was never
// ticked: 73 lines back to 2024 and a difference of -51,000.00.)
func TestDemoBankIsReconciled(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the whole default demo (a few seconds)")
	}
	s := openTemp(t)
	if err := Load(s, Options{}); err != nil { // the default township: its aid starts before the dues history
		t.Fatal(err)
	}
	today := min(Reference, model.Today())
	last := today.Month().Add(-1).Last()
	r, err := s.Reconcile(last)
	if err != nil {
		t.Fatal(err)
	}
	if !r.HasStatement || r.LastStatement != last || r.Difference() != 0 {
		t.Errorf("statement %s of %s: difference %s", r.LastStatement, last, r.Difference().Display())
	}
	for _, l := range r.Outstanding {
		if l.Date.Month() != last.Month() {
			t.Errorf("outstanding since %s: %s %s", l.Date, l.VoucherNo, l.Summary)
		}
	}
}
