package model

import (
	"slices"
	"unicode/utf8"
)

// How a township federation handles each unit's dues (DOMAIN.md, 全总
// 《关于会费收交的几个问题的通知》 1978, item 6): dues stay with the grassroots
// union that collects them. The federation collects directly only for the
// unions it runs itself (village and area joint unions, directly affiliated
// members) or keeps on the unit's behalf (代管); a union with its own
// account collects and keeps its members' dues and reports the figures.

// DuesHandling says who collects a unit's dues and whose money they are.
type DuesHandling uint8

const (
	// HandlingFederation: this federation collects them; payments and 401
	// entries in its books.
	HandlingFederation DuesHandling = iota + 1
	// HandlingKept (代管): collected and kept by this federation on the
	// unit's behalf: in its books, shown per unit.
	HandlingKept
	// HandlingSelf (自收自管): the unit collects and keeps them and reports
	// the figures; never in this federation's cash.
	HandlingSelf
)

// DuesHandlings lists the handlings in display order.
var DuesHandlings = []DuesHandling{HandlingFederation, HandlingKept, HandlingSelf}

// Key is the catalogue key of the handling's name.
func (h DuesHandling) Key() string {
	switch h {
	case HandlingKept:
		return "dues_handling.kept"
	case HandlingSelf:
		return "dues_handling.self"
	}
	return "dues_handling.federation"
}

// InOurBooks reports whether the federation records the unit's payments
// (collected or kept), rather than the unit's reports.
func (h DuesHandling) InOurBooks() bool { return h != HandlingSelf }

// DuesScheme is how a unit's monthly dues are reckoned.
type DuesScheme uint8

const (
	// SchemeWage: the rate of the monthly wage base (0.5%, the part under
	// 10 yuan ignored); bonuses and allowances are not in the base.
	SchemeWage DuesScheme = iota + 1
	// SchemeFixed (定额): a fixed amount a month, common for village joint
	// unions and members without a fixed wage.
	SchemeFixed
)

// DuesSchemes lists the schemes in display order.
var DuesSchemes = []DuesScheme{SchemeWage, SchemeFixed}

// Key is the catalogue key of the scheme's name.
func (s DuesScheme) Key() string {
	if s == SchemeFixed {
		return "dues_scheme.fixed"
	}
	return "dues_scheme.wage"
}

// MaxFixedDues bounds a fixed monthly amount: 1,000 yuan.
var MaxFixedDues = Yuan(1000)

// UnitDuesTerm is a unit's dues setting from a month on. A later term
// never changes what earlier months owed.
type UnitDuesTerm struct {
	From     Month        `cbor:"1,keyasint"`
	Handling DuesHandling `cbor:"2,keyasint"`
	Scheme   DuesScheme   `cbor:"3,keyasint"`
	Fixed    Money        `cbor:"4,keyasint,omitempty"` // SchemeFixed: the amount a month
	Note     string       `cbor:"5,keyasint,omitempty"`
}

// UnitDues is a unit's dues settings over time, by From ascending. A unit
// without terms (or a month before the first) is collected by this
// federation on wage bases.
type UnitDues struct {
	UnitID uint64         `cbor:"1,keyasint"`
	Terms  []UnitDuesTerm `cbor:"2,keyasint"`
}

// DefaultUnitTerm is the setting of a unit without one, new units
// included: collected by this federation on wage bases, as the program has
// always counted, until the secretary says otherwise (the program cannot
// tell from a unit's kind whether its union keeps its own account).
var DefaultUnitTerm = UnitDuesTerm{Handling: HandlingFederation, Scheme: SchemeWage}

// TermFor is the term in force in month mo.
func (u *UnitDues) TermFor(mo Month) UnitDuesTerm {
	if u == nil {
		return DefaultUnitTerm
	}
	return unitTermIn(u.Terms, mo)
}

func unitTermIn(ts []UnitDuesTerm, mo Month) UnitDuesTerm {
	t := DefaultUnitTerm
	for _, x := range ts {
		if x.From > mo {
			break
		}
		t = x
	}
	return t
}

// Validate checks a term, every problem on the fields "dues_from",
// "dues_handling", "dues_scheme", "dues_fixed" and "dues_note".
func (t *UnitDuesTerm) Validate() Problems {
	var ps Problems
	validMonth(&ps, "dues_from", t.From)
	if !slices.Contains(DuesHandlings, t.Handling) {
		ps.add("dues_handling", "problem.not_in_list")
	}
	if !slices.Contains(DuesSchemes, t.Scheme) {
		ps.add("dues_scheme", "problem.not_in_list")
	}
	if t.Scheme == SchemeFixed {
		validFixed(&ps, t.Fixed)
	} else if t.Fixed != 0 {
		t.Fixed = 0
	}
	t.Note = CleanText(t.Note)
	if utf8.RuneCountInString(t.Note) > 200 {
		ps.add("dues_note", "problem.too_long", 200)
	}
	return ps
}

func validMonth(ps *Problems, field string, mo Month) {
	switch {
	case mo == 0:
		ps.add(field, "problem.required")
	case mo.MonthOfYear() < 1 || mo.MonthOfYear() > 12 || mo.Year() < 1900 || mo.Year() > 9999:
		ps.add(field, "month.format", mo.String())
	}
}

func validFixed(ps *Problems, amt Money) {
	if err := amt.Positive(); err != nil {
		ps.addErr("dues_fixed", err)
	} else if amt > MaxFixedDues {
		ps.add("dues_fixed", "dues.fixed_too_large", MaxFixedDues.Display())
	}
}

// WithTerm returns the terms with t added, replacing a term of the same
// From and dropping none: terms stay sorted.
func WithTerm[T any](ts []T, t T, from func(T) Month) []T {
	out := slices.Clone(ts)
	i := slices.IndexFunc(out, func(x T) bool { return from(x) == from(t) })
	if i >= 0 {
		out[i] = t
		return out
	}
	out = append(out, t)
	slices.SortStableFunc(out, func(a, b T) int { return int(from(a)) - int(from(b)) })
	return out
}

// MemberDuesKind is a member's exception to the unit's scheme.
type MemberDuesKind uint8

const (
	MemberFollowUnit MemberDuesKind = iota // no exception: the unit's scheme
	MemberWage                             // on the wage base, whatever the unit's scheme
	MemberFixed                            // a fixed amount a month (定额)
	MemberExempt                           // exempt (免缴), with a reason
)

// MemberDuesKinds lists the kinds in display order.
var MemberDuesKinds = []MemberDuesKind{MemberFollowUnit, MemberWage, MemberFixed, MemberExempt}

// Key is the catalogue key of the kind's name.
func (k MemberDuesKind) Key() string {
	return [...]string{"dues_exception.unit", "dues_exception.wage", "dues_exception.fixed", "dues_exception.exempt"}[min(int(k), 3)]
}

// MemberDuesTerm is a member's exception from a month on.
type MemberDuesTerm struct {
	From   Month          `cbor:"1,keyasint"`
	Kind   MemberDuesKind `cbor:"2,keyasint"`
	Fixed  Money          `cbor:"3,keyasint,omitempty"`
	Reason string         `cbor:"4,keyasint,omitempty"`
}

// MemberDues is a member's exceptions over time, by From ascending.
type MemberDues struct {
	MemberID uint64           `cbor:"1,keyasint"`
	Terms    []MemberDuesTerm `cbor:"2,keyasint"`
}

// TermFor is the exception in force in month mo (MemberFollowUnit when none).
func (m *MemberDues) TermFor(mo Month) MemberDuesTerm {
	if m == nil {
		return MemberDuesTerm{}
	}
	return memberTermIn(m.Terms, mo)
}

func memberTermIn(ts []MemberDuesTerm, mo Month) MemberDuesTerm {
	var t MemberDuesTerm
	for _, x := range ts {
		if x.From > mo {
			break
		}
		t = x
	}
	return t
}

// Validate checks an exception, every problem on "dues_from",
// "dues_exception", "dues_fixed" and "dues_reason": an exemption needs a
// reason.
func (t *MemberDuesTerm) Validate() Problems {
	var ps Problems
	validMonth(&ps, "dues_from", t.From)
	if !slices.Contains(MemberDuesKinds, t.Kind) {
		ps.add("dues_exception", "problem.not_in_list")
	}
	if t.Kind == MemberFixed {
		validFixed(&ps, t.Fixed)
	} else {
		t.Fixed = 0
	}
	t.Reason = CleanText(t.Reason)
	if t.Kind == MemberExempt && t.Reason == "" {
		ps.add("dues_reason", "problem.required")
	}
	if utf8.RuneCountInString(t.Reason) > 200 {
		ps.add("dues_reason", "problem.too_long", 200)
	}
	return ps
}

// OweState says what a member-month owes, and to whom.
type OweState uint8

const (
	OweNone   OweState = iota // not owed: before the start month, retained, left
	OweDue                    // owed to this federation (collected or kept)
	OweNoBase                 // owed on the wage base, but none is set: amount unknown
	OweExempt                 // exempted
	OweSelf                   // collected by the unit itself: its reports count
)

// DuesCalc says what each member-month owes: the union's rules, each
// unit's terms and each member's exceptions. Units and members without
// settings use the defaults.
type DuesCalc struct {
	Rules   DuesRules
	Units   map[uint64]*UnitDues
	Members map[uint64]*MemberDues
}

// For is the calculation for one member; cheap, for scans over a roster.
func (c *DuesCalc) For(m *Member) MemberCalc {
	mc := MemberCalc{M: m, Rules: c.Rules}
	if u := c.Units[m.UnitID]; u != nil {
		mc.unit = u.Terms
	}
	if x := c.Members[m.ID]; x != nil {
		mc.own = x.Terms
	}
	return mc
}

// MemberCalc is what one member's months owe.
type MemberCalc struct {
	M     *Member
	Rules DuesRules
	unit  []UnitDuesTerm
	own   []MemberDuesTerm
}

// Handling is the handling of the member's unit in month mo.
func (mc MemberCalc) Handling(mo Month) DuesHandling { return unitTermIn(mc.unit, mo).Handling }

// Exception is the member's exception in force in month mo.
func (mc MemberCalc) Exception(mo Month) MemberDuesTerm { return memberTermIn(mc.own, mo) }

// UnitTerm is the unit's setting in force in month mo.
func (mc MemberCalc) UnitTerm(mo Month) UnitDuesTerm { return unitTermIn(mc.unit, mo) }

// Month is what month mo owes and to whom. A month of a unit that
// collects its own dues gives its amount (for the statistics) with
// OweSelf; an exempt month 0 with OweExempt; a month on the wage scheme
// without a base 0 with OweNoBase.
func (mc MemberCalc) Month(mo Month) (Money, OweState) {
	m := mc.M
	if !m.Owes(mo, mc.Rules) {
		return 0, OweNone
	}
	own := memberTermIn(mc.own, mo)
	if own.Kind == MemberExempt {
		return 0, OweExempt
	}
	ut := unitTermIn(mc.unit, mo)
	var amt Money
	state := OweDue
	switch {
	case own.Kind == MemberFixed:
		amt = own.Fixed
	case own.Kind == MemberWage || ut.Scheme != SchemeFixed:
		if base := m.BaseFor(mo); base > 0 {
			amt = mc.Rules.MonthlyIn(mo, base)
		} else {
			state = OweNoBase
		}
	default:
		amt = ut.Fixed
	}
	if ut.Handling == HandlingSelf {
		return amt, OweSelf
	}
	return amt, state
}

// Monthly is what a month owes now, whatever the state: the amount shown
// as the member's monthly dues.
func (mc MemberCalc) Monthly(mo Month) Money {
	amt, _ := mc.Month(mo)
	return amt
}
