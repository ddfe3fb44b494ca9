package roster

import "unionbook/model"

// The organisation register's columns in rows: a unit's identifiers, the
// day its union was formed, the employers a joint union covers; a member's
// data items. Kept apart so the row readers stay as they were.

// unitItemCell reads one of the register's unit columns into u.
func unitItemCell(r *rowState, u *model.Unit, f Field, c int, v string,
	date func(Field, int, string) model.Date, count func(Field, int, string) int) {
	switch f {
	case FStatCode:
		u.StatCode = v
	case FRegionCode:
		u.RegionCode = v
	case FUnionCredit:
		u.UnionCredit = v
	case FFormedOn:
		u.FormedOn = date(f, c, v)
	case FCoveredEmployers:
		u.CoveredEmployers = count(f, c, v)
	}
}

// memberItemCell reads one of the member data items into m. A 户籍类型
// column that holds 是/否 is read as the migrant-worker flag it means.
func memberItemCell(r *rowState, m *model.Member, f Field, c int, v string) {
	var err error
	switch f {
	case FHukou:
		if m.Hukou, err = HukouCell(v); err != nil {
			if b, yerr := YesNoCell(v); yerr == nil {
				m.Migrant, err = b, nil
			}
		}
	case FEmployment:
		m.Employment, err = EmploymentCell(v)
	case FSkill:
		m.Skill, err = SkillCell(v)
	case FTitle:
		m.Title, err = TitleCell(v)
	}
	if err != nil {
		r.addErr(f, c, err)
	}
}

// mergeUnitItems puts the row's register columns over the existing unit.
func mergeUnitItems(u *model.Unit, row model.Unit, set map[Field]bool) {
	if set[FUnitKind] || set[FUnionType] {
		switch {
		case row.Form != model.FormUnset:
			u.Form = row.Form
		case set[FUnionType] && u.FormOrType().Type() != row.UnionType:
			u.Form = model.FormUnset // follows the type the row gives
		}
	}
	if set[FStatCode] {
		u.StatCode = row.StatCode
	}
	if set[FRegionCode] {
		u.RegionCode = row.RegionCode
	}
	if set[FUnionCredit] {
		u.UnionCredit = row.UnionCredit
	}
	if set[FFormedOn] {
		u.FormedOn = row.FormedOn
	}
	if set[FCoveredEmployers] {
		u.CoveredEmployers = row.CoveredEmployers
	}
}

// mergeMemberItems puts the row's data items over the existing member.
func mergeMemberItems(m *model.Member, row model.Member, set map[Field]bool) {
	if set[FHukou] {
		m.Hukou = row.Hukou
		if row.Hukou == 0 {
			m.Migrant = row.Migrant
		}
	}
	if set[FEmployment] {
		m.Employment = row.Employment
	}
	if set[FSkill] {
		m.Skill = row.Skill
	}
	if set[FTitle] {
		m.Title = row.Title
	}
}
