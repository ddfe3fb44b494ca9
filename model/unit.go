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

	// The organisation register (model/org_unit.go, docs/rules.md).
	Form              UnionForm   `cbor:"18,keyasint,omitempty"` // 组建形式; decides UnionType
	StatCode          string      `cbor:"19,keyasint,omitempty"` // survey item 901 统计代码
	RegionCode        string      `cbor:"20,keyasint,omitempty"` // survey item 903, GB/T 2260
	UnionCredit       string      `cbor:"21,keyasint,omitempty"` // the union's own credit code (81…)
	Committees        []Committee `cbor:"22,keyasint,omitempty"` // by kind
	CongressLast      Date        `cbor:"23,keyasint,omitempty"` // last workers' congress
	CongressDelegates int         `cbor:"24,keyasint,omitempty"`
	CongressWomen     int         `cbor:"25,keyasint,omitempty"`
	ContractCovered   int         `cbor:"26,keyasint,omitempty"` // employees the collective contract covers
	WageSigned        Date        `cbor:"27,keyasint,omitempty"` // wage agreement 工资集体协议
	WageExpires       Date        `cbor:"28,keyasint,omitempty"`
	WageCovered       int         `cbor:"29,keyasint,omitempty"`
	WageRaiseBP       int         `cbor:"30,keyasint,omitempty"` // agreed raise, basis points (350 = 3.5%)
	WomenSigned       Date        `cbor:"31,keyasint,omitempty"` // women workers' special contract
	WomenExpires      Date        `cbor:"32,keyasint,omitempty"`
	HomeLevel         HomeLevel   `cbor:"33,keyasint,omitempty"` // 模范职工之家
	HomeYear          int         `cbor:"34,keyasint,omitempty"`
	Bookhouse         bool        `cbor:"35,keyasint,omitempty"` // 职工书屋
	StaffFull         int         `cbor:"36,keyasint,omitempty"` // full-time union staff
	StaffPart         int         `cbor:"37,keyasint,omitempty"` // part-time union staff
	ElectedOn         Date        `cbor:"38,keyasint,omitempty"` // the committee's election
	TermYears         int         `cbor:"39,keyasint,omitempty"` // 0: the profile's default term
	CoveredEmployers  int         `cbor:"40,keyasint,omitempty"` // employers a joint union covers
	FormedOn          Date        `cbor:"41,keyasint,omitempty"` // the union was formed (建会)
	DissolvedOn       Date        `cbor:"42,keyasint,omitempty"`
	FromEmployer      uint64      `cbor:"43,keyasint,omitempty"` // the unorganised employer it was before
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
	u.normalizeOrg()
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
	// 0 is "not given": a joint union covers employers of several types,
	// and a unit created from a member roster's unit name has none yet
	// (the survey's checks list it).
	if u.Kind != 0 && !slices.Contains(UnitKinds, u.Kind) {
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
	return append(ps, u.validateOrg(today)...)
}

// ContractInForce reports whether the collective contract covers day d.
func (u *Unit) ContractInForce(d Date) bool {
	return u.ContractSigned != 0 && u.ContractSigned <= d && (u.ContractExpires == 0 || d <= u.ContractExpires)
}
