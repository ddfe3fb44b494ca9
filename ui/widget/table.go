package widget

import (
	"strconv"
	"sync/atomic"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// Column describes one table column.
type Column struct {
	// Title is drawn in the header line.
	Title string
	// Width is the column's width in terminal cells. For a flex column it is
	// the width the column would like at least; a narrow terminal may still
	// shrink it. 0 means the display width of Title (at least 1).
	Width int
	// Flex > 0 makes the column share the width left over by the fixed
	// columns with the other flex columns, in proportion to Flex. On a narrow
	// terminal flex columns are shrunk first; when even that is not enough
	// the columns at the right are cut off.
	Flex int
	// AlignRight right-aligns the column (numbers, amounts).
	AlignRight bool
}

// TableStyles are the styles a Table draws with. Only colours and attributes
// are used: padding, margins, borders, widths and alignment are ignored so
// that a style can never change the table's geometry.
type TableStyles struct {
	Header      lipgloss.Style // the header line
	Cell        lipgloss.Style // an ordinary row
	Selected    lipgloss.Style // the row under the cursor
	SortMark    lipgloss.Style // the "^" / "v" sort mark in the header
	Empty       lipgloss.Style // the empty-table text
	ScrollBar   lipgloss.Style // the track of the scroll indicator
	ScrollThumb lipgloss.Style // the thumb of the scroll indicator
}

// DefaultTableStyles returns a plain, readable set of styles.
func DefaultTableStyles() TableStyles {
	return TableStyles{
		Header:      lipgloss.NewStyle().Bold(true),
		Cell:        lipgloss.NewStyle(),
		Selected:    lipgloss.NewStyle().Reverse(true),
		SortMark:    lipgloss.NewStyle().Bold(true),
		Empty:       lipgloss.NewStyle().Faint(true),
		ScrollBar:   lipgloss.NewStyle().Faint(true),
		ScrollThumb: lipgloss.NewStyle(),
	}
}

// HeaderClickedMsg is sent (through the Cmd returned by Table.Update) when the
// header of a column is clicked, so the caller can sort by that column.
type HeaderClickedMsg struct {
	ID  string // the table's ID (see Table.SetID)
	Col int
}

// RowClickedMsg is sent when a row is clicked. The click has already moved
// the cursor to Row. Again is true when the row was already selected before
// the click, which callers may treat as "open".
type RowClickedMsg struct {
	ID    string
	Row   int
	Again bool
}

// Layout constants: one blank cell on the left, one between columns and one
// for the scroll indicator on the right.
const (
	tableMargin = 1
	tableGap    = 1
)

// ScrollThumbGlyph and ScrollTrackGlyph draw the scroll indicator; both are
// ASCII so they are one cell wide in every terminal.
const (
	ScrollThumbGlyph = "|"
	ScrollTrackGlyph = " "
)

// Table is a virtualised table: rows are supplied lazily by a cell function
// and only the visible ones are ever asked for, so a View costs the same for
// ten rows as for a hundred thousand.
type Table struct {
	// Keys move the cursor.
	Keys TableKeys

	id       string
	cols     []Column
	st       TableStyles
	w, h     int
	ox, oy   int
	n        int
	cell     func(row, col int) string
	rowStyle func(row int) (lipgloss.Style, bool)
	cursor   int
	offset   int
	sortCol  int
	sortDesc bool
	empty    string

	widths []int // computed width per column, 0 = hidden
	xs     []int // computed x of each column's first cell
}

// NewTable returns a table with the given columns and styles. Give it a size
// with SetSize and rows with SetRows.
func NewTable(cols []Column, st TableStyles) Table {
	t := Table{Keys: DefaultTableKeys(), sortCol: -1, id: "table" + strconv.FormatInt(tableIDs.Add(1), 10)}
	t.SetStyles(st)
	t.SetColumns(cols)
	return t
}

// tableIDs numbers the tables made, so each has its own ID.
var tableIDs atomic.Int64

// SetID sets the identifier copied into HeaderClickedMsg and RowClickedMsg.
// Every table has one of its own from NewTable: the messages reach every
// screen of every tab, and a screen acts only on those of its own tables
// (see Owns).
func (t *Table) SetID(id string) { t.id = id }

// ID is the identifier of the table's click messages.
func (t Table) ID() string { return t.id }

// Owns reports whether msg is a click message of this table.
func (t Table) Owns(msg tea.Msg) bool {
	switch m := msg.(type) {
	case HeaderClickedMsg:
		return m.ID == t.id
	case RowClickedMsg:
		return m.ID == t.id
	}
	return false
}

// SetStyles replaces the styles.
func (t *Table) SetStyles(st TableStyles) {
	t.st = TableStyles{
		Header:      inline(st.Header),
		Cell:        inline(st.Cell),
		Selected:    inline(st.Selected),
		SortMark:    inline(st.SortMark),
		Empty:       inline(st.Empty),
		ScrollBar:   inline(st.ScrollBar),
		ScrollThumb: inline(st.ScrollThumb),
	}
}

// SetSize sets the table's size in cells; h includes the header line.
func (t *Table) SetSize(w, h int) {
	t.w, t.h = max(w, 0), max(h, 0)
	t.layout()
	t.clamp()
}

// Size returns the table's size as given to SetSize.
func (t Table) Size() (w, h int) { return t.w, t.h }

// SetOrigin tells the table where its top-left cell (the column titles) is
// in the coordinates of the mouse messages it is given, so that a click
// maps to the row or title under the pointer. A screen that draws lines
// above its table sets the origin to the number of those lines; the app
// hands a page mouse messages relative to the page's top-left corner.
func (t *Table) SetOrigin(x, y int) { t.ox, t.oy = x, y }

// SetColumns replaces the columns.
func (t *Table) SetColumns(cols []Column) {
	t.cols = append([]Column(nil), cols...)
	if t.sortCol >= len(t.cols) {
		t.sortCol = -1
	}
	t.layout()
}

// Columns returns a copy of the columns.
func (t Table) Columns() []Column { return append([]Column(nil), t.cols...) }

// ColumnWidths returns the computed width of each column in cells; 0 means
// the column does not fit and is not drawn.
func (t Table) ColumnWidths() []int { return append([]int(nil), t.widths...) }

// SetRows sets the number of rows and the function that returns the text of
// a cell. The function is only called for visible rows, while rendering. The
// cursor is kept, clamped to the new row count.
func (t *Table) SetRows(n int, cell func(row, col int) string) {
	t.n = max(n, 0)
	t.cell = cell
	t.clamp()
}

// SetRowStyle sets an optional function giving a row its own style instead
// of TableStyles.Cell (for example faint for members who have left). It is
// not used for the selected row.
func (t *Table) SetRowStyle(f func(row int) (lipgloss.Style, bool)) { t.rowStyle = f }

// Cell is the text of a cell as the table draws it (before it is fitted
// to the column): what a list writes out as shown.
func (t Table) Cell(row, col int) string {
	if t.cell == nil || row < 0 || row >= t.n || col < 0 || col >= len(t.cols) {
		return ""
	}
	return t.cell(row, col)
}

// Len returns the number of rows.
func (t Table) Len() int { return t.n }

// Cursor returns the selected row, or -1 when the table is empty.
func (t Table) Cursor() int {
	if t.n == 0 {
		return -1
	}
	return t.cursor
}

// SetCursor selects row i (clamped) and scrolls just enough to show it.
func (t *Table) SetCursor(i int) {
	t.cursor = i
	t.clamp()
}

// Offset returns the first visible row.
func (t Table) Offset() int { return t.offset }

// PageSize returns the number of rows visible at once.
func (t Table) PageSize() int { return max(t.h-1, 0) }

// SetSort draws a sort mark in the header of column col: "^" for ascending,
// "v" for descending. col < 0 removes the mark. The table does not sort
// anything itself: the caller sorts and calls SetRows.
func (t *Table) SetSort(col int, desc bool) {
	if col >= len(t.cols) {
		col = -1
	}
	t.sortCol, t.sortDesc = col, desc
}

// Sort returns the column given to SetSort (-1 for none) and its direction.
func (t Table) Sort() (col int, desc bool) { return t.sortCol, t.sortDesc }

// SetEmptyText sets the text shown when the table has no rows.
func (t *Table) SetEmptyText(s string) { t.empty = s }

// visRows is the number of body rows used for scrolling arithmetic (at
// least 1, so that the cursor logic works even for a degenerate height).
func (t Table) visRows() int { return max(t.h-1, 1) }

// clamp puts cursor and offset back in range and makes the cursor visible,
// moving the offset only if the cursor is outside the window.
func (t *Table) clamp() {
	if t.n == 0 {
		t.cursor, t.offset = 0, 0
		return
	}
	t.cursor = min(max(t.cursor, 0), t.n-1)
	vis := t.visRows()
	if t.cursor < t.offset {
		t.offset = t.cursor
	}
	if t.cursor >= t.offset+vis {
		t.offset = t.cursor - vis + 1
	}
	t.offset = min(max(t.offset, 0), max(t.n-vis, 0))
}

// Update handles keys (up/down/k/j, pgup/pgdown, home/end/g/G), the mouse
// wheel, and left clicks on a row (select it, RowClickedMsg) or on a header
// (HeaderClickedMsg). Clicks use the origin set with SetOrigin.
func (t Table) Update(msg tea.Msg) (Table, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := t.Keys
		switch {
		case key.Matches(msg, k.Up):
			t.move(-1)
		case key.Matches(msg, k.Down):
			t.move(1)
		case key.Matches(msg, k.PageUp):
			t.page(-1)
		case key.Matches(msg, k.PageDown):
			t.page(1)
		case key.Matches(msg, k.Home):
			t.SetCursor(0)
		case key.Matches(msg, k.End):
			t.SetCursor(t.n - 1)
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			t.move(-3)
		case tea.MouseWheelDown:
			t.move(3)
		}
	case tea.MouseClickMsg:
		if msg.Button != tea.MouseLeft {
			break
		}
		x, y := msg.X-t.ox, msg.Y-t.oy
		if x < 0 || y < 0 || x >= t.w || y >= t.h {
			break
		}
		if y == 0 {
			col := t.colAt(x)
			if col < 0 {
				break
			}
			id := t.id
			return t, func() tea.Msg { return HeaderClickedMsg{ID: id, Col: col} }
		}
		row := t.offset + y - 1
		if row >= t.n || x >= t.contentWidth() {
			break
		}
		again := row == t.cursor
		t.SetCursor(row)
		id := t.id
		return t, func() tea.Msg { return RowClickedMsg{ID: id, Row: row, Again: again} }
	}
	return t, nil
}

func (t *Table) move(d int) {
	if t.n == 0 {
		return
	}
	t.SetCursor(t.cursor + d)
}

// page moves the cursor and the window together by one page, so the cursor
// keeps its place on the screen.
func (t *Table) page(dir int) {
	if t.n == 0 {
		return
	}
	vis := t.visRows()
	t.cursor += dir * vis
	t.offset += dir * vis
	t.offset = min(max(t.offset, 0), max(t.n-vis, 0))
	t.clamp()
}
