package model

import "slices"

// What a member's months owe against what was paid: the one reckoning the
// member's dues screen, the arrears list, the unit batch and the payment
// form all use, so that they agree to the fen.
//
// A payment marks paid only the months it pays in full. It fills its
// months oldest first, each up to what the month still owes; the last
// month it reaches may be paid in part, and then stays owed with the rest
// (underpaid). A month paid in part keeps the amount it owed when first
// paid into, so later payments complete exactly that. More than its months
// owe is refused: the form proposes the months an amount covers instead
// (no credit is kept, so every receipt names the months it pays).

// PartPaid is a month paid in part: what was paid toward it and what the
// month owed when it was first paid into.
type PartPaid struct {
	Paid, Owed Money
}

// PaidView is a member's paid months: Full for the months paid in full,
// Part for the months paid in part. Either may be nil for none.
type PaidView struct {
	Full func(Month) bool
	Part func(Month) (PartPaid, bool)
}

// MapPaid is a PaidView over maps (one member's months, read whole).
func MapPaid(full map[Month]bool, part map[Month]PartPaid) PaidView {
	return PaidView{
		Full: func(mo Month) bool { return full[mo] },
		Part: func(mo Month) (PartPaid, bool) { p, ok := part[mo]; return p, ok },
	}
}

func (v PaidView) full(mo Month) bool { return v.Full != nil && v.Full(mo) }

func (v PaidView) part(mo Month) (PartPaid, bool) {
	if v.Part == nil {
		return PartPaid{}, false
	}
	return v.Part(mo)
}

// MonthDues is one month of a member's dues.
type MonthDues struct {
	Month  Month
	State  OweState
	Amount Money // what the month owes (for a month paid in part, what it owed then)
	Paid   Money // paid toward it (Amount when paid in full)
	Full   bool  // paid in full
}

// Rest is what the month still owes: 0 when paid in full or not owed.
func (d MonthDues) Rest() Money {
	if d.Full || d.State != OweDue {
		return 0
	}
	return max(d.Amount-d.Paid, 0)
}

// Owing reports a month owed to this federation with something left to pay.
func (d MonthDues) Owing() bool { return d.Rest() > 0 }

// Payable reports a month a payment may go to: one still owing, or one
// owed on a wage base that is not set and not yet paid (its amount is then
// what is paid: see PlanPayment).
func (d MonthDues) Payable() bool {
	return d.Owing() || (d.State == OweNoBase && !d.Full && d.Paid == 0)
}

// Underpaid reports a month paid in part.
func (d MonthDues) Underpaid() bool { return !d.Full && d.Paid > 0 }

// DuesMonth is month mo of the member: what it owes and what was paid.
func DuesMonth(mc MemberCalc, pv PaidView, mo Month) MonthDues {
	amt, st := mc.Month(mo)
	d := MonthDues{Month: mo, State: st, Amount: amt}
	switch {
	case pv.full(mo):
		d.Full, d.Paid = true, amt
	default:
		if p, ok := pv.part(mo); ok {
			d.Amount, d.Paid = p.Owed, p.Paid
			if st == OweNoBase {
				d.State = OweDue
			}
		}
	}
	return d
}

// DuesMonths lists the months from..to.
func DuesMonths(mc MemberCalc, pv PaidView, from, to Month) []MonthDues {
	if from == 0 || to < from {
		return nil
	}
	out := make([]MonthDues, 0, MonthsBetween(from, to))
	for mo := from; mo <= to; mo = mo.Add(1) {
		out = append(out, DuesMonth(mc, pv, mo))
	}
	return out
}

// Overdue is what a member owes up to a month.
type Overdue struct {
	Months    []Month // owing months, oldest first (nil when not listed)
	Count     int     // owing months
	Total     Money   // what they still owe
	Underpaid int     // of them, months paid in part
	NoBase    int     // months owed on a wage base that is not set: amount unknown, not counted
	// Longest is the longest run of consecutive owing months; RunFrom and
	// RunTo its months (the latest such run). A month that owes nothing
	// (paid, retained, exempt, without a base) ends a run.
	Longest        int
	RunFrom, RunTo Month
}

// OverdueOf is what the member owes from the start month to until. With
// list false Months stays nil (for scans over every member).
func OverdueOf(mc MemberCalc, pv PaidView, until Month, list bool) Overdue {
	var o Overdue
	start := mc.M.StartMonth(mc.Rules)
	if start == 0 {
		return o
	}
	run := 0
	var runFrom Month
	for mo := start; mo <= until; mo = mo.Add(1) {
		d := DuesMonth(mc, pv, mo)
		if d.State == OweNoBase && !d.Full {
			o.NoBase++
		}
		if !d.Owing() {
			run = 0
			continue
		}
		if run == 0 {
			runFrom = mo
		}
		run++
		if run >= o.Longest {
			o.Longest, o.RunFrom, o.RunTo = run, runFrom, mo
		}
		o.Count++
		o.Total += d.Rest()
		if d.Paid > 0 {
			o.Underpaid++
		}
		if list {
			o.Months = append(o.Months, mo)
		}
	}
	return o
}

// RestOf is what the months from..to still owe this federation (months
// without a known amount count nothing).
func RestOf(mc MemberCalc, pv PaidView, from, to Month) Money {
	var sum Money
	for mo := from; mo != 0 && mo <= to; mo = mo.Add(1) {
		sum += DuesMonth(mc, pv, mo).Rest()
	}
	return sum
}

// FirstOwing is the first month from the start month on that still owes
// this federation something, looking at most MaxPaymentMonths past until;
// 0 when none.
func FirstOwing(mc MemberCalc, pv PaidView, until Month) Month {
	start := mc.M.StartMonth(mc.Rules)
	if start == 0 {
		return 0
	}
	for mo := start; mo <= until.Add(MaxPaymentMonths); mo = mo.Add(1) {
		if DuesMonth(mc, pv, mo).Payable() {
			return mo
		}
	}
	return 0
}

// FirstToPay is the month a payment form starts from: the first month
// that owes a known amount, else the first month owed on a wage base not
// set (FirstOwing). A member whose base starts in June is not offered
// January, whose amount nobody knows; 0 when nothing is payable.
func FirstToPay(mc MemberCalc, pv PaidView, until Month) Month {
	first := FirstOwing(mc, pv, until)
	for mo := first; mo != 0 && mo <= until.Add(MaxPaymentMonths); mo = mo.Add(1) {
		if DuesMonth(mc, pv, mo).Owing() {
			return mo
		}
	}
	return first
}

// CoverMonths is the last month an amount paid from month from reaches,
// filling each month up to what it still owes: the months a payment of
// amount covers. ok is false when the amount is more than the months from
// on owe (up to a month that cannot be paid, or MaxPaymentMonths); to is
// then the last month it could pay.
func CoverMonths(mc MemberCalc, pv PaidView, from Month, amount Money) (to Month, ok bool) {
	if from == 0 || amount <= 0 {
		return 0, false
	}
	var sum Money
	if d := DuesMonth(mc, pv, from); d.Payable() && !d.Owing() {
		return from, true // no amount known: the payment is the month's
	}
	for i, mo := 0, from; i < MaxPaymentMonths; i, mo = i+1, mo.Add(1) {
		d := DuesMonth(mc, pv, mo)
		if !d.Owing() {
			return to, false
		}
		to = mo
		sum += d.Rest()
		if sum >= amount {
			return to, true
		}
	}
	return to, false
}

// PlanPayment checks payment p (not a reversal) of the member and shares
// its amount over its months, oldest first: alloc is each month's share,
// owed what each month owed. Every problem at once, on the fields
// "amount", "from", "to", "date", "method" and "member": the amount above
// zero and not more than the months still owe (more is refused: extend the
// months instead); the amount must reach the last month; the months given,
// in order, at most MaxPaymentMonths, each owed to this federation with an
// amount known and not paid in full; the date real and not in the future.
func PlanPayment(p *DuesPayment, mc MemberCalc, pv PaidView, today Date) (alloc, owed []Money, ps Problems) {
	ps = checkPaymentFields(p, today)
	if !monthsValid(ps) {
		return nil, nil, ps
	}
	m := mc.M
	if start := m.StartMonth(mc.Rules); start == 0 || p.From < start {
		ps.add("from", "dues.before_start", start.String())
		return nil, nil, ps
	}
	n := MonthsBetween(p.From, p.To)
	rest := make([]Money, n)
	owed = make([]Money, n)
	monthsOK := true
	noBase := 0
	for i, mo := 0, p.From; i < n; i, mo = i+1, mo.Add(1) {
		d := DuesMonth(mc, pv, mo)
		key, field := "", "member"
		switch {
		case d.Full:
			key, field = "dues.already_paid", "from"
		case d.State == OweNone:
			dd := max(mo.First(), m.JoinDate)
			ps.add("member", "dues.not_owed", mo.String(), i18nKeyArg(m.StatusOn(dd).Key()))
			monthsOK = false
		case d.State == OweSelf:
			key = "dues.unit_collects"
		case d.State == OweExempt:
			key = "dues.exempt_month"
		case d.Payable() && !d.Owing():
			noBase++
		case d.Rest() <= 0:
			key = "dues.nothing_owed_month"
		}
		if key != "" {
			ps.add(field, key, mo.String())
			monthsOK = false
		}
		if !monthsOK {
			break
		}
		rest[i], owed[i] = d.Rest(), d.Amount
	}
	if !monthsOK || p.Amount <= 0 {
		return nil, nil, ps
	}
	if noBase > 0 {
		// Months whose amount is unknown (no wage base): the payment is
		// what they owed, shared equally, each paid in full. Mixed with
		// months of a known amount it cannot be shared.
		if noBase < n {
			ps.add("member", "dues.no_base_mixed")
			return nil, nil, ps
		}
		if len(ps) > 0 {
			return nil, nil, ps
		}
		alloc = SplitAmount(p.Amount, n)
		if alloc[n-1] <= 0 {
			ps.add("amount", "dues.no_base_too_little", n)
			return nil, nil, ps
		}
		return alloc, slices.Clone(alloc), nil
	}
	var total Money
	for _, r := range rest {
		total += r
	}
	if p.Amount > total {
		ps.add("amount", "dues.more_than_owed", total.Display(), p.From.String(), p.To.String())
		return nil, nil, ps
	}
	if p.Amount <= total-rest[n-1] {
		// The amount runs out before the last month.
		var sum Money
		last := p.From
		for i, mo := 0, p.From; i < n; i, mo = i+1, mo.Add(1) {
			sum += rest[i]
			last = mo
			if sum >= p.Amount {
				break
			}
		}
		ps.add("to", "dues.short_of_to", last.String())
		return nil, nil, ps
	}
	if len(ps) > 0 {
		return nil, nil, ps
	}
	alloc = make([]Money, n)
	left := p.Amount
	for i := range rest {
		alloc[i] = min(rest[i], left)
		left -= alloc[i]
	}
	return alloc, owed, nil
}

// checkPaymentFields checks what a payment says by itself: amount, date,
// method and months.
func checkPaymentFields(p *DuesPayment, today Date) Problems {
	var ps Problems
	if err := p.Amount.Positive(); err != nil {
		ps.addErr("amount", err)
	}
	ps = append(ps, checkPayDate(p.Date, p.Method, today)...)
	ps = append(ps, CheckMonths(p.From, p.To, "from", "to")...)
	return ps
}

func checkPayDate(d Date, method PayMethod, today Date) Problems {
	var ps Problems
	switch {
	case d == 0:
		ps.add("date", "problem.required")
	case !d.Valid():
		ps.add("date", "date.impossible", d.String())
	case d > today:
		ps.add("date", "problem.future")
	}
	switch method {
	case PayCash, PayBank, PayMobile, PayPayroll:
	default:
		ps.add("method", "problem.not_in_list")
	}
	return ps
}

// CheckBatchFields checks a batch's own date and method.
func CheckBatchFields(d Date, method PayMethod, today Date) Problems {
	return checkPayDate(d, method, today)
}

// CheckMonths checks a range of months from..to on the two fields: both
// given and real, in order, at most MaxPaymentMonths.
func CheckMonths(from, to Month, fromField, toField string) Problems {
	var ps Problems
	validMonth(&ps, fromField, from)
	validMonth(&ps, toField, to)
	if len(ps) > 0 {
		return ps
	}
	if to < from {
		ps.add(toField, "dues.to_before_from")
	} else if MonthsBetween(from, to) > MaxPaymentMonths {
		ps.add(toField, "dues.too_many_months", MaxPaymentMonths)
	}
	return ps
}

// monthsValid reports whether ps has no problem on the months.
func monthsValid(ps Problems) bool { return len(ps.For("from"))+len(ps.For("to")) == 0 }

// BatchLine is what a unit's batch says of one member over months
// from..to: the months that still owe, what they owe, and the payments an
// amount makes of them.
type BatchLine struct {
	Months []Month // the owing months, oldest first
	Owing  Money   // what they still owe
}

// BatchLineOf is the member's owing months in from..to.
func BatchLineOf(mc MemberCalc, pv PaidView, from, to Month) BatchLine {
	var l BatchLine
	for mo := from; mo != 0 && mo <= to; mo = mo.Add(1) {
		if d := DuesMonth(mc, pv, mo); d.Owing() {
			l.Months = append(l.Months, mo)
			l.Owing += d.Rest()
		}
	}
	return l
}

// Payments splits amount over the line's months into payments, one for
// each run of consecutive owing months, oldest first, each month filled in
// turn: a run the amount does not reach gets none, and the last payment
// ends at the last month the amount reaches. Problems on "amount": none
// above zero, or more than the months owe (refused, as for one payment).
func (l BatchLine) Payments(mc MemberCalc, pv PaidView, amount Money) ([]DuesPayment, Problems) {
	var ps Problems
	switch {
	case len(l.Months) == 0:
		ps.add("member", "dues.batch_owes_nothing")
	case amount <= 0:
		if err := amount.Positive(); err != nil {
			ps.addErr("amount", err)
		}
	case amount > l.Owing:
		ps.add("amount", "dues.more_than_owed", l.Owing.Display(), l.Months[0].String(), l.Months[len(l.Months)-1].String())
	}
	if len(ps) > 0 {
		return nil, ps
	}
	var out []DuesPayment
	left := amount
	for i := 0; i < len(l.Months) && left > 0; {
		p := DuesPayment{From: l.Months[i]}
		for ; i < len(l.Months) && left > 0; i++ {
			if i > 0 && l.Months[i] != l.Months[i-1].Add(1) && p.To != 0 {
				break // a gap: the next run is another payment
			}
			share := min(DuesMonth(mc, pv, l.Months[i]).Rest(), left)
			p.To, p.Amount, left = l.Months[i], p.Amount+share, left-share
		}
		out = append(out, p)
	}
	return out, nil
}
