package demo

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"unionbook/model"
)

func TestGenerateIsDeterministic(t *testing.T) {
	p1, u1, m1 := Generate(7, DefaultUnits, 2000)
	p2, u2, m2 := Generate(7, DefaultUnits, 2000)
	if !reflect.DeepEqual(p1, p2) || !reflect.DeepEqual(u1, u2) || !reflect.DeepEqual(m1, m2) {
		t.Fatal("the same seed gave different data")
	}
	_, u3, m3 := Generate(8, DefaultUnits, 2000)
	if reflect.DeepEqual(u1, u3) || reflect.DeepEqual(m1, m3) {
		t.Fatal("different seeds gave the same data")
	}
}

func TestGenerateIsValid(t *testing.T) {
	t.Parallel() // after the tests that change the package's generators
	p, units, members := Generate(DefaultSeed, DefaultUnits, DefaultMembers)
	today := Reference

	if p.UnionName != "青山镇总工会" || p.DuesRateBP != 50 || p.MinLiving != model.Yuan(850) || p.Operator == "" || p.HigherUnion == "" {
		t.Errorf("profile = %+v", p)
	}
	if ps := p.Validate(); len(ps) > 0 {
		t.Errorf("profile: %v", ps)
	}
	if _, err := model.NormalizeCreditCode(p.Code); err != nil {
		t.Errorf("profile code %s: %v", p.Code, err)
	}

	if len(units) != 78 {
		t.Fatalf("units = %d, want 78", len(units))
	}
	joint, single := 0, 0
	names, codes := map[string]bool{}, map[string]bool{}
	perUnit := map[uint64]int{}
	for _, m := range members {
		perUnit[m.UnitID]++
	}
	for i, u := range units {
		if u.ID != uint64(i+1) {
			t.Errorf("unit %d has ID %d", i, u.ID)
		}
		if u.UnionType == model.UnionJoint {
			joint++
			if u.Kind != 0 || u.Form != model.FormVillage || !strings.HasSuffix(u.Name, "村联合工会") {
				t.Errorf("village union %s kind %d", u.Name, u.Kind)
			}
			if u.Employees < 50 || u.Employees > 400 {
				t.Errorf("village %s has %d employees", u.Name, u.Employees)
			}
		} else {
			single++
			if u.Employees < 20 || u.Employees > 1500 {
				t.Errorf("%s has %d employees", u.Name, u.Employees)
			}
		}
		if !strings.HasSuffix(u.Name, "工会") || names[u.Name] || codes[u.CreditCode] {
			t.Errorf("unit name %s or code %s repeated or badly formed", u.Name, u.CreditCode)
		}
		names[u.Name], codes[u.CreditCode] = true, true
		if c, err := model.NormalizeCreditCode(u.CreditCode); err != nil || c != u.CreditCode {
			t.Errorf("%s credit code %s: %v", u.Name, u.CreditCode, err)
		}
		if _, err := model.NormalizePhone(u.Phone); err != nil {
			t.Errorf("%s phone %s: %v", u.Name, u.Phone, err)
		}
		if u.Chair == "" {
			t.Errorf("%s has no chair", u.Name)
		}
		if perUnit[u.ID] == 0 || perUnit[u.ID] > u.Employees {
			t.Errorf("%s: %d members, %d employees", u.Name, perUnit[u.ID], u.Employees)
		}
		if u.ContractSigned != 0 && u.ContractExpires != u.ContractSigned.AddYears(3)-1 && fromTime(toTime(u.ContractSigned).AddDate(3, 0, -1)) != u.ContractExpires {
			t.Errorf("%s contract %s–%s", u.Name, u.ContractSigned, u.ContractExpires)
		}
		if ps := u.Validate(today); len(ps) > 0 {
			t.Errorf("unit %s: %v", u.Name, ps)
		}
	}
	if joint != 17 || single != 61 {
		t.Errorf("joint %d, single %d; want 17 and 61", joint, single)
	}

	if len(members) != 7520 {
		t.Fatalf("members = %d", len(members))
	}
	ids := map[string]bool{}
	var female, migrant, han, active, dotted int
	status := map[model.Status]int{}
	for i := range members {
		m := members[i]
		if ids[m.IDNumber] {
			t.Errorf("ID number %s repeated", m.IDNumber)
		}
		ids[m.IDNumber] = true
		if id, err := model.NormalizeResidentID(m.IDNumber); err != nil || id != m.IDNumber {
			t.Fatalf("member %s ID %s: %v", m.Name, m.IDNumber, err)
		}
		if m.Phone != "" {
			if p, err := model.NormalizeMobile(m.Phone); err != nil || p != m.Phone {
				t.Errorf("member %s phone %s: %v", m.Name, m.Phone, err)
			}
		}
		if m.UnitID < 1 || m.UnitID > uint64(len(units)) {
			t.Fatalf("member %s unit %d", m.Name, m.UnitID)
		}
		before := m
		before.Normalize()
		if !reflect.DeepEqual(before, m) {
			t.Errorf("member %d is not in normal form:\n%+v\n%+v", i, m, before)
		}
		if ps := m.Validate(today); len(ps) > 0 {
			t.Fatalf("member %+v: %v", m, ps)
		}
		age := m.Birth.YearsUntil(today)
		if age < 18 || age > 62 {
			t.Errorf("member %s is %d", m.Name, age)
		}
		if m.Birth.AddYears(18) > m.JoinDate {
			t.Errorf("member %s joined %s before 18 (born %s)", m.Name, m.JoinDate, m.Birth)
		}
		if m.Gender == model.Female {
			female++
		}
		if m.Migrant {
			migrant++
		}
		if m.Ethnicity == "汉族" {
			han++
		}
		if strings.Contains(m.Name, "·") {
			dotted++
			if m.Ethnicity != "维吾尔族" {
				t.Errorf("%s is %s", m.Name, m.Ethnicity)
			}
		}
		if n := utf8.RuneCountInString(m.Name); n < 2 || n > 30 {
			t.Errorf("name %q", m.Name)
		}
		status[m.Status]++
		if m.Status == model.StatusActive {
			active++
			if len(m.History) != 0 {
				t.Errorf("active member %s has history", m.Name)
			}
			continue
		}
		// The history must replay: from an active fresh member, the
		// change validates and leads to the stored status.
		if len(m.History) != 1 {
			t.Fatalf("member %s (%d) history %v", m.Name, m.Status, m.History)
		}
		fresh := m
		fresh.Status, fresh.History = model.StatusActive, nil
		c := m.History[0]
		if ps := fresh.ValidateChange(c, today); len(ps) > 0 {
			t.Errorf("member %s change %+v: %v", m.Name, c, ps)
		}
		if c.Date <= m.JoinDate || c.From != model.StatusActive || c.To != m.Status || c.Operator == "" || c.At.IsZero() {
			t.Errorf("member %s change %+v", m.Name, c)
		}
		if c.To == model.StatusTransferred && c.ToUnion == "" {
			t.Errorf("transfer without receiving union: %+v", c)
		}
		if fresh.Apply(c); fresh.Status != m.Status {
			t.Errorf("replay gives %v", fresh.Status)
		}
	}
	pct := func(n int) float64 { return 100 * float64(n) / float64(len(members)) }
	t.Logf("female %.1f%%, migrant %.1f%%, han %.1f%%, active %.1f%%, dotted names %d, statuses %v",
		pct(female), pct(migrant), pct(han), pct(active), dotted, status)
	if f := pct(female); f < 38 || f > 52 {
		t.Errorf("female share %.1f%%", f)
	}
	if m := pct(migrant); m < 22 || m > 45 {
		t.Errorf("migrant share %.1f%%", m)
	}
	if h := pct(han); h < 90 {
		t.Errorf("Han share %.1f%%", h)
	}
	if a := pct(active); a < 86 || a > 94 {
		t.Errorf("active share %.1f%%", a)
	}
	for _, s := range model.Statuses {
		if status[s] == 0 {
			t.Errorf("no member with status %v", s)
		}
	}
}

func TestGenerateSmallAndZero(t *testing.T) {
	for _, c := range []struct{ units, members int }{{78, 0}, {78, 10}, {3, 500}, {1, 1}, {0, 0}} {
		_, us, ms := Generate(3, c.units, c.members)
		if len(us) != c.units || len(ms) != c.members {
			t.Errorf("Generate(%d, %d) gave %d units, %d members", c.units, c.members, len(us), len(ms))
		}
		for i := range ms {
			if ps := ms[i].Validate(Reference); len(ps) > 0 {
				t.Errorf("%v", ps)
			}
		}
		for i := range us {
			if ps := us[i].Validate(Reference); len(ps) > 0 {
				t.Errorf("%v", ps)
			}
		}
	}
}

// TestGenerate100k checks that the benchmark data set can be made: 100,000
// members with distinct, valid ID numbers. Its speed is measured by
// BenchmarkGenerate100k, not asserted here.
func TestGenerate100k(t *testing.T) {
	t.Parallel() // after the tests that change the package's generators
	if testing.Short() {
		t.Skip("generates 100,000 members (a few seconds); left out with -short")
	}
	_, _, ms := Generate(DefaultSeed, DefaultUnits, 100000)
	if len(ms) != 100000 {
		t.Fatalf("members = %d", len(ms))
	}
	seen := make(map[string]bool, len(ms))
	for i := range ms {
		id, err := model.NormalizeResidentID(ms[i].IDNumber)
		if err != nil || seen[id] {
			t.Fatalf("member %d: ID %s invalid or repeated (%v)", i, ms[i].IDNumber, err)
		}
		seen[id] = true
	}
}

func BenchmarkGenerate100k(b *testing.B) {
	for b.Loop() {
		Generate(DefaultSeed, DefaultUnits, 100000)
	}
}

func TestGenerateManyUnitsHasUniqueNames(t *testing.T) {
	_, us, _ := Generate(2, 1500, 3000)
	seen := map[string]bool{}
	for _, u := range us {
		if seen[u.Name] {
			t.Fatalf("unit name %s repeated", u.Name)
		}
		seen[u.Name] = true
		if ps := u.Validate(Reference); len(ps) > 0 {
			t.Errorf("%s: %v", u.Name, ps)
		}
	}
}

// Townships made with different seeds have different names, so a district
// can merge several demo packages and tell them apart.
func TestSeedsNameDifferentTowns(t *testing.T) {
	if TownFor(DefaultSeed) != Town {
		t.Errorf("the default seed's town is %s", TownFor(DefaultSeed))
	}
	p2, units, _ := Generate(2, 5, 10)
	p3, _, _ := Generate(3, 5, 10)
	if p2.UnionName == p3.UnionName || !strings.HasPrefix(p2.UnionName, TownFor(2)) {
		t.Errorf("union names %s and %s", p2.UnionName, p3.UnionName)
	}
	for _, u := range units {
		if strings.Contains(u.Name, Town) && TownFor(2) != Town && strings.Contains(u.Name, "村联合工会") {
			t.Errorf("a village union of %s is named after %s: %s", TownFor(2), Town, u.Name)
		}
	}
}
