package roster

import (
	"errors"
	"strings"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

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
