package storage

import (
	"errors"
	"testing"

	"unionbook/model"
)

// A new dues rate starts from a month and never changes what a month
// already paid owed. Clock 15 June 2024, dues kept from 2024-01, 0.5% with
// the part under 10 yuan ignored. 张三 (base 3,085.00: 15.40 a month)
// paid January to March in full (46.20) and April in part (10.00 of
// 15.40); 吴九 of a village union on a fixed 5.00 paid January to June.
func TestRateChangeKeepsPaidMonths(t *testing.T) {
	s := openTest(t)
	p := model.DefaultProfile()
	p.UnionName, p.DuesSince = "青山镇总工会", ym(2024, 1)
	if err := s.SaveProfile("李秘书", p); err != nil {
		t.Fatal(err)
	}
	a, v := mustUnit(t, s, "甲公司工会"), mustUnit(t, s, "丁村联合工会")
	if _, err := s.SetUnitDuesTerm("李秘书", v.ID, model.UnitDuesTerm{From: ym(2024, 1), Handling: model.HandlingFederation, Scheme: model.SchemeFixed, Fixed: 500}); err != nil {
		t.Fatal(err)
	}
	zs := mustMember(t, s, "张三", residentID("350102", 19900101, 23), a.ID)
	if _, err := s.SetWageBase("李秘书", zs.ID, model.WageBase{From: ym(2024, 1), Base: 308500}); err != nil {
		t.Fatal(err)
	}
	wj := mustMember(t, s, "吴九", residentID("350102", 19900101, 25), v.ID)
	pay := func(id uint64, from, to model.Month, amt model.Money) {
		t.Helper()
		if err := s.RecordPayment("李秘书", &model.DuesPayment{MemberID: id, From: from, To: to, Amount: amt, Date: 20240610, Method: model.PayCash}); err != nil {
			t.Fatal(err)
		}
	}
	pay(zs.ID, ym(2024, 1), ym(2024, 3), 4620)
	pay(zs.ID, ym(2024, 4), ym(2024, 4), 1000)
	pay(wj.ID, ym(2024, 1), ym(2024, 6), 3000)
	before, err := s.CollectionByMonth(2024)
	if err != nil {
		t.Fatal(err)
	}

	// 1% for every month would make January owe 30.80 though 15.40 paid
	// it in full: refused, naming the month, the member and the first
	// month the new rate may start (April: a month paid in part keeps
	// what it owed when first paid into)
	p, _, _ = s.Profile()
	p.SetDuesRate(model.DuesRate{RateBP: 100, TruncUnit: model.Yuan(10)})
	err = s.SaveProfile("李秘书", p)
	var ps model.Problems
	if !errors.As(err, &ps) || !ps.Has("dues_rate_from", "dues.rate_change_paid") {
		t.Fatalf("1%% for every month: %v", err)
	}
	if args := ps.For("dues_rate_from")[0].Args; args[0] != "2024-01" || args[2] != "2024-04" {
		t.Errorf("problem args %v: the first paid month 2024-01 and the first free month 2024-04", args)
	}
	// so is a rounding unit of 1 fen (3,085.00 gives 15.43 then)
	p, _, _ = s.Profile()
	p.SetDuesRate(model.DuesRate{From: ym(2024, 3), RateBP: 50, TruncUnit: 1})
	if err := s.SaveProfile("李秘书", p); !errors.As(err, &ps) || !ps.Has("dues_rate_from", "dues.rate_change_paid") {
		t.Fatalf("1 fen from March: %v", err)
	}
	// and moving the first month kept after paid months
	p, _, _ = s.Profile()
	p.DuesSince = ym(2024, 3)
	if err := s.SaveProfile("李秘书", p); !errors.As(err, &ps) || !ps.Has("dues_since", "dues.rules_change_paid") {
		t.Fatalf("dues kept from March: %v", err)
	}

	// from April (paid in part: what it owed is kept with the payment) it
	// is taken; 吴九's fixed amount never depended on the rate
	p, _, _ = s.Profile()
	p.SetDuesRate(model.DuesRate{From: ym(2024, 4), RateBP: 100, TruncUnit: model.Yuan(10)})
	if err := s.SaveProfile("李秘书", p); err != nil {
		t.Fatalf("1%% from April: %v", err)
	}
	info, err := s.MemberDues(zs.ID)
	if err != nil {
		t.Fatal(err)
	}
	for mo, want := range map[model.Month]model.Money{ym(2024, 3): 1540, ym(2024, 5): 3080} {
		if got := info.Month(mo); got.Amount != want {
			t.Errorf("%s owes %s, want %s", mo, got.Amount.Display(), want.Display())
		}
	}
	if d := info.Month(ym(2024, 4)); d.Amount != 1540 || d.Rest() != 540 {
		t.Errorf("April, paid in part at the old rate: %+v", d)
	}
	after, err := s.CollectionByMonth(2024)
	if err != nil {
		t.Fatal(err)
	}
	// January to April are as they were; May 30.80 + 5.00 (June is not due)
	for i := range 4 {
		if after[i].Due != before[i].Due || after[i].Paid != before[i].Paid {
			t.Errorf("%s: due %s paid %s, was %s %s", after[i].Month, after[i].Due.Display(), after[i].Paid.Display(), before[i].Due.Display(), before[i].Paid.Display())
		}
	}
	if after[4].Due != 3080+500 {
		t.Errorf("May due %s, want 35.80", after[4].Due.Display())
	}
	// May's arrears at the new rate: April's 5.40 and May's 30.80
	ar, err := s.Arrears(ym(2024, 5), 1)
	if err != nil || len(ar) != 1 || ar[0].Amount != 540+3080 {
		t.Errorf("arrears %+v %v, want 张三 36.20", ar, err)
	}

	// the rate shown now and the audit log's words for the change
	got, _, _ := s.Profile()
	if r := got.DuesRateIn(ym(2024, 6)); r.RateBP != 100 || got.DuesRateIn(ym(2024, 3)).RateBP != 50 {
		t.Errorf("rates %+v", got.DuesRates)
	}
	entries, err := s.Audit(0, 100)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, e := range entries {
		for _, c := range e.Changes {
			found = found || c.Field == "dues_rates" && c.New == "2024-04 1.00% 10.00"
		}
	}
	if !found {
		t.Error("the audit log does not say the new rate and its month")
	}
}

// A database of the kept release has no rate changes and reads as it did;
// a new rate saved on it starts from the first month no payment fixed, and
// is there after reopening, the months before it owing what they did.
func TestReleaseDatabaseTakesARateFromAMonth(t *testing.T) {
	t.Parallel()
	path := copyRelease(t, releaseDatabases[0].dir)
	s, err := Open(path, Options{Now: testClock, NoSync: true, NoDailyBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	p, _, err := s.Profile()
	if err != nil || len(p.DuesRates) != 0 || p.DuesRateIn(ym(2030, 1)).RateBP != 50 {
		t.Fatalf("the release's profile: %+v %v", p, err)
	}
	members, err := s.Members()
	if err != nil {
		t.Fatal(err)
	}
	owed := func(s *Store) map[uint64][]model.Money {
		t.Helper()
		out := map[uint64][]model.Money{}
		for _, m := range members {
			info, err := s.MemberDues(m.ID)
			if err != nil {
				t.Fatal(err)
			}
			for mo := ym(2020, 1); mo <= ym(2027, 12); mo = mo.Add(1) {
				out[m.ID] = append(out[m.ID], info.Month(mo).Amount)
			}
		}
		return out
	}
	before := owed(s)

	p.SetDuesRate(model.DuesRate{RateBP: 100, TruncUnit: model.Yuan(10)})
	var ps model.Problems
	if err := s.SaveProfile("李秘书", p); !errors.As(err, &ps) || !ps.Has("dues_rate_from", "dues.rate_change_paid") {
		t.Fatalf("1%% for every month on the release's paid months: %v", err)
	}
	from, err := model.ParseMonth(ps.For("dues_rate_from")[0].Args[2].(string))
	if err != nil {
		t.Fatal(err)
	}
	p, _, _ = s.Profile()
	p.SetDuesRate(model.DuesRate{From: from, RateBP: 100, TruncUnit: model.Yuan(10)})
	if err := s.SaveProfile("李秘书", p); err != nil {
		t.Fatalf("1%% from %s, the month the problem named: %v", from, err)
	}
	s.Close()
	if s, err = Open(path, Options{Now: testClock, NoSync: true, NoDailyBackup: true}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p, _, _ = s.Profile()
	if len(p.DuesRates) != 1 || p.DuesRates[0] != (model.DuesRate{From: from, RateBP: 100, TruncUnit: model.Yuan(10)}) {
		t.Fatalf("after reopening: %+v", p.DuesRates)
	}
	after, raised := owed(s), 0
	for id, months := range before {
		for k, was := range months {
			mo := ym(2020, 1).Add(k)
			switch now := after[id][k]; {
			case mo < from && now != was:
				t.Errorf("member %d, %s owes %s, was %s", id, mo, now.Display(), was.Display())
			case mo >= from && now > was:
				raised++
			}
		}
	}
	if raised == 0 {
		t.Errorf("no month from %s on owes more at 1%%", from)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Errorf("check: %v %v", err, r.Problems)
	}
}

// The bug the acceptance pass of issue 13 found: a rate typed in Settings
// (the profile's DuesRateBP, as before rates had months) re-priced months
// already paid, so a member who paid January in full owed more for it.
func TestNewRateDoesNotRepricePaidMonths(t *testing.T) {
	s := openTest(t)
	p := model.DefaultProfile()
	p.UnionName, p.DuesSince = "青山镇总工会", ym(2024, 1)
	if err := s.SaveProfile("李秘书", p); err != nil {
		t.Fatal(err)
	}
	zs := mustMember(t, s, "张三", residentID("350102", 19900101, 23), mustUnit(t, s, "甲公司工会").ID)
	if _, err := s.SetWageBase("李秘书", zs.ID, model.WageBase{From: ym(2024, 1), Base: 308500}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordPayment("李秘书", &model.DuesPayment{MemberID: zs.ID, From: ym(2024, 1), To: ym(2024, 1), Amount: 1540, Date: 20240110, Method: model.PayCash}); err != nil {
		t.Fatal(err)
	}
	p.DuesRateBP = 100
	_ = s.SaveProfile("李秘书", p) // refused or not, January must stay as paid
	info, err := s.MemberDues(zs.ID)
	if err != nil {
		t.Fatal(err)
	}
	if jan := info.Month(ym(2024, 1)); jan.Amount != 1540 || jan.Rest() != 0 {
		t.Errorf("January, paid 15.40 in full, now owes %s with %s outstanding", jan.Amount.Display(), jan.Rest().Display())
	}
}
