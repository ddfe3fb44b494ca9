package model

import "testing"

func schemeMember(id, unit uint64) *Member {
	return &Member{ID: id, UnitID: unit, JoinDate: 20250610, Status: StatusActive,
		Wages: []WageBase{{From: 202507, Base: 308500}}}
}

func TestCalcSchemesAndExceptions(t *testing.T) {
	calc := DuesCalc{Rules: rules, Units: map[uint64]*UnitDues{
		2: {UnitID: 2, Terms: []UnitDuesTerm{{From: 202601, Handling: HandlingFederation, Scheme: SchemeFixed, Fixed: 500}}},
		3: {UnitID: 3, Terms: []UnitDuesTerm{{From: 202507, Handling: HandlingSelf, Scheme: SchemeWage}}},
		4: {UnitID: 4, Terms: []UnitDuesTerm{{From: 202507, Handling: HandlingKept, Scheme: SchemeWage}}},
	}, Members: map[uint64]*MemberDues{
		12: {MemberID: 12, Terms: []MemberDuesTerm{{From: 202603, Kind: MemberWage}}},
		13: {MemberID: 13, Terms: []MemberDuesTerm{{From: 202602, Kind: MemberExempt, Reason: "重病"}, {From: 202605, Kind: MemberFollowUnit}}},
		14: {MemberID: 14, Terms: []MemberDuesTerm{{From: 202601, Kind: MemberFixed, Fixed: 300}}},
	}}
	cases := []struct {
		m     *Member
		mo    Month
		amt   Money
		state OweState
	}{
		{schemeMember(1, 1), 202506, 0, OweNone},     // before the start month
		{schemeMember(1, 1), 202507, 1540, OweDue},   // 3,085 → 3,080 × 0.5%
		{schemeMember(11, 2), 202512, 1540, OweDue},  // wage scheme before the unit's fixed term
		{schemeMember(11, 2), 202601, 500, OweDue},   // 定额 5.00
		{schemeMember(12, 2), 202602, 500, OweDue},   // the unit's fixed amount…
		{schemeMember(12, 2), 202603, 1540, OweDue},  // …until the member's wage exception
		{schemeMember(13, 2), 202603, 0, OweExempt},  // exempt
		{schemeMember(13, 2), 202605, 500, OweDue},   // back to the unit's scheme
		{schemeMember(14, 1), 202601, 300, OweDue},   // a member's own fixed amount
		{schemeMember(15, 3), 202601, 1540, OweSelf}, // the unit collects its own
		{schemeMember(16, 4), 202601, 1540, OweDue},  // 代管: in our books
		{&Member{ID: 17, UnitID: 1, JoinDate: 20250610, Status: StatusActive}, 202601, 0, OweNoBase},
	}
	for _, c := range cases {
		amt, st := calc.For(c.m).Month(c.mo)
		if amt != c.amt || st != c.state {
			t.Errorf("member %d %s: %v %v, want %v %v", c.m.ID, c.mo, amt, st, c.amt, c.state)
		}
	}
	if h := calc.For(schemeMember(16, 4)).Handling(202601); h != HandlingKept || !h.InOurBooks() || HandlingSelf.InOurBooks() {
		t.Errorf("handling %v", h)
	}
}

func TestTermValidation(t *testing.T) {
	for _, c := range []struct {
		t          UnitDuesTerm
		field, key string
	}{
		{UnitDuesTerm{Handling: HandlingSelf, Scheme: SchemeWage}, "dues_from", "problem.required"},
		{UnitDuesTerm{From: 202613, Handling: HandlingSelf, Scheme: SchemeWage}, "dues_from", "month.format"},
		{UnitDuesTerm{From: 202601, Scheme: SchemeWage}, "dues_handling", "problem.not_in_list"},
		{UnitDuesTerm{From: 202601, Handling: HandlingKept}, "dues_scheme", "problem.not_in_list"},
		{UnitDuesTerm{From: 202601, Handling: HandlingKept, Scheme: SchemeFixed}, "dues_fixed", "money.zero"},
		{UnitDuesTerm{From: 202601, Handling: HandlingKept, Scheme: SchemeFixed, Fixed: Yuan(1001)}, "dues_fixed", "dues.fixed_too_large"},
	} {
		if ps := c.t.Validate(); !ps.Has(c.field, c.key) {
			t.Errorf("%+v: %v, want %s on %s", c.t, ps, c.key, c.field)
		}
	}
	ok := UnitDuesTerm{From: 202601, Handling: HandlingKept, Scheme: SchemeWage, Fixed: 500}
	if ps := ok.Validate(); len(ps) > 0 || ok.Fixed != 0 {
		t.Errorf("valid term %+v: %v", ok, ps)
	}
	for _, c := range []struct {
		t          MemberDuesTerm
		field, key string
	}{
		{MemberDuesTerm{From: 202601, Kind: MemberExempt}, "dues_reason", "problem.required"},
		{MemberDuesTerm{From: 202601, Kind: MemberFixed}, "dues_fixed", "money.zero"},
		{MemberDuesTerm{From: 202601, Kind: 9}, "dues_exception", "problem.not_in_list"},
		{MemberDuesTerm{Kind: MemberWage}, "dues_from", "problem.required"},
	} {
		if ps := c.t.Validate(); !ps.Has(c.field, c.key) {
			t.Errorf("%+v: %v, want %s on %s", c.t, ps, c.key, c.field)
		}
	}
	ts := WithTerm([]UnitDuesTerm{{From: 202601}, {From: 202606}}, UnitDuesTerm{From: 202603, Note: "x"}, func(t UnitDuesTerm) Month { return t.From })
	if len(ts) != 3 || ts[1].From != 202603 {
		t.Errorf("WithTerm %+v", ts)
	}
	ts = WithTerm(ts, UnitDuesTerm{From: 202603, Note: "y"}, func(t UnitDuesTerm) Month { return t.From })
	if len(ts) != 3 || ts[1].Note != "y" {
		t.Errorf("WithTerm replacing %+v", ts)
	}
}

// A payment marks paid only the months it pays in full; the rest stays
// owed as underpaid, and a second payment completes it. By hand: 15.40 a
// month; 40.00 for January to March pays January and February (30.80) and
// 9.20 of March, which still owes 6.20.
func TestUnderpaymentByHand(t *testing.T) {
	m := schemeMember(1, 1)
	r := rules
	r.Since = 202601 // the first month kept in the program
	mc := (&DuesCalc{Rules: r}).For(m)
	full := map[Month]bool{}
	part := map[Month]PartPaid{}
	pv := MapPaid(full, part)
	if to, ok := CoverMonths(mc, pv, 202601, 4000); to != 202603 || !ok {
		t.Errorf("40.00 from January covers to %s %v", to, ok)
	}
	if to, ok := CoverMonths(mc, pv, 202601, 4620); to != 202603 || !ok {
		t.Errorf("46.20 covers to %s %v", to, ok)
	}
	if to, ok := CoverMonths(mc, pv, 202601, 4621); to != 202604 || !ok {
		t.Errorf("46.21 covers to %s %v", to, ok)
	}
	p := &DuesPayment{From: 202601, To: 202603, Amount: 4000, Date: 20260410, Method: PayCash}
	alloc, owed, ps := PlanPayment(p, mc, pv, 20260415)
	if len(ps) > 0 || alloc[0] != 1540 || alloc[1] != 1540 || alloc[2] != 920 || owed[2] != 1540 {
		t.Fatalf("alloc %v owed %v %v", alloc, owed, ps)
	}
	full[202601], full[202602] = true, true
	part[202603] = PartPaid{Paid: 920, Owed: 1540}
	o := OverdueOf(mc, pv, 202603, true)
	if o.Count != 1 || o.Total != 620 || o.Underpaid != 1 || o.Months[0] != 202603 {
		t.Errorf("after underpaying: %+v", o)
	}
	d := DuesMonth(mc, pv, 202603)
	if !d.Underpaid() || d.Rest() != 620 || d.Full {
		t.Errorf("March %+v", d)
	}
	// The rest of March: 6.20, and no more.
	if _, _, ps := PlanPayment(&DuesPayment{From: 202603, To: 202603, Amount: 621, Date: 20260410, Method: PayCash}, mc, pv, 20260415); !ps.Has("amount", "dues.more_than_owed") {
		t.Errorf("6.21 on a month owing 6.20: %v", ps)
	}
	alloc, _, ps = PlanPayment(&DuesPayment{From: 202603, To: 202603, Amount: 620, Date: 20260410, Method: PayCash}, mc, pv, 20260415)
	if len(ps) > 0 || alloc[0] != 620 {
		t.Errorf("the rest: %v %v", alloc, ps)
	}
	// A month paid in part keeps what it owed then, even after a raise.
	m.Wages = append(m.Wages, WageBase{From: 202603, Base: 500000})
	if d := DuesMonth(mc, pv, 202603); d.Amount != 1540 || d.Rest() != 620 {
		t.Errorf("March after the raise %+v", d)
	}
	if RestOf(mc, pv, 202603, 202604) != 620+2500 {
		t.Errorf("rest over March and April %v", RestOf(mc, pv, 202603, 202604))
	}
	if FirstOwing(mc, pv, 202604) != 202603 {
		t.Errorf("first owing %s", FirstOwing(mc, pv, 202604))
	}
}

func TestPlanPaymentStates(t *testing.T) {
	calc := DuesCalc{Rules: rules, Units: map[uint64]*UnitDues{3: {Terms: []UnitDuesTerm{{From: 202601, Handling: HandlingSelf, Scheme: SchemeWage}}}},
		Members: map[uint64]*MemberDues{2: {Terms: []MemberDuesTerm{{From: 202602, Kind: MemberExempt, Reason: "病休"}}}}}
	pay := func(m *Member, from, to Month) Problems {
		_, _, ps := PlanPayment(&DuesPayment{From: from, To: to, Amount: 100, Date: 20260301, Method: PayCash}, calc.For(m), PaidView{}, 20260310)
		return ps
	}
	if ps := pay(schemeMember(1, 3), 202601, 202601); !ps.Has("member", "dues.unit_collects") {
		t.Errorf("self-collected: %v", ps)
	}
	if ps := pay(schemeMember(2, 1), 202601, 202602); !ps.Has("member", "dues.exempt_month") {
		t.Errorf("exempt: %v", ps)
	}
	// Without a wage base the amount is unknown: a payment is taken as
	// what its months owed, shared equally, each paid in full; mixed with
	// months of a known amount it is refused.
	nobase := &Member{ID: 5, UnitID: 1, JoinDate: 20250610, Status: StatusActive}
	alloc, owed, ps := PlanPayment(&DuesPayment{From: 202601, To: 202602, Amount: 1001, Date: 20260301, Method: PayCash}, calc.For(nobase), PaidView{}, 20260310)
	if len(ps) > 0 || alloc[0] != 501 || alloc[1] != 500 || owed[1] != 500 {
		t.Errorf("no base: %v %v %v", alloc, owed, ps)
	}
	if d := DuesMonth(calc.For(nobase), PaidView{}, 202601); !d.Payable() || d.Owing() {
		t.Errorf("a month without a base is payable, not owing: %+v", d)
	}
	if to, ok := CoverMonths(calc.For(nobase), PaidView{}, 202601, 5000); to != 202601 || !ok {
		t.Errorf("cover without a base: %s %v", to, ok)
	}
	nobase.Wages = []WageBase{{From: 202602, Base: 300000}}
	if ps := pay(nobase, 202601, 202602); !ps.Has("member", "dues.no_base_mixed") {
		t.Errorf("mixed: %v", ps)
	}
}

// A rate has a from-month: months before it owe at the rate before.
func TestRateFromAMonth(t *testing.T) {
	p := DefaultProfile()
	p.SetDuesRate(DuesRate{From: 202607, RateBP: 100, TruncUnit: Yuan(10)})
	p.SetDuesRate(DuesRate{From: 202701, RateBP: 100, TruncUnit: 1}) // 1 fen: no cut
	r := p.DuesRules()
	r.TruncUnit = Yuan(10)
	for _, c := range []struct {
		mo   Month
		want Money
	}{{202606, 1540}, {202607, 3080}, {202612, 3080}, {202701, 3085}} {
		if got := r.MonthlyIn(c.mo, 308500); got != c.want {
			t.Errorf("%s: %s, want %s", c.mo, got.Display(), c.want.Display())
		}
	}
	if got := p.DuesRateIn(202612); got.RateBP != 100 || got.From != 202607 {
		t.Errorf("rate in 2026-12 %+v", got)
	}
	// the same rate again from a later month is no change; dropping the
	// first change leaves the second
	p.SetDuesRate(DuesRate{From: 202703, RateBP: 100, TruncUnit: 1})
	if len(p.DuesRates) != 2 {
		t.Errorf("a repeated rate was kept: %+v", p.DuesRates)
	}
	p.DropDuesRate(202607)
	if len(p.DuesRates) != 1 || p.LatestDuesRate().From != 202701 {
		t.Errorf("after dropping 2026-07: %+v", p.DuesRates)
	}
	// a change's rate, unit and month are checked
	p.DuesRates = append(p.DuesRates, DuesRate{From: 202613, RateBP: 2000, TruncUnit: -1})
	ps := p.Validate()
	for _, f := range []string{"dues_rate_from", "dues_rate", "trunc_unit"} {
		if len(ps.For(f)) == 0 {
			t.Errorf("no problem on %s: %v", f, ps)
		}
	}
}
