package storage

import (
	"errors"
	"testing"

	"unionbook/model"
)

// duesFixture is a small union whose figures are worked out by hand below.
//
// Rules: 0.5%, 10-yuan unit, dues owed from the month after joining.
// Clock: 15 June 2024.
//
//	m1 (unit A) joined 2024-01-10, owes from 2024-02; base 3,085.00 → 15.40
//	m2 (unit A) joined 2023-12-05, owes from 2024-01; base 5,000.00 → 25.00,
//	   from 2024-04 6,009.99 → 6,000 → 30.00
//	m3 (unit B) joined 2023-06-01, owes from 2023-07; base 4,000.00 → 20.00;
//	   retained from 2024-03-01: owes 2023-07 … 2024-02 and never pays
//	m4 (unit B) joined 2023-12-01, owes from 2024-01; base 3,000.00 → 15.00;
//	   pays 2024-01…02 (30.00), leaves on 2024-02-20
type duesFixture struct {
	s              *Store
	a, b           model.Unit
	m1, m2, m3, m4 model.Member
}

func ym(y, m int) model.Month { return model.Month(y*100 + m) }

func newDuesFixture(t *testing.T) *duesFixture {
	t.Helper()
	s := openTest(t)
	p := model.DefaultProfile()
	p.UnionName = "青山镇总工会"
	if err := s.SaveProfile("李秘书", p); err != nil {
		t.Fatal(err)
	}
	f := &duesFixture{s: s, a: mustUnit(t, s, "甲公司工会"), b: mustUnit(t, s, "乙村联合工会")}
	mk := func(name, id string, unit uint64, join model.Date, wages ...model.WageBase) model.Member {
		m := testMember(name, id, unit)
		m.JoinDate = join
		if err := s.CreateMember("李秘书", m); err != nil {
			t.Fatal(err)
		}
		for _, w := range wages {
			got, err := s.SetWageBase("李秘书", m.ID, w)
			if err != nil {
				t.Fatal(err)
			}
			*m = got
		}
		return *m
	}
	f.m1 = mk("张三", residentID("350102", 19900101, 11), f.a.ID, 20240110, model.WageBase{From: ym(2024, 2), Base: 308500})
	f.m2 = mk("李四", residentID("350102", 19910101, 13), f.a.ID, 20231205,
		model.WageBase{From: ym(2024, 1), Base: 500000}, model.WageBase{From: ym(2024, 4), Base: 600999})
	f.m3 = mk("王五", residentID("350102", 19920101, 15), f.b.ID, 20230601, model.WageBase{From: ym(2023, 7), Base: 400000})
	f.m4 = mk("赵六", residentID("350102", 19930101, 17), f.b.ID, 20231201, model.WageBase{From: ym(2024, 1), Base: 300000})
	if _, err := s.ChangeStatus("李秘书", f.m3.ID, model.StatusChange{Date: 20240301, To: model.StatusRetained, Reason: "下岗待岗"}); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *duesFixture) pay(t *testing.T, m model.Member, from, to model.Month, amount model.Money, date model.Date) model.DuesPayment {
	t.Helper()
	p := model.DuesPayment{MemberID: m.ID, From: from, To: to, Amount: amount, Date: date, Method: model.PayCash}
	if err := f.s.RecordPayment("李秘书", &p); err != nil {
		t.Fatalf("pay %s %s-%s: %v", m.Name, from, to, err)
	}
	return p
}

// history writes the payments and entries of the hand calculation.
func (f *duesFixture) history(t *testing.T) (first model.DuesPayment) {
	t.Helper()
	s := f.s
	f.pay(t, f.m4, ym(2024, 1), ym(2024, 2), 3000, 20240210)
	if _, err := s.ChangeStatus("李秘书", f.m4.ID, model.StatusChange{Date: 20240220, To: model.StatusLeft, Reason: "本人申请退会"}); err != nil {
		t.Fatal(err)
	}
	first = f.pay(t, f.m1, ym(2024, 2), ym(2024, 4), 4620, 20240502)
	plan, err := s.BatchPreview(f.a.ID, ym(2024, 5), ym(2024, 5))
	if err != nil || len(plan.Lines) != 2 || plan.Lines[0].Owing != 1540 || plan.Lines[1].Owing != 3000 {
		t.Fatalf("preview %+v %v", plan, err)
	}
	if _, err := s.RecordBatch("李秘书", DuesBatch{UnitID: f.a.ID, From: ym(2024, 5), To: ym(2024, 5), Date: 20240610, Method: model.PayPayroll, Lines: plan.Lines}); err != nil {
		t.Fatal(err)
	}
	// Owes 105.00 (25 + 25 + 25 + 30), pays 100.00: January to March in
	// full, 25.00 of April, which still owes 5.00.
	f.pay(t, f.m2, ym(2024, 1), ym(2024, 4), 10000, 20240601)
	if _, err := s.ReversePayment("李秘书", first.ID, 20240612, "金额录入错误"); err != nil {
		t.Fatal(err)
	}
	f.pay(t, f.m1, ym(2024, 2), ym(2024, 4), 4620, 20240612)

	for _, e := range []model.LedgerEntry{
		{Date: 20240305, Direction: model.In, Account: "40301", Amount: 100000, Counterparty: "晋安区总工会"},
		{Date: 20240410, Direction: model.Out, Account: "50102", Amount: 30050, Memo: "职工运动会"},
		{Date: 20240411, Direction: model.Out, Account: "50406", Amount: 8888, Memo: "办公用品"},
	} {
		if err := s.AddLedgerEntry("李秘书", &e); err != nil {
			t.Fatal(err)
		}
		if e.Account == "50406" {
			if _, err := s.ReverseLedgerEntry("李秘书", e.ID, 20240412, "金额录入错误"); err != nil {
				t.Fatal(err)
			}
			again := model.LedgerEntry{Date: 20240412, Direction: model.Out, Account: "50406", Amount: 8000, Memo: "办公用品"}
			if err := s.AddLedgerEntry("李秘书", &again); err != nil {
				t.Fatal(err)
			}
		}
	}
	return first
}

func TestDuesFiguresAgreeWithHandCalculation(t *testing.T) {
	t.Parallel()
	f := newDuesFixture(t)
	f.history(t)
	s := f.s

	cs, err := s.CollectionByMonth(2024)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		due, paid model.Money
		dueN, pdN int
		rate      int
	}
	want := map[int]row{
		1: {6000, 4000, 3, 2, 6667},  // 66.67% (66.666…, rounded) m2 25 + m3 20 + m4 15; paid m2 25 + m4 15
		2: {7540, 5540, 4, 3, 7347},  // + m1 15.40; paid m1, m2, m4
		3: {4040, 4040, 2, 2, 10000}, // m1 15.40 + m2 25 (m3 retained, m4 left)
		4: {4540, 4040, 2, 1, 8899},  // 88.986…% rounded; m2 now 30.00 and paid 25.00 of it: not paid in full
		5: {4540, 4540, 2, 2, 10000}, // the batch
		6: {4540, 0, 2, 0, 0},        // current month, unpaid
		7: {0, 0, 0, 0, 0},           // not due yet
	}
	var due, paid model.Money
	for i, c := range cs {
		due += c.Due
		paid += c.Paid
		w, ok := want[i+1]
		if !ok {
			continue
		}
		if c.Month != ym(2024, i+1) || c.Due != w.due || c.Paid != w.paid || c.DueMembers != w.dueN || c.PaidMembers != w.pdN || c.Rate() != w.rate {
			t.Errorf("%s: %+v rate %d, want %+v", c.Month, c, c.Rate(), w)
		}
	}
	// Due 282.00 + m4's 30.00 = 312.00 (m1 77.00, m2 165.00, m3 40.00, m4 30.00);
	// paid 25 + 40.40×3 + 45.40 + 30.00 = 221.60.
	if due != 31200 || paid != 22160 || model.RateBP(paid, due) != 7103 { // 71.0256…%
		t.Errorf("year due %v paid %v rate %d", due, paid, model.RateBP(paid, due))
	}

	byUnit, err := s.CollectionByUnit(ym(2024, 1), ym(2024, 6))
	if err != nil {
		t.Fatal(err)
	}
	if len(byUnit) != 2 || byUnit[0].UnitID != f.a.ID || byUnit[0].Due != 24200 || byUnit[0].Paid != 19160 ||
		byUnit[1].UnitID != f.b.ID || byUnit[1].Due != 7000 || byUnit[1].Paid != 3000 || byUnit[1].PaidMembers != 2 {
		t.Errorf("by unit %+v", byUnit)
	}

	// Arrears as of June: m3 owes eight months (2023-07 … 2024-02, 160.00);
	// m2 the 5.00 left of April and June's 30.00; m1 June only.
	ar, err := s.Arrears(ym(2024, 6), 6)
	if err != nil {
		t.Fatal(err)
	}
	if len(ar) != 1 || ar[0].MemberID != f.m3.ID || ar[0].Consecutive != 8 || ar[0].Amount != 16000 || len(ar[0].Months) != 8 || ar[0].Months[0] != ym(2023, 7) {
		t.Errorf("arrears 6+: %+v", ar)
	}
	ar, _ = s.Arrears(ym(2024, 6), 1)
	if len(ar) != 3 || ar[1].MemberID != f.m2.ID || ar[1].Amount != 3500 || len(ar[1].Months) != 2 || ar[1].Underpaid != 1 || ar[1].Consecutive != 1 ||
		ar[2].MemberID != f.m1.ID || ar[2].Amount != 1540 {
		t.Errorf("arrears 1+: %+v", ar)
	}

	// Cash: dues 30.00 + 46.20 + 45.40 + 100.00 − 46.20 + 46.20 = 221.60,
	// subsidy 1,000.00; spending 300.50 + 88.88 − 88.88 + 80.00 = 380.50.
	bal, err := s.Balance()
	if err != nil || bal != 84110 {
		t.Errorf("balance %v %v, want 841.10", bal, err)
	}
	st, err := s.Statement(ym(2024, 1), ym(2024, 6))
	if err != nil {
		t.Fatal(err)
	}
	wantSt := []struct {
		code    string
		in, out model.Money
	}{{"401", 22160, 0}, {"403", 100000, 0}, {"40301", 100000, 0}, {"501", 0, 30050}, {"50102", 0, 30050}, {"504", 0, 8000}, {"50406", 0, 8000}}
	if len(st) != len(wantSt) {
		t.Fatalf("statement %+v", st)
	}
	for i, w := range wantSt {
		if st[i].Account.Code != w.code || st[i].In != w.in || st[i].Out != w.out {
			t.Errorf("statement line %d: %+v, want %+v", i, st[i], w)
		}
	}
	if in, out := StatementTotals(st); in != 122160 || out != 38050 || in-out != bal {
		t.Errorf("statement totals %v %v", in, out)
	}
	if st[1].Account.Name != "上级补助收入" || st[2].Account.Name != "一般性转移支付补助" {
		t.Errorf("statement names %+v %+v", st[1].Account, st[2].Account)
	}
	apr, _ := s.Statement(ym(2024, 4), ym(2024, 4))
	if in, out := StatementTotals(apr); in != 0 || out != 38050 {
		t.Errorf("April %v %v: %+v", in, out, apr)
	}

	// The ledger: every entry in date order with the running balance.
	lines, err := s.Ledger(LedgerFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != 11 || lines[len(lines)-1].Balance != bal {
		t.Fatalf("%d ledger lines, last balance %v", len(lines), lines[len(lines)-1].Balance)
	}
	for i := 1; i < len(lines); i++ {
		if lines[i].Date < lines[i-1].Date || lines[i].Balance != lines[i-1].Balance+lines[i].Signed() {
			t.Errorf("ledger line %d: %+v after %+v", i, lines[i], lines[i-1])
		}
	}
	// Filtered: the balance is still over every entry.
	june, _ := s.Ledger(LedgerFilter{From: 20240601, To: 20240630, Account: "401"})
	if len(june) != 4 || june[0].Balance != 3000+4620+100000-30050-8888+8888-8000+10000 || june[3].Balance != bal {
		t.Errorf("June dues %+v", june)
	}
	out, _ := s.Ledger(LedgerFilter{Direction: model.Out, Account: "501"})
	if len(out) != 1 || out[0].Account != "50102" {
		t.Errorf("501 spending %+v", out)
	}
}

func TestReceiptsAndVouchersAreSequentialAndNeverReused(t *testing.T) {
	t.Parallel()
	f := newDuesFixture(t)
	first := f.history(t)
	s := f.s
	ps, err := s.MemberPayments(f.m1.ID)
	if err != nil || len(ps) != 4 {
		t.Fatalf("m1 payments %d %v", len(ps), err)
	}
	// m4 000001, m1 000002, batch 000003-000004, m2 000005, reversal 000006, m1 again 000007.
	if first.ReceiptNo != "2024-000002" || ps[1].ReceiptNo != "2024-000003" || ps[2].ReceiptNo != "2024-000006" || ps[3].ReceiptNo != "2024-000007" {
		t.Errorf("receipts %s %s %s %s", first.ReceiptNo, ps[1].ReceiptNo, ps[2].ReceiptNo, ps[3].ReceiptNo)
	}
	rev := ps[2]
	if rev.ReversalOf != first.ID || rev.Amount != -4620 || rev.Reason != "金额录入错误" {
		t.Errorf("reversal %+v", rev)
	}
	if id, _ := s.PaymentReversedBy(first.ID); id != rev.ID {
		t.Errorf("reversed by %d", id)
	}
	paid, _ := s.PaidMonths(f.m1.ID)
	if len(paid) != 4 || paid[ym(2024, 2)] != ps[3].ID || paid[ym(2024, 5)] != ps[1].ID {
		t.Errorf("paid months %v", paid)
	}
	// The reversal's cash-book entry reverses the payment's own entry.
	e, _ := s.LedgerEntry(rev.LedgerID)
	orig, _ := s.LedgerEntry(first.LedgerID)
	if e.ReversalOf != orig.ID || e.Amount != -4620 || e.Source != (model.Source{Kind: SourceDues, ID: rev.ID}) || orig.Source.ID != first.ID {
		t.Errorf("reversal entry %+v of %+v", e, orig)
	}
	lines, _ := s.Ledger(LedgerFilter{})
	seen := map[string]bool{}
	for i, l := range lines {
		if seen[l.VoucherNo] {
			t.Errorf("voucher %s twice", l.VoucherNo)
		}
		seen[l.VoucherNo] = true
		if l.ID == orig.ID && l.ReversedBy != e.ID {
			t.Errorf("line %d not marked reversed", i)
		}
	}
	// Vouchers in the order posted: m4, m1, batch, m2, reversal, m1, then
	// the manual entries.
	if orig.VoucherNo != "2024-0002" || e.VoucherNo != "2024-0005" {
		t.Errorf("vouchers %s %s", orig.VoucherNo, e.VoucherNo)
	}
	// A batch payment's reversal takes back its amount only.
	batch := ps[1]
	brev, err := s.ReversePayment("李秘书", batch.ID, 20240614, "代扣金额有误")
	if err != nil {
		t.Fatal(err)
	}
	be, _ := s.LedgerEntry(brev.LedgerID)
	if be.ReversalOf != 0 || be.Amount != -1540 || brev.ReceiptNo != "2024-000008" {
		t.Errorf("batch reversal %+v entry %+v", brev, be)
	}
	if bal, _ := s.Balance(); bal != 84110-1540 {
		t.Errorf("balance after batch reversal %v", bal)
	}
	rec, bps, err := s.DuesBatch(batch.BatchID)
	if err != nil || rec.Count != 2 || len(bps) != 2 || rec.Total != 4540 || rec.LedgerID != batch.LedgerID {
		t.Errorf("batch %+v %d %v", rec, len(bps), err)
	}
}

func TestBadDuesInputWritesNothing(t *testing.T) {
	t.Parallel()
	f := newDuesFixture(t)
	first := f.history(t)
	s := f.s
	pay := func(m model.Member, from, to model.Month, amount model.Money, date model.Date) func() error {
		return func() error {
			p := model.DuesPayment{MemberID: m.ID, From: from, To: to, Amount: amount, Date: date, Method: model.PayCash}
			return s.RecordPayment("李秘书", &p)
		}
	}
	cases := []struct {
		name, field, key string
		write            func() error
	}{
		{"zero amount", "amount", "money.zero", pay(f.m1, ym(2024, 6), ym(2024, 6), 0, 20240615)},
		{"negative amount", "amount", "money.negative", pay(f.m1, ym(2024, 6), ym(2024, 6), -1540, 20240615)},
		{"month already paid", "from", "dues.already_paid", pay(f.m1, ym(2024, 5), ym(2024, 6), 3080, 20240615)},
		{"before joining", "from", "dues.before_start", pay(f.m1, ym(2024, 1), ym(2024, 1), 1540, 20240615)},
		{"member who left", "member", "dues.not_owed", pay(f.m4, ym(2024, 3), ym(2024, 3), 1500, 20240615)},
		{"retained months", "member", "dues.not_owed", pay(f.m3, ym(2024, 2), ym(2024, 3), 4000, 20240615)},
		{"to before from", "to", "dues.to_before_from", pay(f.m1, ym(2024, 6), ym(2024, 5), 1540, 20240615)},
		{"future date", "date", "problem.future", pay(f.m1, ym(2024, 6), ym(2024, 6), 1540, 20240616)},
		{"no method", "method", "problem.not_in_list", func() error {
			p := model.DuesPayment{MemberID: f.m1.ID, From: ym(2024, 6), To: ym(2024, 6), Amount: 1540, Date: 20240615}
			return s.RecordPayment("李秘书", &p)
		}},
		{"reversal of a reversal", "", "dues.cannot_reverse_reversal", func() error {
			rev, _ := s.PaymentReversedBy(first.ID)
			_, err := s.ReversePayment("李秘书", rev, 20240615, "再冲")
			return err
		}},
		{"second reversal", "", "dues.already_reversed", func() error {
			_, err := s.ReversePayment("李秘书", first.ID, 20240615, "再冲")
			return err
		}},
		{"reversal without reason", "reason", "problem.required", func() error {
			ps, _ := s.MemberPayments(f.m2.ID)
			_, err := s.ReversePayment("李秘书", ps[len(ps)-1].ID, 20240615, "  ")
			return err
		}},
		{"reversal before the payment", "date", "reversal.before_original", func() error {
			ps, _ := s.MemberPayments(f.m2.ID)
			_, err := s.ReversePayment("李秘书", ps[len(ps)-1].ID, 20240101, "错")
			return err
		}},
		{"reverse a dues entry in the cash book", "", "ledger.reverse_via_source", func() error {
			_, err := s.ReverseLedgerEntry("李秘书", first.LedgerID, 20240615, "错")
			return err
		}},
		{"ledger zero amount", "amount", "money.zero", func() error {
			return s.AddLedgerEntry("李秘书", &model.LedgerEntry{Date: 20240615, Direction: model.Out, Account: "50406"})
		}},
		{"ledger unknown account", "account", "account.unknown", func() error {
			return s.AddLedgerEntry("李秘书", &model.LedgerEntry{Date: 20240615, Direction: model.Out, Account: "599", Amount: 100})
		}},
		{"ledger wrong direction", "direction", "account.direction", func() error {
			return s.AddLedgerEntry("李秘书", &model.LedgerEntry{Date: 20240615, Direction: model.In, Account: "50406", Amount: 100})
		}},
		{"wage base zero", "wage_base", "money.zero", func() error {
			_, err := s.SetWageBase("李秘书", f.m1.ID, model.WageBase{From: ym(2024, 7)})
			return err
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := unchanged(t, s, c.write)
			if ps := problems(t, err); !ps.Has(c.field, c.key) {
				t.Errorf("problems %v, want %s on %q", ps, c.key, c.field)
			}
		})
	}
	// A batch with one bad line writes nothing, and names the line.
	t.Run("batch all or nothing", func(t *testing.T) {
		err := unchanged(t, s, func() error {
			_, err := s.RecordBatch("李秘书", DuesBatch{UnitID: f.a.ID, From: ym(2024, 6), To: ym(2024, 6), Date: 20240615, Method: model.PayPayroll,
				Lines: []BatchLine{{MemberID: f.m1.ID, Amount: 1540}, {MemberID: f.m2.ID, Amount: 0}}})
			return err
		})
		var bp *BatchProblems
		if !errors.As(err, &bp) || len(bp.Lines) != 1 || bp.Lines[0].Line != 2 || !bp.Lines[0].Problems.Has("amount", "money.zero") {
			t.Fatalf("%v", err)
		}
		if got := bp.Localize(0); got != "第 2 行（李四 (000002)）金额：金额必须大于零" {
			t.Errorf("message %q", got)
		}
	})
}

func TestWageBaseChangeKeepsEarlierMonths(t *testing.T) {
	t.Parallel()
	f := newDuesFixture(t)
	owed := func() model.Money {
		info, err := f.s.MemberDues(f.m2.ID)
		if err != nil {
			t.Fatal(err)
		}
		return model.RestOf(info.Calc, info.Paid(), ym(2024, 1), ym(2024, 6))
	}
	if owed() != 16500 {
		t.Fatal("fixture")
	}
	m, err := f.s.SetWageBase("李秘书", f.m2.ID, model.WageBase{From: ym(2024, 6), Base: 800000})
	if err != nil {
		t.Fatal(err)
	}
	if got := owed(); got != 16500-3000+4000 {
		t.Errorf("owed after raise %v", got)
	}
	// Editing the member keeps the wage bases.
	m.Notes = "调岗"
	m.Wages = nil
	if err := f.s.UpdateMember("李秘书", &m); err != nil {
		t.Fatal(err)
	}
	if m2, _ := f.s.Member(f.m2.ID); len(m2.Wages) != 3 {
		t.Errorf("wages after update %+v", m2.Wages)
	}
	es := auditAll(t, f.s)
	if es[1].Entity != "member" || es[1].Changes[0].Field != "wage_base" || es[1].Changes[0].New != "2024-06 8000.00" {
		t.Errorf("audit %+v", es[1])
	}
}

func TestMemberWithPaymentsCannotBeDeleted(t *testing.T) {
	t.Parallel()
	f := newDuesFixture(t)
	f.history(t)
	if err := f.s.DeleteMember("李秘书", f.m1.ID); !isKey(err, "member.has_payments") {
		t.Errorf("delete: %v", err)
	}
}
