package model

// OrgRules are the organisation settings of the profile, with defaults.
type OrgRules struct {
	// TermYears is a union committee's term of office (每届任期) when the
	// unit does not say otherwise: five years (docs/rules.md).
	TermYears int
	// ElectionWarnDays is how long before the term ends a unit shows in
	// the 换届-due list.
	ElectionWarnDays int
}

// Default organisation settings.
const (
	DefaultTermYears        = 5
	DefaultElectionWarnDays = 90
)

// OrgRules reads the organisation settings, with the defaults for unset
// (zero) values.
func (p *Profile) OrgRules() OrgRules {
	r := OrgRules{TermYears: p.TermYears, ElectionWarnDays: p.ElectionWarnDays}
	if r.TermYears <= 0 {
		r.TermYears = DefaultTermYears
	}
	if r.ElectionWarnDays <= 0 {
		r.ElectionWarnDays = DefaultElectionWarnDays
	}
	return r
}

// validateOrg checks the organisation settings: a term of 3 or 5 years
// (0: the default), a warning of 0 (default) to 730 days.
func (p *Profile) validateOrg() Problems {
	var ps Problems
	if p.TermYears != 0 && !ValidTermYears(p.TermYears) {
		ps.add("term_years", "org.term_years")
	}
	if p.ElectionWarnDays < 0 || p.ElectionWarnDays > 730 {
		ps.add("election_warn_days", "org.warn_days", 730)
	}
	return ps
}
