package model

import (
	"strconv"
	"time"
)

// FieldChange is one field's old and new value in an audit entry. Values are
// stored as text so the log reads the same whatever the program's version.
type FieldChange struct {
	Field string `cbor:"1,keyasint"`
	Old   string `cbor:"2,keyasint,omitempty"`
	New   string `cbor:"3,keyasint,omitempty"`
}

// AuditEntry records one write: who, when, what, and which fields changed.
type AuditEntry struct {
	ID       uint64        `cbor:"1,keyasint"`
	At       time.Time     `cbor:"2,keyasint"`
	Operator string        `cbor:"3,keyasint,omitempty"`
	Action   AuditAction   `cbor:"4,keyasint"`
	Entity   Entity        `cbor:"5,keyasint"`
	EntityID uint64        `cbor:"6,keyasint"`
	Label    string        `cbor:"7,keyasint,omitempty"` // e.g. the member's name and number
	Changes  []FieldChange `cbor:"8,keyasint,omitempty"`
}

// MemberChanges lists the fields that differ between two versions of a
// member, for the audit log. ID numbers are logged masked.
func MemberChanges(old, new *Member) []FieldChange {
	var cs []FieldChange
	diff := func(field, a, b string) {
		if a != b {
			cs = append(cs, FieldChange{Field: field, Old: a, New: b})
		}
	}
	if old == nil {
		old = &Member{}
	}
	diff("member_no", old.No, new.No)
	diff("name", old.Name, new.Name)
	diff("gender", old.Gender.Key(), new.Gender.Key())
	diff("ethnicity", old.Ethnicity, new.Ethnicity)
	diff("doc_type", old.DocType.Key(), new.DocType.Key())
	if old.IDNumber != new.IDNumber {
		// Compared whole, logged masked: a change in the hidden middle
		// digits is still recorded.
		cs = append(cs, FieldChange{Field: "id_number", Old: MaskID(old.IDNumber), New: MaskID(new.IDNumber)})
	}
	diff("birth", old.Birth.String(), new.Birth.String())
	diff("phone", old.Phone, new.Phone)
	diff("unit", uintText(old.UnitID), uintText(new.UnitID))
	diff("job", old.Job, new.Job)
	diff("education", old.Education, new.Education)
	diff("political", old.Political, new.Political)
	diff("migrant", boolText(old.Migrant), boolText(new.Migrant))
	diff("join_date", old.JoinDate.String(), new.JoinDate.String())
	diff("status", statusText(old.Status), statusText(new.Status))
	diff("honours", old.Honours, new.Honours)
	diff("notes", old.Notes, new.Notes)
	return append(cs, memberOrgChanges(old, new)...)
}

// UnitChanges lists the fields that differ between two versions of a unit.
func UnitChanges(old, new *Unit) []FieldChange {
	var cs []FieldChange
	diff := func(field, a, b string) {
		if a != b {
			cs = append(cs, FieldChange{Field: field, Old: a, New: b})
		}
	}
	if old == nil {
		old = &Unit{}
	}
	diff("unit_name", old.Name, new.Name)
	diff("credit_code", old.CreditCode, new.CreditCode)
	diff("unit_kind", old.Kind.Key(), new.Kind.Key())
	diff("union_type", old.UnionType.Key(), new.UnionType.Key())
	diff("employees", itoa(old.Employees), itoa(new.Employees))
	diff("women", itoa(old.Women), itoa(new.Women))
	diff("migrant_workers", itoa(old.MigrantWorkers), itoa(new.MigrantWorkers))
	diff("chair", old.Chair, new.Chair)
	diff("unit_phone", old.Phone, new.Phone)
	diff("contract_signed", old.ContractSigned.String(), new.ContractSigned.String())
	diff("contract_expires", old.ContractExpires.String(), new.ContractExpires.String())
	diff("workers_congress", boolText(old.WorkersCongress), boolText(new.WorkersCongress))
	diff("open_affairs", boolText(old.OpenAffairs), boolText(new.OpenAffairs))
	diff("unit_status", old.Status.Key(), new.Status.Key())
	diff("address", old.Address, new.Address)
	diff("notes", old.Notes, new.Notes)
	return append(cs, unitOrgChanges(old, new)...)
}

func statusText(s Status) string {
	if s == 0 {
		return ""
	}
	return s.Key()
}

func uintText(v uint64) string {
	if v == 0 {
		return ""
	}
	return strconv.FormatUint(v, 10)
}

func itoa(v int) string { return strconv.Itoa(v) }

func boolText(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
