package roster

import (
	"strings"

	"unionbook/model"
	"unionbook/storage"
)

// memberRows prepares the rows of a member roster.
type memberRows struct {
	p          *Plan
	st         *storage.Store
	r          *rowState
	units      map[string]uint64 // unit key → the database's unit
	unitKeys   map[string]string // unit cell as written → unit key
	newUnitIdx map[string]int
	firstByID  map[string]int // ID number → item index
	firstByNo  map[string]int
	names      map[uint64]string // unit names by ID, read when first needed
	near       *nearUnits
}

func (p *Plan) beginMembers(st *storage.Store) (rowPreparer, error) {
	units, us, err := p.resolveUnits(st)
	if err != nil {
		return nil, err
	}
	if p.Opts.Unit != "" {
		k := unitKey(p.Opts.Unit)
		if id, ok := units[k]; ok {
			p.fixedUnit = id
		} else if p.Opts.CreateUnits && k != "" {
			p.fixedNewUnit = k
			p.unitNames[k] = model.NormalizeUnitName(p.Opts.Unit)
			p.NewUnits = append(p.NewUnits, NewUnit{Name: p.unitNames[k]})
		} else {
			p.fileIssue(-1, "", "import.unit_flag_unknown", model.Clean(p.Opts.Unit))
			return nil, nil
		}
	}
	if n := len(p.Table.Rows) - p.Header.Index - 1; n > 0 {
		p.Items = make([]Item, 0, n)
	}
	return &memberRows{
		p: p, st: st, r: newRowState(p), units: units, unitKeys: map[string]string{},
		newUnitIdx: map[string]int{}, firstByID: map[string]int{}, firstByNo: map[string]int{},
		near: p.newNearUnits(us),
	}, nil
}

// unitName names a unit of the database by ID.
func (mr *memberRows) unitName(id uint64) string {
	if mr.names == nil {
		mr.names = map[uint64]string{}
		if us, err := mr.st.Units(); err == nil {
			for _, u := range us {
				mr.names[u.ID] = u.Name
			}
		}
	}
	return mr.names[id]
}

// unitKey is unitKey(name), remembered: a roster names few units many times.
func (mr *memberRows) unitKey(name string) string {
	k, ok := mr.unitKeys[name]
	if !ok {
		k = unitKey(name)
		mr.unitKeys[name] = k
	}
	return k
}

func (mr *memberRows) row(i int) error {
	p, st := mr.p, mr.st
	row := p.Table.Rows[i]
	if why := p.notData(row); why != "" {
		p.ignore(i, why)
		return nil
	}
	r := mr.r
	r.reset(row)
	m := p.parseMember(r)
	set := r.set
	it := Item{Row: row.Num, Index: i}
	// unit
	var unitCol = p.col(FUnit)
	unitName, _ := r.cell(FUnit)
	switch {
	case p.fixedUnit != 0:
		m.UnitID = p.fixedUnit
	case p.fixedNewUnit != "":
		m.UnitID, it.newUnit = placeholderUnit, p.fixedNewUnit
		p.NewUnits[0].Rows++
	case clean(unitName) != "":
		k := mr.unitKey(unitName)
		id, ok := mr.units[k]
		if !ok {
			id, ok = mr.near.unit(k, unitName)
		}
		if ok {
			m.UnitID = id
		} else {
			if _, seen := mr.newUnitIdx[k]; !seen {
				mr.newUnitIdx[k] = len(p.NewUnits)
				p.unitNames[k] = model.NormalizeUnitName(unitName)
				p.NewUnits = append(p.NewUnits, NewUnit{Name: p.unitNames[k]})
			}
			p.NewUnits[mr.newUnitIdx[k]].Rows++
			if p.Opts.CreateUnits {
				m.UnitID, it.newUnit = placeholderUnit, k
			} else {
				r.bad[FUnit] = true
				r.add(FUnit, unitCol, "import.unit_unknown", p.unitNames[k])
			}
		}
	}
	// the database
	var existing model.Member
	found := false
	if !r.bad[FIDNumber] && m.IDNumber != "" {
		var err error
		existing, found, err = st.MemberByIDNumber(m.IDNumber)
		if err != nil {
			return err
		}
	}
	if found {
		it.Existing = existing.ID
		switch p.Opts.OnDuplicate {
		case DupError:
			r.add(FIDNumber, -1, "import.in_database", existing.Name, existing.No)
		case DupSkip, DupUpdate:
			switch {
			case otherPerson(r, existing, m):
				// another person's ID number: a problem, never skipped
				// or updated in silence
			case p.Opts.OnDuplicate == DupSkip:
				it.Action = Skip
			default:
				merged := mergeMember(existing, m, set)
				it.Changes = memberChanges(existing, merged, func(id uint64) string {
					if id == placeholderUnit {
						return p.unitNames[it.newUnit] // to be created
					}
					return mr.unitName(id)
				})
				m = merged
				it.Action = Update
			}
		}
	}
	if m.No != "" && !r.bad[FMemberNo] {
		if other, ok, err := st.MemberByNo(m.No); err != nil {
			return err
		} else if ok && other.ID != existing.ID {
			r.bad[FMemberNo] = true
			r.add(FMemberNo, -1, "member.duplicate_no", other.Name, other.No)
		}
	}
	if it.Action != Skip {
		ps := m.Validate(p.Opts.Today)
		if r.bad[FUnit] || (unitCol < 0 && m.UnitID == 0) {
			ps = dropField(ps, "unit")
		}
		r.addProblems(ps)
	}
	// repeats within the file
	if m.IDNumber != "" && !r.bad[FIDNumber] {
		k := strings.ToUpper(m.IDNumber)
		if j, ok := mr.firstByID[k]; ok {
			r.add(FIDNumber, -1, "import.repeated_id", p.Items[j].Row)
			if !p.Items[j].hasKey("import.repeated_id_first") {
				p.Items[j].addIssue(p, FIDNumber, "import.repeated_id_first", row.Num)
			}
		} else {
			mr.firstByID[k] = len(p.Items)
		}
	}
	if m.No != "" && !r.bad[FMemberNo] {
		p.repeated(r, mr.firstByNo, m.No, FMemberNo, "import.repeated_no")
	}
	it.Member = m
	p.settle(&it, r)
	return nil
}

// parseMember reads the row's cells into a member and notes in r.set which
// fields had a value (an update never overwrites with a blank cell).
func (p *Plan) parseMember(r *rowState) model.Member {
	m := model.Member{DocType: model.DocResidentID, Status: model.StatusActive}
	set := r.set
	tenth := false // the birth month may be October written 1985.1
	date1904 := p.Table.Date1904
	var wage model.Money // a wage column (wages.go): the base from joining
	for c, f := range p.Header.Fields {
		if f == "" {
			continue
		}
		v := r.row.Cell(c)
		if clean(v) == "" {
			continue
		}
		set[f] = true
		switch f {
		case FMemberNo:
			m.No = strings.TrimSuffix(clean(v), ".0")
		case FName:
			m.Name = v
		case FGender:
			g, err := GenderCell(v)
			if err != nil {
				r.addErr(f, c, err)
			}
			m.Gender = g
		case FBirth:
			d, monthOnly, err := DateCell(v, date1904)
			if err != nil {
				r.addErr(f, c, err)
				continue
			}
			m.Birth = d
			if monthOnly {
				// 出生年月 gives a month: take the day from the ID number
				// when it agrees, else report the month as disagreeing.
				m.Birth = -d
				tenth = ambiguousTenth(v)
			}
		case FEthnicity:
			m.Ethnicity = v
		case FIDNumber:
			m.IDNumber = v
			if _, err := IDCell(v); err != nil {
				r.addErr(f, c, err)
			}
		case FPhone:
			ph, err := PhoneCell(v)
			if err != nil {
				r.addErr(f, c, err)
				m.Phone = v
				continue
			}
			m.Phone = ph
		case FUnit:
		case FJob:
			m.Job = v
		case FEducation:
			e, err := EducationCell(v)
			if err != nil {
				r.addErr(f, c, err)
			}
			m.Education = e
		case FPolitical:
			s, err := PoliticalCell(v)
			if err != nil {
				r.addErr(f, c, err)
			}
			m.Political = s
		case FMigrant:
			b, err := YesNoCell(v)
			if err != nil {
				r.addErr(f, c, err)
			}
			m.Migrant = b
		case FHukou, FEmployment, FSkill, FTitle:
			memberItemCell(r, &m, f, c, v)
		case FJoinDate:
			d, _, err := DateCell(v, date1904)
			if err != nil {
				r.addErr(f, c, err)
				m.JoinDate = 0
				continue
			}
			m.JoinDate = d
		case FStatus:
			s, err := StatusCell(v)
			if err != nil {
				r.addErr(f, c, err)
				continue
			}
			m.Status = s
		case FHonours:
			m.Honours = v
		case FNotes:
			m.Notes = v
		case FWage:
			b, err := WageCell(v)
			if err != nil {
				r.addErr(f, c, err)
				continue
			}
			wage = b
		}
	}
	if r.bad[FJoinDate] {
		m.JoinDate = model.Date(1) // not "required": its cell already has a problem
	}
	if !set[FJoinDate] {
		p.NoJoinDate++
		m.JoinDate = p.Opts.JoinDate // 0 without a default: "required"
	}
	if wage > 0 && m.JoinDate > 1 {
		m.Wages = []model.WageBase{{From: m.JoinDate.Month(), Base: wage}}
	}
	monthBirth := m.Birth < 0
	if monthBirth {
		m.Birth = -m.Birth
	}
	m.Normalize()
	if monthBirth && !r.bad[FIDNumber] {
		if id, err := model.NormalizeResidentID(m.IDNumber); err == nil {
			if b, err := model.IDBirthDate(id); err == nil && (b.Month() == m.Birth.Month() || tenth && b.Month() == m.Birth.Month()+9) {
				m.Birth = b
			}
		}
	}
	if r.bad[FIDNumber] {
		// the ID's own problem is reported; don't let Validate repeat it
		// or check gender and birth against a number that isn't one
		m.DocType = model.DocOther
		m.IDNumber = "xxxxxxxx"
	}
	if r.bad[FGender] {
		m.Gender = model.Male
		if id, err := model.NormalizeResidentID(m.IDNumber); err == nil {
			m.Gender = model.IDGender(id)
		}
	}
	if r.bad[FBirth] {
		m.Birth = 0
	}
	return m
}

// ambiguousTenth reports a year and month typed as a number whose month
// ends in a zero: Excel keeps 1985.10 as 1985.1, which reads as January.
// Either reading may be meant; the ID number's birth date decides.
func ambiguousTenth(v string) bool {
	t := clean(v)
	return len(t) == 6 && t[4] == '.' && t[5] == '1' && digits(t[:4])
}

// mergeMember is the existing member with the row's non-blank cells over it.
func mergeMember(old, row model.Member, set map[Field]bool) model.Member {
	m := old
	if set[FMemberNo] {
		m.No = row.No
	}
	if set[FName] {
		m.Name = row.Name
	}
	if set[FGender] {
		m.Gender = row.Gender
	}
	if set[FBirth] {
		m.Birth = row.Birth
	}
	if set[FEthnicity] {
		m.Ethnicity = row.Ethnicity
	}
	if set[FPhone] {
		m.Phone = row.Phone
	}
	if set[FUnit] || row.UnitID != 0 {
		if row.UnitID != 0 {
			m.UnitID = row.UnitID
		}
	}
	if set[FJob] {
		m.Job = row.Job
	}
	if set[FEducation] {
		m.Education = row.Education
	}
	if set[FPolitical] {
		m.Political = row.Political
	}
	if set[FMigrant] {
		m.Migrant = row.Migrant
	}
	mergeMemberItems(&m, row, set)
	if set[FJoinDate] {
		m.JoinDate = row.JoinDate
	}
	if set[FHonours] {
		m.Honours = row.Honours
	}
	if set[FNotes] {
		m.Notes = row.Notes
	}
	m.Normalize()
	return m
}
