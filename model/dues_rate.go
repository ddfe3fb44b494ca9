package model

import "slices"

// The dues rate has a from-month, like a wage base or a unit's scheme: a
// new rate (or rounding unit) never changes what earlier months owed, so a
// month already paid keeps what it was paid for. The profile keeps the
// first rate in DuesRateBP and DuesTruncUnit and every later one in
// DuesRates.

// DuesRate is the dues rate and the rounding unit of the wage base from a
// month on.
type DuesRate struct {
	From      Month `cbor:"1,keyasint"`
	RateBP    int   `cbor:"2,keyasint"`
	TruncUnit Money `cbor:"3,keyasint,omitempty"` // 0: the default, 10 yuan
}

// maxDuesRateBP bounds a rate: 10%.
const maxDuesRateBP = 1000

// In is the rules of month mo: the rate and rounding unit in force then.
func (r DuesRules) In(mo Month) DuesRules {
	for _, c := range r.Changes {
		if c.From > mo {
			break
		}
		r.RateBP, r.TruncUnit = c.RateBP, c.TruncUnit
	}
	return r
}

// MonthlyIn is month mo's dues on a wage base, at the rate then in force.
func (r DuesRules) MonthlyIn(mo Month, base Money) Money {
	if len(r.Changes) == 0 {
		return r.Monthly(base)
	}
	return r.In(mo).Monthly(base)
}

// DuesRateIn is the rate in force in month mo.
func (p *Profile) DuesRateIn(mo Month) DuesRate {
	r := DuesRate{RateBP: p.DuesRateBP, TruncUnit: p.DuesTruncUnit}
	for _, c := range p.DuesRates {
		if c.From > mo {
			break
		}
		r = c
	}
	return r
}

// LatestDuesRate is the rate set last: the one in force from its From on
// (From 0 when the first rate was never changed).
func (p *Profile) LatestDuesRate() DuesRate {
	if n := len(p.DuesRates); n > 0 {
		return p.DuesRates[n-1]
	}
	return DuesRate{RateBP: p.DuesRateBP, TruncUnit: p.DuesTruncUnit}
}

// SetDuesRate sets the rate from r.From on, replacing one of the same
// month; with From 0 it is the first rate, in force before any change. A
// change that repeats the rate in force before it is dropped.
func (p *Profile) SetDuesRate(r DuesRate) {
	if r.From == 0 {
		p.DuesRateBP, p.DuesTruncUnit = r.RateBP, r.TruncUnit
	} else {
		p.DuesRates = WithTerm(p.DuesRates, r, func(x DuesRate) Month { return x.From })
	}
	p.dropRepeatedRates()
}

// DropDuesRate removes the change of month from (none when there is none).
func (p *Profile) DropDuesRate(from Month) {
	p.DuesRates = slices.DeleteFunc(slices.Clone(p.DuesRates), func(x DuesRate) bool { return x.From == from })
	p.dropRepeatedRates()
}

func (p *Profile) dropRepeatedRates() {
	prev := DuesRate{RateBP: p.DuesRateBP, TruncUnit: p.DuesTruncUnit}
	var out []DuesRate
	for _, c := range p.DuesRates {
		if c.RateBP == prev.RateBP && sameTrunc(c.TruncUnit, prev.TruncUnit) {
			continue
		}
		out = append(out, c)
		prev = c
	}
	p.DuesRates = out
}

// sameTrunc compares rounding units, 0 being the default 10 yuan.
func sameTrunc(a, b Money) bool {
	def := func(m Money) Money {
		if m == 0 {
			return Yuan(10)
		}
		return m
	}
	return def(a) == def(b)
}

// validateDuesRates checks the rates: each rate and unit in range (on
// "dues_rate" and "trunc_unit") and each change's month real and after the
// one before (on "dues_rate_from").
func (p *Profile) validateDuesRates() Problems {
	var ps Problems
	var prev Month
	for _, c := range p.DuesRates {
		validMonth(&ps, "dues_rate_from", c.From)
		if c.From != 0 && c.From <= prev {
			ps.add("dues_rate_from", "dues.rate_months_order")
		}
		prev = c.From
		if c.RateBP < 0 || c.RateBP > maxDuesRateBP {
			ps.add("dues_rate", "profile.dues_rate")
		}
		if c.TruncUnit < 0 || c.TruncUnit > Yuan(1000) {
			ps.add("trunc_unit", "profile.trunc_unit")
		}
	}
	return ps
}
