package model

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Labour-relations risk checks (劳动关系隐患排查): the federation's visits to
// units and employers to find what could turn into a dispute (wages in
// arrears, no contracts, unpaid insurance). A visit records what was found
// and a risk level; a risk stays open until it is marked resolved (整改),
// and a case may name the visit that found it.

// RiskLevel is the level of risk a visit found.
type RiskLevel uint8

const (
	RiskNone   RiskLevel = 1 // 无隐患
	RiskLow    RiskLevel = 2 // 低
	RiskMedium RiskLevel = 3 // 中
	RiskHigh   RiskLevel = 4 // 高
)

// RiskLevels in display order.
var RiskLevels = []RiskLevel{RiskNone, RiskLow, RiskMedium, RiskHigh}

var riskLevelCodes = []string{"", "none", "low", "medium", "high"}

// Valid reports a known level.
func (l RiskLevel) Valid() bool { return l >= RiskNone && l <= RiskHigh }

// Code is the level's stable English code.
func (l RiskLevel) Code() string { return enumCode(l, riskLevelCodes) }

// Key is the catalogue key of the level's name.
func (l RiskLevel) Key() string { return enumKey("cases.risk.", l, riskLevelCodes) }

// RiskCheck is one visit of a risk check to a unit or an employer.
type RiskCheck struct {
	ID        uint64    `cbor:"1,keyasint"`
	Date      Date      `cbor:"2,keyasint"`
	UnitID    uint64    `cbor:"3,keyasint,omitempty"`
	Employer  string    `cbor:"4,keyasint,omitempty"` // an employer not in the register
	Inspector string    `cbor:"5,keyasint,omitempty"` // who visited (检查人)
	Level     RiskLevel `cbor:"6,keyasint"`
	Area      CaseType  `cbor:"7,keyasint,omitempty"` // what the main risk concerns
	Findings  string    `cbor:"8,keyasint,omitempty"`
	// Resolved is the day the risk was put right (0: still open).
	Resolved   Date      `cbor:"9,keyasint,omitempty"`
	Resolution string    `cbor:"10,keyasint,omitempty"`
	Operator   string    `cbor:"11,keyasint,omitempty"`
	CreatedAt  time.Time `cbor:"12,keyasint"`
}

// RiskFindingsMax is the longest findings text.
const RiskFindingsMax = 1000

// OpenRisk reports a visit that found a risk not yet resolved.
func (r *RiskCheck) OpenRisk() bool { return r.Level >= RiskLow && r.Resolved == 0 }

// UnitKey tells units apart for counting (see Case.UnitKey).
func (r *RiskCheck) UnitKey() string { return unitKey(r.UnitID, r.Employer) }

// Normalize cleans the texts.
func (r *RiskCheck) Normalize() {
	r.Employer = NormalizeUnitName(r.Employer)
	r.Inspector = CleanText(r.Inspector)
	r.Findings = strings.TrimSpace(r.Findings)
	r.Resolution = strings.TrimSpace(r.Resolution)
}

// ValidateRiskCheck returns every problem of a visit, on the fields
// "rk_date", "rk_unit", "rk_employer", "rk_inspector", "rk_level",
// "rk_area", "rk_findings", "rk_resolved" and "rk_resolution": a real date
// not in the future; a unit or an employer; who visited; a level; what was
// found when a risk was; a resolution only for a risk, not before the visit
// nor in the future.
func ValidateRiskCheck(r *RiskCheck, today Date) Problems {
	var ps Problems
	dateOK := false
	switch {
	case r.Date == 0:
		ps.add("rk_date", "problem.required")
	case !r.Date.Valid():
		ps.add("rk_date", "date.impossible", r.Date.String())
	case r.Date > today:
		ps.add("rk_date", "problem.future")
	default:
		dateOK = true
	}
	if r.UnitID == 0 && r.Employer == "" {
		ps.add("rk_unit", "cases.unit_required")
	}
	if r.UnitID != 0 && r.Employer != "" {
		ps.add("rk_employer", "cases.unit_and_employer")
	}
	if utf8.RuneCountInString(r.Employer) > CaseEmployerMax {
		ps.add("rk_employer", "problem.too_long", CaseEmployerMax)
	}
	switch n := utf8.RuneCountInString(r.Inspector); {
	case n == 0:
		ps.add("rk_inspector", "problem.required")
	case n > CaseWhoMax:
		ps.add("rk_inspector", "problem.too_long", CaseWhoMax)
	}
	if !r.Level.Valid() {
		ps.add("rk_level", "problem.required")
	}
	if r.Area != 0 && !r.Area.Valid() {
		ps.add("rk_area", "problem.not_in_list")
	}
	switch n := utf8.RuneCountInString(r.Findings); {
	case n == 0 && r.Level >= RiskLow:
		ps.add("rk_findings", "cases.findings_required")
	case n > RiskFindingsMax:
		ps.add("rk_findings", "problem.too_long", RiskFindingsMax)
	}
	if utf8.RuneCountInString(r.Resolution) > CaseNoteMax {
		ps.add("rk_resolution", "problem.too_long", CaseNoteMax)
	}
	switch {
	case r.Resolved == 0:
		if r.Resolution != "" {
			ps.add("rk_resolved", "problem.required")
		}
	case r.Level == RiskNone:
		ps.add("rk_resolved", "cases.resolved_no_risk")
	case !r.Resolved.Valid():
		ps.add("rk_resolved", "date.impossible", r.Resolved.String())
	case r.Resolved > today:
		ps.add("rk_resolved", "problem.future")
	case dateOK && r.Resolved < r.Date:
		ps.add("rk_resolved", "cases.resolved_before_visit", r.Date.String())
	}
	return ps
}
