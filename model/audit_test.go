package model

import (
	"reflect"
	"testing"
)

func TestMemberChanges(t *testing.T) {
	old := validMember()
	if cs := MemberChanges(&old, &old); len(cs) != 0 {
		t.Errorf("no change: %v", cs)
	}
	new := old
	new.Phone = "13900000000"
	new.Notes = "调岗"
	new.IDNumber = "11010519491231002X"
	got := MemberChanges(&old, &new)
	want := []FieldChange{
		{Field: "id_number", Old: "110101********8670", New: "110105********002X"},
		{Field: "phone", Old: "13812345678", New: "13900000000"},
		{Field: "notes", Old: "", New: "调岗"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("MemberChanges:\n got %+v\nwant %+v", got, want)
	}

	// A change in the masked middle of the ID number is still logged (masked).
	new = old
	new.IDNumber = "110101199103078670"
	got = MemberChanges(&old, &new)
	if len(got) != 1 || got[0].Field != "id_number" || got[0].Old != "110101********8670" || got[0].New != "110101********8670" {
		t.Errorf("hidden ID change: %+v", got)
	}

	// Creation: every set field, ID masked, never the whole number.
	got = MemberChanges(nil, &old)
	fields := map[string]FieldChange{}
	for _, c := range got {
		fields[c.Field] = c
		if c.New == old.IDNumber || c.Old == old.IDNumber {
			t.Errorf("whole ID number in the audit log: %+v", c)
		}
	}
	for f, v := range map[string]string{"name": "张三", "member_no": "M0001", "id_number": "110101********8670", "unit": "1", "join_date": "2015-06-01", "status": "status.active", "gender": "gender.male", "migrant": ""} {
		c, ok := fields[f]
		if v == "" {
			if ok {
				t.Errorf("unchanged field %s logged: %+v", f, c)
			}
			continue
		}
		if !ok || c.New != v || c.Old != "" && f != "gender" {
			t.Errorf("field %s: %+v, want new %q", f, c, v)
		}
	}
}

func TestUnitChanges(t *testing.T) {
	old := validUnit()
	if cs := UnitChanges(&old, &old); len(cs) != 0 {
		t.Errorf("no change: %v", cs)
	}
	new := old
	new.Employees = 130
	new.OpenAffairs = true
	new.Status = UnitDissolved
	got := UnitChanges(&old, &new)
	want := []FieldChange{
		{Field: "employees", Old: "120", New: "130"},
		{Field: "open_affairs", Old: "no", New: "yes"},
		{Field: "unit_status", Old: "unit_status.active", New: "unit_status.dissolved"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("UnitChanges:\n got %+v\nwant %+v", got, want)
	}
	if got := UnitChanges(nil, &old); len(got) == 0 || got[0].Field != "unit_name" || got[0].New != old.Name {
		t.Errorf("creation: %+v", got)
	}
}
