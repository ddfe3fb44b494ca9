package model

import (
	"strings"
	"testing"
)

// Free texts have limits, whatever fills them (a form, a roster, a
// package): one character over is refused on its field, the limit itself
// is accepted.
func TestFreeTextLimits(t *testing.T) {
	const today = Date(20260715)
	unit := func(f func(*Unit)) Problems {
		u := Unit{Name: "青山工会", Kind: UnitKinds[0]}
		f(&u)
		return u.Validate(today)
	}
	member := func(f func(*Member)) Problems {
		m := Member{Name: "张三", Gender: Male, DocType: DocOther, IDNumber: "P1234567", UnitID: 1, JoinDate: 20200101, Status: StatusActive}
		f(&m)
		return m.Validate(today)
	}
	for _, c := range []struct {
		field string
		max   int
		check func(s string) Problems
	}{
		{"notes", NotesMax, func(s string) Problems { return unit(func(u *Unit) { u.Notes = s }) }},
		{"address", AddressMax, func(s string) Problems { return unit(func(u *Unit) { u.Address = s }) }},
		{"chair", NameMax, func(s string) Problems { return unit(func(u *Unit) { u.Chair = s }) }},
		{"notes", NotesMax, func(s string) Problems { return member(func(m *Member) { m.Notes = s }) }},
		{"job", ShortTextMax, func(s string) Problems { return member(func(m *Member) { m.Job = s }) }},
		{"honours", AddressMax, func(s string) Problems { return member(func(m *Member) { m.Honours = s }) }},
	} {
		if ps := c.check(strings.Repeat("备", c.max)); len(ps) > 0 {
			t.Errorf("%s of %d characters refused: %v", c.field, c.max, ps)
		}
		if ps := c.check(strings.Repeat("备", c.max+1)); !ps.Has(c.field, "problem.too_long") {
			t.Errorf("%s of %d characters accepted: %v", c.field, c.max+1, ps)
		}
	}
	m := Member{Name: "张三", Status: StatusActive, JoinDate: 20200101}
	if ps := m.ValidateChange(StatusChange{Date: 20250101, To: StatusLeft, Reason: strings.Repeat("因", ReasonMax+1)}, today); !ps.Has("reason", "problem.too_long") {
		t.Errorf("an over-long reason of a status change: %v", ps)
	}
}
