package report

import (
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// The survey's logic checks (the district's 逻辑审核), on the register's
// fields as they stand on the survey's day: every check that fails is a
// Problem naming the unit and the item, to fix before submitting.
//
//   - the cover items: 901 统计代码 and 903 区划代码 given (GB/T 2260);
//   - women members ≤ members ≤ employees, women members ≤ women
//     employees, migrant-worker members ≤ migrant workers, a unit with
//     members;
//   - joint-union coverage: a joint union says how many employers and
//     employees it covers;
//   - the workers' congress: delegates given, women delegates ≤ delegates
//     ≤ employees;
//   - agreements against their flags: a collective contract, wage
//     agreement or women workers' special contract signed without an
//     expiry, expired within the survey year without renewal, or signed
//     after the survey's day; the employees an agreement covers given and
//     not more than the employees;
//   - members against the roster: members in the union that day in a unit
//     without a working union (dissolved, or formed later).
func surveyChecks(s *Survey, d storage.OrgData, l i18n.Lang) []Problem {
	var out []Problem
	problem := func(unit, item, key string, args ...any) {
		out = append(out, Problem{Unit: unit, Item: l.T(item), Text: l.T(key, args...)})
	}
	organised := map[uint64]bool{}
	for i := range s.Rows {
		r := &s.Rows[i]
		u := r.Unit
		organised[u.ID] = true
		name := u.Name
		if u.StatCode == "" {
			problem(name, "survey.c_901", "survey.p_no_stat_code")
		}
		switch {
		case u.RegionCode == "":
			problem(name, "survey.c_903", "survey.p_no_region_code")
		case model.ValidateRegionCode(u.RegionCode) != nil:
			problem(name, "survey.c_903", "survey.p_region_code", u.RegionCode)
		}
		// women members ≤ members ≤ employees
		switch {
		case u.Employees == 0:
			problem(name, "survey.i_employees", "survey.p_no_employees")
		case r.Members > u.Employees:
			problem(name, "survey.i_members", "survey.p_members_over_employees", r.Members, u.Employees)
		}
		if r.WomenMembers > r.Members {
			problem(name, "survey.i_women_members", "survey.p_women_over_members", r.WomenMembers, r.Members)
		}
		if r.WomenMembers > u.Women {
			problem(name, "survey.i_women_members", "survey.p_women_members_over_women", r.WomenMembers, u.Women)
		}
		if r.MigrantMembers > u.MigrantWorkers {
			problem(name, "survey.i_migrant_members", "survey.p_migrant_members_over_migrants", r.MigrantMembers, u.MigrantWorkers)
		}
		if r.Members == 0 {
			problem(name, "survey.i_members", "survey.p_no_members")
		}
		// joint-union coverage
		if u.JointUnion() {
			if u.Employees == 0 {
				problem(name, "survey.i_union_type", "survey.p_joint_without_employees")
			}
			if u.CoveredEmployers == 0 {
				problem(name, "survey.i_union_type", "survey.p_joint_no_coverage")
			}
		}
		// the workers' congress
		if u.WorkersCongress {
			switch {
			case u.CongressDelegates == 0:
				problem(name, "survey.i_congress", "survey.p_congress_no_delegates")
			case u.CongressDelegates > u.Employees && u.Employees > 0:
				problem(name, "survey.i_congress", "survey.p_delegates_over_employees", u.CongressDelegates, u.Employees)
			}
			if u.CongressWomen > u.CongressDelegates {
				problem(name, "survey.i_congress", "survey.p_women_delegates", u.CongressWomen, u.CongressDelegates)
			}
		}
		// agreements against their flags
		agreement(s, u, problem, "survey.i_contract", u.ContractSigned, u.ContractExpires, r.Contract, u.ContractCovered)
		agreement(s, u, problem, "survey.i_wage", u.WageSigned, u.WageExpires, r.Wage, u.WageCovered)
		agreement(s, u, problem, "survey.i_women_contract", u.WomenSigned, u.WomenExpires, false, -1)
	}
	// members against the roster
	strays := map[uint64]int{}
	for i := range d.Members {
		m := &d.Members[i]
		if m.JoinDate == 0 || m.JoinDate > s.AsOf || !m.StatusOn(s.AsOf).InUnion() || organised[m.UnitID] {
			continue
		}
		strays[m.UnitID]++
	}
	for i := range d.Units {
		if n := strays[d.Units[i].ID]; n > 0 {
			problem(d.Units[i].Name, "survey.i_members", "survey.p_members_in_closed_unit", n)
		}
	}
	return out
}

// agreement checks one agreement's dates against its flag on the survey's
// day, and the employees it covers (cover -1: not kept for this kind).
func agreement(s *Survey, u *model.Unit, problem func(unit, item, key string, args ...any),
	item string, signed, expires model.Date, inForce bool, cover int) {
	name := u.Name
	switch {
	case signed != 0 && expires == 0:
		problem(name, item, "survey.p_agreement_no_expiry", signed.String())
	case expires != 0 && expires < s.AsOf && expires >= s.From:
		problem(name, item, "survey.p_agreement_expired", expires.String())
	}
	if signed > s.AsOf {
		problem(name, item, "survey.p_agreement_after_day", signed.String(), s.AsOf.String())
	}
	switch {
	case cover < 0 || !inForce:
	case cover == 0:
		problem(name, item, "survey.p_agreement_no_cover")
	case cover > u.Employees:
		problem(name, item, "survey.p_cover_over_employees", cover, u.Employees)
	}
}
