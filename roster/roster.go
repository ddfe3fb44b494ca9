package roster

import (
	"math"
	"strings"

	"unionbook/i18n"
	"unionbook/model"
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
