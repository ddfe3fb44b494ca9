package storage

import (
	"reflect"
	"testing"

	"unionbook/model"
)

// The brief roster counts exactly as the full one does.
func TestMembersBriefCountsLikeMembers(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	fillSmall(t, s, 5)
	full, err := s.Members()
	if err != nil {
		t.Fatal(err)
	}
	brief, err := s.MembersBrief()
	if err != nil {
		t.Fatal(err)
	}
	units, _ := s.Units()
	a, b := model.RosterStats(units, full), model.RosterStats(units, brief)
	if a.Members == 0 || a.Members != b.Members || a.MembersByStatus != b.MembersByStatus ||
		a.MembersByGender != b.MembersByGender || a.MigrantMembers != b.MigrantMembers || len(a.TopUnits) != len(b.TopUnits) {
		t.Errorf("full %+v, brief %+v", a, b)
	}
	if brief[0].Name != "" {
		t.Error("the brief roster decoded names")
	}
	got, err := s.MembersByID([]uint64{full[0].ID, 999999})
	if err != nil || len(got) != 1 || got[full[0].ID].Name != full[0].Name {
		t.Errorf("MembersByID: %v %v", got, err)
	}
}

// The chooser's roster is the members in the union, each with the fields
// the chooser shows and searches as the full record has them, and no more.
func TestMembersToPickAreThoseInTheUnion(t *testing.T) {
	t.Parallel()
	s := openTest(t)
	fillRoster(t, s, 4, 200)
	full, err := s.Members()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ChangeStatus("李秘书", full[3].ID, model.StatusChange{Date: 20240301, To: model.StatusLeft, Reason: "个人要求退会"}); err != nil {
		t.Fatal(err)
	}
	full, _ = s.Members()
	picked, err := s.MembersToPick()
	if err != nil {
		t.Fatal(err)
	}
	var want []model.Member
	for _, m := range full {
		if m.Status.InUnion() {
			want = append(want, model.Member{ID: m.ID, No: m.No, Name: m.Name, IDNumber: m.IDNumber,
				Phone: m.Phone, UnitID: m.UnitID, Status: m.Status})
		}
	}
	if len(picked) != 199 || !reflect.DeepEqual(picked, want) {
		t.Fatalf("%d picked, want %d: %+v", len(picked), len(want), picked[:2])
	}
}

// BenchmarkMembersToPick100k is opening the chooser of a case's workers on
// 100,000 members (against BenchmarkMembers100k, the whole records).
func BenchmarkMembersToPick100k(b *testing.B) {
	s := openTest(b)
	fillRoster(b, s, 100, 100_000)
	b.ResetTimer()
	for b.Loop() {
		if ms, err := s.MembersToPick(); err != nil || len(ms) != 100_000 {
			b.Fatalf("%d members, %v", len(ms), err)
		}
	}
}
