package roster

import (
	"context"
	"math"
	"strconv"
	"strings"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// Wage bases in bulk: a sheet of members (by ID number or member number)
// and their monthly wage base for dues, read with the roster's header
// detection and checks, previewed with every row's problems, and written
// all or none. The base is the monthly wage income: bonuses, allowances,
// subsidies and the like are not in it (全总 1978, item 4).

// Wages is a sheet of wage bases.
const Wages Kind = 2

// Fields of a wage sheet (and the wage column of a roster).
const (
	FWage     Field = "wage_base"
	FWageFrom Field = "wage_from"
)

// wageNames are the usual names of a wage column.
var wageNames = []string{"缴费基数", "月缴费基数", "会费基数", "工资", "月工资", "工资基数", "月工资收入", "工资收入", "月收入",
	"应发工资", "基本工资", "wage", "wagebase", "monthlywage", "salary", "base"}

var wageAliases = []alias{
	{fSerial, []string{"序号", "no", "no.", "#", "序", "行号", "seq"}},
	{FMemberNo, []string{"会员证号", "会员证号码", "会员编号", "会员号", "会员证编号", "工会会员证号", "memberno", "membernumber", "cardno", "编号"}},
	{FName, []string{"姓名", "名字", "会员姓名", "职工姓名", "name", "fullname"}},
	{FIDNumber, []string{"身份证号", "身份证号码", "公民身份号码", "公民身份证号", "公民身份证号码", "证件号码", "证件号", "身份证", "居民身份证号", "idnumber", "idno", "idcard", "idcardno"}},
	{FUnit, []string{"工作单位", "单位", "所在单位", "单位名称", "所在工会", "基层工会", "unit", "employer"}},
	{FWage, wageNames},
	{FWageFrom, []string{"起始月份", "生效月份", "起缴月份", "执行月份", "开始月份", "起始年月", "from", "effective", "effectivefrom", "frommonth"}},
	{FNotes, []string{"备注", "说明", "notes", "note", "remarks"}},
}

func init() {
	aliasIndex[Wages] = index(wageAliases)
	// a roster's wage column: the new members' wage base from joining
	memberAliases = append(memberAliases, alias{FWage, wageNames})
	aliasIndex[Members] = index(memberAliases)
}

// maxWage bounds a wage base: ten million yuan a month is a typo.
var maxWage = model.Yuan(10_000_000)

// WageCell reads a wage base: "3085", "3,085.00", "¥3085.5"; a number
// Excel stored as 3085.1999999999998 is 3,085.20. Zero, negative or more
// than two decimals otherwise are errors.
func WageCell(s string) (model.Money, error) {
	t := clean(s)
	m, err := model.ParseMoney(t)
	if err != nil {
		// a float Excel kept for a cell showing two decimals
		if f, ferr := strconv.ParseFloat(t, 64); ferr == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			if fen := math.Round(f * 100); math.Abs(f*100-fen) < 1e-6 && fen < 1e15 {
				m, err = model.Money(fen), nil
			}
		}
	}
	if err != nil {
		return 0, err
	}
	if err := m.Positive(); err != nil {
		return 0, err
	}
	if m > maxWage {
		return 0, i18n.E("dues.wage_too_large")
	}
	return m, nil
}

// MonthCell reads a month: "2026-03", "2026/3", "202603", "2026年3月", or a
// date (the month is taken).
func MonthCell(s string, date1904 bool) (model.Month, error) {
	if m, err := model.ParseMonth(s); err == nil {
		return m, nil
	}
	d, _, err := DateCell(s, date1904)
	if err != nil {
		return 0, err
	}
	return d.Month(), nil
}

// WageOptions tune PrepareWages.
type WageOptions struct {
	// From is the month the bases count from on rows without one (and in
	// a sheet without the column); 0 for the current month.
	From  model.Month
	Today model.Date
}

// WagePlan is a prepared wage import: the plan of the rows (its Items, in
// row order, carry each row's problems; WriteReport writes them back), and
// the change each valid row makes.
type WagePlan struct {
	Plan
	// Changes are the valid rows' new bases, Changes[i] for Items[i]
	// (MemberID 0 for a row with problems).
	Changes []storage.WageChange
	// Unchanged counts valid rows whose base is already set so.
	Unchanged int
}

// LoadWages reads a wage file and prepares its import.
func LoadWages(ctx context.Context, path, sheet string, st *storage.Store, opts WageOptions) (*WagePlan, error) {
	t, err := ReadFile(path, sheet)
	if err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return nil, ErrCanceled
	}
	return PrepareWages(t, st, opts)
}

// PrepareWages checks every row of a wage sheet against the database: the
// member found by ID number or member number (both, when given, naming the
// same member, and the name, when given, theirs), the base, the month
// (from which the base counts: not before a month the member has paid
// into), a member not listed twice for the same month. It returns an
// error only when the database cannot be read.
func PrepareWages(t *Table, st *storage.Store, opts WageOptions) (*WagePlan, error) {
	if opts.Today == 0 {
		opts.Today = model.Today()
	}
	if opts.From == 0 {
		opts.From = opts.Today.Month()
	}
	p := &WagePlan{Plan: *newPlan(t, Options{Kind: Wages, Today: opts.Today})}
	p.Header = FindHeader(t, Wages)
	if p.Header.Index < 0 {
		p.fileIssue(-1, "", "import.no_header", "身份证号, 姓名, 缴费基数, 起始月份")
		p.finish()
		return p, nil
	}
	p.cols = make(map[Field]int, len(p.Header.Fields))
	for c, f := range p.Header.Fields {
		if _, ok := p.cols[f]; !ok && f != "" {
			p.cols[f] = c
		}
	}
	if p.col(FWage) < 0 {
		p.fileIssue(-1, "", "import.missing_column", i18nArg("field.wage_base"), exampleNames(Wages, FWage))
	}
	if p.col(FIDNumber) < 0 && p.col(FMemberNo) < 0 {
		p.fileIssue(-1, "", "import.missing_column", i18nArg("field.id_number"), exampleNames(Wages, FIDNumber)+", "+exampleNames(Wages, FMemberNo))
	}
	if len(p.FileIssues) > 0 {
		p.finish()
		return p, nil
	}
	for _, f := range []Field{FIDNumber, FMemberNo, FWage} {
		if c := p.col(f); c >= 0 {
			p.rowCols = append(p.rowCols, c)
		}
	}
	fillMerged(t, p.Header.Index)

	members, err := st.Members()
	if err != nil {
		return nil, err
	}
	byID := make(map[string]int, len(members))
	byNo := make(map[string]int, len(members))
	for i := range members {
		byID[members[i].IDNumber] = i
		byNo[members[i].No] = i
	}
	lastPaid, err := st.LastPaidMonths()
	if err != nil {
		return nil, err
	}
	first := map[[2]uint64]int{} // member and month → the row that set it
	r := newRowState(&p.Plan)
	for i := p.Header.Index + 1; i < len(t.Rows); i++ {
		row := t.Rows[i]
		if p.blankRow(row) || p.repeatedHeader(row) {
			p.Ignored++
			continue
		}
		r.reset(row)
		it := Item{Row: row.Num, Index: i, Action: Update}
		var ch storage.WageChange
		// the member
		mi := -1
		if v, c := r.cell(FIDNumber); clean(v) != "" {
			id, err := IDCell(v)
			if err != nil {
				id = strings.ToUpper(clean(v)) // another document's number
			}
			switch j, ok := byID[id]; {
			case ok:
				mi = j
			case err != nil && residentShaped(clean(v)):
				// a resident ID number mistyped (its check digit, its
				// date): say so rather than that nobody has it
				r.addErr(FIDNumber, c, err)
			default:
				r.add(FIDNumber, c, "import.no_member_id", clean(v))
			}
		}
		if v, c := r.cell(FMemberNo); clean(v) != "" {
			no := strings.TrimSuffix(clean(v), ".0")
			j, ok := byNo[no]
			switch {
			case !ok:
				r.add(FMemberNo, c, "import.no_member_no", no)
			case mi >= 0 && j != mi:
				r.add(FMemberNo, c, "import.id_and_no_differ", members[mi].No)
			default:
				mi = j
			}
		} else if v, _ := r.cell(FIDNumber); clean(v) == "" {
			r.add(FIDNumber, -1, "import.no_member_key")
		}
		if mi >= 0 {
			m := members[mi]
			ch.MemberID = m.ID
			it.Existing = m.ID
			if v, c := r.cell(FName); clean(v) != "" && model.CleanName(v) != m.Name {
				r.add(FName, c, "import.name_differs", m.Name)
			}
		}
		// the base and its month
		if v, c := r.cell(FWage); clean(v) == "" {
			r.add(FWage, c, "problem.required")
		} else if b, err := WageCell(v); err != nil {
			r.addErr(FWage, c, err)
		} else {
			ch.Base.Base = b
		}
		ch.Base.From = opts.From
		if v, c := r.cell(FWageFrom); clean(v) != "" {
			if mo, err := MonthCell(v, t.Date1904); err != nil {
				r.addErr(FWageFrom, c, err)
			} else {
				ch.Base.From = mo
			}
		}
		if ch.MemberID != 0 && !r.bad[FWageFrom] {
			if last := lastPaid[ch.MemberID]; last != 0 && ch.Base.From <= last {
				r.add(FWageFrom, -1, "dues.wage_before_paid", last.String())
			}
			key := [2]uint64{ch.MemberID, uint64(ch.Base.From)}
			if j, dup := first[key]; dup {
				r.add(FIDNumber, -1, "import.repeated_member", p.Items[j].Row)
				p.Items[j].Issues = append(p.Items[j].Issues, Issue{Row: p.Items[j].Row, Col: -1, P: model.Problem{Key: "import.repeated_member_later", Args: []any{row.Num}}})
			} else {
				first[key] = len(p.Items)
			}
		}
		it.Issues = r.issues
		if len(it.Issues) == 0 && ch.MemberID != 0 && members[mi].BaseFor(ch.Base.From) == ch.Base.Base {
			it.Action = Skip // that base is in force from that month already
		}
		p.Items = append(p.Items, it)
		p.Changes = append(p.Changes, ch)
	}
	p.finish()
	for i, it := range p.Items {
		if len(it.Issues) > 0 {
			p.Changes[i].MemberID = 0
		} else if it.Action == Skip {
			p.Unchanged++
		}
	}
	return p, nil
}

// CommitWages writes the plan's new bases in one transaction, all or none,
// and only when no row has a problem. It returns how many members' bases
// changed.
func (p *WagePlan) CommitWages(st *storage.Store, op string) (int, error) {
	if p.HasProblems() {
		return 0, i18n.E("import.wages_has_problems", p.Stats.Problems+len(p.FileIssues))
	}
	var changes []storage.WageChange
	for i, it := range p.Items {
		if it.Action == Update && p.Changes[i].MemberID != 0 {
			changes = append(changes, p.Changes[i])
		}
	}
	if len(changes) == 0 {
		return 0, nil
	}
	if _, err := BackupBeforeImport(st); err != nil {
		return 0, err
	}
	return st.SetWageBases(op, changes)
}

// residentShaped reports a value written as a resident ID number: 18
// characters, the first 17 digits (another document's number is not).
func residentShaped(s string) bool {
	return len(s) == 18 && digits(s[:17])
}
