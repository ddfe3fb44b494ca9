package model

import (
	"unicode/utf8"
)

// Cleaning and checking a hardship file and the members of its household.

// Normalize cleans the file's text fields in place.
func (f *HardshipFile) Normalize() {
	for _, p := range []*string{&f.Health, &f.Disability, &f.Employment, &f.Housing, &f.MedicalInsurance,
		&f.Address, &f.UnitOpinion, &f.TownOpinion, &f.Notes} {
		*p = CleanText(*p)
	}
	for _, p := range []*string{&f.PairedCadre, &f.FiledBy, &f.ReviewedBy, &f.EnteredBy} {
		*p = CleanName(*p)
	}
	f.BankName = CleanText(f.BankName)
	f.BankAccount = Clean(f.BankAccount)
	f.Industry = CleanText(f.Industry)
	for i := range f.Household {
		h := &f.Household[i]
		h.Name = CleanName(h.Name)
		h.Relation = CleanText(h.Relation)
		h.Health = CleanText(h.Health)
		h.SchoolOrWork = CleanText(h.SchoolOrWork)
		if id, err := NormalizeResidentID(h.IDNumber); err == nil {
			h.IDNumber = id
		} else {
			h.IDNumber = Clean(h.IDNumber)
		}
	}
}

func tooLong(ps *Problems, field, s string, n int) {
	if utf8.RuneCountInString(s) > n {
		ps.add(field, "problem.too_long", n)
	}
}

// Validate returns every problem of the file's own fields (the store adds
// the member and one-open-file checks): a member, a category and a main
// cause, at most three distinct secondary causes other than the main one,
// a household of at least one person and at least the listed members plus
// the worker, no negative income or spending, valid household members,
// an application date not in the future.
func (f *HardshipFile) Validate(today Date) Problems {
	var ps Problems
	if f.MemberID == 0 {
		ps.add("member", "problem.required")
	}
	if !f.Category.Valid() {
		ps.add("hs_category", "problem.required")
	}
	if !f.MainCause.Valid() {
		ps.add("hs_main_cause", "problem.required")
	}
	if len(f.OtherCauses) > MaxSecondaryCauses {
		ps.add("hs_other_causes", "hardship.too_many_causes", MaxSecondaryCauses)
	}
	seen := map[HardshipCause]bool{}
	for _, c := range f.OtherCauses {
		switch {
		case !c.Valid():
			ps.add("hs_other_causes", "problem.not_in_list")
		case c == f.MainCause:
			ps.add("hs_other_causes", "hardship.cause_is_main")
		case seen[c]:
			ps.add("hs_other_causes", "hardship.cause_twice")
		}
		seen[c] = true
	}
	switch {
	case f.HouseholdSize <= 0:
		ps.add("hs_size", "hardship.size_zero")
	case f.HouseholdSize > 30:
		ps.add("hs_size", "hardship.size_large")
	case f.HouseholdSize < len(f.Household)+1:
		ps.add("hs_size", "hardship.size_lt_members", len(f.Household)+1)
	}
	if f.YearlyIncome < 0 {
		ps.add("hs_income", "hardship.negative_income")
	}
	if f.Spending < 0 {
		ps.add("hs_spending", "problem.negative")
	}
	if f.HousingArea < 0 || f.HousingArea > 10000 {
		ps.add("hs_housing_area", "problem.invalid")
	}
	if f.Marital > MaritalWidowed {
		ps.add("hs_marital", "problem.not_in_list")
	}
	for _, x := range []struct {
		field, s string
		n        int
	}{
		{"hs_health", f.Health, 100}, {"hs_disability", f.Disability, 50}, {"hs_employment", f.Employment, 50},
		{"hs_housing", f.Housing, 50}, {"hs_insurance", f.MedicalInsurance, 50}, {"hs_bank_name", f.BankName, 50},
		{"hs_bank_account", f.BankAccount, 40}, {"address", f.Address, 100}, {"hs_cadre", f.PairedCadre, 30},
		{"hs_filed_by", f.FiledBy, 30}, {"hs_reviewed_by", f.ReviewedBy, 30}, {"hs_unit_opinion", f.UnitOpinion, 200},
		{"hs_town_opinion", f.TownOpinion, 200}, {"notes", f.Notes, 500},
	} {
		tooLong(&ps, x.field, x.s, x.n)
	}
	if f.BankAccount != "" && !validAccountNo(f.BankAccount) {
		ps.add("hs_bank_account", "hardship.bank_account")
	}
	for i := range f.Household {
		for _, p := range ValidateHouseholdMember(&f.Household[i]) {
			ps.add("hs_household", "hardship.household_bad", i+1, i18nKeyArg("field."+p.Field))
		}
	}
	switch {
	case f.AppliedDate == 0:
		ps.add("hs_applied", "problem.required")
	case !f.AppliedDate.Valid():
		ps.add("hs_applied", "date.impossible", f.AppliedDate.String())
	case f.AppliedDate > today:
		ps.add("hs_applied", "problem.future")
	}
	return append(ps, f.validateOrg(today)...)
}

// validAccountNo: a bank card or account number of 8 to 30 digits, spaces
// and dashes allowed between them.
func validAccountNo(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n++
		case r == ' ' || r == '-':
		default:
			return false
		}
	}
	return n >= 8 && n <= 30
}

// ValidateHouseholdMember checks one household member: a name, a relation,
// a monthly income not below zero, a resident ID (when one is given) that
// is valid. Problems on the fields "name", "hs_relation", "id_number",
// "hs_member_income", "hs_member_health", "hs_school_work".
func ValidateHouseholdMember(h *HouseholdMember) Problems {
	var ps Problems
	switch n := utf8.RuneCountInString(h.Name); {
	case n == 0:
		ps.add("name", "problem.required")
	case n > 30:
		ps.add("name", "problem.too_long", 30)
	}
	if h.Relation == "" {
		ps.add("hs_relation", "problem.required")
	}
	tooLong(&ps, "hs_relation", h.Relation, 10)
	if h.IDNumber != "" {
		if _, err := NormalizeResidentID(h.IDNumber); err != nil {
			ps.addErr("id_number", err)
		}
	}
	if h.MonthlyIncome < 0 {
		ps.add("hs_member_income", "hardship.negative_income")
	}
	tooLong(&ps, "hs_member_health", h.Health, 100)
	tooLong(&ps, "hs_school_work", h.SchoolOrWork, 60)
	return ps
}
