package storage

import (
	"errors"
	"testing"
	"time"

	"unionbook/model"
)

// handlingFixture is a union whose units handle their dues each their own
// way, with figures worked out by hand below. Clock: 15 June 2024; dues
// kept from 2024-01; 0.5% of the base, the part under 10 yuan ignored.
//
//	A 甲公司工会   collected here, wage bases
//	  a1 3,085.00 → 15.40;  a2 5,000.00 → 25.00, exempt from 2024-04 (病休);
//	  n1 no wage base
//	K 乙公司工会   kept on its behalf (代管): k1 4,000.00 → 20.00
//	S 丙公司工会   collects its own (自收自管): s1 6,000.00 → 30.00, s2 2,000.00 → 10.00
//	V 丁村联合工会 collected here, fixed 5.00 a month: v1; v2 her own fixed 3.00
type handlingFixture struct {
	s                              *Store
	a, k, su, v                    model.Unit
	a1, a2, n1, k1, s1, s2, v1, v2 model.Member
	batchA                         []model.DuesPayment
}

func newHandlingFixture(t *testing.T) *handlingFixture {
	t.Helper()
	s := openTest(t)
	p := model.DefaultProfile()
	p.UnionName, p.DuesSince = "青山镇总工会", ym(2024, 1)
	if err := s.SaveProfile("李秘书", p); err != nil {
		t.Fatal(err)
	}
	f := &handlingFixture{s: s, a: mustUnit(t, s, "甲公司工会"), k: mustUnit(t, s, "乙公司工会"), su: mustUnit(t, s, "丙公司工会"), v: mustUnit(t, s, "丁村联合工会")}
	term := func(u model.Unit, h model.DuesHandling, sc model.DuesScheme, fixed model.Money) {
		if _, err := s.SetUnitDuesTerm("李秘书", u.ID, model.UnitDuesTerm{From: ym(2024, 1), Handling: h, Scheme: sc, Fixed: fixed}); err != nil {
			t.Fatal(err)
		}
	}
	term(f.k, model.HandlingKept, model.SchemeWage, 0)
	term(f.su, model.HandlingSelf, model.SchemeWage, 0)
	term(f.v, model.HandlingFederation, model.SchemeFixed, 500)
	seq := 20
	mk := func(name string, unit uint64, base model.Money) model.Member {
		seq += 2
		m := testMember(name, residentID("350102", 19900101, seq+1), unit)
		m.JoinDate = 20230601
		if err := s.CreateMember("李秘书", m); err != nil {
			t.Fatal(err)
		}
		if base > 0 {
			got, err := s.SetWageBase("李秘书", m.ID, model.WageBase{From: ym(2023, 7), Base: base})
			if err != nil {
				t.Fatal(err)
			}
			*m = got
		}
		return *m
	}
	f.a1, f.a2, f.n1 = mk("张三", f.a.ID, 308500), mk("李四", f.a.ID, 500000), mk("王五", f.a.ID, 0)
	f.k1 = mk("赵六", f.k.ID, 400000)
	f.s1, f.s2 = mk("孙七", f.su.ID, 600000), mk("周八", f.su.ID, 200000)
	f.v1, f.v2 = mk("吴九", f.v.ID, 0), mk("郑十", f.v.ID, 0)
	if _, err := s.SetMemberDuesTerm("李秘书", f.a2.ID, model.MemberDuesTerm{From: ym(2024, 4), Kind: model.MemberExempt, Reason: "病休"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetMemberDuesTerm("李秘书", f.v2.ID, model.MemberDuesTerm{From: ym(2024, 1), Kind: model.MemberFixed, Fixed: 300}); err != nil {
		t.Fatal(err)
	}
	return f
}

// history: A's first quarter as a batch, 李四 paying 60.00 of 75.00; 张三
// April and May; K's half year; the village's members in person; S's
// report of its first quarter (the second not yet in).
func (f *handlingFixture) history(t *testing.T) {
	t.Helper()
	s := f.s
	plan, err := s.BatchPreview(f.a.ID, ym(2024, 1), ym(2024, 3))
	if err != nil {
		t.Fatal(err)
	}
	// 王五 has no wage base: named, not listed
	if len(plan.Lines) != 2 || len(plan.NoBase) != 1 || plan.NoBase[0] != f.n1.ID || plan.Lines[0].Owing != 4620 || plan.Lines[1].Owing != 7500 {
		t.Fatalf("plan %+v", plan)
	}
	plan.Lines[1].Amount = 6000
	if f.batchA, err = s.RecordBatch("李秘书", DuesBatch{UnitID: f.a.ID, From: ym(2024, 1), To: ym(2024, 3), Date: 20240410,
		Method: model.PayPayroll, Lines: plan.Lines}); err != nil {
		t.Fatal(err)
	}
	f.payT(t, f.a1, ym(2024, 4), ym(2024, 5), 3080)
	kp, err := s.BatchPreview(f.k.ID, ym(2024, 1), ym(2024, 6))
	if err != nil || len(kp.Lines) != 1 || kp.Lines[0].Owing != 12000 {
		t.Fatalf("K's plan %+v %v", kp, err)
	}
	if _, err := s.RecordBatch("李秘书", DuesBatch{UnitID: f.k.ID, From: ym(2024, 1), To: ym(2024, 6), Date: 20240612,
		Method: model.PayBank, Lines: kp.Lines}); err != nil {
		t.Fatal(err)
	}
	f.payT(t, f.v1, ym(2024, 1), ym(2024, 3), 1500)
	f.payT(t, f.v2, ym(2024, 1), ym(2024, 6), 1800)
	r := model.CollectionReport{UnitID: f.su.ID, From: ym(2024, 1), To: ym(2024, 3), Members: 2, Paid: 12000, Date: 20240408}
	if err := s.AddCollectionReport("李秘书", &r); err != nil {
		t.Fatal(err)
	}
}

func (f *handlingFixture) payT(t *testing.T, m model.Member, from, to model.Month, amount model.Money) model.DuesPayment {
	t.Helper()
	p := model.DuesPayment{MemberID: m.ID, From: from, To: to, Amount: amount, Date: 20240614, Method: model.PayCash}
	if err := f.s.RecordPayment("李秘书", &p); err != nil {
		t.Fatalf("pay %s %s-%s: %v", m.Name, from, to, err)
	}
	return p
}

// The figures agree with the hand calculation to the fen: by unit, in
// total, in the arrears and in the cash book, with what was reported kept
// apart from what was recorded.
func TestHandlingFiguresAgreeByHand(t *testing.T) {
	f := newHandlingFixture(t)
	f.history(t)
	s := f.s
	g, err := s.CollectionGrid(ym(2024, 1), ym(2024, 6))
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		due, paid        model.Money
		dueN, paidN      int
		reported, kept   model.Money
		repMonths, unrep int
		unrepDue         model.Money
		noBase           int
		handling         model.DuesHandling
	}
	for _, c := range []struct {
		u model.Unit
		w want
	}{
		// A: 张三 6 × 15.40 = 92.40, 李四 3 × 25.00 (exempt from April);
		// paid 46.20 + 30.80 + 60.00; full months 张三 5, 李四 2 (March short
		// 15.00); 王五 six months without a base
		{f.a, want{16740, 13700, 9, 7, 0, 0, 0, 0, 0, 6, model.HandlingFederation}},
		// K: 6 × 20.00, all paid, kept on its behalf
		{f.k, want{12000, 12000, 6, 6, 0, 12000, 0, 0, 0, 0, model.HandlingKept}},
		// S: the first quarter reported (2 members, 120.00; due by the
		// roster 3 × 40.00); April to June not reported: 120.00 by the roster
		{f.su, want{12000, 12000, 6, 6, 12000, 0, 3, 3, 12000, 0, model.HandlingSelf}},
		// V: 吴九 6 × 5.00, 郑十 6 × 3.00; paid 15.00 + 18.00
		{f.v, want{4800, 3300, 12, 9, 0, 0, 0, 0, 0, 0, model.HandlingFederation}},
	} {
		x := g.UnitTotal(c.u.ID)
		got := want{x.Due, x.Paid, x.DueMembers, x.PaidMembers, x.ReportedPaid, x.Kept, x.ReportedMonths, x.Unreported, x.UnreportedDue, x.NoBase, x.Handling}
		if got != c.w {
			t.Errorf("%s: %+v, want %+v", c.u.Name, got, c.w)
		}
	}
	var tot Collection
	for i := 0; i < 6; i++ {
		m := g.MonthTotal(i)
		tot.add(&m)
	}
	if tot.Due != 45540 || tot.Paid != 41000 || tot.Rate() != 9003 || tot.ReportedPaid != 12000 || tot.Kept != 12000 || tot.Unreported != 3 {
		t.Errorf("totals %+v rate %d", tot, tot.Rate())
	}
	if cs, _ := s.CollectionByMonth(2024); cs[2].Due != 1540+2500+2000+4000+500+300 || cs[2].ReportedPaid != 4000 {
		t.Errorf("March %+v", cs[2])
	}

	// Arrears as of May (June is due, not overdue): 吴九 April and May
	// (10.00), 李四 the 15.00 left of March; 王五 has no base and is left out.
	l, err := s.ArrearsList(model.DueThrough(20240615), 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Arrears) != 2 || l.NoBase != 1 ||
		l.Arrears[0].MemberID != f.v1.ID || l.Arrears[0].Amount != 1000 || l.Arrears[0].Consecutive != 2 ||
		l.Arrears[1].MemberID != f.a2.ID || l.Arrears[1].Amount != 1500 || l.Arrears[1].Underpaid != 1 || l.Arrears[1].Months[0] != ym(2024, 3) {
		t.Errorf("arrears %+v", l)
	}
	// the member's own reckoning says the same
	info, _ := s.MemberDues(f.a2.ID)
	if o := info.Overdue(ym(2024, 5)); o.Count != 1 || o.Total != 1500 || o.Underpaid != 1 {
		t.Errorf("李四 %+v", o)
	}
	if d := info.Month(ym(2024, 3)); d.Paid != 1000 || d.Rest() != 1500 || d.Full {
		t.Errorf("李四's March %+v", d)
	}
	// the unit's notice lists the same
	if ua, _ := s.UnitArrears(f.a.ID, ym(2024, 5)); len(ua) != 1 || ua[0].MemberID != f.a2.ID || ua[0].Amount != 1500 {
		t.Errorf("A's arrears %+v", ua)
	}

	// The cash book: 106.20 + 30.80 + 120.00 + 15.00 + 18.00, the report not.
	if bal, _ := s.Balance(); bal != 29000 {
		t.Errorf("balance %v, want 290.00", bal)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("check: %v %v", err, r.Problems)
	}
}

func TestHandlingRefusals(t *testing.T) {
	f := newHandlingFixture(t)
	f.history(t)
	s := f.s
	// A member of a unit that collects its own dues does not pay here.
	err := unchanged(t, s, func() error {
		p := model.DuesPayment{MemberID: f.s1.ID, From: ym(2024, 4), To: ym(2024, 4), Amount: 3000, Date: 20240614, Method: model.PayCash}
		return s.RecordPayment("李秘书", &p)
	})
	if !problems(t, err).Has("member", "dues.unit_collects") {
		t.Errorf("self-collected payment: %v", err)
	}
	_, err = s.BatchPreview(f.su.ID, ym(2024, 4), ym(2024, 6))
	var bp *BatchProblems
	if !errors.As(err, &bp) || !bp.Problems.Has("unit", "dues.unit_collects_batch") {
		t.Errorf("self-collected batch: %v", err)
	}
	// An exempt month is not paid; a settled month cannot change its setting.
	err = unchanged(t, s, func() error {
		p := model.DuesPayment{MemberID: f.a2.ID, From: ym(2024, 3), To: ym(2024, 4), Amount: 1500, Date: 20240614, Method: model.PayCash}
		return s.RecordPayment("李秘书", &p)
	})
	if !problems(t, err).Has("member", "dues.exempt_month") {
		t.Errorf("exempt month: %v", err)
	}
	err = unchanged(t, s, func() error {
		_, err := s.SetUnitDuesTerm("李秘书", f.a.ID, model.UnitDuesTerm{From: ym(2024, 5), Handling: model.HandlingSelf, Scheme: model.SchemeWage})
		return err
	})
	if !problems(t, err).Has("dues_from", "dues.term_before_paid") {
		t.Errorf("term over paid months: %v", err)
	}
	err = unchanged(t, s, func() error {
		_, err := s.SetMemberDuesTerm("李秘书", f.v2.ID, model.MemberDuesTerm{From: ym(2024, 6), Kind: model.MemberExempt, Reason: "x"})
		return err
	})
	if !problems(t, err).Has("dues_from", "dues.exception_before_paid") {
		t.Errorf("exception over paid months: %v", err)
	}
	// Reports: only of a unit that collects its own, no overlap, not ahead.
	for _, c := range []struct {
		r          model.CollectionReport
		field, key string
	}{
		{model.CollectionReport{UnitID: f.a.ID, From: ym(2024, 4), To: ym(2024, 4), Members: 1, Paid: 100, Date: 20240601}, "unit", "dues.report_not_self"},
		{model.CollectionReport{UnitID: f.su.ID, From: ym(2024, 3), To: ym(2024, 5), Members: 1, Paid: 100, Date: 20240601}, "from", "dues.report_overlap"},
		{model.CollectionReport{UnitID: f.su.ID, From: ym(2024, 6), To: ym(2024, 7), Members: 1, Paid: 100, Date: 20240601}, "to", "dues.report_future"},
		{model.CollectionReport{UnitID: f.su.ID, From: ym(2024, 4), To: ym(2024, 4), Members: 2, Date: 20240601}, "report_paid", "dues.report_paid_zero"},
		{model.CollectionReport{UnitID: f.su.ID, From: ym(2024, 4), To: ym(2024, 4), Members: -1, Paid: 100, Date: 20240601}, "report_members", "problem.negative"},
		{model.CollectionReport{UnitID: f.su.ID, From: ym(2024, 4), To: ym(2024, 4), Members: 1, Paid: 100, Date: 20240616}, "date", "problem.future"},
		{model.CollectionReport{UnitID: f.su.ID, From: ym(2023, 1), To: ym(2024, 4), Members: 1, Paid: 100, Date: 20240601}, "to", "dues.too_many_months"},
	} {
		err := unchanged(t, s, func() error { r := c.r; return s.AddCollectionReport("李秘书", &r) })
		if !problems(t, err).Has(c.field, c.key) {
			t.Errorf("%+v: %v, want %s on %s", c.r, err, c.key, c.field)
		}
	}
	// The unit that switches to collecting its own after its last payment.
	if _, err := s.SetUnitDuesTerm("李秘书", f.k.ID, model.UnitDuesTerm{From: ym(2024, 7), Handling: model.HandlingSelf, Scheme: model.SchemeWage}); err != nil {
		t.Errorf("K from July: %v", err)
	}
	// A unit with reports cannot be deleted.
	if err := s.DeleteUnit("李秘书", f.su.ID); err == nil {
		t.Error("a unit with reports was deleted")
	}
}

// A payment in part, completed, and the first reversed: the months say
// what the remaining payments pay, the totals follow, and the check agrees.
func TestPartPaymentsAndReversals(t *testing.T) {
	f := newHandlingFixture(t)
	s := f.s
	// 张三 owes 15.40 a month: 40.00 for January to March pays two months
	// and 9.20 of March; 6.20 more completes it.
	p1 := f.payT(t, f.a1, ym(2024, 1), ym(2024, 3), 4000)
	if p1.Expected != 4620 || p1.Shortfall() != 620 || len(p1.Alloc) != 3 || p1.Alloc[2] != 920 {
		t.Errorf("p1 %+v", p1)
	}
	month := func(mo model.Month) model.MonthDues {
		info, err := s.MemberDues(f.a1.ID)
		if err != nil {
			t.Fatal(err)
		}
		return info.Month(mo)
	}
	if d := month(ym(2024, 3)); d.Full || d.Paid != 920 || d.Rest() != 620 {
		t.Errorf("March after p1 %+v", d)
	}
	// more than the rest is refused
	err := unchanged(t, s, func() error {
		p := model.DuesPayment{MemberID: f.a1.ID, From: ym(2024, 3), To: ym(2024, 3), Amount: 621, Date: 20240614, Method: model.PayCash}
		return s.RecordPayment("李秘书", &p)
	})
	if !problems(t, err).Has("amount", "dues.more_than_owed") {
		t.Errorf("overpayment: %v", err)
	}
	p2 := f.payT(t, f.a1, ym(2024, 3), ym(2024, 3), 620)
	if d := month(ym(2024, 3)); !d.Full {
		t.Errorf("March after p2 %+v", d)
	}
	cs, _ := s.CollectionByMonth(2024)
	if cs[2].Paid != 1540 || cs[2].PaidMembers != 1 {
		t.Errorf("March figures %+v", cs[2])
	}
	// Reversing p1: January and February owe again, March keeps p2's 6.20.
	if _, err := s.ReversePayment("李秘书", p1.ID, 20240615, "金额录错"); err != nil {
		t.Fatal(err)
	}
	if d := month(ym(2024, 3)); d.Full || d.Paid != 620 || d.Rest() != 920 {
		t.Errorf("March after reversing p1 %+v", d)
	}
	if d := month(ym(2024, 1)); d.Full || d.Paid != 0 || d.Rest() != 1540 {
		t.Errorf("January after reversing p1 %+v", d)
	}
	cs, _ = s.CollectionByMonth(2024)
	if cs[0].Paid != 0 || cs[2].Paid != 620 || cs[2].PaidMembers != 0 {
		t.Errorf("figures after the reversal %+v %+v", cs[0], cs[2])
	}
	// A wage base cannot reach back over a month paid into, in part either.
	err = unchanged(t, s, func() error {
		_, err := s.SetWageBase("李秘书", f.a1.ID, model.WageBase{From: ym(2024, 3), Base: 400000})
		return err
	})
	if !problems(t, err).Has("wage_from", "dues.wage_before_paid") {
		t.Errorf("base over a part-paid month: %v", err)
	}
	if _, err := s.ReversePayment("李秘书", p2.ID, 20240615, "重复"); err != nil {
		t.Fatal(err)
	}
	if d := month(ym(2024, 3)); d.Paid != 0 || d.Rest() != 1540 {
		t.Errorf("March after both reversals %+v", d)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("check: %v %v", err, r.Problems)
	}
}

// A quarter's batch for a member who paid the middle month already: one
// payment for each run of months owing.
func TestBatchOverMonthsSkipsPaidMonths(t *testing.T) {
	f := newHandlingFixture(t)
	s := f.s
	f.payT(t, f.a1, ym(2024, 1), ym(2024, 1), 1540)
	f.payT(t, f.a1, ym(2024, 2), ym(2024, 2), 1540)
	// 张三 owes March only within January to March; pays April and May too
	plan, err := s.BatchPreview(f.a.ID, ym(2024, 2), ym(2024, 5))
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Lines) != 2 || len(plan.Lines[0].Months) != 3 || plan.Lines[0].Owing != 3*1540 {
		t.Fatalf("plan %+v", plan)
	}
	// 李四 owes February and March (exempt from April) and pays 30.00:
	// February in full, 5.00 of March
	plan.Lines[1].Amount = 3000
	ps, err := s.RecordBatch("李秘书", DuesBatch{UnitID: f.a.ID, From: ym(2024, 2), To: ym(2024, 5), Date: 20240614,
		Method: model.PayPayroll, Lines: plan.Lines, OneReceipt: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].From != ym(2024, 3) || ps[0].To != ym(2024, 5) || ps[1].From != ym(2024, 2) || ps[1].To != ym(2024, 3) ||
		ps[1].Shortfall() != 2000 || ps[0].ReceiptNo != ps[1].ReceiptNo {
		t.Errorf("payments %+v", ps)
	}
	rec, bps, _ := s.DuesBatch(ps[0].BatchID)
	if rec.Month != ym(2024, 2) || rec.Last() != ym(2024, 5) || rec.Total != 3*1540+3000 || len(bps) != 2 {
		t.Errorf("batch %+v", rec)
	}
	if id, _ := s.LastBatchOf(f.a.ID); id != rec.ID {
		t.Errorf("last batch %d", id)
	}
	// A line for more than owed, or a member who owes nothing, is refused
	// and nothing is written.
	err = unchanged(t, s, func() error {
		_, err := s.RecordBatch("李秘书", DuesBatch{UnitID: f.a.ID, From: ym(2024, 3), To: ym(2024, 3), Date: 20240614, Method: model.PayPayroll,
			Lines: []BatchLine{{MemberID: f.a2.ID, Amount: 2001}, {MemberID: f.a1.ID, Amount: 100}, {MemberID: f.k1.ID, Amount: 100}}})
		return err
	})
	var bp *BatchProblems
	if !errors.As(err, &bp) || len(bp.Lines) != 3 || !bp.Lines[0].Problems.Has("amount", "dues.more_than_owed") ||
		!bp.Lines[1].Problems.Has("member", "dues.batch_owes_nothing") || !bp.Lines[2].Problems.Has("member", "dues.other_unit") {
		t.Errorf("bad batch: %v", err)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("check: %v %v", err, r.Problems)
	}
}

// Wage bases in bulk: all or none, with each refused change named.
func TestWageBasesAllOrNothing(t *testing.T) {
	f := newHandlingFixture(t)
	s := f.s
	f.payT(t, f.a1, ym(2024, 1), ym(2024, 3), 4620)
	err := unchanged(t, s, func() error {
		_, err := s.SetWageBases("李秘书", []WageChange{
			{MemberID: f.a2.ID, Base: model.WageBase{From: ym(2024, 4), Base: 600000}},
			{MemberID: f.a1.ID, Base: model.WageBase{From: ym(2024, 2), Base: 400000}}, // over paid months
			{MemberID: 999, Base: model.WageBase{From: ym(2024, 4), Base: 600000}},
		})
		return err
	})
	var wp *WageProblems
	if !errors.As(err, &wp) || len(wp.Lines) != 2 || wp.Lines[0].Line != 2 || !wp.Lines[0].Problems.Has("wage_from", "dues.wage_before_paid") ||
		!wp.Lines[1].Problems.Has("member", "dues.member_missing") {
		t.Fatalf("refused: %v", err)
	}
	n, err := s.UnitWageBase("李秘书", f.a.ID, model.WageBase{From: ym(2024, 4), Base: 450000})
	if err != nil || n != 3 {
		t.Fatalf("unit base: %d %v", n, err)
	}
	info, _ := s.MemberDues(f.n1.ID)
	if d := info.Month(ym(2024, 4)); d.Amount != 2250 || d.State != model.OweDue {
		t.Errorf("王五 from April %+v", d)
	}
}

// Reminders are logged per member and unit; the arrears list shows the
// latest, and whether the member took part in an event in the run.
func TestRemindersAndTakingPart(t *testing.T) {
	f := newHandlingFixture(t)
	s := f.s
	for _, r := range []model.Reminder{
		{MemberID: f.a1.ID, Date: 20240301, How: model.RemindPhone, Note: "第一次"},
		{MemberID: f.a1.ID, Date: 20240510, How: model.RemindTalk, Note: "答应月底补缴"},
		{UnitID: f.a.ID, Date: 20240520, How: model.RemindNotice},
	} {
		if err := s.AddReminder("李秘书", &r); err != nil {
			t.Fatal(err)
		}
	}
	err := unchanged(t, s, func() error {
		return s.AddReminder("李秘书", &model.Reminder{MemberID: f.a1.ID, Date: 20240616, How: 9})
	})
	if ps := problems(t, err); !ps.Has("date", "problem.future") || !ps.Has("remind_how", "problem.not_in_list") {
		t.Errorf("bad reminder: %v", ps)
	}
	ms, us, _ := s.LastReminders()
	if ms[f.a1.ID].Note != "答应月底补缴" || us[f.a.ID].How != model.RemindNotice {
		t.Errorf("last reminders %+v %+v", ms, us)
	}
	if rs, _ := s.Reminders(f.a.ID, 0); len(rs) != 3 || rs[0].Date != 20240520 {
		t.Errorf("unit's reminders %+v", rs)
	}
	e := model.Event{Title: "职工运动会", Type: model.EventSports, Start: 20240420, Members: []uint64{f.a1.ID}}
	if err := s.CreateEvent("李秘书", &e); err != nil {
		t.Fatal(err)
	}
	took, err := s.TookPart(map[uint64]Span{f.a1.ID: {ym(2024, 1), ym(2024, 5)}, f.a2.ID: {ym(2024, 1), ym(2024, 5)}, f.k1.ID: {ym(2024, 5), ym(2024, 5)}})
	if err != nil || !took[f.a1.ID] || took[f.a2.ID] || took[f.k1.ID] {
		t.Errorf("took part %v %v", took, err)
	}
}

// In one bulk transaction (the demo's, an import's) a month paid in part
// is seen by the next payment of it before anything is committed: the
// rest completes it and a cent more is refused. A write that looked only
// at the stored months paid in part would take 6.21 as a new part.
func TestPartPaymentsInOneBulkTransaction(t *testing.T) {
	f := newHandlingFixture(t)
	s := f.s
	err := s.Bulk("李秘书", func(b *Batch) error {
		p1 := model.DuesPayment{MemberID: f.a1.ID, From: ym(2024, 1), To: ym(2024, 3), Amount: 4000, Date: 20240614, Method: model.PayCash}
		if err := b.RecordPayment(&p1); err != nil {
			return err
		}
		over := model.DuesPayment{MemberID: f.a1.ID, From: ym(2024, 3), To: ym(2024, 3), Amount: 621, Date: 20240614, Method: model.PayCash}
		if err := b.RecordPayment(&over); !problems(t, err).Has("amount", "dues.more_than_owed") {
			t.Errorf("6.21 for the 6.20 left of March: %v", err)
		}
		rest := model.DuesPayment{MemberID: f.a1.ID, From: ym(2024, 3), To: ym(2024, 3), Amount: 620, Date: 20240614, Method: model.PayCash}
		return b.RecordPayment(&rest)
	})
	if err != nil {
		t.Fatal(err)
	}
	info, err := s.MemberDues(f.a1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d := info.Month(ym(2024, 3)); !d.Full {
		t.Errorf("March after both payments %+v", d)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("check: %v %v", err, r.Problems)
	}
}

// A load of the past (the demo) dates each write on its day with
// Batch.SetClock: the audit entry and the payment's creation say that day,
// a date after it is refused as still to come, a time after the
// transaction's own is not taken, and the zero time goes back to it.
func TestBatchClockDatesWrites(t *testing.T) {
	f := newHandlingFixture(t)
	s := f.s
	then := time.Date(2024, 3, 5, 9, 30, 0, 0, time.Local)
	var paid model.DuesPayment
	err := s.Bulk("李秘书", func(b *Batch) error {
		if err := b.SetClock(then); err != nil {
			return err
		}
		paid = model.DuesPayment{MemberID: f.a1.ID, From: ym(2024, 1), To: ym(2024, 1), Amount: 1540, Date: 20240305, Method: model.PayCash}
		if err := b.RecordPayment(&paid); err != nil {
			return err
		}
		later := model.DuesPayment{MemberID: f.a1.ID, From: ym(2024, 2), To: ym(2024, 2), Amount: 1540, Date: 20240306, Method: model.PayCash}
		if err := b.RecordPayment(&later); !problems(t, err).Has("date", "problem.future") {
			t.Errorf("a payment dated the day after the clock: %v", err)
		}
		if err := b.SetClock(testNow.Add(time.Hour)); err != nil {
			return err
		}
		now := model.DuesPayment{MemberID: f.a1.ID, From: ym(2024, 2), To: ym(2024, 2), Amount: 1540, Date: 20240306, Method: model.PayCash}
		return b.RecordPayment(&now)
	})
	if err != nil {
		t.Fatal(err)
	}
	es, _, err := s.AuditQuery(AuditFilter{Entity: model.EntityPayment}, 0, 10)
	if err != nil || len(es) != 2 {
		t.Fatalf("audit entries of payments: %d, %v", len(es), err)
	}
	if !es[1].At.Equal(then) || !paid.CreatedAt.Equal(then) {
		t.Errorf("the payment of 5 March written at %v, its audit entry at %v", paid.CreatedAt, es[1].At)
	}
	if !es[0].At.Equal(testNow) {
		t.Errorf("a clock past the transaction's: the entry says %v, want %v", es[0].At, testNow)
	}
}
