package storage

import (
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
