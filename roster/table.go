// Package roster reads rosters in: the member and unit lists unions already
// keep in Excel and CSV files (this file and header.go, cells.go, roster.go,
// report.go for the problems report).
//
// An import runs in three steps. ReadFile reads every row of a sheet or CSV
// file as text. Prepare finds the header row under any title rows, maps the
// columns, parses and validates every row against the database and names
// every problem by the sheet's own row number and column. Plan.Commit then
// writes all the valid rows in one transaction, or nothing. Load (load.go)
// does the first two at once, checking a sheet's rows while it reads the
// next ones.
package roster

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"unionbook/i18n"
)

// Format is the kind of file read.
type Format int

const (
	XLSX Format = iota
	CSV
)

// Row is one non-empty row of a sheet: its number as the spreadsheet shows
// it (1 for the first row) and its cells as text, column A first.
type Row struct {
	Num   int
	Cells []string
}

// Cell returns the cell in column col (0 for A), "" beyond the row's end.
func (r Row) Cell(col int) string {
	if col < 0 || col >= len(r.Cells) {
		return ""
	}
	return r.Cells[col]
}

// Table is a sheet or CSV file read into memory.
type Table struct {
	Path     string
	Format   Format
	Sheets   []string // the workbook's sheets (xlsx)
	Sheet    string   // the sheet read (xlsx)
	Date1904 bool     // the workbook counts dates from 1904 (old Mac Excel)
	Encoding string   // the CSV's encoding: "UTF-8", "UTF-8 BOM", "GB18030", "UTF-16"
	Comma    rune     // the CSV's separator
	Rows     []Row    // non-empty rows in order
	Width    int      // the number of columns of the widest row
	// Merged are the merged ranges of the sheet ("A1:M1"); merged cells
	// below the header are filled from their top-left cell.
	Merged []string
}

// maxCSVBytes bounds a CSV read into memory: a 100,000-member roster is
// about 20 MB.
const maxCSVBytes = 512 << 20

// mergeScanRows is the largest sheet whose merged cells are looked up:
// excelize reads the whole sheet into memory to list them, which costs
// seconds on a 100,000-row sheet, and rosters that large come from systems,
// not from hands that merge cells.
const mergeScanRows = 20000

// ReadFile reads a roster file: .xlsx (the named sheet, or the first sheet
// with data when sheet is "") or .csv.
func ReadFile(path, sheet string) (*Table, error) {
	isXLSX, err := sniff(path)
	if err != nil {
		return nil, err
	}
	if isXLSX {
		return readXLSX(path, sheet)
	}
	return readCSVFile(path)
}

// sniff tells an .xlsx file (a zip) from a CSV file by its first bytes,
// and refuses the old .xls format.
func sniff(path string) (isXLSX bool, err error) {
	head := make([]byte, 8)
	f, err := os.Open(path)
	if err != nil {
		return false, fileError(path, err)
	}
	n, _ := io.ReadFull(f, head)
	f.Close()
	head = head[:n]
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}) || ext == ".xls" || ext == ".et":
		return false, i18n.E("import.old_xls", filepath.Base(path))
	case bytes.HasPrefix(head, []byte("PK")):
		return true, nil
	case ext == ".xlsx" || ext == ".xlsm":
		return false, i18n.E("import.bad_xlsx", filepath.Base(path), "not a zip file")
	}
	return false, nil
}

func readCSVFile(path string) (*Table, error) {
	data, err := readAll(path)
	if err != nil {
		return nil, err
	}
	t, err := ReadCSV(data)
	if err != nil {
		return nil, err
	}
	t.Path = path
	return t, nil
}

func readAll(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxCSVBytes+1))
	if err != nil {
		return nil, fileError(path, err)
	}
	if len(data) > maxCSVBytes {
		return nil, i18n.E("import.too_big", filepath.Base(path))
	}
	return data, nil
}

func fileError(path string, err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return i18n.E("import.no_file", path)
	case errors.Is(err, os.ErrPermission):
		return i18n.E("import.file_permission", path)
	}
	return i18n.E("import.file_read", path, err.Error())
}

// openXLSX opens a workbook and finds the sheet asked for by name
// (ignoring case and spaces around it); sheet stays "" for the first sheet
// with data.
func openXLSX(path, sheet string) (*excelize.File, *Table, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, nil, i18n.E("import.bad_xlsx", filepath.Base(path), err.Error())
	}
	t := &Table{Path: path, Format: XLSX, Sheets: f.GetSheetList()}
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		t.Date1904 = *p.Date1904
	}
	if sheet != "" {
		found := false
		for _, s := range t.Sheets {
			if s == sheet || strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(sheet)) {
				sheet, found = s, true
				break
			}
		}
		if !found {
			f.Close()
			return nil, nil, i18n.E("import.no_sheet", sheet, strings.Join(t.Sheets, ", "))
		}
		t.Sheet = sheet
	}
	return f, t, nil
}

func readXLSX(path, sheet string) (*Table, error) {
	f, t, err := openXLSX(path, sheet)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readOpenXLSX(f, t, t.Sheet)
}

// mergedRanges lists the merged ranges of a sheet ("A1:M1").
func mergedRanges(f *excelize.File, sheet string) []string {
	var out []string
	if ms, err := f.GetMergeCells(sheet, true); err == nil {
		for _, m := range ms {
			out = append(out, m.GetStartAxis()+":"+m.GetEndAxis())
		}
	}
	return out
}

// add keeps a row unless all its cells are blank, trimming blank cells at
// its end.
func (t *Table) add(num int, cells []string) {
	if cells = trimRow(cells); cells != nil {
		t.Rows = append(t.Rows, Row{Num: num, Cells: cells})
		t.Width = max(t.Width, len(cells))
	}
}

// trimRow is a row's cells without the blank cells at its end; nil for a
// row of blank cells.
func trimRow(cells []string) []string {
	end := len(cells)
	for end > 0 && strings.TrimSpace(cells[end-1]) == "" {
		end--
	}
	if end == 0 {
		return nil
	}
	return cells[:end:end]
}

// ReadCSV reads a CSV file's bytes: UTF-8 with or without BOM, UTF-16 with
// BOM (Excel's "Unicode text"), or else GB18030 (which includes GBK and
// GB2312); comma, semicolon or tab separated, whichever fits the file.
// Row numbers are the rows a spreadsheet shows for the file: one per
// record, blank lines included.
func ReadCSV(data []byte) (*Table, error) {
	t := &Table{Format: CSV}
	text, enc, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	t.Encoding = enc
	t.Comma = detectComma(text)
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = t.Comma
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = false
	extra := 0 // line breaks inside quoted fields so far
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, i18n.E("import.csv_syntax", pe.StartLine-extra, pe.Err.Error())
			}
			return nil, i18n.E("import.csv_syntax", 0, err.Error())
		}
		line, _ := r.FieldPos(0)
		num := line - extra
		for _, f := range rec {
			extra += strings.Count(f, "\n")
		}
		t.add(num, rec)
	}
	return t, nil
}

// decodeText turns the file's bytes into text and names the encoding.
func decodeText(data []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return strings.ToValidUTF8(string(data[3:]), "\uFFFD"), "UTF-8 BOM", nil
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", "", i18n.E("import.encoding")
		}
		return string(out), "UTF-16", nil
	case utf8.Valid(data):
		return string(data), "UTF-8", nil
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", i18n.E("import.encoding")
	}
	return strings.ToValidUTF8(string(out), "\uFFFD"), "GB18030", nil
}

// detectComma picks the separator that splits the first lines of the file
// most consistently into more than one field: comma, tab or semicolon.
func detectComma(text string) rune {
	sample := text
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
		if i := strings.LastIndexByte(sample, '\n'); i > 0 {
			sample = sample[:i]
		}
	}
	best, bestScore := ',', -1
	for _, c := range []rune{',', '\t', ';'} {
		if s := commaScore(sample, c); s > bestScore {
			best, bestScore = c, s
		}
	}
	return best
}

// commaScore is the number of records, among the first 50, that have the
// most common field count, if that count is above one.
func commaScore(sample string, comma rune) int {
	r := csv.NewReader(strings.NewReader(sample))
	r.Comma = comma
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	counts := map[int]int{}
	for i := 0; i < 50; i++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			break
		}
		n := len(rec)
		for n > 0 && strings.TrimSpace(rec[n-1]) == "" {
			n--
		}
		if n > 1 {
			counts[n]++
		}
	}
	best := 0
	for n, c := range counts {
		// more fields break ties: a title row has one field under any separator
		if score := c*1000 + n; c > 0 && score > best {
			best = score
		}
	}
	return best
}

// ColumnName is a column's letter as the spreadsheet shows it: 0 is A, 26 AA.
func ColumnName(col int) string {
	name, err := excelize.ColumnNumberToName(col + 1)
	if err != nil {
		return "?"
	}
	return name
}
