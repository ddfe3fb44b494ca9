package workbook

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/xuri/excelize/v2"
)

// Print forms: the books' journals, statement and vouchers are forms an
// auditor signs, not lists. They need what a list does not: portrait
// pages, a form number in the corner, free text rows (the period line, a
// voucher's heading, notes), a header row repeated inside the sheet (one
// per voucher), page breaks and the signature line (工会主席, 财务负责人,
// 复核, 制表) at the foot.

// TableOptions change how a table's sheet is set up.
type TableOptions struct {
	Portrait bool   // A4 portrait (the default is landscape)
	NoHeader bool   // the column header is not written under the title (Header writes it where wanted)
	Corner   string // text at the top right of the printed page (the form number 工会02表)
	Sub      string // the line under the title (the book's sub line when empty)
}

// TableWith starts a table like Table, set up by o.
func (b *Book) TableWith(name, title string, cols []Column, o TableOptions) (*SheetTable, error) {
	t := &SheetTable{b: b, name: sheetName(name), title: title, cols: cols, opts: o}
	return t, t.startSheet()
}

// Text writes a row of one text spanning the table's width (bold when
// strong), left-aligned, or centred when center is set.
func (t *SheetTable) Text(s string, strong, center bool) error {
	st := t.b.printStyles()
	style := st.note
	switch {
	case strong && center:
		style = st.heading
	case strong:
		style = st.strong
	case center:
		style = st.center
	}
	if err := t.next(); err != nil {
		return err
	}
	axis, _ := excelize.CoordinatesToCellName(1, t.row)
	if err := t.sw.SetRow(axis, []any{excelize.Cell{StyleID: style, Value: s}}, excelize.RowOpts{Height: 20}); err != nil {
		return err
	}
	return t.mergeRow()
}

// Cells writes a row of free text cells without borders (a voucher's
// date and number line).
func (t *SheetTable) Cells(vals ...string) error {
	st := t.b.printStyles()
	if err := t.next(); err != nil {
		return err
	}
	cells := make([]any, len(vals))
	for i, v := range vals {
		cells[i] = excelize.Cell{StyleID: st.note, Value: v}
	}
	axis, _ := excelize.CoordinatesToCellName(1, t.row)
	return t.sw.SetRow(axis, cells, excelize.RowOpts{Height: 18})
}

// Blank writes an empty row.
func (t *SheetTable) Blank() error {
	if err := t.next(); err != nil {
		return err
	}
	return nil
}

// Header writes the column header row again (a voucher's own header).
func (t *SheetTable) Header() error {
	if err := t.next(); err != nil {
		return err
	}
	head := make([]any, len(t.cols))
	for i, c := range t.cols {
		head[i] = excelize.Cell{StyleID: t.b.st.head, Value: c.Header}
	}
	axis, _ := excelize.CoordinatesToCellName(1, t.row)
	return t.sw.SetRow(axis, head, excelize.RowOpts{Height: 24})
}

// PageBreak starts a new printed page after the last row written.
func (t *SheetTable) PageBreak() error {
	axis, _ := excelize.CoordinatesToCellName(1, t.row+1)
	return t.sw.InsertPageBreak(axis)
}

// Signatures writes the signature lines: a blank row, then each label
// ("工会主席：") followed by its name or a line to sign on. Each takes as
// many columns as its text needs (merged), so none is cut off by the next
// one; what does not fit on a row goes on the next.
func (t *SheetTable) Signatures(labels, names []string) error {
	if err := t.Blank(); err != nil {
		return err
	}
	st := t.b.printStyles()
	texts := make([]string, len(labels))
	for i, l := range labels {
		name := "__________"
		if i < len(names) && strings.TrimSpace(names[i]) != "" {
			name = names[i]
		}
		texts[i] = l + name
	}
	for _, row := range signatureRows(texts, t.colWidths()) {
		if err := t.next(); err != nil {
			return err
		}
		cells := make([]any, len(t.cols))
		for i := range cells {
			cells[i] = excelize.Cell{StyleID: st.sign}
		}
		for _, s := range row {
			cells[s.first] = excelize.Cell{StyleID: st.sign, Value: s.text}
		}
		axis, _ := excelize.CoordinatesToCellName(1, t.row)
		if err := t.sw.SetRow(axis, cells, excelize.RowOpts{Height: 28}); err != nil {
			return err
		}
		for _, s := range row {
			if s.last == s.first {
				continue
			}
			a, _ := excelize.CoordinatesToCellName(s.first+1, t.row)
			b, _ := excelize.CoordinatesToCellName(s.last+1, t.row)
			if err := t.sw.MergeCell(a, b); err != nil {
				return err
			}
		}
	}
	return nil
}

// signatureSpan is one signature placed on a row: its text over the
// columns first..last.
type signatureSpan struct {
	text        string
	first, last int
}

// signatureRows places the signatures in order, each over the fewest
// columns from where the previous one ended that are as wide as its text
// (a Chinese character counts 2), starting a new row when the rest of the
// row is too narrow. The last one on a row takes the row's remaining
// columns. A text wider than the whole table gets a row of its own.
func signatureRows(texts []string, widths []float64) [][]signatureSpan {
	var rows [][]signatureSpan
	var row []signatureSpan
	col := 0
	flush := func() {
		if len(row) > 0 {
			row[len(row)-1].last = len(widths) - 1
			rows = append(rows, row)
		}
		row, col = nil, 0
	}
	for _, text := range texts {
		need := float64(ansi.StringWidth(text))
		last, ok := fit(widths, col, need)
		if !ok && col > 0 {
			flush()
			last, ok = fit(widths, col, need)
		}
		if !ok {
			last = len(widths) - 1
		}
		row = append(row, signatureSpan{text: text, first: col, last: last})
		col = last + 1
		if col >= len(widths) {
			flush()
		}
	}
	flush()
	return rows
}

// fit finds the last column of the fewest columns from first on that add
// up to need.
func fit(widths []float64, first int, need float64) (int, bool) {
	sum := 0.0
	for i := first; i < len(widths); i++ {
		sum += widths[i]
		if sum >= need {
			return i, true
		}
	}
	return 0, false
}

// colWidths are the columns' widths as set on the sheet.
func (t *SheetTable) colWidths() []float64 {
	w := make([]float64, len(t.cols))
	for i, c := range t.cols {
		w[i] = c.Width
		if w[i] <= 0 {
			w[i] = defaultColWidth
		}
	}
	return w
}

// next moves to the next row, continuing on a new sheet when this one is
// full.
func (t *SheetTable) next() error {
	if t.row >= t.b.maxRows {
		if err := t.sw.Flush(); err != nil {
			return err
		}
		if err := t.startSheet(); err != nil {
			return err
		}
	}
	t.row++
	return nil
}

// mergeRow merges the current row across the table's width.
func (t *SheetTable) mergeRow() error {
	if len(t.cols) < 2 {
		return nil
	}
	a, _ := excelize.CoordinatesToCellName(1, t.row)
	b, _ := excelize.CoordinatesToCellName(len(t.cols), t.row)
	return t.sw.MergeCell(a, b)
}

// printStyles are the styles of the print forms, made on first use.
type printStyles struct{ note, strong, center, heading, sign int }

func (b *Book) printStyles() *printStyles {
	if b.ps != nil {
		return b.ps
	}
	font := "SimSun"
	if b.lang.Code() == "en" {
		font = "Calibri"
	}
	mk := func(s *excelize.Style) int {
		id, err := b.f.NewStyle(s)
		if err != nil {
			panic(err) // only with a malformed style below
		}
		return id
	}
	b.ps = &printStyles{
		note:    mk(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Size: 10, Family: font}, Alignment: &excelize.Alignment{Vertical: "center"}}),
		strong:  mk(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Bold: true, Size: 11, Family: font}, Alignment: &excelize.Alignment{Vertical: "center"}}),
		center:  mk(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Size: 10, Family: font}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}),
		heading: mk(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Bold: true, Size: 14, Family: font}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}),
		sign:    mk(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Size: 11, Family: font}, Alignment: &excelize.Alignment{Vertical: "bottom"}}),
	}
	return b.ps
}
