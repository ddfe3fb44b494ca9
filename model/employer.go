package model

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Unorganised employers (未建会单位): employers in the township without a
// union, kept so the federation can follow them up (visits) and count the
// union-formation rate (建会率, see OrgRates). When an employer forms its
// union it becomes a unit (Unit.FromEmployer names the employer) and its
// record stays, marked formed, with its visits: the history is kept.

// EmployerStatus is where an employer is on the way to a union.
type EmployerStatus uint8

const (
	EmployerUnorganised EmployerStatus = 1 // 未建会: registered, not yet visited
	EmployerFollowing   EmployerStatus = 2 // 跟进中: visited, being organised
	EmployerFormed      EmployerStatus = 3 // 已建会: formed its union, now a unit
	EmployerGone        EmployerStatus = 4 // 已注销/迁出: no longer in the township
)

// EmployerStatuses in display order.
var EmployerStatuses = []EmployerStatus{EmployerUnorganised, EmployerFollowing, EmployerFormed, EmployerGone}

// Key is the catalogue key of the status.
func (s EmployerStatus) Key() string {
	switch s {
	case EmployerUnorganised:
		return "employer.st_unorganised"
	case EmployerFollowing:
		return "employer.st_following"
	case EmployerFormed:
		return "employer.st_formed"
	case EmployerGone:
		return "employer.st_gone"
	}
	return "employer.st_unknown"
}

// Open reports an employer still to be organised.
func (s EmployerStatus) Open() bool { return s == EmployerUnorganised || s == EmployerFollowing }

// OrganisingVisit is one follow-up of an unorganised employer (走访).
type OrganisingVisit struct {
	Date     Date      `cbor:"1,keyasint"`
	By       string    `cbor:"2,keyasint"`           // who went
	Outcome  string    `cbor:"3,keyasint"`           // what was said and agreed
	Next     Date      `cbor:"4,keyasint,omitempty"` // the next follow-up planned
	Operator string    `cbor:"5,keyasint,omitempty"`
	At       time.Time `cbor:"6,keyasint"`
}

// Employer is an employer in the township without a union.
type Employer struct {
	ID         uint64            `cbor:"1,keyasint"`
	Name       string            `cbor:"2,keyasint"`
	CreditCode string            `cbor:"3,keyasint,omitempty"`
	Kind       UnitKind          `cbor:"4,keyasint,omitempty"`
	Employees  int               `cbor:"5,keyasint"`
	Women      int               `cbor:"6,keyasint,omitempty"`
	Migrant    int               `cbor:"7,keyasint,omitempty"`
	Contact    string            `cbor:"8,keyasint,omitempty"`
	Phone      string            `cbor:"9,keyasint,omitempty"`
	Address    string            `cbor:"10,keyasint,omitempty"`
	Industry   string            `cbor:"11,keyasint,omitempty"`
	Registered Date              `cbor:"12,keyasint"` // found and registered (摸底登记)
	Status     EmployerStatus    `cbor:"13,keyasint"`
	Visits     []OrganisingVisit `cbor:"14,keyasint,omitempty"` // oldest first
	UnitID     uint64            `cbor:"15,keyasint,omitempty"` // the unit it became
	FormedOn   Date              `cbor:"16,keyasint,omitempty"`
	GoneOn     Date              `cbor:"17,keyasint,omitempty"`
	GoneReason string            `cbor:"18,keyasint,omitempty"`
	Notes      string            `cbor:"19,keyasint,omitempty"`
	CreatedAt  time.Time         `cbor:"20,keyasint"`
}

// Normalize cleans the employer's fields.
func (e *Employer) Normalize() {
	e.Name = NormalizeUnitName(e.Name)
	if c, err := NormalizeCreditCode(e.CreditCode); err == nil {
		e.CreditCode = c
	} else {
		e.CreditCode = Clean(e.CreditCode)
	}
	e.Contact = CleanName(e.Contact)
	if p, err := NormalizePhone(e.Phone); err == nil {
		e.Phone = p
	} else {
		e.Phone = Clean(e.Phone)
	}
	e.Address = CleanText(e.Address)
	e.Industry = CleanText(e.Industry)
	e.Notes = CleanText(e.Notes)
	if e.Status == 0 {
		e.Status = EmployerUnorganised
	}
}

// Validate returns every problem of the employer's own fields.
func (e *Employer) Validate(today Date) Problems {
	var ps Problems
	switch n := utf8.RuneCountInString(e.Name); {
	case n == 0:
		ps.add("employer_name", "problem.required")
	case n > 60:
		ps.add("employer_name", "problem.too_long", 60)
	}
	if e.CreditCode != "" {
		if _, err := NormalizeCreditCode(e.CreditCode); err != nil {
			ps.addErr("credit_code", err)
		}
	}
	if e.Kind != 0 && !slices.Contains(UnitKinds, e.Kind) {
		ps.add("unit_kind", "problem.not_in_list")
	}
	count(&ps, "employees", e.Employees, 1_000_000, "problem.too_many")
	emp := -1
	if e.Employees > 0 {
		emp = e.Employees
	}
	count(&ps, "women", e.Women, emp, "org.more_than_employees")
	count(&ps, "migrant_workers", e.Migrant, emp, "org.more_than_employees")
	tooLong(&ps, "contact", e.Contact, 30)
	if e.Phone != "" {
		if _, err := NormalizePhone(e.Phone); err != nil {
			ps.addErr("unit_phone", err)
		}
	}
	tooLong(&ps, "address", e.Address, 100)
	tooLong(&ps, "industry", e.Industry, 30)
	tooLong(&ps, "notes", e.Notes, 500)
	dateCheck(&ps, "registered", e.Registered, today)
	if !slices.Contains(EmployerStatuses, e.Status) {
		ps.add("employer_status", "problem.not_in_list")
	}
	return ps
}

// LastVisit is the latest visit, ok false when there was none.
func (e *Employer) LastVisit() (OrganisingVisit, bool) {
	if len(e.Visits) == 0 {
		return OrganisingVisit{}, false
	}
	return e.Visits[len(e.Visits)-1], true
}

// FollowUpDue reports an open employer whose planned next visit is on or
// before day d.
func (e *Employer) FollowUpDue(d Date) bool {
	v, ok := e.LastVisit()
	return e.Status.Open() && ok && v.Next != 0 && v.Next <= d
}

// Unorganised reports whether the employer counted as without a union on
// day d: registered by then, and neither formed nor gone by then.
func (e *Employer) Unorganised(d Date) bool {
	if e.Registered > d {
		return false
	}
	switch e.Status {
	case EmployerFormed:
		return e.FormedOn > d
	case EmployerGone:
		return e.GoneOn > d
	}
	return true
}

// ValidateVisit checks a visit to e: an open employer, a date not in the
// future and not before the registration nor the last visit, who went and
// what came of it, a next follow-up after the visit.
func ValidateVisit(e *Employer, v *OrganisingVisit, today Date) Problems {
	var ps Problems
	v.By = CleanName(v.By)
	v.Outcome = CleanText(v.Outcome)
	if !e.Status.Open() {
		ps.add("", "employer.closed", i18nKeyArg(e.Status.Key()))
	}
	if dateCheck(&ps, "date", v.Date, today) {
		if v.Date < e.Registered {
			ps.add("date", "employer.before_registered", e.Registered.String())
		} else if last, ok := e.LastVisit(); ok && v.Date < last.Date {
			ps.add("date", "member.change_before_last", last.Date.String())
		}
	}
	if v.By == "" {
		ps.add("visit_by", "problem.required")
	}
	tooLong(&ps, "visit_by", v.By, 30)
	if v.Outcome == "" {
		ps.add("visit_outcome", "problem.required")
	}
	tooLong(&ps, "visit_outcome", v.Outcome, 200)
	if v.Next != 0 {
		switch {
		case !v.Next.Valid():
			ps.add("visit_next", "date.impossible", v.Next.String())
		case v.Date != 0 && v.Next <= v.Date:
			ps.add("visit_next", "employer.next_before_visit")
		}
	}
	return ps
}

// ValidateFormed checks that e formed its union on day d (the unit is
// checked on its own): an open employer, a date not in the future nor
// before the registration.
func ValidateFormed(e *Employer, d, today Date) Problems {
	var ps Problems
	if !e.Status.Open() {
		ps.add("", "employer.closed", i18nKeyArg(e.Status.Key()))
	}
	if dateCheck(&ps, "formed_on", d, today) && d < e.Registered {
		ps.add("formed_on", "employer.before_registered", e.Registered.String())
	}
	return ps
}

// ValidateGone checks closing e (注销, moved away) on day d for reason.
func ValidateGone(e *Employer, d Date, reason string, today Date) Problems {
	var ps Problems
	if !e.Status.Open() {
		ps.add("", "employer.closed", i18nKeyArg(e.Status.Key()))
	}
	if dateCheck(&ps, "date", d, today) && d < e.Registered {
		ps.add("date", "employer.before_registered", e.Registered.String())
	}
	if CleanText(reason) == "" {
		ps.add("reason", "problem.required")
	}
	tooLong(&ps, "reason", CleanText(reason), 100)
	return ps
}

// UnitFromEmployer is the unit an employer becomes when it forms its
// union on day formed: its name (with 工会 added when missing), credit
// code, economic type, head counts, phone and address, a single union
// formed that day. The caller adds the chair and anything else.
func UnitFromEmployer(e *Employer, formed Date) Unit {
	name := e.Name
	switch r := []rune(name); {
	case len(r) >= 2 && string(r[len(r)-2:]) == "工会", strings.HasSuffix(strings.ToLower(name), "union"):
	case !hasHan(name): // a name in Latin letters gets an English word
		name += " Union"
	default:
		name += "工会"
	}
	return Unit{
		Name: name, CreditCode: e.CreditCode, Kind: e.Kind, Form: FormSingle, UnionType: UnionSingle,
		Employees: e.Employees, Women: e.Women, MigrantWorkers: e.Migrant, Phone: e.Phone,
		Address: e.Address, FormedOn: formed, FromEmployer: e.ID,
	}
}

// hasHan reports a Chinese character in s.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
