package model

import "testing"

func TestDateLimits(t *testing.T) {
	var p Profile
	l := p.DateLimits()
	if l.PayAheadMonths != 12 || l.YearsBack != 5 {
		t.Fatalf("defaults %+v", l)
	}
	today := Date(20260315)
	cases := []struct {
		date Date
		from Month
		pay  string // the payment's problem key, "" for none
		old  string // the entry's
	}{
		{19990101, 202601, "dues.date_long_before", "date.too_long_ago"}, // the reported payment
		{20250101, 202601, "", ""},                                       // a year ahead
		{20241231, 202601, "dues.date_long_before", ""},                  // a day more
		{20260310, 202301, "", ""},                                       // arrears paid late
		{20210316, 202103, "", ""},                                       // five years to the day
		{20210314, 202103, "", "date.too_long_ago"},
	}
	for _, c := range cases {
		ps := l.PaymentDate(c.date, c.from)
		if got := firstKey(ps); got != c.pay || (got != "" && ps[0].Field != "date") {
			t.Errorf("payment %s for %s: %v, want %q", c.date, c.from, ps, c.pay)
		}
		if got := firstKey(l.EntryDate(c.date, today)); got != c.old {
			t.Errorf("entry %s: %q, want %q", c.date, got, c.old)
		}
	}
	p.PayAheadMonths, p.EntryYearsBack = 3, 30
	if l := p.DateLimits(); l.PaymentDate(20251001, 202601) != nil || l.PaymentDate(20250930, 202601) == nil || l.EntryDate(19990101, today) != nil {
		t.Errorf("settings not used: %+v", l)
	}
	p.PayAheadMonths, p.EntryYearsBack = -1, 51
	if ps := p.validateDateLimits(); !ps.Has("pay_ahead_months", "profile.pay_ahead_months") || !ps.Has("entry_years_back", "profile.entry_years_back") {
		t.Errorf("bad settings: %v", ps)
	}
}

func firstKey(ps Problems) string {
	if len(ps) == 0 {
		return ""
	}
	return ps[0].Key
}
