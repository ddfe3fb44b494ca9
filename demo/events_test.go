package demo

import (
	"testing"

	"unionbook/model"
	"unionbook/storage"
)

func TestLoadWritesAYearOfEvents(t *testing.T) {
	t.Parallel() // after the tests that change the package's generators
	s := openTemp(t)
	today := model.Date(20260930)
	if err := Load(s, Options{Seed: 3, Members: 2000, Today: today}); err != nil {
		t.Fatal(err)
	}
	es, err := s.Events(0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(es) < 60 || len(es) > 150 {
		t.Errorf("%d events", len(es))
	}
	types := map[model.EventType]int{}
	withCost, fed := 0, 0
	for _, e := range es {
		types[e.Type]++
		if e.Start < 20251001 || e.LastDay() > today || e.End < e.Start {
			t.Errorf("event %d dated %s..%s", e.ID, e.Start, e.End)
		}
		if e.Cost > 0 {
			withCost++
			le, err := s.LedgerEntry(e.LedgerID)
			if err != nil || le.Amount != e.Cost || le.Source.Kind != storage.SourceEvent || le.Source.ID != e.ID {
				t.Errorf("event %d cost %s entry %+v %v", e.ID, e.Cost, le, err)
			}
			if e.Type == model.EventConsolation && le.Account != "50405" {
				t.Errorf("consolation posted to %s", le.Account)
			}
		}
		if e.UnitID == 0 {
			fed++
		}
		if e.PersonTimes() == 0 {
			t.Errorf("event %d %s has nobody", e.ID, e.Title)
		}
	}
	if len(types) < 7 || withCost < 15 || fed < 8 {
		t.Errorf("types %v, %d with a cost, %d by the federation", types, withCost, fed)
	}
	f, err := s.EventFigures(20251001, today)
	if err != nil {
		t.Fatal(err)
	}
	if f.Events != len(es) || f.PersonTimes < 1000 {
		t.Errorf("figures %d events %d person-times", f.Events, f.PersonTimes)
	}
	if bal, _ := s.Balance(); bal <= 0 {
		t.Errorf("balance %s after the events", bal)
	}
	r, err := s.Check()
	if err != nil || !r.OK() {
		t.Fatalf("check: %v %v", err, r.Problems)
	}
}

func TestGenerateEventsIsDeterministic(t *testing.T) {
	p, units, members := GenerateAt(5, 20, 400, 20260930)
	for i := range units {
		units[i].ID = uint64(i + 1)
	}
	for i := range members {
		members[i].ID = uint64(i + 1)
	}
	w := World{Seed: 5, Profile: p, Units: units, Members: members, Today: 20260930}
	a, b := GenerateEvents(w), GenerateEvents(w)
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("%d and %d events", len(a), len(b))
	}
	for i := range a {
		if a[i].Title != b[i].Title || a[i].Start != b[i].Start || len(a[i].Members) != len(b[i].Members) || a[i].Cost != b[i].Cost {
			t.Fatalf("event %d differs: %+v %+v", i, a[i], b[i])
		}
	}
}
