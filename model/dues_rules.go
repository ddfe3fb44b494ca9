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

// OwedAmount is what month owes: Monthly of the base in force, or 0 when the
// month is not owed.
func (m *Member) OwedAmount(month Month, r DuesRules) Money {
	if !m.Owes(month, r) {
		return 0
	}
	return r.Monthly(m.BaseFor(month))
}

// MonthDues is one month of a member's dues history.
type MonthDues struct {
	Month     Month
	Owed      bool   // the member owed dues this month
	Amount    Money  // what the month owes (0 when not owed)
	PaymentID uint64 // the payment covering it, 0 if unpaid
}

// DuesHistory lists every month from the start month to until with what it
// owed and which payment covered it. paid maps a month to its payment.
func DuesHistory(m *Member, r DuesRules, paid map[Month]uint64, until Month) []MonthDues {
	start := m.StartMonth(r)
	if start == 0 || until < start {
		return nil
	}
	var out []MonthDues
	for mo := start; mo <= until; mo = mo.Add(1) {
		d := MonthDues{Month: mo, Owed: m.Owes(mo, r), PaymentID: paid[mo]}
		if d.Owed {
			d.Amount = r.Monthly(m.BaseFor(mo))
		}
		out = append(out, d)
	}
	return out
}

// Expected is what the months from..to owe, month by month (months not owed
// count nothing).
func Expected(m *Member, r DuesRules, from, to Month) Money {
	var sum Money
	for mo := from; mo <= to && mo != 0; mo = mo.Add(1) {
		sum += m.OwedAmount(mo, r)
	}
	return sum
}

// Unpaid lists the owed and unpaid months up to until, oldest first, with
// their total and the longest run of consecutive unpaid months ending at
// until or earlier. A month not owed (retained) or paid ends a run.
func Unpaid(m *Member, r DuesRules, paid map[Month]uint64, until Month) (months []Month, total Money, longestRun int) {
	return UnpaidFunc(m, r, func(mo Month) bool { return paid[mo] != 0 }, until, true)
}

// UnpaidFunc is Unpaid with the paid months given as a predicate; with
// list false it only counts (months is nil), for lists over every member.
func UnpaidFunc(m *Member, r DuesRules, isPaid func(Month) bool, until Month, list bool) (months []Month, total Money, longestRun int) {
	start := m.StartMonth(r)
	if start == 0 {
		return nil, 0, 0
	}
	run := 0
	for mo := start; mo <= until; mo = mo.Add(1) {
		if !m.Owes(mo, r) || isPaid(mo) {
			run = 0
			continue
		}
		run++
		longestRun = max(longestRun, run)
		total += r.Monthly(m.BaseFor(mo))
		if list {
			months = append(months, mo)
		}
	}
	return months, total, longestRun
}

// MonthsBetween is the number of months from..to, both included (0 when to
// is before from).
func MonthsBetween(from, to Month) int {
	n := (to.Year()-from.Year())*12 + to.MonthOfYear() - from.MonthOfYear() + 1
	return max(n, 0)
}

// MaxPaymentMonths bounds the months one payment may cover (ten years).
const MaxPaymentMonths = 120

// ValidatePayment checks a payment (not a reversal) for member m before it
// is written, and returns every problem at once, on the fields "amount",
// "from", "to", "date", "method" and "member": the amount must be above
// zero; the months must be given, in order, owed by the member (not before
// the start month, not while retained or after leaving) and not already
// paid (isPaid); the date must be real and not in the future.
func ValidatePayment(p *DuesPayment, m *Member, r DuesRules, isPaid func(Month) bool, today Date) Problems {
	var ps Problems
	if err := p.Amount.Positive(); err != nil {
		ps.addErr("amount", err)
	}
	switch {
	case p.Date == 0:
		ps.add("date", "problem.required")
	case !p.Date.Valid():
		ps.add("date", "date.impossible", p.Date.String())
	case p.Date > today:
		ps.add("date", "problem.future")
	}
	switch p.Method {
	case PayCash, PayBank, PayMobile, PayPayroll:
	default:
		ps.add("method", "problem.not_in_list")
	}
	validMonth := func(mo Month) bool { return mo.MonthOfYear() >= 1 && mo.MonthOfYear() <= 12 && mo.Year() >= 1900 }
	monthsOK := true
	if p.From == 0 {
		ps.add("from", "problem.required")
		monthsOK = false
	} else if !validMonth(p.From) {
		ps.add("from", "month.format", p.From.String())
		monthsOK = false
	}
	if p.To == 0 {
		ps.add("to", "problem.required")
		monthsOK = false
	} else if !validMonth(p.To) {
		ps.add("to", "month.format", p.To.String())
		monthsOK = false
	}
	if monthsOK && p.To < p.From {
		ps.add("to", "dues.to_before_from")
		monthsOK = false
	}
	if monthsOK && MonthsBetween(p.From, p.To) > MaxPaymentMonths {
		ps.add("to", "dues.too_many_months", MaxPaymentMonths)
		monthsOK = false
	}
	if !monthsOK || m == nil {
		return ps
	}
	if start := m.StartMonth(r); p.From < start {
		ps.add("from", "dues.before_start", start.String())
		return ps
	}
	for mo := p.From; mo <= p.To; mo = mo.Add(1) {
		if !m.Owes(mo, r) {
			d := max(mo.First(), m.JoinDate)
			ps.add("member", "dues.not_owed", mo.String(), i18nKeyArg(m.StatusOn(d).Key()))
			break
		}
	}
	for mo := p.From; mo <= p.To; mo = mo.Add(1) {
		if isPaid != nil && isPaid(mo) {
			ps.add("from", "dues.already_paid", mo.String())
			break
		}
	}
	return ps
}

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
