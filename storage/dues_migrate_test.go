package storage

import (
	"testing"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// A database from before dues handling: every unit's dues were this
// federation's. After the migration no unit has left the books: an
// enterprise union whose dues are in them is kept on its behalf (代管),
// every other unit collected here, and every payment, figure and arrear
// is as it was.
func TestMigrationGivesUnitsTheirHandling(t *testing.T) {
	path := dbPath(t)
	s := openAt(t, path)
	p := model.DefaultProfile()
	p.UnionName, p.DuesSince = "青山镇总工会", ym(2024, 1)
	if err := s.SaveProfile("李秘书", p); err != nil {
		t.Fatal(err)
	}
	paid, idle := mustUnit(t, s, "甲公司工会"), mustUnit(t, s, "乙公司工会")
	village := &model.Unit{Name: "丙村联合工会", Kind: 170, UnionType: model.UnionJoint}
	if err := s.CreateUnit("李秘书", village); err != nil {
		t.Fatal(err)
	}
	var ms []model.Member
	for i, u := range []uint64{paid.ID, idle.ID, village.ID} {
		m := testMember("会员", residentID("350102", 19900101, 31+2*i), u)
		m.JoinDate = 20230601
		if err := s.CreateMember("李秘书", m); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SetWageBase("李秘书", m.ID, model.WageBase{From: ym(2024, 1), Base: 300000}); err != nil {
			t.Fatal(err)
		}
		ms = append(ms, *m)
	}
	pay := model.DuesPayment{MemberID: ms[0].ID, From: ym(2024, 1), To: ym(2024, 3), Amount: 4500, Date: 20240410, Method: model.PayCash}
	if err := s.RecordPayment("李秘书", &pay); err != nil {
		t.Fatal(err)
	}
	before, _ := s.CollectionByMonth(2024)
	beforeAr, _ := s.Arrears(ym(2024, 5), 1)
	// back to the schema before the step: its buckets gone
	err := s.db.Update(func(tx *bbolt.Tx) error {
		for _, name := range duesHandlingBuckets() {
			if err := tx.DeleteBucket(name); err != nil {
				return err
			}
		}
		return putSchemaVersion(tx, migrationVersion("dues handling")-1)
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	s = openAt(t, path)
	for _, c := range []struct {
		u    model.Unit
		want model.DuesHandling
		rec  bool
	}{{paid, model.HandlingKept, true}, {idle, model.HandlingFederation, false}, {*village, model.HandlingFederation, false}} {
		ud, err := s.UnitDuesOf(c.u.ID)
		if err != nil || (ud != nil) != c.rec || ud.TermFor(ym(2024, 1)).Handling != c.want {
			t.Errorf("%s: %+v %v, want %v", c.u.Name, ud, err, c.want)
		}
	}
	after, _ := s.CollectionByMonth(2024)
	afterAr, _ := s.Arrears(ym(2024, 5), 1)
	for i := range before {
		if before[i].Due != after[i].Due || before[i].Paid != after[i].Paid || before[i].PaidMembers != after[i].PaidMembers {
			t.Errorf("%s: %+v became %+v", before[i].Month, before[i], after[i])
		}
	}
	if after[0].Kept != 1500 || len(afterAr) != len(beforeAr) || len(afterAr) != 3 {
		t.Errorf("kept %v, arrears %d then %d", after[0].Kept, len(beforeAr), len(afterAr))
	}
	// a payment made before the migration paid its months in full whatever
	// the amount (45.00 for three months of 15.00 here), and still does
	info, _ := s.MemberDues(ms[0].ID)
	if d := info.Month(ym(2024, 3)); !d.Full {
		t.Errorf("a paid month no longer paid: %+v", d)
	}
	if r, err := s.Check(); err != nil || !r.OK() {
		t.Fatalf("check after the migration: %v %v", err, r.Problems)
	}
}

// The check names a month paid in part that the payments do not explain.
func TestCheckFindsAWrongPartPaidMonth(t *testing.T) {
	f := newHandlingFixture(t)
	f.payT(t, f.a1, ym(2024, 1), ym(2024, 2), 2000) // February 4.60 of 15.40
	err := f.s.db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketDuesPartial).Put(partialKey(f.a1.ID, ym(2024, 2)), pairBytes(500, 1540))
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := f.s.Check()
	if err != nil || r.OK() {
		t.Fatalf("check passed a wrong part-paid month: %v", err)
	}
	found := false
	for _, pr := range r.Problems {
		found = found || pr.Key == "check.part_paid"
	}
	if !found {
		t.Errorf("problems %v", r.Problems)
	}
}
