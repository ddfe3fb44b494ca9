package demo

import (
	"testing"

	"unionbook/model"
)

// The demo's year of cases looks like a township's: most individual, some
// collective, most mediated, the latest still open; risk checks of about
// half the units, some risks still open.
func TestLoadWritesAYearOfCases(t *testing.T) {
	t.Parallel() // after the tests that change the package's generators
	s := openTemp(t)
	today := model.Date(20260930)
	if err := Load(s, Options{Seed: 3, Members: 2000, Today: today}); err != nil {
		t.Fatal(err)
	}
	f, err := s.CaseFigures(20251001, today)
	if err != nil {
		t.Fatal(err)
	}
	if f.Cases < 50 || f.Cases > 90 {
		t.Errorf("%d cases", f.Cases)
	}
	if f.Collective < 2 || f.Collective > f.Cases/5 {
		t.Errorf("%d collective of %d", f.Collective, f.Cases)
	}
	if f.Closed == 0 || f.MediatedBP() < 6500 || f.Open == 0 {
		t.Errorf("closed %d, mediated %d bp, open %d", f.Closed, f.MediatedBP(), f.Open)
	}
	if f.Recovered <= 0 || f.Recovered > f.Claimed || f.Units < 20 || f.Workers < f.Cases {
		t.Errorf("recovered %s of %s, %d units, %d workers", f.Recovered, f.Claimed, f.Units, f.Workers)
	}
	if f.ByType[0].Cases < f.Cases/4 {
		t.Errorf("wages are the most common: %+v", f.ByType)
	}
	if f.Risk.Checks < 30 || f.Risk.WithRisk == 0 || f.Risk.Resolved == 0 || f.Risk.OpenUnits == 0 {
		t.Errorf("risk checks %+v", f.Risk)
	}
	all, _ := s.Cases(0, 0)
	void := 0
	for _, c := range all {
		if c.Void {
			void++
		}
	}
	if void != 1 || len(all) != f.Cases+void {
		t.Errorf("%d void of %d", void, len(all))
	}
	r, err := s.Check()
	if err != nil || !r.OK() {
		t.Fatalf("check: %v %v", err, r.Problems)
	}
}

func TestGenerateCasesIsDeterministic(t *testing.T) {
	p, units, members := GenerateAt(5, 20, 400, 20260930)
	for i := range units {
		units[i].ID = uint64(i + 1)
	}
	for i := range members {
		members[i].ID = uint64(i + 1)
	}
	w := World{Seed: 5, Profile: p, Units: units, Members: members, Today: 20260930}
	ca, cb := GenerateCases(w)
	da, db := GenerateCases(w)
	if len(ca) == 0 || len(ca) != len(da) || len(cb) == 0 || len(cb) != len(db) {
		t.Fatalf("%d/%d checks, %d/%d cases", len(ca), len(da), len(cb), len(db))
	}
	for i := range cb {
		if cb[i].Received != db[i].Received || cb[i].Claimed != db[i].Claimed || cb[i].Headcount != db[i].Headcount {
			t.Fatalf("case %d differs", i)
		}
	}
}
