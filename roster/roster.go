package roster

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

// Duplicate says what to do with a row whose record is already in the
// database (same ID number for a member, same name for a unit).
type Duplicate int

const (
	DupError  Duplicate = iota // the row is a problem
	DupSkip                    // the row is left out
	DupUpdate                  // the record is updated from the row's non-blank cells
)

// ParseDuplicate reads --on-duplicate.
func ParseDuplicate(s string) (Duplicate, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error", "":
		return DupError, true
	case "skip":
		return DupSkip, true
	case "update":
		return DupUpdate, true
	}
	return DupError, false
}

// Options tune Prepare.
type Options struct {
	Kind        Kind
	Unit        string    // put every member in this unit (--unit)
	OnDuplicate Duplicate // rows already in the database
	CreateUnits bool      // create the units named in the roster that are not in the database
	Today       model.Date
	// Header replaces the header found by FindHeader (a mapping the user
	// changed); nil to find it.
	Header *Header
	// JoinDate is the join date of the member rows without one (no
	// join-date column, or a blank cell): --join-date. A join date in the
	// row wins. 0 for none: such rows are problems, and a sheet without the
	// column cannot be imported.
	JoinDate model.Date
	// ExactUnits takes a unit name only as registered: no near matches
	// (--exact-units). RefuseMatches lists the near matches the user
	// refused, by UnitMatch.Key.
	ExactUnits    bool
	RefuseMatches []string
	// Progress, if not nil, is called now and then, from the goroutine
	// that prepares, with the number of the file's rows read and checked
	// so far.
	Progress func(rows int)
}

// Issue is one problem of a row (or of the file, Row 0): the sheet's row
// number, the column and its header as written, and the message.
type Issue struct {
	Row    int
	Col    int    // -1 when the problem is not about one column
	Header string // the column's header cell as written, "" for none
	Field  Field  // the field concerned, "" for none
	P      model.Problem
}

// Message is the issue without its place.
func (i Issue) Message(l i18n.Lang) string {
	args := make([]any, len(i.P.Args))
	for k, a := range i.P.Args {
		if key, ok := a.(i18nArg); ok {
			args[k] = l.T(string(key))
		} else {
			args[k] = a
		}
	}
	return model.Problem{Key: i.P.Key, Args: args}.Message(l)
}

// Label is the column's header as written, else the field's name.
func (i Issue) Label(l i18n.Lang) string {
	if i.Header == "" && i.Field != "" {
		return l.T("field." + string(i.Field))
	}
	return i.Header
}

// Localize says the issue with its row and column:
// "第 5 行 C 列（身份证号）：…" / "row 5, column C (ID number): …".
func (i Issue) Localize(l i18n.Lang) string {
	msg, label := i.Message(l), i.Label(l)
	switch {
	case i.Row == 0 && i.Col < 0:
		return msg
	case i.Row == 0:
		return l.T("import.at_col", ColumnName(i.Col), label, msg)
	case i.Col < 0 && label != "":
		return l.T("import.at_row_field", i.Row, label, msg)
	case i.Col < 0:
		return l.T("import.at_row", i.Row, msg)
	}
	return l.T("import.at_cell", i.Row, ColumnName(i.Col), label, msg)
}

// Action is what Commit does with a row.
type Action int

const (
	Invalid Action = iota // has problems: not written
	Create
	Update
	Skip // already in the database, --on-duplicate skip
)

// Item is one data row and what it becomes.
type Item struct {
	Row      int // the sheet's row number
	Index    int // index in Table.Rows
	Action   Action
	Member   model.Member // members: the record to create, or the updated one
	Unit     model.Unit   // units: likewise
	Existing uint64       // the record already in the database, if any
	Issues   []Issue
	// Changes lists, for a member row that updates a stored member, what
	// it changes, field by field (nothing for an update that changes
	// nothing).
	Changes []Change
	newUnit string // members: the unit to create first (unit key)
}

// Stats count a plan's rows.
type Stats struct {
	Read       int // data rows
	Valid      int // rows without problems
	Problems   int // rows with problems
	New        int // valid rows that create a record
	Duplicates int // rows whose record is already in the database
	Updates    int // of those, rows that update it
	Skipped    int // of those, rows left out
}

// NewUnit is a unit named in the roster and not in the database.
type NewUnit struct {
	Name string
	Rows int // rows naming it
}

// Plan is a prepared import: every row parsed, validated and checked
// against the database, nothing written yet.
type Plan struct {
	Kind       Kind
	Table      *Table
	Header     Header
	Opts       Options
	Items      []Item
	FileIssues []Issue   // the file cannot be imported at all
	NewUnits   []NewUnit // in order of first appearance
	// UnitMatches are the roster's unit names taken as registered units of
	// other names (宏达机械 as 厦门宏达机械有限公司工会), in order of first
	// appearance; refused ones too.
	UnitMatches []UnitMatch
	Stats       Stats
	// Ignored counts the rows under the header that are not data (notes,
	// hints and examples, totals and signatures, rows without any of the
	// required columns filled); IgnoredRows says which and why.
	Ignored     int
	IgnoredRows []IgnoredRow
	// NoJoinDate counts the member rows without a join date of their own
	// (a blank cell): they get Options.JoinDate, or each has a problem.
	// A sheet without the column has the file problem instead.
	NoJoinDate int

	fixedUnit    uint64 // --unit's ID
	fixedNewUnit string // --unit's key when it is to be created
	unitNames    map[string]string
	cols         map[Field]int // the column of each mapped field
	rowCols      []int         // the columns of the required fields there are (blankRow)
	nd           notDataPrep
}

// WantsJoinDate reports whether a default join date matters to this plan:
// a member roster whose sheet has no join-date column, or rows with a blank
// one.
func (p *Plan) WantsJoinDate() bool {
	return p.Kind == Members && p.Header.Index >= 0 && (p.Header.Column(FJoinDate) < 0 || p.NoJoinDate > 0)
}

// HasProblems reports whether any row, or the file, has a problem.
func (p *Plan) HasProblems() bool { return len(p.FileIssues) > 0 || p.Stats.Problems > 0 }

// Issues lists every problem, the file's first, then by row.
func (p *Plan) Issues() []Issue {
	out := append([]Issue(nil), p.FileIssues...)
	for _, it := range p.Items {
		out = append(out, it.Issues...)
	}
	return out
}

// unitKey is how unit names are compared: as the store's name index does.
func unitKey(name string) string { return strings.ToLower(model.NormalizeUnitName(name)) }

// placeholderUnit stands for a unit to be created, during validation.
const placeholderUnit = math.MaxUint64

// Prepare reads every data row of the table into a plan. It returns an
// error only when the database cannot be read; everything wrong with the
// file is in the plan.
func Prepare(t *Table, st *storage.Store, opts Options) (*Plan, error) {
	p := newPlan(t, opts)
	if opts.Header != nil {
		p.Header = *opts.Header
	} else {
		p.Header = FindHeader(t, opts.Kind)
	}
	rows, err := p.begin(st, true)
	if err != nil {
		return nil, err
	}
	if rows != nil {
		for i := p.Header.Index + 1; i < len(t.Rows); i++ {
			if err := rows.row(i); err != nil {
				return nil, err
			}
			if opts.Progress != nil && i%progressRows == 0 {
				opts.Progress(i)
			}
		}
	}
	if opts.Progress != nil {
		opts.Progress(len(t.Rows))
	}
	p.finish()
	return p, nil
}

// progressRows is how often Options.Progress is called, in rows.
const progressRows = 1024

func newPlan(t *Table, opts Options) *Plan {
	if opts.Today == 0 {
		opts.Today = model.Today()
	}
	return &Plan{Kind: opts.Kind, Table: t, Opts: opts, unitNames: map[string]string{}}
}

// rowPreparer prepares the data rows of a plan one by one, in order.
type rowPreparer interface {
	row(i int) error // Table.Rows[i]
}

// begin checks the header found (or given) and readies the preparation of
// the rows under it; fill fills merged cells first (the caller has all the
// rows). It returns nil when the file has a problem that no row can get
// past.
func (p *Plan) begin(st *storage.Store, fill bool) (rowPreparer, error) {
	if p.Header.Index < 0 {
		p.fileIssue(-1, "", "import.no_header", exampleHeaders(p.Kind))
		return nil, nil
	}
	p.cols = make(map[Field]int, len(p.Header.Fields))
	for c, f := range p.Header.Fields {
		if _, ok := p.cols[f]; !ok && f != "" {
			p.cols[f] = c
		}
	}
	p.rowCols = p.rowCols[:0]
	for _, f := range required(p.Kind, p.Opts.Unit != "") {
		if c := p.col(f); c >= 0 {
			p.rowCols = append(p.rowCols, c)
		}
	}
	for _, f := range required(p.Kind, p.Opts.Unit != "") {
		switch {
		case p.col(f) >= 0:
		case f == FJoinDate && p.Opts.JoinDate != 0:
		case f == FJoinDate:
			p.fileIssue(-1, "", "import.missing_join_date", i18nArg("field."+string(f)), exampleNames(p.Kind, f))
		default:
			p.fileIssue(-1, "", "import.missing_column", i18nArg("field."+string(f)), exampleNames(p.Kind, f))
		}
	}
	if d := p.Opts.JoinDate; p.Kind == Members && d != 0 && (!d.Valid() || d > p.Opts.Today) {
		p.fileIssue(-1, "", "import.join_date_future", d.String())
	}
	if len(p.FileIssues) > 0 {
		return nil, nil
	}
	if fill {
		fillMerged(p.Table, p.Header.Index)
	}
	p.prepNotData()
	if p.Kind == Units {
		return p.beginUnits(st)
	}
	return p.beginMembers(st)
}

// finish counts the rows, and makes a file with a header and no data row
// under it a problem of the file: there is nothing to import.
func (p *Plan) finish() {
	defer func() {
		if p.Header.Index >= 0 && len(p.FileIssues) == 0 && len(p.Items) == 0 {
			p.fileIssue(-1, "", "import.no_rows", p.Header.Row)
		}
	}()
	// a repeat found later makes the first row invalid too
	for i := range p.Items {
		if len(p.Items[i].Issues) > 0 {
			p.Items[i].Action = Invalid
		}
	}
	for _, it := range p.Items {
		switch {
		case len(it.Issues) > 0:
			p.Stats.Problems++
		default:
			p.Stats.Valid++
		}
		switch it.Action {
		case Create:
			p.Stats.New++
		case Update:
			p.Stats.Updates++
		case Skip:
			p.Stats.Skipped++
		}
		if it.Existing != 0 {
			p.Stats.Duplicates++
		}
	}
	p.Stats.Read = len(p.Items)
}

// col is the column mapped to f, or -1: Header.Column without the search.
func (p *Plan) col(f Field) int {
	if c, ok := p.cols[f]; ok {
		return c
	}
	return -1
}

func (p *Plan) fileIssue(col int, header, key string, args ...any) {
	p.FileIssues = append(p.FileIssues, Issue{Col: col, Header: header, P: model.Problem{Key: key, Args: args}})
}

// i18nArg is a message argument that is itself a catalogue key. model's
// Problem translates its own marker type only, so plans carry keys in a
// Problem of their own: see problemArgs.
type i18nArg string

// nameOf is the header of column col as written, "" for none.
func (p *Plan) nameOf(col int) string {
	if col >= 0 && col < len(p.Header.Names) {
		return p.Header.Names[col]
	}
	return ""
}

// rowState collects one row's problems. One is reused for every row.
type rowState struct {
	p      *Plan
	row    Row
	issues []Issue
	bad    map[Field]bool // fields whose cell could not be read
	set    map[Field]bool // fields whose cell has a value
}

func newRowState(p *Plan) *rowState {
	return &rowState{p: p, bad: map[Field]bool{}, set: map[Field]bool{}}
}

// reset readies the state for the next row.
func (r *rowState) reset(row Row) {
	r.row, r.issues = row, nil
	clear(r.bad)
	clear(r.set)
}

func (r *rowState) cell(f Field) (string, int) {
	c := r.p.col(f)
	if c < 0 {
		return "", -1
	}
	return r.row.Cell(c), c
}

func (r *rowState) add(f Field, col int, key string, args ...any) {
	if col < 0 {
		col = r.p.col(f)
	}
	r.issues = append(r.issues, Issue{Row: r.row.Num, Col: col, Header: r.p.nameOf(col), Field: f, P: model.Problem{Key: key, Args: args}})
}

func (r *rowState) addErr(f Field, col int, err error) {
	r.bad[f] = true
	var e *i18n.Error
	if errors.As(err, &e) {
		r.add(f, col, e.Key, e.Args...)
		return
	}
	r.add(f, col, "problem.invalid")
}

// addProblems adds a record's validation problems, each under the column
// of its field, skipping fields whose cell already had a problem.
func (r *rowState) addProblems(ps model.Problems) {
	for _, pr := range ps {
		f := Field(pr.Field)
		if r.bad[f] {
			continue
		}
		col := r.p.col(f)
		r.issues = append(r.issues, Issue{Row: r.row.Num, Col: col, Header: r.p.nameOf(col), Field: f, P: model.Problem{Key: pr.Key, Args: pr.Args}})
	}
}

// blankRow reports a row with none of the required columns filled: a
// note, a signature line or a total under the roster, or a template's
// numbered empty row.
func (p *Plan) blankRow(row Row) bool {
	for _, c := range p.rowCols {
		if !placeholder(clean(row.Cell(c))) {
			return false
		}
	}
	return true
}

// ignore notes row i of the table as not data.
func (p *Plan) ignore(i int, why string) {
	p.Ignored++
	p.IgnoredRows = append(p.IgnoredRows, IgnoredRow{Row: p.Table.Rows[i].Num, Index: i, Why: why})
}

// repeatedHeader reports a row that repeats the header (rosters printed
// page by page repeat it): its name cell is a header name. Cheap on
// purpose: it runs for every row.
func (p *Plan) repeatedHeader(row Row) bool {
	f := FName
	if p.Kind == Units {
		f = FUnitName
	}
	c := p.col(f)
	if c < 0 {
		return false
	}
	v := row.Cell(c)
	if v == "" || len(v) > 40 {
		return false
	}
	g, ok := aliasIndex[p.Kind][strings.ToLower(strings.ReplaceAll(clean(v), " ", ""))]
	return ok && g == f
}

func (p *Plan) resolveUnits(st *storage.Store) (map[string]uint64, []model.Unit, error) {
	us, err := st.Units()
	if err != nil {
		return nil, nil, err
	}
	ids := make(map[string]uint64, len(us))
	for _, u := range us {
		ids[unitKey(u.Name)] = u.ID
	}
	return ids, us, nil
}

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

// repeated reports key as a repeat of an earlier row of the file (naming
// that row on field), or remembers this row as the first with it.
func (p *Plan) repeated(r *rowState, first map[string]int, key string, field Field, problem string) {
	if j, ok := first[key]; ok {
		r.add(field, -1, problem, p.Items[j].Row)
		return
	}
	first[key] = len(p.Items)
}

// settle gives an item its problems and what to do with it, and adds it.
func (p *Plan) settle(it *Item, r *rowState) {
	it.Issues = r.issues
	if len(it.Issues) > 0 {
		it.Action = Invalid
	} else if it.Action == Invalid {
		it.Action = Create
	}
	p.addItem(it)
}

// addItem appends an item, doubling the list when it is full: append
// grows a long slice by a quarter at a time, and copying 100,000 items of
// half a kilobyte that often costs more than preparing them.
func (p *Plan) addItem(it *Item) {
	if len(p.Items) == cap(p.Items) {
		items := make([]Item, len(p.Items), max(1024, 2*cap(p.Items)))
		copy(items, p.Items)
		p.Items = items
	}
	p.Items = append(p.Items, *it)
}

func (it *Item) hasKey(key string) bool {
	for _, is := range it.Issues {
		if is.P.Key == key {
			return true
		}
	}
	return false
}

func (it *Item) addIssue(p *Plan, f Field, key string, args ...any) {
	col := p.col(f)
	it.Issues = append(it.Issues, Issue{Row: it.Row, Col: col, Header: p.nameOf(col), Field: f, P: model.Problem{Key: key, Args: args}})
}

func dropField(ps model.Problems, field string) model.Problems {
	out := ps[:0]
	for _, p := range ps {
		if p.Field != field {
			out = append(out, p)
		}
	}
	return out
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

// fillMerged copies the value of each merged range's top-left cell down
// its first column, in the rows below the header (a unit name merged down
// the rows of its members). Nothing is copied sideways: a note merged
// across the sheet stays one cell (see notData).
func fillMerged(t *Table, headerIdx int) {
	if len(t.Merged) == 0 || headerIdx < 0 {
		return
	}
	headerRow := t.Rows[headerIdx].Num
	byNum := make(map[int]int, len(t.Rows))
	for i, r := range t.Rows {
		byNum[r.Num] = i
	}
	for _, ref := range t.Merged {
		a, b, ok := strings.Cut(ref, ":")
		if !ok {
			continue
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(a)
		_, r2, err2 := excelize.CellNameToCoordinates(b)
		if err1 != nil || err2 != nil || r1 <= headerRow || r2-r1 > 1_000_000 {
			continue
		}
		i, ok := byNum[r1]
		if !ok {
			continue
		}
		c := c1 - 1
		v := t.Rows[i].Cell(c)
		for rn := r1 + 1; rn <= r2; rn++ {
			j, ok := byNum[rn]
			if !ok {
				// a row of the range that was empty but for the merge
				continue
			}
			for len(t.Rows[j].Cells) <= c {
				t.Rows[j].Cells = append(t.Rows[j].Cells, "")
			}
			if t.Rows[j].Cells[c] == "" {
				t.Rows[j].Cells[c] = v
			}
			t.Width = max(t.Width, len(t.Rows[j].Cells))
		}
	}
}

// exampleHeaders names some columns a roster should have.
func exampleHeaders(k Kind) string {
	if k == Units {
		return "单位名称, 统一社会信用代码, 职工人数"
	}
	return "姓名, 身份证号, 工作单位, 入会时间"
}

// exampleNames lists the header names that map to f.
func exampleNames(k Kind, f Field) string {
	for _, a := range aliasesOf(k) {
		if a.field == f {
			n := a.names
			if len(n) > 4 {
				n = n[:4]
			}
			return strings.Join(n, ", ")
		}
	}
	return ""
}

// Result is what Commit wrote.
type Result struct {
	Created, Updated, Unchanged, UnitsCreated int
	Backup                                    string // the backup taken first, "" if none
}

// ErrCanceled is returned by Commit when its context ends before the
// transaction commits: nothing was written.
var ErrCanceled = i18n.E("import.canceled")

// BackupBeforeImport takes the automatic backup before a real import (into
// the backups folder next to the database) and returns its path. A variable
// so tests can count or fail it.
var BackupBeforeImport = func(st *storage.Store) (string, error) { return st.AutoBackup(storage.BackupImport) }

// RowError is a write that failed for one row.
type RowError struct {
	Row int
	Err error
}

func (e *RowError) Error() string { return e.Localize(i18n.EN) }
func (e *RowError) Localize(l i18n.Lang) string {
	return l.T("import.at_row", e.Row, i18n.Text(e.Err, l))
}
func (e *RowError) Unwrap() error { return e.Err }

// Commit writes the plan's valid rows in one transaction: all of them or,
// if any write fails or ctx ends first, none. Rows with problems are left
// out (the caller decides whether a plan with problems may be committed).
// progress, if not nil, is called now and then with the rows done and the
// total.
func (p *Plan) Commit(ctx context.Context, st *storage.Store, op string, progress func(done, total int)) (Result, error) {
	var res Result
	if len(p.FileIssues) > 0 {
		return res, i18n.E("import.cannot", p.FileIssues[0].Localize(i18n.EN))
	}
	if err := ctx.Err(); err != nil {
		return res, ErrCanceled
	}
	total := 0
	for _, it := range p.Items {
		if it.Action == Create || it.Action == Update {
			total++
		}
	}
	if total == 0 {
		return res, nil // nothing to write: no backup, no transaction
	}
	backup, err := BackupBeforeImport(st)
	if err != nil {
		return res, i18n.E("import.backup_failed", i18n.Text(err, i18n.EN))
	}
	res.Backup = backup
	err = st.Bulk(op, func(b *storage.Batch) error {
		res2 := Result{Backup: backup}
		newIDs := map[string]uint64{}
		if p.Kind == Members && p.Opts.CreateUnits {
			used := p.unitsUsed()
			for _, nu := range p.NewUnits {
				k := unitKey(nu.Name)
				if !used[k] {
					continue
				}
				u := model.Unit{Name: nu.Name}
				if err := b.CreateUnit(&u); err != nil {
					return fmt.Errorf("%s: %w", nu.Name, err)
				}
				newIDs[k] = u.ID
				res2.UnitsCreated++
			}
		}
		done := 0
		for i := range p.Items {
			it := &p.Items[i]
			if it.Action != Create && it.Action != Update {
				continue
			}
			if done%512 == 0 {
				if ctx.Err() != nil {
					return ErrCanceled
				}
				if progress != nil {
					progress(done, total)
				}
			}
			done++
			var err error
			switch {
			case p.Kind == Units && it.Action == Create:
				u := it.Unit
				err = b.CreateUnit(&u)
				res2.Created++
			case p.Kind == Units:
				u := it.Unit
				var changed bool
				changed, err = b.UpdateUnit(&u)
				res2.count(changed)
			default:
				m := it.Member
				if it.newUnit != "" {
					m.UnitID = newIDs[it.newUnit]
				}
				if it.Action == Create {
					err = b.CreateMember(&m)
					res2.Created++
				} else {
					var changed bool
					changed, err = b.UpdateMember(&m)
					res2.count(changed)
				}
			}
			if err != nil {
				return &RowError{Row: it.Row, Err: err}
			}
		}
		if ctx.Err() != nil {
			return ErrCanceled
		}
		if progress != nil {
			progress(total, total)
		}
		res = res2
		return nil
	})
	if err != nil {
		if errors.Is(err, ErrCanceled) {
			return Result{Backup: backup}, ErrCanceled
		}
		return Result{Backup: backup}, err
	}
	return res, nil
}

func (r *Result) count(changed bool) {
	if changed {
		r.Updated++
	} else {
		r.Unchanged++
	}
}

// unitsUsed are the new units that valid rows go to.
func (p *Plan) unitsUsed() map[string]bool {
	used := map[string]bool{}
	for i := range p.Items {
		if it := &p.Items[i]; it.newUnit != "" && (it.Action == Create || it.Action == Update) {
			used[it.newUnit] = true
		}
	}
	return used
}

// Itoa is strconv.Itoa, for callers that format counts.
func Itoa(n int) string { return strconv.Itoa(n) }
