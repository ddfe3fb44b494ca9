package storage

import (
	"slices"
	"testing"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// oldBook turns the database at path back into one written before the
// books: the schema version before the "books" migration, no books
// buckets, entries without a money account and on the codes the program
// used to give (set maps each entry ID to the code to give it).
func oldBook(t *testing.T, path string, set map[uint64]string) {
	t.Helper()
	step := slices.IndexFunc(migrations, func(m migration) bool { return m.name == "books" })
	if step < 0 {
		t.Fatal("no books migration")
	}
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bbolt.Tx) error {
		led := tx.Bucket(bucketLedger)
		var es []model.LedgerEntry
		_ = led.ForEach(func(k, v []byte) error {
			var e model.LedgerEntry
			if err := decode(v, &e); err != nil {
				return err
			}
			es = append(es, e)
			return nil
		})
		if err := clearBucket(tx.Bucket(bucketLedgerTotals)); err != nil {
			return err
		}
		for _, e := range es {
			if code, ok := set[e.ID]; ok {
				e.Account = code
			}
			e.Money = 0
			if err := putMigrated(led, itob(e.ID), &e); err != nil {
				return err
			}
			k := ledgerTotalKey(e.Date.Month(), e.Direction, e.Account)
			sum, n := pair(tx.Bucket(bucketLedgerTotals).Get(k))
			if err := tx.Bucket(bucketLedgerTotals).Put(k, pairBytes(sum+e.Amount, n+1)); err != nil {
				return err
			}
		}
		for _, b := range booksBuckets() {
			if err := tx.DeleteBucket(b); err != nil {
				return err
			}
		}
		return putSchemaVersion(tx, uint32(step))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// An old database migrates with every entry keeping its meaning: the
// wrongly numbered accounts get the 2010 chart's codes, the union's own
// sub-account that now collides moves, events follow, dues go to the cash
// box or the bank by how they were paid, and the 2010 chart stays in force.
func TestMigrationKeepsEveryEntrysMeaning(t *testing.T) {
	f := newDuesFixture(t)
	s, path := f.s, f.s.Path()
	p, _, _ := s.Profile()
	p.CustomAccounts = []model.Account{{Code: "50104", Name: "读书活动", Direction: model.Out}}
	if err := s.SaveProfile(bop, p); err != nil {
		t.Fatal(err)
	}
	if err := s.UseStandardChart(bop, model.Chart2010, 0); err != nil {
		t.Fatal(err)
	}
	set := map[uint64]string{}
	post := func(d model.Date, dir model.Direction, valid, old string, amt model.Money) uint64 {
		e := entryOn(t, s, d, dir, valid, amt, model.MoneyBank)
		set[e.ID] = old
		return e.ID
	}
	// Old code → what it meant, posted first under a valid code.
	ids := map[string]uint64{
		"40303": post(20240105, model.In, "40304", "40303", 100), // 帮扶补助
		"40304": post(20240106, model.In, "40305", "40304", 200), // 送温暖补助
		"40305": post(20240107, model.In, "40306", "40305", 300), // 救灾补助
		"40399": post(20240108, model.In, "40307", "40399", 400), // 其他补助
		"50199": post(20240109, model.Out, "50104", "50199", 10), // 其他活动支出
		"50299": post(20240110, model.Out, "50206", "50299", 20), // 其他维权支出
		"509":   post(20240111, model.Out, "508", "509", 30),     // 其他支出
		"50104": post(20240112, model.Out, "50101", "50104", 40), // the union's 读书活动
	}
	cash := model.DuesPayment{MemberID: f.m1.ID, From: ym(2024, 2), To: ym(2024, 2), Amount: 1540, Date: 20240301, Method: model.PayCash}
	if err := s.RecordPayment(bop, &cash); err != nil {
		t.Fatal(err)
	}
	mobile := model.DuesPayment{MemberID: f.m2.ID, From: ym(2024, 1), To: ym(2024, 1), Amount: 2500, Date: 20240302, Method: model.PayMobile}
	if err := s.RecordPayment(bop, &mobile); err != nil {
		t.Fatal(err)
	}
	ev := &model.Event{Title: "读书会", Type: model.EventOtherType, Start: 20240310, Members: []uint64{f.m1.ID}, Cost: 5000, Account: "50104"}
	if err := s.CreateEvent(bop, ev); err != nil {
		t.Fatal(err)
	}
	set[ev.LedgerID] = "50199" // posted as other activities in the old chart
	s.Close()
	oldBook(t, path, set)
	if db, err := bbolt.Open(path, 0o600, nil); err == nil {
		// The event's own account, as the old program stored it.
		_ = db.Update(func(tx *bbolt.Tx) error {
			b := tx.Bucket(bucketEvents)
			var e model.Event
			if err := decode(b.Get(itob(ev.ID)), &e); err != nil {
				return err
			}
			e.Account = "50199"
			return putMigrated(b, itob(e.ID), &e)
		})
		db.Close()
	}

	s = openAt(t, path)
	want := map[string]string{"40303": "40304", "40304": "40305", "40305": "40306", "40399": "40307",
		"50199": "50104", "50299": "50206", "509": "508", "50104": "50151"}
	for old, id := range ids {
		e, err := s.LedgerEntry(id)
		if err != nil || e.Account != want[old] || e.Money != model.MoneyBank {
			t.Errorf("entry once on %s: %+v %v, want %s", old, e, err, want[old])
		}
	}
	c, _ := s.ChartOf(2024)
	if c.Standard != model.Chart2010 {
		t.Errorf("chart %s, want the 2010 chart kept", c.Standard)
	}
	if a, ok := c.Find("50151"); !ok || a.Name != "读书活动" {
		t.Errorf("the union's account moved to %+v %v", a, ok)
	}
	if a, _ := c.Find("50104"); a.Name != "其他活动支出" {
		t.Errorf("50104 is %s", a.Name)
	}
	if e, _ := s.LedgerEntry(cash.LedgerID); e.Money != model.MoneyCash {
		t.Errorf("cash dues went to %s", e.Money.Key())
	}
	if e, _ := s.LedgerEntry(mobile.LedgerID); e.Money != model.MoneyBank {
		t.Errorf("WeChat dues went to %s", e.Money.Key())
	}
	if e, _ := s.Event(ev.ID); e.Account != "50104" {
		t.Errorf("event account %s", e.Account)
	}
	if le, _ := s.LedgerEntry(ev.LedgerID); le.Account != "50104" {
		t.Errorf("event entry %s", le.Account)
	}
	st, _ := s.BooksStatement(ym(2024, 1), ym(2024, 3))
	for _, r := range st.Rows {
		if r.Account.Code == "40304" && (r.Amount != 100 || r.Account.Name != "帮扶补助") {
			t.Errorf("40304 %+v", r)
		}
	}
	checkClean(t, s)
	// The migrated 2010 book may move to the 2021 chart from a year
	// without entries.
	if err := s.UseStandardChart(bop, model.Chart2021, 2025); err != nil {
		t.Errorf("2021 chart from 2025: %v", err)
	}
}

// A new database has no chart stored: the 2021 chart is in force.
func TestNewDatabaseKeepsThe2021Chart(t *testing.T) {
	s := openTest(t)
	cs, err := s.Charts()
	if err != nil || len(cs) != 0 {
		t.Errorf("charts %+v %v", cs, err)
	}
	c, _ := s.ChartOf(2024)
	if c.Standard != model.Chart2021 {
		t.Errorf("chart %s", c.Standard)
	}
}
