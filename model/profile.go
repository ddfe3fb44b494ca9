package model

import (
	"slices"
	"unicode/utf8"
)

// Profile describes this union federation (本工会信息) and its settings.
type Profile struct {
	UnionName   string `cbor:"1,keyasint"`
	Code        string `cbor:"2,keyasint,omitempty"` // the union's credit code (NormalizeUnionCode)
	HigherUnion string `cbor:"3,keyasint,omitempty"` // 上级工会
	// DuesRateBP is the dues rate in basis points of the wage base:
	// 50 means 0.5%.
	DuesRateBP int    `cbor:"4,keyasint"`
	MinLiving  Money  `cbor:"5,keyasint,omitempty"` // 低保标准 per person per month
	Operator   string `cbor:"6,keyasint,omitempty"`

	// Dues settings (see DuesRules) and the cash book's own sub-accounts.
	DuesTruncUnit   Money     `cbor:"7,keyasint,omitempty"` // default 10 yuan
	OweJoinMonth    bool      `cbor:"8,keyasint,omitempty"`
	BatchOneReceipt bool      `cbor:"9,keyasint,omitempty"`  // a unit batch gets one receipt, not one per member
	ArrearsMonths   int       `cbor:"10,keyasint,omitempty"` // default 6, the charter's rule
	CustomAccounts  []Account `cbor:"11,keyasint,omitempty"` // sub-accounts the union added to the chart
	// DuesSince is the first month whose dues are kept in the program
	// (0: every month since joining). See DuesRules.Since.
	DuesSince Month `cbor:"12,keyasint,omitempty"`
	// DuesRates are the changes of the dues rate from a month on, by From
	// (dues_rate.go): before the first, DuesRateBP and DuesTruncUnit hold.
	DuesRates []DuesRate `cbor:"13,keyasint,omitempty"`

	// Hardship settings (tags 20–29; see HardshipRules, 0 means the default).
	HardshipDeepPct     int   `cbor:"20,keyasint,omitempty"` // deep line, % of MinLiving (100)
	HardshipRelativePct int   `cbor:"21,keyasint,omitempty"` // relative line (200)
	CapLivingDeepMonths int   `cbor:"22,keyasint,omitempty"` // living aid cap, months of MinLiving (12)
	CapLivingRelMonths  int   `cbor:"23,keyasint,omitempty"` // the same, relative and sudden hardship (8)
	CapSchoolCompulsory Money `cbor:"24,keyasint,omitempty"` // 3,000 yuan
	CapSchoolSenior     Money `cbor:"25,keyasint,omitempty"` // no longer read: see CapSchoolSeniorMonths
	CapSchoolUniversity Money `cbor:"26,keyasint,omitempty"` // no longer read: see CapSchoolUnivMonths
	CapMedical          Money `cbor:"27,keyasint,omitempty"` // none
	CapWarmth           Money `cbor:"28,keyasint,omitempty"` // none

	// Case settings (tags 30–39; see CaseRules, 0 means the default).
	CaseCollectiveMin int `cbor:"30,keyasint,omitempty"` // least headcount of a collective dispute (10)

	// Dates that make sense for money (tags 40–49; see DateLimits, 0 means
	// the default).
	PayAheadMonths int `cbor:"40,keyasint,omitempty"` // a payment's date before its first month (12)
	EntryYearsBack int `cbor:"41,keyasint,omitempty"` // a cash-book entry's date before today (5)

	// Books settings (tags 50–59; see books.go).
	Books BooksSettings `cbor:"50,keyasint,omitempty"`

	// Organisation settings (tags 60–69; see OrgRules, 0 means the default).
	TermYears        int `cbor:"60,keyasint,omitempty"` // a committee's term of office (5)
	ElectionWarnDays int `cbor:"61,keyasint,omitempty"` // 换届 due this many days ahead (90)
	// Hardship settings added with the corrected rules (HardshipRules).
	HardshipSuddenPct     int `cbor:"62,keyasint,omitempty"` // 意外致困 upper line, % of MinLiving (300)
	CapSchoolSeniorMonths int `cbor:"63,keyasint,omitempty"` // school aid, high school, months of MinLiving (6)
	CapSchoolUnivMonths   int `cbor:"64,keyasint,omitempty"` // school aid, university, months of MinLiving (10)
	NoticeWorkdays        int `cbor:"65,keyasint,omitempty"` // a public notice's shortest length, working days (5)
}

// DefaultProfile has the charter's usual dues rate of 0.5%.
func DefaultProfile() Profile {
	return Profile{DuesRateBP: 50, DuesTruncUnit: Yuan(10), ArrearsMonths: 6}
}

// DuesRules are the dues settings of the profile.
func (p *Profile) DuesRules() DuesRules {
	return DuesRules{RateBP: p.DuesRateBP, TruncUnit: p.DuesTruncUnit, OweJoinMonth: p.OweJoinMonth, Since: p.DuesSince,
		Changes: slices.Clone(p.DuesRates)}
}

// Normalize cleans the profile's fields in place.
func (p *Profile) Normalize() {
	p.UnionName = NormalizeUnitName(p.UnionName)
	p.Code = Clean(p.Code)
	if code, err := NormalizeUnionCode(p.Code); err == nil {
		p.Code = code
	}
	p.HigherUnion = NormalizeUnitName(p.HigherUnion)
	p.Operator = CleanName(p.Operator)
}

// Validate returns every problem of the profile.
func (p *Profile) Validate() Problems {
	var ps Problems
	switch n := utf8.RuneCountInString(p.UnionName); {
	case n == 0:
		ps.add("union_name", "problem.required")
	case n > 60:
		ps.add("union_name", "problem.too_long", 60)
	}
	if p.Code != "" {
		if _, err := NormalizeUnionCode(p.Code); err != nil {
			ps.addErr("union_code", err)
		}
	}
	if p.DuesRateBP < 0 || p.DuesRateBP > 1000 {
		ps.add("dues_rate", "profile.dues_rate")
	}
	if p.MinLiving < 0 {
		ps.add("min_living", "problem.negative")
	}
	if p.DuesTruncUnit < 0 || p.DuesTruncUnit > Yuan(1000) {
		ps.add("trunc_unit", "profile.trunc_unit")
	}
	if p.ArrearsMonths < 0 || p.ArrearsMonths > 120 {
		ps.add("arrears_months", "profile.arrears_months")
	}
	if p.DuesSince != 0 && (p.DuesSince.MonthOfYear() < 1 || p.DuesSince.MonthOfYear() > 12 || p.DuesSince.Year() < 1900) {
		ps.add("dues_since", "month.format", p.DuesSince.String())
	}
	ps = append(ps, p.validateDuesRates()...)
	ps = append(ps, p.validateHardship()...)
	ps = append(ps, p.validateCases()...)
	ps = append(ps, p.validateDateLimits()...)
	ps = append(ps, p.validateBooks()...)
	ps = append(ps, p.validateOrg()...)
	seen := topLevels()
	for i := range p.CustomAccounts {
		a := p.CustomAccounts[i]
		aps := ValidateCustomAccount(&a, seen)
		ps = append(ps, aps...)
		seen = append(seen, a)
	}
	return ps
}
