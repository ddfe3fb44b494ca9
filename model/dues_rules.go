package model

// Dues rules: what each month owes, from the member's wage base and
// membership history and the union's settings. Pure functions; the store
// supplies the paid months.

// Monthly is one month's dues on a wage base: the base cut down to a
// multiple of TruncUnit, times RateBP/10000, rounded half up to the fen.
// 3,085.00 yuan at 0.5% with a 10-yuan unit is 15.40 yuan. A base of zero
// or less owes nothing.
func (r DuesRules) Monthly(base Money) Money {
	if base <= 0 || r.RateBP <= 0 {
		return 0
	}
	if r.TruncUnit > 1 {
		base = base / r.TruncUnit * r.TruncUnit
	}
	// base (fen) × rate (bp) / 10000, half up: exact in int64 for any
	// wage below 10^14 fen.
	return (base*Money(r.RateBP) + 5000) / 10000
}

// BaseFor is the wage base in force in month (the latest WageBase whose From
// is not after month), or 0 when none is set.
func (m *Member) BaseFor(month Month) Money {
	var base Money
	var from Month
	for _, w := range m.Wages {
		if w.From <= month && w.From >= from {
			base, from = w.Base, w.From
		}
	}
	return base
}

// StartMonth is the first month the member owes dues: the join month or the
// month after, by the rules, and never before r.Since when that is set.
func (m *Member) StartMonth(r DuesRules) Month {
	if m.JoinDate == 0 {
		return 0
	}
	start := m.JoinDate.Month()
	if !r.OweJoinMonth {
		start = start.Add(1)
	}
	if r.Since != 0 && start < r.Since {
		start = r.Since
	}
	return start
}

// Owes reports whether the member owes dues for month: on or after the
// start month and active (在会) on the month's first day (a member who
// joined in that month counts as active when OweJoinMonth is set).
// Retained months and months after leaving owe nothing.
func (m *Member) Owes(month Month, r DuesRules) bool {
	start := m.StartMonth(r)
	if start == 0 || month < start {
		return false
	}
	d := month.First()
	if d < m.JoinDate { // the join month itself, with OweJoinMonth
		d = m.JoinDate
	}
	return m.StatusOn(d) == StatusActive
}

// MonthsBetween is the number of months from..to, both included (0 when to
// is before from).
func MonthsBetween(from, to Month) int {
	n := (to.Year()-from.Year())*12 + to.MonthOfYear() - from.MonthOfYear() + 1
	return max(n, 0)
}

// MaxPaymentMonths bounds the months one payment may cover (ten years).
const MaxPaymentMonths = 120

// SplitAmount shares a payment's amount among its months, oldest first:
// equal shares, the fen left over going one each to the earliest months.
// The collection figures count a payment's months this way, so that a
// reversal takes back exactly what its payment added. A negative amount
// (a reversal) splits like its payment, negated.
func SplitAmount(amount Money, months int) []Money {
	if months <= 0 {
		return nil
	}
	neg := amount < 0
	if neg {
		amount = -amount
	}
	share, rest := amount/Money(months), amount%Money(months)
	out := make([]Money, months)
	for i := range out {
		out[i] = share
		if Money(i) < rest {
			out[i]++
		}
		if neg {
			out[i] = -out[i]
		}
	}
	return out
}
