package model

// Dates that make sense for money. A payment dated 1999-01-01 for months
// in 2026 was once accepted: it took receipt number 1999-000001 and moved
// every later opening balance of the cash book. The limits are settings of
// the profile; 0 there means the default.
const (
	// DefaultPayAheadMonths: a payment may be dated at most a year
	// before the first month it pays (dues paid a year in advance).
	DefaultPayAheadMonths = 12
	// DefaultEntryYearsBack: a cash-book entry (every payment, aid and
	// event cost posts one) may be dated at most five years ago.
	DefaultEntryYearsBack = 5

	maxPayAheadMonths = 120
	maxEntryYearsBack = 50
)

// DateLimits are how far back a payment or cash-book entry may be dated.
type DateLimits struct {
	PayAheadMonths int // before the first month a payment pays
	YearsBack      int // before today
}

// DateLimits are the profile's limits, defaults filled in.
func (p *Profile) DateLimits() DateLimits {
	l := DateLimits{PayAheadMonths: p.PayAheadMonths, YearsBack: p.EntryYearsBack}
	if l.PayAheadMonths <= 0 {
		l.PayAheadMonths = DefaultPayAheadMonths
	}
	if l.YearsBack <= 0 {
		l.YearsBack = DefaultEntryYearsBack
	}
	return l
}

// PaymentDate checks the date of a payment of the months from from on: not
// more than PayAheadMonths before the first of them. The problem is on the
// field "date". (Dates in the future are PlanPayment's.)
func (l DateLimits) PaymentDate(date Date, from Month) Problems {
	var ps Problems
	if !date.Valid() || from == 0 {
		return ps
	}
	if earliest := from.Add(-l.PayAheadMonths).First(); date < earliest {
		ps.add("date", "dues.date_long_before", date.String(), from.String(), l.PayAheadMonths)
	}
	return ps
}

// EntryDate checks the date of a cash-book entry against today: not more
// than YearsBack years ago. The problem is on the field "date". (Dates in
// the future are ValidateLedgerEntry's.)
func (l DateLimits) EntryDate(date, today Date) Problems {
	var ps Problems
	if !date.Valid() || !today.Valid() {
		return ps
	}
	if earliest := today.AddYears(-l.YearsBack); date < earliest {
		ps.add("date", "date.too_long_ago", date.String(), l.YearsBack)
	}
	return ps
}

// validateDateLimits checks the profile's limits.
func (p *Profile) validateDateLimits() Problems {
	var ps Problems
	if p.PayAheadMonths < 0 || p.PayAheadMonths > maxPayAheadMonths {
		ps.add("pay_ahead_months", "profile.pay_ahead_months", maxPayAheadMonths)
	}
	if p.EntryYearsBack < 0 || p.EntryYearsBack > maxEntryYearsBack {
		ps.add("entry_years_back", "profile.entry_years_back", maxEntryYearsBack)
	}
	return ps
}
