package storage

import (
	"fmt"
	"strings"

	"unionbook/model"
)

// What the audit log says of a hardship file: its status and category in
// words, and what a change changed.

func statusCode(s model.HardshipStatus) string {
	switch s {
	case model.HardshipApplied:
		return "applied"
	case model.HardshipActive:
		return "active"
	case model.HardshipLifted:
		return "lifted"
	case model.HardshipClosed:
		return "closed"
	}
	return ""
}

func catText(c model.HardshipCategory) string {
	switch c {
	case model.CategoryDeep:
		return "深度困难"
	case model.CategoryRelative:
		return "相对困难"
	case model.CategorySudden:
		return "意外致困"
	}
	return ""
}

// fileChanges lists the changed fields of a file for the audit log. The
// sensitive fields are named but their values are not copied into the log.
func fileChanges(old, new *model.HardshipFile) []model.FieldChange {
	if old == nil {
		old = &model.HardshipFile{}
	}
	var cs []model.FieldChange
	diff := func(field, a, b string) {
		if a != b {
			cs = append(cs, model.FieldChange{Field: field, Old: a, New: b})
		}
	}
	secret := func(field, a, b string) {
		if a != b {
			cs = append(cs, model.FieldChange{Field: field, Old: mark(a), New: mark(b)})
		}
	}
	causes := func(f *model.HardshipFile) string {
		s := fmt.Sprint(int(f.MainCause))
		for _, c := range f.OtherCauses {
			s += fmt.Sprintf(",%d", c)
		}
		return s
	}
	// household lists the members with their ID numbers, whole (to
	// compare: an edit that changes only the digits a mask hides is still
	// a change) or masked as in the member log (to show).
	household := func(f *model.HardshipFile, masked bool) string {
		s := ""
		for i, h := range f.Household {
			if i > 0 {
				s += "; "
			}
			s += h.Name + " " + h.Relation + " " + h.MonthlyIncome.String()
			if id := h.IDNumber; id != "" {
				if masked {
					id = model.MaskID(id)
				}
				s += " " + id
			}
			if h.SchoolOrWork != "" {
				s += " " + h.SchoolOrWork
			}
		}
		return s
	}
	// memberHealth is the health recorded for the members who have one:
	// adding or removing a member without it changes nothing here.
	memberHealth := func(f *model.HardshipFile) string {
		var hs []string
		for _, h := range f.Household {
			if h.Health != "" {
				hs = append(hs, h.Health)
			}
		}
		return strings.Join(hs, "|")
	}
	diff("member", uintText(old.MemberID), uintText(new.MemberID))
	diff("hs_status", statusCode(old.Status), statusCode(new.Status))
	diff("hs_category", catText(old.Category), catText(new.Category))
	diff("hs_causes", causes(old), causes(new))
	secret("hs_health", old.Health, new.Health)
	secret("hs_disability", old.Disability, new.Disability)
	diff("hs_employment", old.Employment, new.Employment)
	diff("hs_housing", old.Housing, new.Housing)
	diff("hs_housing_area", fmt.Sprint(old.HousingArea), fmt.Sprint(new.HousingArea))
	diff("hs_marital", fmt.Sprint(int(old.Marital)), fmt.Sprint(int(new.Marital)))
	diff("hs_single_parent", yesNo(old.SingleParent), yesNo(new.SingleParent))
	diff("hs_zero_employment", yesNo(old.ZeroEmployment), yesNo(new.ZeroEmployment))
	diff("hs_size", fmt.Sprint(old.HouseholdSize), fmt.Sprint(new.HouseholdSize))
	if household(old, false) != household(new, false) {
		cs = append(cs, model.FieldChange{Field: "hs_household", Old: household(old, true), New: household(new, true)})
	}
	secret("hs_member_health", memberHealth(old), memberHealth(new))
	diff("hs_income", old.YearlyIncome.String(), new.YearlyIncome.String())
	diff("hs_spending", old.Spending.String(), new.Spending.String())
	diff("hs_insurance", old.MedicalInsurance, new.MedicalInsurance)
	secret("hs_bank_name", old.BankName, new.BankName)
	secret("hs_bank_account", old.BankAccount, new.BankAccount)
	diff("address", old.Address, new.Address)
	diff("hs_cadre", old.PairedCadre, new.PairedCadre)
	diff("hs_filed_by", old.FiledBy, new.FiledBy)
	diff("hs_reviewed_by", old.ReviewedBy, new.ReviewedBy)
	diff("hs_entered_by", old.EnteredBy, new.EnteredBy)
	diff("hs_unit_opinion", old.UnitOpinion, new.UnitOpinion)
	diff("hs_town_opinion", old.TownOpinion, new.TownOpinion)
	diff("notes", old.Notes, new.Notes)
	diff("hs_applied", old.AppliedDate.String(), new.AppliedDate.String())
	diff("hs_approved", old.ApprovedDate.String(), new.ApprovedDate.String())
	diff("hs_previous", uintText(old.PreviousID), uintText(new.PreviousID))
	cs = append(cs, model.HardshipOrgChanges(old, new)...)
	return cs
}

// mark stands for a sensitive value in the audit log: whether it is set.
func mark(s string) string {
	if s == "" || s == "|" {
		return ""
	}
	return "***"
}

func uintText(v uint64) string {
	if v == 0 {
		return ""
	}
	return fmt.Sprint(v)
}
