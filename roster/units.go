package roster

import (
	"strings"

	"unionbook/model"
	"unionbook/storage"
)

// unitRows prepares the rows of a list of units.
type unitRows struct {
	p           *Plan
	r           *rowState
	byName      map[string]model.Unit
	byCode      map[string]model.Unit
	firstByName map[string]int
	firstByCode map[string]int
	near        *nearUnits
	byID        map[uint64]model.Unit
}

func (p *Plan) beginUnits(st *storage.Store) (rowPreparer, error) {
	us, err := st.Units()
	if err != nil {
		return nil, err
	}
	ur := &unitRows{
		p: p, r: newRowState(p), firstByName: map[string]int{}, firstByCode: map[string]int{},
		byName: make(map[string]model.Unit, len(us)), byCode: make(map[string]model.Unit, len(us)),
		near: p.newNearUnits(us), byID: make(map[uint64]model.Unit, len(us)),
	}
	for _, u := range us {
		ur.byID[u.ID] = u
		ur.byName[unitKey(u.Name)] = u
		if u.CreditCode != "" {
			ur.byCode[u.CreditCode] = u
		}
	}
	return ur, nil
}

func (ur *unitRows) row(i int) error {
	p := ur.p
	row := p.Table.Rows[i]
	if why := p.notData(row); why != "" {
		p.ignore(i, why)
		return nil
	}
	r := ur.r
	r.reset(row)
	u := p.parseUnit(r)
	set := r.set
	it := Item{Row: row.Num, Index: i}
	k := unitKey(u.Name)
	old, found := ur.byName[k]
	near := false
	if !found && k != "" {
		var id uint64
		if id, near = ur.near.unit(k, u.Name); near {
			old, found = ur.byID[id], true
		}
	}
	if found {
		it.Existing = old.ID
		switch {
		case p.Opts.OnDuplicate == DupError && near:
			m := p.UnitMatches[ur.near.index[k]]
			r.add(FUnitName, -1, "import.unit_near_database", old.Name, i18nArg(m.Why))
		case p.Opts.OnDuplicate == DupError:
			r.add(FUnitName, -1, "import.unit_in_database", old.Name)
		case p.Opts.OnDuplicate == DupSkip:
			it.Action = Skip
		default:
			u = mergeUnit(old, u, set)
			it.Action = Update
		}
	}
	if it.Action != Skip {
		ps := u.Validate(p.Opts.Today)
		r.addProblems(ps)
	}
	if k := unitKey(u.Name); k != "" {
		p.repeated(r, ur.firstByName, k, FUnitName, "import.repeated_unit")
	}
	if u.CreditCode != "" && !r.bad[FCreditCode] && it.Action != Skip {
		if other, ok := ur.byCode[u.CreditCode]; ok && other.ID != old.ID {
			r.add(FCreditCode, -1, "unit.duplicate_credit", other.Name)
		}
		p.repeated(r, ur.firstByCode, u.CreditCode, FCreditCode, "import.repeated_credit")
	}
	it.Unit = u
	p.settle(&it, r)
	return nil
}

func (p *Plan) parseUnit(r *rowState) model.Unit {
	u := model.Unit{}
	set := r.set
	date1904 := p.Table.Date1904
	date := func(f Field, c int, v string) model.Date {
		d, _, err := DateCell(v, date1904)
		if err != nil {
			r.addErr(f, c, err)
		}
		return d
	}
	count := func(f Field, c int, v string) int {
		n, err := IntCell(v)
		if err != nil {
			r.addErr(f, c, err)
		}
		return n
	}
	yes := func(f Field, c int, v string) bool {
		b, err := YesNoCell(v)
		if err != nil {
			r.addErr(f, c, err)
		}
		return b
	}
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
		case FUnitName:
			u.Name = v
		case FCreditCode:
			u.CreditCode = v
		case FUnitKind:
			k, err := UnitKindCell(v)
			if err != nil {
				// 单位类别 often says 村级联合工会: a union's form, not an error
				if form, ok := UnionFormCell(v); ok {
					u.Form, err = form, nil
				} else {
					r.addErr(f, c, err)
				}
			}
			u.Kind = k
		case FUnionType:
			if form, ok := UnionFormCell(v); ok {
				u.Form = form
				continue
			}
			t, err := UnionTypeCell(v)
			if err != nil {
				r.addErr(f, c, err)
			}
			u.UnionType = t
		case FStatCode, FRegionCode, FUnionCredit, FFormedOn, FCoveredEmployers:
			unitItemCell(r, &u, f, c, v, date, count)
		case FEmployees:
			u.Employees = count(f, c, v)
		case FWomen:
			u.Women = count(f, c, v)
		case FMigrantWorkers:
			u.MigrantWorkers = count(f, c, v)
		case FChair:
			u.Chair = v
		case FUnitPhone:
			u.Phone = strings.TrimSuffix(model.Clean(v), ".0")
		case FContractSigned:
			u.ContractSigned = date(f, c, v)
		case FContractExpires:
			u.ContractExpires = date(f, c, v)
		case FWorkersCongress:
			u.WorkersCongress = yes(f, c, v)
		case FOpenAffairs:
			u.OpenAffairs = yes(f, c, v)
		case FAddress:
			u.Address = v
		case FUnitNotes:
			u.Notes = v
		}
	}
	u.Normalize()
	if r.bad[FEmployees] {
		u.Employees = max(u.Employees, u.Women, u.MigrantWorkers)
	}
	return u
}

func mergeUnit(old, row model.Unit, set map[Field]bool) model.Unit {
	u := old
	if set[FCreditCode] {
		u.CreditCode = row.CreditCode
	}
	if set[FUnitKind] {
		u.Kind = row.Kind
	}
	if set[FUnionType] {
		u.UnionType = row.UnionType
	}
	if set[FEmployees] {
		u.Employees = row.Employees
	}
	if set[FWomen] {
		u.Women = row.Women
	}
	if set[FMigrantWorkers] {
		u.MigrantWorkers = row.MigrantWorkers
	}
	if set[FChair] {
		u.Chair = row.Chair
	}
	if set[FUnitPhone] {
		u.Phone = row.Phone
	}
	if set[FContractSigned] {
		u.ContractSigned = row.ContractSigned
	}
	if set[FContractExpires] {
		u.ContractExpires = row.ContractExpires
	}
	if set[FWorkersCongress] {
		u.WorkersCongress = row.WorkersCongress
	}
	if set[FOpenAffairs] {
		u.OpenAffairs = row.OpenAffairs
	}
	if set[FAddress] {
		u.Address = row.Address
	}
	if set[FUnitNotes] {
		u.Notes = row.Notes
	}
	mergeUnitItems(&u, row, set)
	u.Normalize()
	return u
}
