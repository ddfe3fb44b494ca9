package model

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestRosterStats(t *testing.T) {
	units := []Unit{
		{ID: 1, Name: "青山镇宏达机械制造有限公司工会"},
		{ID: 2, Name: "青山镇东岭村联合工会", UnionType: UnionJoint, Form: FormVillage},
		{ID: 3, Name: "青山镇中心小学工会", Kind: 400},
	}
	members := []Member{
		{ID: 1, UnitID: 1, Gender: Male, Status: StatusActive, Migrant: true},
		{ID: 2, UnitID: 1, Gender: Female, Status: StatusActive, Migrant: true},
		{ID: 3, UnitID: 1, Gender: Male, Status: StatusRetained},
		{ID: 4, UnitID: 2, Gender: Female, Status: StatusTransferred},
		{ID: 5, UnitID: 2, Gender: Male, Status: StatusLeft, Migrant: true},
		{ID: 6, UnitID: 1, Gender: Male, Status: StatusExpelled},
		{ID: 7, UnitID: 3, Gender: Female, Status: StatusDeceased},
		{ID: 8, UnitID: 3, Gender: GenderUnknown, Status: StatusActive},
		{ID: 9, UnitID: 99, Gender: Female, Status: StatusActive}, // unit not listed
	}
	got := RosterStats(units, members)
	want := Stats{
		Units:           3,
		Members:         9,
		MembersByStatus: StatusCounts{Active: 4, Retained: 1, Transferred: 1, Left: 1, Expelled: 1, Deceased: 1},
		MembersByGender: GenderCounts{Male: 4, Female: 4},
		MigrantMembers:  3,
		TopUnits: []UnitCount{
			{UnitID: 1, Name: "青山镇宏达机械制造有限公司工会", Members: 4},
			{UnitID: 2, Name: "青山镇东岭村联合工会", Members: 2},
			{UnitID: 3, Name: "青山镇中心小学工会", Members: 2},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("RosterStats:\n got %+v\nwant %+v", got, want)
	}
	sum := 0
	for _, s := range Statuses {
		sum += got.MembersByStatus.Of(s)
	}
	if sum != got.Members {
		t.Errorf("statuses add up to %d, want %d", sum, got.Members)
	}
}

func TestRosterStatsTopTenAndTies(t *testing.T) {
	var units []Unit
	var members []Member
	for i := 1; i <= 15; i++ {
		units = append(units, Unit{ID: uint64(i), Name: fmt.Sprintf("单位%d", i)})
		n := i % 5 // ties: units 5,10,15 have 0; 4,9,14 have 4 ...
		for j := 0; j < n; j++ {
			members = append(members, Member{UnitID: uint64(i), Status: StatusActive, Gender: Male})
		}
	}
	st := RosterStats(units, members)
	if len(st.TopUnits) != StatsTopUnits {
		t.Fatalf("top units = %d, want %d", len(st.TopUnits), StatsTopUnits)
	}
	var ids []uint64
	for _, u := range st.TopUnits {
		ids = append(ids, u.UnitID)
	}
	want := []uint64{4, 9, 14, 3, 8, 13, 2, 7, 12, 1}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("top unit order = %v, want %v", ids, want)
	}
}

func TestRosterStatsEmptyAndJSONKeys(t *testing.T) {
	st := RosterStats(nil, nil)
	b, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, k := range []string{`"units":0`, `"members":0`, `"members_by_status":{"active":0,"retained":0,"transferred":0,"left":0,"expelled":0,"deceased":0}`,
		`"members_by_gender":{"male":0,"female":0}`, `"migrant_members":0`, `"top_units":[]`} {
		if !strings.Contains(s, k) {
			t.Errorf("JSON %s lacks %s", s, k)
		}
	}
	b, _ = json.Marshal(UnitCount{UnitID: 7, Name: "x", Members: 3})
	if string(b) != `{"unit_id":7,"name":"x","members":3}` {
		t.Errorf("unit count JSON = %s", b)
	}
}
