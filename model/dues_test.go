package model

import "testing"

var rules = DuesRules{RateBP: 50, TruncUnit: Yuan(10)}

func TestMonthlyByHand(t *testing.T) {
	cases := []struct {
		r    DuesRules
		base Money
		want Money
	}{
		{rules, 308500, 1540},                                       // DOMAIN.md: 3,085 → 3,080 × 0.5% = 15.40
		{rules, 308999, 1540},                                       // 3,089.99 → 3,080
		{rules, 309000, 1545},                                       // 3,090 → 15.45
		{rules, 200000, 1000},                                       // 2,000 → 10.00
		{rules, 1200000, 6000},                                      // 12,000 → 60.00
		{DuesRules{RateBP: 50}, 308500, 1543},                       // no cut: 15.425 → 15.43 (half up)
		{DuesRules{RateBP: 50, TruncUnit: 1}, 308300, 1542},         // 15.415 → 15.42
		{DuesRules{RateBP: 50}, 308299, 1541},                       // 15.41495 → 15.41
		{DuesRules{RateBP: 30, TruncUnit: Yuan(100)}, 456789, 1350}, // 4,500 × 0.3%
		{rules, 0, 0},
		{rules, -100, 0},
		{DuesRules{RateBP: 0, TruncUnit: Yuan(10)}, 308500, 0},
	}
	for _, c := range cases {
		if got := c.r.Monthly(c.base); got != c.want {
			t.Errorf("%+v.Monthly(%v) = %v, want %v", c.r, c.base, got, c.want)
		}
	}
}

func duesMember() *Member {
	return &Member{
		JoinDate: 20230615, Status: StatusActive,
		Wages: []WageBase{{From: 202307, Base: 308500}, {From: 202401, Base: 500000}},
	}
}

func TestBaseStartAndOwes(t *testing.T) {
	m := duesMember()
	if m.BaseFor(202306) != 0 || m.BaseFor(202307) != 308500 || m.BaseFor(202312) != 308500 || m.BaseFor(202401) != 500000 || m.BaseFor(203001) != 500000 {
		t.Error("BaseFor")
	}
	if m.StartMonth(rules) != 202307 || m.StartMonth(DuesRules{OweJoinMonth: true}) != 202306 || m.StartMonth(DuesRules{Since: 202401}) != 202401 {
		t.Error("StartMonth")
	}
	if m.Owes(202306, rules) || !m.Owes(202307, rules) || !m.Owes(202306, DuesRules{OweJoinMonth: true}) {
		t.Error("Owes around joining")
	}
	// Retained from 2024-03-10: March still owed (active on the 1st), April not;
	// active again from 2024-06-01; left 2024-09-15.
	m.History = []StatusChange{
		{Date: 20240310, From: StatusActive, To: StatusRetained},
		{Date: 20240601, From: StatusRetained, To: StatusActive},
		{Date: 20240915, From: StatusActive, To: StatusLeft},
	}
	m.Status = StatusLeft
	for mo, want := range map[Month]bool{202403: true, 202404: false, 202405: false, 202406: true, 202409: true, 202410: false} {
		if m.Owes(mo, rules) != want {
			t.Errorf("Owes(%s) = %v", mo, !want)
		}
	}
	// 2023-07 … 2023-12 at 15.40, 2024-01 … 03 at 25.00, 06 … 09 at 25.00.
	calc := DuesCalc{Rules: rules}
	mc := calc.For(m)
	var none PaidView
	if got := RestOf(mc, none, 202301, 202412); got != 6*1540+7*2500 {
		t.Errorf("RestOf = %v", got)
	}
	h := DuesMonths(mc, MapPaid(map[Month]bool{202307: true}, nil), 202307, 202405)
	if len(h) != 11 || h[0] != (MonthDues{Month: 202307, State: OweDue, Amount: 1540, Paid: 1540, Full: true}) || h[9] != (MonthDues{Month: 202404}) {
		t.Errorf("history %+v", h)
	}
}

func TestOverdueRuns(t *testing.T) {
	m := duesMember()
	calc := DuesCalc{Rules: rules}
	paid := MapPaid(map[Month]bool{202307: true, 202308: true, 202312: true}, nil)
	o := OverdueOf(calc.For(m), paid, 202403, true)
	// Unpaid 2023-09 … 11 (3 × 15.40), 2024-01 … 03 (3 × 25.00): runs of 3.
	if len(o.Months) != 6 || o.Months[0] != 202309 || o.Total != 3*1540+3*2500 || o.Longest != 3 || o.RunFrom != 202401 || o.RunTo != 202403 {
		t.Errorf("unpaid %+v", o)
	}
	if o := OverdueOf(calc.For(m), PaidView{}, 202403, false); o.Longest != 9 || o.Months != nil || o.Count != 9 {
		t.Errorf("run without payments %+v", o)
	}
	m.History = []StatusChange{{Date: 20231101, From: StatusActive, To: StatusRetained}, {Date: 20240101, From: StatusRetained, To: StatusActive}}
	if o := OverdueOf(calc.For(m), PaidView{}, 202403, false); o.Longest != 4 || o.Total != 4*1540+3*2500 { // retained months end the run
		t.Errorf("run across retained months %+v", o)
	}
}

func TestPlanPaymentProblems(t *testing.T) {
	m := duesMember()
	mc := (&DuesCalc{Rules: rules}).For(m)
	paid := MapPaid(map[Month]bool{202309: true}, nil)
	ok := &DuesPayment{From: 202310, To: 202312, Amount: 4620, Date: 20240110, Method: PayCash}
	if alloc, owed, ps := PlanPayment(ok, mc, paid, 20240115); len(ps) > 0 || len(alloc) != 3 || owed[2] != 1540 {
		t.Fatalf("valid payment: %v %v %v", alloc, owed, ps)
	}
	cases := []struct {
		p          DuesPayment
		field, key string
	}{
		{DuesPayment{From: 202310, To: 202310, Amount: 0, Date: 20240110, Method: PayCash}, "amount", "money.zero"},
		{DuesPayment{From: 202310, To: 202310, Amount: -1, Date: 20240110, Method: PayCash}, "amount", "money.negative"},
		{DuesPayment{From: 202306, To: 202307, Amount: 1540, Date: 20240110, Method: PayCash}, "from", "dues.before_start"},
		{DuesPayment{From: 202308, To: 202310, Amount: 4620, Date: 20240110, Method: PayCash}, "from", "dues.already_paid"},
		{DuesPayment{From: 202311, To: 202310, Amount: 1540, Date: 20240110, Method: PayCash}, "to", "dues.to_before_from"},
		{DuesPayment{From: 202310, To: 202310, Amount: 1540, Date: 20240116, Method: PayCash}, "date", "problem.future"},
		{DuesPayment{From: 202310, To: 202310, Amount: 1540, Date: 20240231, Method: PayCash}, "date", "date.impossible"},
		{DuesPayment{From: 202310, To: 202310, Amount: 1540, Date: 20240110}, "method", "problem.not_in_list"},
		{DuesPayment{From: 202310, To: 203310, Amount: 1540, Date: 20240110, Method: PayCash}, "to", "dues.too_many_months"},
		{DuesPayment{Amount: 1540, Date: 20240110, Method: PayCash}, "from", "problem.required"},
		{DuesPayment{From: 202310, To: 202311, Amount: 3081, Date: 20240110, Method: PayCash}, "amount", "dues.more_than_owed"},
		{DuesPayment{From: 202310, To: 202312, Amount: 3080, Date: 20240110, Method: PayCash}, "to", "dues.short_of_to"},
	}
	for _, c := range cases {
		if _, _, ps := PlanPayment(&c.p, mc, paid, 20240115); !ps.Has(c.field, c.key) {
			t.Errorf("%+v: %v, want %s on %s", c.p, ps, c.key, c.field)
		}
	}
	left := duesMember()
	left.History = []StatusChange{{Date: 20231020, From: StatusActive, To: StatusLeft}}
	left.Status = StatusLeft
	_, _, ps := PlanPayment(&DuesPayment{From: 202310, To: 202311, Amount: 3080, Date: 20240110, Method: PayCash}, (&DuesCalc{Rules: rules}).For(left), PaidView{}, 20240115)
	if !ps.Has("member", "dues.not_owed") {
		t.Errorf("left member: %v", ps)
	}
	if got := ps.Localize(0); got != "会员：2023-11 会员处于「退会」状态，该月不需缴会费" {
		t.Errorf("message %q", got)
	}
	// "12.345" never becomes an amount.
	if _, err := ParseMoney("12.345"); errKey(err) != "money.decimals" {
		t.Errorf("12.345: %v", err)
	}
}

func TestSplitAmount(t *testing.T) {
	for _, c := range []struct {
		amount Money
		n      int
		want   []Money
	}{
		{4620, 3, []Money{1540, 1540, 1540}},
		{10000, 3, []Money{3334, 3333, 3333}},
		{-10000, 3, []Money{-3334, -3333, -3333}},
		{2, 3, []Money{1, 1, 0}},
	} {
		got := SplitAmount(c.amount, c.n)
		var sum Money
		for i := range got {
			sum += got[i]
			if got[i] != c.want[i] {
				t.Errorf("SplitAmount(%v, %d) = %v", c.amount, c.n, got)
				break
			}
		}
		if sum != c.amount {
			t.Errorf("split of %v adds to %v", c.amount, sum)
		}
	}
}
