package demo

import (
	"testing"

	"unionbook/model"
	"unionbook/storage"
)

func TestLoadWritesDuesHistory(t *testing.T) {
	t.Parallel() // after the tests that change the package's generators
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
	for _, c := range cs[:6] { // January … June are handed over
		if r := c.Rate(); r < 8000 || r > 10000 {
			t.Errorf("%s: rate %d (%+v)", c.Month, r, c)
		}
		// units that collect their own dues reported the first half year
		if c.ReportedPaid <= 0 || c.ReportedMonths == 0 || c.Unreported != 0 || c.Kept <= 0 {
			t.Errorf("%s: reported %v in %d unit-months, %d not reported, kept %v", c.Month, c.ReportedPaid, c.ReportedMonths, c.Unreported, c.Kept)
		}
	}
	for _, c := range cs[6:8] { // the third quarter's batches and reports come in October
		if r := c.Rate(); r < 5000 || r > 10000 || c.Unreported == 0 {
			t.Errorf("%s: rate %d, %d unit-months not reported", c.Month, r, c.Unreported)
		}
	}
	ar, _ := s.Arrears(202609, 6)
	if share := len(ar) * 1000 / len(ms); share < 40 || share > 120 {
		t.Errorf("%d of %d members (%d‰) 6+ months in arrears", len(ar), len(ms), share)
	}
	all, _ := s.Arrears(202609, 1)
	underpaid := 0
	for _, a := range all {
		if a.Amount <= 0 {
			t.Errorf("member %d listed in arrears owing %v", a.MemberID, a.Amount)
		}
		if a.Underpaid > 0 {
			underpaid++
		}
	}
	if underpaid == 0 {
		t.Error("nobody paid a quarter short")
	}
	calc, _ := s.DuesCalc()
	kinds := map[model.DuesHandling]int{}
	for _, u := range calc.Units {
		kinds[u.TermFor(202609).Handling]++
	}
	if kinds[model.HandlingSelf] == 0 || kinds[model.HandlingKept] == 0 || len(calc.Members) == 0 {
		t.Errorf("handlings %v, %d member exceptions", kinds, len(calc.Members))
	}
	if _, units, _ := s.LastReminders(); len(units) != 0 {
		t.Errorf("reminders to units %v", units)
	} else if ms, _, _ := s.LastReminders(); len(ms) == 0 {
		t.Error("no reminders")
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
