package storage

import (
	"slices"

	"go.etcd.io/bbolt"

	"unionbook/model"

	"reflect"
	"runtime"
	"sync"
	"testing"
)

// The Overview and Dues tabs load together: their figures come from one
// decode of the roster, and a write in between is seen at once.
func TestSharedDuesReadsDecodeOnceAndFollowWrites(t *testing.T) {
	f := newDuesFixture(t)
	f.history(t)
	s := f.s
	asOf := ym(2024, 6)
	fresh := func(from, to model.Month) []Collection {
		g, err := s.CollectionGrid(from, to)
		if err != nil {
			t.Fatal(err)
		}
		return g.byUnit()
	}
	_, alone, err := s.RosterAndDues(2024, asOf) // stats: the six-month runs only
	if err != nil {
		t.Fatal(err)
	}
	_, shared, err := s.RosterAndDuesShared(2024, asOf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(alone, shared) {
		t.Errorf("the Overview's figures %+v, stats' %+v", shared, alone)
	}
	keep := s.shared.last.Value() // as the Overview's load holds it while the Dues tab's runs
	before := s.shared.decodes
	var wg sync.WaitGroup
	var all, six ArrearsList
	var byUnit []Collection
	var errs [3]error
	wg.Go(func() { all, errs[0] = s.ArrearsList(asOf, 1) })
	wg.Go(func() { six, errs[1] = s.ArrearsList(asOf, 6) })
	wg.Go(func() { byUnit, errs[2] = s.CollectionByUnit(ym(2024, 1), ym(2024, 6)) })
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := s.shared.decodes - before; got != 0 {
		t.Errorf("the roster was decoded %d more times for the same state", got)
	}
	// The same answers as reading afresh.
	want := func(minRun int) ArrearsList {
		var l ArrearsList
		if err := s.db.View(func(tx *bbolt.Tx) error {
			ms, err := duesRoster(tx)
			if err != nil {
				return err
			}
			l, err = arrears(tx, ms, asOf, minRun)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		return l
	}
	if w := want(1); !reflect.DeepEqual(all, w) {
		t.Errorf("arrears of 1+ months: %+v, afresh %+v", all, w)
	}
	if w := want(6); len(six.Arrears) != len(w.Arrears) || len(w.Arrears) > 0 && !reflect.DeepEqual(six.Arrears, w.Arrears) || six.NoBase != w.NoBase {
		t.Errorf("arrears of 6+ months: %+v, afresh %+v", six, w)
	}
	if w := fresh(ym(2024, 1), ym(2024, 6)); !reflect.DeepEqual(byUnit, w) {
		t.Errorf("collection by unit January to June: %+v, afresh %+v", byUnit, w)
	}
	if len(all.Arrears) == 0 {
		t.Fatal("the fixture has members in arrears")
	}
	// 李四 owes June (30.00); paying it is seen by the next read.
	owesJune := func(l ArrearsList) bool {
		for _, a := range l.Arrears {
			if a.MemberID == f.m2.ID {
				return slices.Contains(a.Months, ym(2024, 6))
			}
		}
		return false
	}
	if !owesJune(all) {
		t.Fatalf("李四 does not owe June: %+v", all.Arrears)
	}
	f.pay(t, f.m2, ym(2024, 6), ym(2024, 6), 3000, 20240614)
	after, err := s.ArrearsList(asOf, 1)
	if err != nil {
		t.Fatal(err)
	}
	if owesJune(after) {
		t.Error("李四 paid June but still owes it")
	}
	if s.shared.decodes-before != 1 {
		t.Errorf("after a write the roster was decoded %d times, want once", s.shared.decodes-before)
	}
	if got := fresh(ym(2024, 1), ym(2024, 6)); reflect.DeepEqual(got, byUnit) {
		t.Error("the payment did not change the collection")
	} else if now, err := s.CollectionByUnit(ym(2024, 1), ym(2024, 6)); err != nil || !reflect.DeepEqual(now, got) {
		t.Errorf("collection by unit after the payment: %+v, afresh %+v (%v)", now, got, err)
	}
	_ = keep
}

// While a load holds the shared reads, reads one after another (the
// Overview's figures, then its organisation line) decode the roster once,
// even through a collection; after the last release they are let go.
func TestHoldSharedReadsKeepsOneRoster(t *testing.T) {
	f := newDuesFixture(t)
	f.history(t)
	s := f.s
	asOf := ym(2024, 6)
	day := model.NewDate(2024, 6, 30)
	want, err := s.OrgGlance(day) // alone
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	release := s.HoldSharedReads()
	release2 := s.HoldSharedReads()
	before := s.shared.decodes
	if _, _, err := s.RosterAndDuesShared(2024, asOf); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	g, err := s.OrgGlance(day)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, want) {
		t.Errorf("the organisation line on the shared roster %+v, alone %+v", g, want)
	}
	if got := s.shared.decodes - before; got != 1 {
		t.Errorf("the roster was decoded %d times while held, want once", got)
	}
	release()
	release() // twice is once
	runtime.GC()
	if _, err := s.ArrearsList(asOf, 1); err != nil {
		t.Fatal(err)
	}
	if got := s.shared.decodes - before; got != 1 {
		t.Errorf("one hold still open: the roster was decoded %d times, want once", got)
	}
	release2()
	if s.shared.held != nil {
		t.Error("the last release kept the shared reads")
	}
}
