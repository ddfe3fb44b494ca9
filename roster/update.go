package roster

import (
	"strings"

	"unionbook/i18n"
	"unionbook/model"
)

// Updating members from a roster (--on-duplicate update) is for the same
// people's changed details: a new phone number, a new unit. A row whose ID
// number belongs to a stored member but whose name, birth date or gender
// says it is someone else is a problem, never an update: it would give
// one person's record another's name (a typing slip in the ID column, or
// two people sharing a number). For a real update the plan lists field by
// field what it changes (Item.Changes), for the preview.

// Change is one field an update changes, with the values as shown.
type Change struct {
	Field    Field
	Old, New string
	// keys: Old and New are catalogue keys (gender, yes/no)
	keys bool
}

// Localize says the change: "电话：13800138000 → 13900139000".
func (c Change) Localize(l i18n.Lang) string {
	old, new := c.Old, c.New
	if c.keys {
		old, new = l.T(old), l.T(new)
	}
	if old == "" {
		old = l.T("import.blank")
	}
	if new == "" {
		new = l.T("import.blank")
	}
	sep := ": "
	if l == i18n.ZH {
		sep = "："
	}
	return l.T("field."+string(c.Field)) + sep + old + " -> " + new
}

// ChangesText says an item's changes on one line.
func ChangesText(cs []Change, l i18n.Lang) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Localize(l)
	}
	sep := "; "
	if l == i18n.ZH {
		sep = "；"
	}
	return strings.Join(parts, sep)
}

// otherPerson adds a problem for each of name, birth date and gender that
// the row gives and that differs from the stored member with the row's ID
// number, and reports whether there was one.
func otherPerson(r *rowState, stored, row model.Member) bool {
	n := len(r.issues)
	who := stored.Name
	if stored.No != "" {
		who += " (" + stored.No + ")"
	}
	if r.set[FName] && row.Name != stored.Name {
		r.add(FName, -1, "import.other_person", who, i18nArg("field.name"), stored.Name)
	}
	if r.set[FBirth] && !r.bad[FBirth] && row.Birth != 0 && stored.Birth != 0 && row.Birth != stored.Birth {
		r.add(FBirth, -1, "import.other_person", who, i18nArg("field.birth"), stored.Birth.String())
	}
	if r.set[FGender] && !r.bad[FGender] && stored.Gender != model.GenderUnknown && row.Gender != stored.Gender {
		r.add(FGender, -1, "import.other_person", who, i18nArg("field.gender"), i18nArg(stored.Gender.Key()))
	}
	return len(r.issues) > n
}

// memberChanges lists what updating old to new changes; unitName names a
// unit by ID.
func memberChanges(old, new model.Member, unitName func(uint64) string) []Change {
	var cs []Change
	text := func(f Field, a, b string) {
		if a != b {
			cs = append(cs, Change{Field: f, Old: a, New: b})
		}
	}
	date := func(d model.Date) string {
		if d == 0 {
			return ""
		}
		return d.String()
	}
	yes := func(b bool) string {
		if b {
			return "export.yes"
		}
		return "export.no"
	}
	text(FMemberNo, old.No, new.No)
	text(FName, old.Name, new.Name)
	if old.Gender != new.Gender {
		cs = append(cs, Change{Field: FGender, Old: old.Gender.Key(), New: new.Gender.Key(), keys: true})
	}
	text(FBirth, date(old.Birth), date(new.Birth))
	text(FEthnicity, old.Ethnicity, new.Ethnicity)
	text(FPhone, old.Phone, new.Phone)
	if old.UnitID != new.UnitID {
		cs = append(cs, Change{Field: FUnit, Old: unitName(old.UnitID), New: unitName(new.UnitID)})
	}
	text(FJob, old.Job, new.Job)
	text(FEducation, old.Education, new.Education)
	text(FPolitical, old.Political, new.Political)
	if old.Migrant != new.Migrant {
		cs = append(cs, Change{Field: FMigrant, Old: yes(old.Migrant), New: yes(new.Migrant), keys: true})
	}
	text(FJoinDate, date(old.JoinDate), date(new.JoinDate))
	text(FHonours, old.Honours, new.Honours)
	text(FNotes, old.Notes, new.Notes)
	return cs
}
