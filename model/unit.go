package model

import (
	"slices"
	"unicode/utf8"
)

// UnitStatus tells a working grassroots union from a dissolved one.
type UnitStatus uint8

const (
	UnitActive    UnitStatus = iota // 正常
	UnitDissolved                   // 已撤销
)

// Key is the catalogue key of the unit status name.
func (s UnitStatus) Key() string {
	if s == UnitDissolved {
		return "unit_status.dissolved"
	}
	return "unit_status.active"
}

// Unit is a grassroots union and the employer behind it (基层工会/单位).
type Unit struct {
	ID              uint64     `cbor:"1,keyasint"`
	Name            string     `cbor:"2,keyasint"`
	CreditCode      string     `cbor:"3,keyasint,omitempty"` // 统一社会信用代码
	Kind            UnitKind   `cbor:"4,keyasint"`
	UnionType       UnionType  `cbor:"5,keyasint"`
	Employees       int        `cbor:"6,keyasint"`
	Women           int        `cbor:"7,keyasint"`
	MigrantWorkers  int        `cbor:"8,keyasint"`
	Chair           string     `cbor:"9,keyasint,omitempty"`
	Phone           string     `cbor:"10,keyasint,omitempty"`
	ContractSigned  Date       `cbor:"11,keyasint,omitempty"` // collective contract 集体合同
	ContractExpires Date       `cbor:"12,keyasint,omitempty"`
	WorkersCongress bool       `cbor:"13,keyasint,omitempty"` // 职代会
	OpenAffairs     bool       `cbor:"14,keyasint,omitempty"` // 厂务公开
	Status          UnitStatus `cbor:"15,keyasint"`
	Address         string     `cbor:"16,keyasint,omitempty"`
	Notes           string     `cbor:"17,keyasint,omitempty"`
}

// NormalizeUnitName is the form under which unit names are compared and
// indexed: cleaned of full-width forms and all spaces.
func NormalizeUnitName(s string) string { return CleanName(s) }

// Normalize cleans the unit's fields in place.
func (u *Unit) Normalize() {
	u.Name = NormalizeUnitName(u.Name)
	if c, err := NormalizeCreditCode(u.CreditCode); err == nil {
		u.CreditCode = c
	} else {
		u.CreditCode = Clean(u.CreditCode)
	}
	u.Chair = CleanName(u.Chair)
	if p, err := NormalizePhone(u.Phone); err == nil {
		u.Phone = p
	} else {
		u.Phone = Clean(u.Phone)
	}
	u.Address = CleanText(u.Address)
	u.Notes = CleanText(u.Notes)
}

// Validate returns every problem of the unit at once.
func (u *Unit) Validate(today Date) Problems {
	var ps Problems
	switch n := utf8.RuneCountInString(u.Name); {
	case n == 0:
		ps.add("unit_name", "problem.required")
	case n > 60:
		ps.add("unit_name", "problem.too_long", 60)
	}
	if u.CreditCode != "" {
		if _, err := NormalizeCreditCode(u.CreditCode); err != nil {
			ps.addErr("credit_code", err)
		}
	}
	if !slices.Contains(UnitKinds, u.Kind) {
		ps.add("unit_kind", "problem.not_in_list")
	}
	if u.UnionType > UnionJoint {
		ps.add("union_type", "problem.not_in_list")
	}
	if u.Status > UnitDissolved {
		ps.add("unit_status", "problem.not_in_list")
	}
	if u.Employees < 0 {
		ps.add("employees", "problem.negative")
	}
	if u.Women < 0 {
		ps.add("women", "problem.negative")
	} else if u.Employees >= 0 && u.Women > u.Employees {
		ps.add("women", "unit.more_than_employees")
	}
	if u.MigrantWorkers < 0 {
		ps.add("migrant_workers", "problem.negative")
	} else if u.Employees >= 0 && u.MigrantWorkers > u.Employees {
		ps.add("migrant_workers", "unit.more_than_employees")
	}
	if u.Phone != "" {
		if _, err := NormalizePhone(u.Phone); err != nil {
			ps.addErr("unit_phone", err)
		}
	}
	if u.ContractSigned != 0 && !u.ContractSigned.Valid() {
		ps.add("contract_signed", "date.impossible", u.ContractSigned.String())
	} else if u.ContractSigned > today {
		ps.add("contract_signed", "problem.future")
	}
	if u.ContractExpires != 0 {
		switch {
		case !u.ContractExpires.Valid():
			ps.add("contract_expires", "date.impossible", u.ContractExpires.String())
		case u.ContractSigned == 0:
			ps.add("contract_signed", "problem.required")
		case u.ContractExpires <= u.ContractSigned:
			ps.add("contract_expires", "unit.expires_before_signed")
		}
	}
	tooLong(&ps, "chair", u.Chair, NameMax)
	tooLong(&ps, "address", u.Address, AddressMax)
	tooLong(&ps, "notes", u.Notes, NotesMax)
	return ps
}

// ContractInForce reports whether the collective contract covers day d.
func (u *Unit) ContractInForce(d Date) bool {
	return u.ContractSigned != 0 && u.ContractSigned <= d && (u.ContractExpires == 0 || d <= u.ContractExpires)
}
