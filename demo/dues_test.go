package demo

import (
	"testing"

	"unionbook/model"
	"unionbook/storage"
)

func TestLoadWritesDuesHistory(t *testing.T) {
	s := openTemp(t)
	today := model.Date(20260930)
	if err := Load(s, Options{Seed: 3, Members: 3000, Today: today}); err != nil {
		t.Fatal(err)
	}
	p, _, _ := s.Profile()
	if p.DuesTruncUnit != model.Yuan(10) || p.ArrearsMonths != 6 || p.DuesSince != 202410 {
		t.Errorf("profile %+v", p)
	}
	ms, _ := s.Members()
	wages := 0
	for _, m := range ms {
		if b := m.BaseFor(202609); b >= model.Yuan(2000) && b <= model.Yuan(20000) {
			wages++
		}
	}
	if wages < len(ms)*99/100 {
		t.Errorf("%d of %d members have a wage base", wages, len(ms))
	}
	cs, err := s.CollectionByMonth(2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs[:8] { // January … August are handed over
		if r := c.Rate(); r < 8000 || r > 10000 {
			t.Errorf("%s: rate %d (%+v)", c.Month, r, c)
		}
	}
	ar, _ := s.Arrears(202609, 6)
	if share := len(ar) * 1000 / len(ms); share < 50 || share > 120 {
		t.Errorf("%d of %d members (%d‰) 6+ months in arrears", len(ar), len(ms), share)
	}
	lines, _ := s.Ledger(storage.LedgerFilter{})
	reversals, manual, batches := 0, 0, 0
	for _, l := range lines {
		switch {
		case l.Source.Kind == storage.SourceDuesBatch:
			batches++
		case l.Source.Kind == "":
			manual++
		}
		if l.Amount < 0 {
			reversals++
		}
	}
	if reversals < 3 || manual < 50 || batches < 500 {
		t.Errorf("%d reversals, %d manual entries, %d batches", reversals, manual, batches)
	}
	bal, _ := s.Balance()
	if bal <= 0 || bal != lines[len(lines)-1].Balance {
		t.Errorf("balance %v, ledger ends at %v", bal, lines[len(lines)-1].Balance)
	}

	// The same seed gives the same books.
	s2 := openTemp(t)
	if err := Load(s2, Options{Seed: 3, Members: 3000, Today: today}); err != nil {
		t.Fatal(err)
	}
	bal2, _ := s2.Balance()
	cs2, _ := s2.CollectionByMonth(2026)
	if bal2 != bal || cs2[3] != cs[3] {
		t.Errorf("not deterministic: %v %v, %+v %+v", bal, bal2, cs[3], cs2[3])
	}
}
