// Package workbook writes report workbooks through excelize's StreamWriter:
// titled, bordered tables ready for A4 that continue on a further sheet when
// they outgrow one.
package workbook

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
)

// The report workbooks of the district package look like the district's
// own forms: a title row, a line naming the union and the period, Chinese
// (or English) headers on a grey band, the header frozen, sensible column
// widths, money as numbers with two decimals, ID and phone numbers as text,
// landscape A4 fitted to the page width with the header repeated on every
// printed page and page numbers in the footer. A table longer than a sheet
// holds continues on a further sheet with the same title and header.

// ExcelMaxRows is the most rows an .xlsx sheet holds.
const ExcelMaxRows = 1_048_576

// ColKind says how a column's values are written.
type ColKind int

const (
	KText  ColKind = iota // text cell ("@"), for names, IDs, phone numbers, dates
	KInt                  // whole number
	KMoney                // fen written as yuan with two decimals
	KPct                  // basis points written as a percentage with two decimals
)

// defaultColWidth is the width of a column that names none.
const defaultColWidth = 12

// Column is one column of a report table.
type Column struct {
	Header  string
	Width   float64 // in characters; a Chinese character counts about 2
	ColKind ColKind
}

// Book is a report workbook being written.
type Book struct {
	f       *excelize.File
	lang    i18n.Lang
	maxRows int // rows per sheet, ExcelMaxRows unless a test injects less
	union   string
	sub     string // the line under each title: union, period
	first   bool   // the default Sheet1 is still unused
	st      struct{ title, sub, head, text, num, money, pct, ttext, tnum, tmoney, tpct int }
	ps      *printStyles // print forms' styles (print.go), made on first use
	sheets  []string
	// size estimates the bytes of sheet XML written; limit, when not 0,
	// bounds it (MemoryBytes for a book kept in memory).
	size  int64
	cells int
	limit int64
}

// Options are the choices of one workbook.
type Options struct {
	Lang     i18n.Lang
	Union    string // in each printed page's header
	Subtitle string // the line under each title: union, period
	// MaxRows bounds the rows per sheet (tests); 0 means Excel's limit.
	MaxRows int
	// TmpDir is the private folder (a scratch session's) where excelize
	// keeps the rows of a sheet once they outgrow memory (16 MB) until the
	// book is written. "" keeps every row in memory, so that nothing is
	// written to disk before WriteTo (an encrypted export): up to
	// MemoryBytes of sheet XML, beyond which Row fails with
	// ErrTooLargeForMemory.
	TmpDir string
}

// MemoryBytes bounds the sheet XML of a book kept in memory (Options.TmpDir
// ""), as Row estimates it: with excelize's buffers and the zip WriteTo
// builds, such a book takes up to about twice that. Measured on the demo:
// the largest report, the audit log, is 75 MB for a 30,000-member union's
// year and 246 MB for a 100,000-member union's half year (refused).
const MemoryBytes = 160 << 20

// ErrTooLargeForMemory is Row's error when a book kept in memory would
// outgrow MemoryBytes.
var ErrTooLargeForMemory = i18n.E("export.too_large_for_memory", MemoryBytes>>20)

// noDisk is a folder name no file can be created in (it holds a NUL
// byte): excelize, unable to create its temporary file there, keeps the
// rows of a stream in memory.
const noDisk = "unionbook-in-memory\x00"

// New starts a workbook. Close it when done, written or not: that removes
// its temporary files.
func New(o Options) (*Book, error) {
	maxRows := o.MaxRows
	if maxRows <= 3 || maxRows > ExcelMaxRows {
		maxRows = ExcelMaxRows
	}
	tmp := o.TmpDir
	if tmp == "" {
		tmp = noDisk
	}
	f := excelize.NewFile(excelize.Options{TmpDir: tmp})
	f.SetZipWriter(fastZip)
	b := &Book{f: f, lang: o.Lang, maxRows: maxRows, union: model.StripUnsafe(o.Union), sub: model.StripUnsafe(o.Subtitle), first: true}
	if o.TmpDir == "" {
		b.limit = MemoryBytes
	}
	l := o.Lang
	font := "SimSun"
	if l == i18n.EN {
		font = "Calibri"
	}
	border := []excelize.Border{{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}
	moneyFmt := "#,##0.00"
	pctFmt := "0.00%"
	mk := func(s *excelize.Style) int {
		id, err := b.f.NewStyle(s)
		if err != nil {
			panic(err) // only with a malformed style above
		}
		return id
	}
	b.st.title = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Family: font}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	b.st.sub = mk(&excelize.Style{Font: &excelize.Font{Size: 10, Family: font}, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
	b.st.head = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 11, Family: font}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	b.st.text = mk(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Size: 10, Family: font}, Border: border, Alignment: &excelize.Alignment{Vertical: "center"}})
	b.st.num = mk(&excelize.Style{NumFmt: 1, Font: &excelize.Font{Size: 10, Family: font}, Border: border})
	b.st.money = mk(&excelize.Style{CustomNumFmt: &moneyFmt, Font: &excelize.Font{Size: 10, Family: font}, Border: border})
	b.st.pct = mk(&excelize.Style{CustomNumFmt: &pctFmt, Font: &excelize.Font{Size: 10, Family: font}, Border: border})
	bold := &excelize.Font{Bold: true, Size: 10, Family: font}
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}
	b.st.ttext = mk(&excelize.Style{NumFmt: 49, Font: bold, Border: border, Fill: fill})
	b.st.tnum = mk(&excelize.Style{NumFmt: 1, Font: bold, Border: border, Fill: fill})
	b.st.tmoney = mk(&excelize.Style{CustomNumFmt: &moneyFmt, Font: bold, Border: border, Fill: fill})
	b.st.tpct = mk(&excelize.Style{CustomNumFmt: &pctFmt, Font: bold, Border: border, Fill: fill})
	return b, nil
}

// Close lets go of the workbook's temporary files.
func (b *Book) Close() error { return b.f.Close() }

// WriteTo writes the workbook.
func (b *Book) WriteTo(w io.Writer) (int64, error) {
	// The first sheet is the active one already; SetActiveSheet would
	// read every streamed sheet back into memory.
	return b.f.WriteTo(w)
}

// Sheets lists the workbook's sheets in order.
func (b *Book) Sheets() []string { return b.sheets }

// SheetTable is a table being written to one or more sheets.
type SheetTable struct {
	b      *Book
	name   string // the first sheet's name
	title  string
	cols   []Column
	sw     *excelize.StreamWriter
	sheet  string
	part   int
	row    int // the last row written on the current sheet
	count  int // data rows written
	closed bool
	opts   TableOptions // print-form setup (print.go)
}

// sheetName makes a valid sheet name: at most 31 characters, none of : \ / ? * [ ].
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, s)
	if utf8.RuneCountInString(s) > 31 {
		s = string([]rune(s)[:31])
	}
	return s
}

// Table starts a table on a new sheet called name, under title.
func (b *Book) Table(name, title string, cols []Column) (*SheetTable, error) {
	t := &SheetTable{b: b, name: sheetName(model.StripUnsafe(name)), title: model.StripUnsafe(title), cols: cols}
	return t, t.startSheet()
}

func (t *SheetTable) startSheet() error {
	b := t.b
	t.part++
	name := t.name
	if t.part > 1 {
		suffix := " (" + strconv.Itoa(t.part) + ")"
		r := []rune(t.name)
		if len(r)+len([]rune(suffix)) > 31 {
			r = r[:31-len([]rune(suffix))]
		}
		name = string(r) + suffix
	}
	if b.first {
		if err := b.f.SetSheetName("Sheet1", name); err != nil {
			return err
		}
		b.first = false
	} else if _, err := b.f.NewSheet(name); err != nil {
		return err
	}
	b.sheets = append(b.sheets, name)
	t.sheet = name
	// Print setup goes on the worksheet before its rows are streamed.
	landscape, a4, one, zero := "landscape", 9, 1, 0
	if t.opts.Portrait {
		landscape = "portrait"
	}
	fit := true
	if err := b.f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &landscape, Size: &a4, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := b.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	margin, hm := 0.5, 0.3
	if err := b.f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &hm, Footer: &hm}); err != nil {
		return err
	}
	footer := "&C" + b.lang.T("export.xlsx_page_footer")
	header := "&L" + escapeHF(b.union) + "&R" + escapeHF(t.title)
	if t.opts.Corner != "" {
		header = "&L" + escapeHF(b.union) + "&R" + escapeHF(t.opts.Corner)
	}
	if err := b.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddHeader: header, OddFooter: footer}); err != nil {
		return err
	}
	if !t.opts.NoHeader {
		if err := b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + strings.ReplaceAll(name, "'", "''") + "'!$3:$3", Scope: name}); err != nil {
			return err
		}
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	t.sw = sw
	for i, c := range t.cols {
		w := c.Width
		if w <= 0 {
			w = defaultColWidth
		}
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	if !t.opts.NoHeader {
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A4", ActiveCell: "A4", Pane: "bottomLeft"}}}); err != nil {
			return err
		}
	}
	title := t.title
	if t.part > 1 {
		title += b.lang.T("export.xlsx_continued", t.part)
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: b.st.title, Value: title}}, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	sub := b.sub
	if t.opts.Sub != "" {
		sub = t.opts.Sub
	}
	if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: b.st.sub, Value: sub}}, excelize.RowOpts{Height: 18}); err != nil {
		return err
	}
	if t.opts.NoHeader {
		t.row = 2
	} else {
		head := make([]any, len(t.cols))
		for i, c := range t.cols {
			head[i] = excelize.Cell{StyleID: b.st.head, Value: c.Header}
		}
		if err := sw.SetRow("A3", head, excelize.RowOpts{Height: 30}); err != nil {
			return err
		}
	}
	if len(t.cols) > 1 {
		last, _ := excelize.CoordinatesToCellName(len(t.cols), 1)
		if err := sw.MergeCell("A1", last); err != nil {
			return err
		}
		last2, _ := excelize.CoordinatesToCellName(len(t.cols), 2)
		if err := sw.MergeCell("A2", last2); err != nil {
			return err
		}
	}
	if !t.opts.NoHeader {
		t.row = 3
	}
	return nil
}

// escapeHF escapes & in header and footer text.
func escapeHF(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// Row writes a data row; values follow the columns: string for text,
// int/int64 for numbers, model.Money for money, Pct for percentages; nil
// leaves the cell empty (still bordered).
func (t *SheetTable) Row(vals ...any) error { return t.write(false, vals) }

// Total writes a totals row in bold.
func (t *SheetTable) Total(vals ...any) error { return t.write(true, vals) }

// Pct is a ratio in basis points (10000 = 100%).
type Pct int

func (t *SheetTable) write(total bool, vals []any) error {
	if t.row >= t.b.maxRows {
		if err := t.sw.Flush(); err != nil {
			return err
		}
		if err := t.startSheet(); err != nil {
			return err
		}
	}
	st := &t.b.st
	cells := make([]any, len(t.cols))
	for i, c := range t.cols {
		var v any
		if i < len(vals) {
			v = vals[i]
		}
		style := st.text
		switch c.ColKind {
		case KInt:
			style = st.num
		case KMoney:
			style = st.money
		case KPct:
			style = st.pct
		}
		if total {
			switch c.ColKind {
			case KInt:
				style = st.tnum
			case KMoney:
				style = st.tmoney
			case KPct:
				style = st.tpct
			default:
				style = st.ttext
			}
		}
		cell := excelize.Cell{StyleID: style}
		switch x := v.(type) {
		case nil:
		case string:
			if c.ColKind != KText && x != "" {
				style = st.text
				if total {
					style = st.ttext
				}
				cell.StyleID = style
			}
			// from the database or a file: nothing that garbles or
			// reverses what Excel shows
			cell.Value = model.StripUnsafe(x)
		case model.Money:
			if v, ok := moneyValue(x); ok {
				cell.Value = v
			} else {
				// beyond what a number cell holds to the fen: the exact
				// amount as text
				cell.Value = x.Display()
				cell.StyleID = st.text
				if total {
					cell.StyleID = st.ttext
				}
			}
		case Pct:
			cell.Value = pctValue(x)
		case int:
			cell.Value = x
		case int64:
			cell.Value = x
		case uint64:
			cell.Value = strconv.FormatUint(x, 10)
		case bool:
			cell.Value = t.b.YesNo(x)
		default:
			cell.Value = fmt.Sprint(x)
		}
		cells[i] = cell
	}
	if err := t.b.grow(cells); err != nil {
		return err
	}
	t.row++
	t.count++
	axis, _ := excelize.CoordinatesToCellName(1, t.row)
	return t.sw.SetRow(axis, cells)
}

// Close ends the table (its last sheet).
func (t *SheetTable) Close() error {
	if t.closed {
		return nil
	}
	t.closed = true
	return t.sw.Flush()
}

// Count is the number of data and total rows written.
func (t *SheetTable) Count() int { return t.count }

// maxExactFen is the largest amount in fen (15 significant digits, under
// ten trillion yuan) whose decimal a double holds so that Excel, and the
// shortest form excelize writes, show it unchanged to the fen.
const maxExactFen = 999_999_999_999_999

// moneyValue is fen as yuan for a number cell: the double nearest the
// decimal text "1234.50", which for up to 15 significant digits is written
// back as that very decimal ("1234.5"). Larger amounts are not: ok false.
func moneyValue(m model.Money) (v float64, ok bool) {
	if m > maxExactFen || m < -maxExactFen {
		return 0, false
	}
	f, err := strconv.ParseFloat(m.String(), 64)
	return f, err == nil
}

// pctValue is basis points as a fraction for a percentage cell.
func pctValue(p Pct) float64 {
	f, _ := strconv.ParseFloat(fmt.Sprintf("%d.%04d", int(p)/10000, int(p)%10000), 64)
	return f
}

func (b *Book) YesNo(v bool) string {
	if v {
		return b.lang.T("export.yes")
	}
	return b.lang.T("export.no")
}

// grow counts a row's cells and the bytes of XML they will take, and
// refuses the row when a book kept in memory would outgrow MemoryBytes.
func (b *Book) grow(cells []any) error {
	est := int64(40) // <row r="…" …></row>
	for _, c := range cells {
		est += 40 // <c r="AB1234" s="12" t="str"><v></v></c>
		switch v := c.(excelize.Cell).Value.(type) {
		case string:
			est += int64(len(v))
		case nil:
		default:
			est += 12
		}
	}
	if b.limit > 0 && b.size+est > b.limit {
		return ErrTooLargeForMemory
	}
	b.size += est
	b.cells += len(cells)
	return nil
}

// Cells is the number of cells written to the book's tables.
func (b *Book) Cells() int { return b.cells }

// Size estimates the bytes of sheet XML written so far.
func (b *Book) Size() int64 { return b.size }

// fastZip is the workbook's zip at a fast DEFLATE level: at the default
// level, compressing the roster of 100,000 members took a quarter of the
// time of a quarter's package, for a file 8% smaller.
func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, zipLevel)
	})
	return zw
}

// zipLevel is DEFLATE's level for workbooks. Measured on the quarter's
// package of the 100,000-member demo: level 6 (the default) 3.4-3.8 s and
// 26.1 MB, level 2 2.7-2.9 s and 28.3 MB, level 1 2.8-2.9 s and 29.3 MB.
const zipLevel = 2
