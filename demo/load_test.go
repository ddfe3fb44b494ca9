package demo

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

func openTemp(t testing.TB) *storage.Store {
	t.Helper()
	s, err := storage.Open(filepath.Join(t.TempDir(), "demo.db"), storage.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestLoadWritesEverythingAndRefusesTwice(t *testing.T) {
	s := openTemp(t)
	if err := Load(s, Options{Seed: 5, Members: 400}); err != nil {
		t.Fatal(err)
	}
	p, ok, err := s.Profile()
	if err != nil || !ok || p.UnionName != TownFor(5)+"总工会" || p.DuesRateBP != 50 || p.MinLiving != model.Yuan(850) {
		t.Fatalf("profile %+v %v %v", p, ok, err)
	}
	units, err := s.Units()
	employers, _ := s.Employers()
	formed := 0
	for _, e := range employers {
		if e.Status == model.EmployerFormed {
			formed++
		}
	}
	if err != nil || len(units) != DefaultUnits+formed || formed != 2 {
		t.Fatalf("units %d (%d formed from unorganised employers) %v", len(units), formed, err)
	}
	members, err := s.Members()
	if err != nil || len(members) != 400 {
		t.Fatalf("members %d %v", len(members), err)
	}
	byID := map[uint64]model.Unit{}
	for _, u := range units {
		byID[u.ID] = u
	}
	_, genUnits, genMembers := GenerateAt(5, DefaultUnits, 400, min(Reference, model.Today()))
	for i, m := range members {
		u, ok := byID[m.UnitID]
		if !ok {
			t.Fatalf("member %s has unit %d", m.Name, m.UnitID)
		}
		// Members land in the unit they were generated for.
		if want := genUnits[genMembers[i].UnitID-1].Name; u.Name != want {
			t.Errorf("member %s in %s, want %s", m.Name, u.Name, want)
		}
		if m.Status != genMembers[i].Status || len(m.History) != len(genMembers[i].History) {
			t.Errorf("member %s status %v history %v; generated %v %v", m.Name, m.Status, m.History, genMembers[i].Status, genMembers[i].History)
		}
		if m.No == "" {
			t.Errorf("member %s has no number", m.Name)
		}
	}

	err = Load(s, Options{Seed: 6, Members: 10})
	if !errors.Is(err, i18n.E("demo.not_empty")) {
		t.Fatalf("second load: %v", err)
	}
	if got := i18n.Text(err, i18n.ZH); got != "数据库中已有数据，演示数据只能载入空数据库" {
		t.Errorf("message %q", got)
	}
	if members, _ := s.Members(); len(members) != 400 {
		t.Errorf("second load changed the roster: %d members", len(members))
	}
}

// BenchmarkLoad100k loads the 100,000-member benchmark data set
// (go test ./demo/ -run X -bench Load100k -benchtime 1x).
func BenchmarkLoad100k(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		s := openTemp(b)
		b.StartTimer()
		start := time.Now()
		if err := Load(s, Options{Seed: DefaultSeed, Members: 100000}); err != nil {
			b.Fatal(err)
		}
		b.Logf("loaded 100,000 members in %v", time.Since(start))
	}
}

// An employer's organising visits end with its union: no visit is dated
// after the day it formed its union or closed (the demo showed 同意筹建工会
// in September for a union formed in February).
func TestDemoVisitsEndWhenTheEmployerFormsOrCloses(t *testing.T) {
	for _, seed := range []uint64{1, 2, 5} {
		s := openTemp(t)
		if err := Load(s, Options{Seed: seed, Units: 40, Members: 200, Today: Reference}); err != nil {
			t.Fatal(err)
		}
		employers, err := s.Employers()
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range employers {
			end := e.FormedOn
			if e.Status == model.EmployerGone {
				end = e.GoneOn
			}
			if v, ok := e.LastVisit(); ok && end != 0 && v.Date > end {
				t.Errorf("seed %d: %s %s on %s, visited on %s", seed, e.Name, e.Status.Key(), end, v.Date)
			}
		}
	}
}

// The demo's women workers' special contracts are renewed as contracts
// are: most of those signed are in force today (none was: each was signed
// on a day anywhere since the union formed, three years long).
func TestDemoWomenContractsAreMostlyInForce(t *testing.T) {
	s := openTemp(t)
	if err := Load(s, Options{Seed: 1, Today: Reference}); err != nil {
		t.Fatal(err)
	}
	units, err := s.Units()
	if err != nil {
		t.Fatal(err)
	}
	signed, inForce := 0, 0
	for i := range units {
		if units[i].WomenSigned != 0 {
			signed++
			if units[i].WomenContractInForce(Reference) {
				inForce++
			}
		}
	}
	if signed < 10 || inForce*2 < signed {
		t.Errorf("women workers' special contracts: %d signed, %d in force on %s", signed, inForce, Reference)
	}
}

// The demo's two years of dues are written as the secretary wrote them:
// each payment's, batch's and entry's audit entry on its day, none after
// the load, in the order written within a day, so that a quarter's
// package and the Audit screen's date filter find a quarter's work in that
// quarter (before, all 30,000 entries of the default township were dated
// the minute the demo was built).
func TestDemoAuditFollowsTheHistory(t *testing.T) {
	s := openTemp(t)
	if err := Load(s, Options{Seed: 5, Members: 400, Today: Reference}); err != nil {
		t.Fatal(err)
	}
	built := time.Now()
	days := map[model.Date]int{}
	paymentsOnTheirDay, payments := 0, 0
	byID := map[uint64]model.Date{}
	err := s.ReadRecords(func(r *storage.Records) error {
		return r.Payments(func(p *model.DuesPayment) error { byID[p.ID] = p.Date; return nil })
	})
	if err != nil {
		t.Fatal(err)
	}
	var prev time.Time
	err = s.ForEachAudit(storage.AuditFilter{}, func(e model.AuditEntry) error {
		if e.At.After(built) {
			t.Errorf("audit entry %d dated %v, after the load", e.ID, e.At)
		}
		d := model.DateOf(e.At.Local())
		if d == model.DateOf(prev.Local()) && e.At.Before(prev) {
			t.Errorf("audit entry %d written at %v, before the entry written before it (%v)", e.ID, e.At, prev)
		}
		prev = e.At
		days[d]++
		if e.Entity == model.EntityPayment && e.Action == model.ActionCreate {
			payments++
			if byID[e.EntityID] == d {
				paymentsOnTheirDay++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	months := map[model.Month]bool{}
	for d := range days {
		months[d.Month()] = true
	}
	if len(months) < HistoryMonths {
		t.Errorf("audit entries in %d months, want the %d of the history", len(months), HistoryMonths)
	}
	if payments == 0 || paymentsOnTheirDay != payments {
		t.Errorf("%d of %d payments' audit entries dated on the payment's day", paymentsOnTheirDay, payments)
	}
}
