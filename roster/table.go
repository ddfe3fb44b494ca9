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
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"unionbook/i18n"
	"unionbook/model"
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

// Limits on what a roster file may hold, so that a hostile or broken file
// is refused within seconds and in little memory (a 1 MB workbook can
// unzip to gigabytes). A 100,000-member roster of 14 columns is a 9 MB
// workbook whose sheet unzips to 80 MB, or a 20 MB CSV file; 2.5 million
// cells.
const (
	// maxCSVBytes bounds a CSV file, read into memory whole.
	maxCSVBytes = 128 << 20
	// maxXLSXUnzipped bounds the sizes the workbook's zip declares for its
	// parts, unzipped, together (Go's zip reader refuses a part that holds
	// more than it declares).
	maxXLSXUnzipped = 256 << 20
	// maxXLSXRatio bounds how much a large part may unzip to per byte
	// stored: real sheets compress about 10 to 1, zip bombs 1000 to 1.
	maxXLSXRatio    = 100
	ratioCheckAbove = 16 << 20
	maxXLSXEntries  = 10000
	// xlsxMemoryLimit: larger parts unzip into the scratch folder
	xlsxMemoryLimit  = 16 << 20
	xlsxNoTempFolder = "unionbook-in-memory\x00"
)

// maxCells bounds the cells read into a table (100,000 rows of 60
// columns), maxRows its rows (three times the members of a large county
// federation). Variables for tests.
var (
	maxCells = 6_000_000
	maxRows  = 300_000
)

// mergeScanRows is the largest sheet whose merged cells are looked up:
// excelize reads the whole sheet into memory to list them, which costs
// seconds on a 100,000-row sheet, and rosters that large come from systems,
// not from hands that merge cells.
const mergeScanRows = 20000

// ReadFile reads a roster file: .xlsx (the named sheet, or the first sheet
// with data when sheet is "") or .csv. A large sheet is unzipped in memory:
// OpenFile takes a private folder for it.
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
// and names what cannot be read: the old .xls format, a workbook locked
// with a password (which Excel keeps in the same container as .xls), a
// file named .xlsx that is no zip.
func sniff(path string) (isXLSX bool, err error) {
	head := make([]byte, 8)
	f, err := os.Open(path)
	if err != nil {
		return false, fileError(path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		return false, i18n.E("import.is_folder", path)
	}
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		if passwordProtected(f) {
			return false, i18n.E("import.xlsx_password", filepath.Base(path))
		}
		return false, i18n.E("import.old_xls", filepath.Base(path))
	case ext == ".xls" || ext == ".et":
		return false, i18n.E("import.old_xls", filepath.Base(path))
	case bytes.HasPrefix(head, []byte("PK")):
		return true, nil
	case ext == ".xlsx" || ext == ".xlsm":
		return false, i18n.E("import.xlsx_not_zip", filepath.Base(path))
	}
	return false, nil
}

// passwordProtected reports an OLE compound file holding an encrypted
// Office document (its EncryptedPackage stream): a .xlsx saved with a
// password to open it.
func passwordProtected(f *os.File) bool {
	doc, err := mscfb.New(f)
	if err != nil {
		return false
	}
	for i := 0; i < 1000; i++ {
		e, err := doc.Next()
		if err != nil {
			return false
		}
		if e.Name == "EncryptedPackage" || e.Name == "EncryptionInfo" {
			return true
		}
	}
	return false
}

// checkZip looks at what the workbook's zip declares before anything is
// unzipped: a zip that is no workbook, too many parts, parts that unzip to
// more than a roster can hold, or to far more than they store (a zip bomb).
func checkZip(path string) error {
	name := filepath.Base(path)
	zr, err := zip.OpenReader(path)
	if err != nil {
		return i18n.E("import.xlsx_damaged", name)
	}
	defer zr.Close()
	if len(zr.File) > maxXLSXEntries {
		return i18n.E("import.xlsx_too_large", name, maxXLSXUnzipped>>20)
	}
	var total uint64
	workbook := false
	for _, f := range zr.File {
		part := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		if part == "xl/workbook.xml" {
			workbook = true
		}
		total += f.UncompressedSize64
		if total > maxXLSXUnzipped || f.UncompressedSize64 > maxXLSXUnzipped {
			return i18n.E("import.xlsx_too_large", name, maxXLSXUnzipped>>20)
		}
		if f.UncompressedSize64 > ratioCheckAbove && f.UncompressedSize64 > maxXLSXRatio*max(f.CompressedSize64, 1) {
			return i18n.E("import.xlsx_too_large", name, maxXLSXUnzipped>>20)
		}
	}
	if !workbook {
		return i18n.E("import.xlsx_no_workbook", name)
	}
	// Unzip every part once, to nowhere: excelize reads a part that is
	// damaged, or holds more than it declares, only up to the fault and
	// without a word, and would import half a sheet. This costs a fraction
	// of reading the sheet (0.2 s for a 100,000-row roster).
	for _, f := range zr.File {
		rc, err := f.Open()
		if err == nil {
			_, err = io.Copy(io.Discard, rc)
			rc.Close()
		}
		if err != nil {
			return i18n.E("import.xlsx_damaged", name)
		}
	}
	return nil
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
// with data. Parts larger than 16 MB are unzipped into tmpDir, a private
// folder (a scratch session's), else kept in memory: never in the system's
// temp folder.
func openXLSX(path, sheet, tmpDir string) (*excelize.File, *Table, error) {
	if err := checkZip(path); err != nil {
		return nil, nil, err
	}
	if tmpDir == "" {
		tmpDir = xlsxNoTempFolder // excelize, unable to make a file there, unzips in memory
	}
	f, err := excelize.OpenFile(path, excelize.Options{
		UnzipSizeLimit: maxXLSXUnzipped, UnzipXMLSizeLimit: xlsxMemoryLimit, TmpDir: tmpDir,
	})
	if err != nil {
		return nil, nil, xlsxError(path, err)
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

// xlsxError says what went wrong reading a workbook: a damaged zip (a
// part holding other than it declares), a part that is not the XML it
// should be, or what excelize says.
func xlsxError(path string, err error) error {
	name := filepath.Base(path)
	var le i18n.Localizer
	switch {
	case errors.As(err, &le):
		return err
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrAlgorithm),
		errors.Is(err, io.ErrUnexpectedEOF):
		return i18n.E("import.xlsx_damaged", name)
	case errors.Is(err, io.EOF):
		return i18n.E("import.xlsx_no_workbook", name)
	}
	var ce flate.CorruptInputError
	if errors.As(err, &ce) {
		return i18n.E("import.xlsx_damaged", name)
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return i18n.E("import.xlsx_damaged", name)
	}
	return i18n.E("import.bad_xlsx", name, model.StripUnsafe(err.Error()))
}

func readXLSX(path, sheet string) (*Table, error) {
	f, t, err := openXLSX(path, sheet, "")
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
	cells := 0
	lastStart, lastNum := int64(0), 0 // the last record's offset and row
	for {
		start := r.InputOffset()
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
		lastStart, lastNum = start, num
		for _, f := range rec {
			extra += strings.Count(f, "\n")
		}
		if cells += len(rec); cells > maxCells {
			return nil, i18n.E("import.too_many_cells", "CSV", maxCells)
		}
		if len(t.Rows) >= maxRows {
			return nil, i18n.E("import.too_many_rows", "CSV", maxRows)
		}
		t.add(num, rec)
	}
	// Lenient quotes let a quote that is never closed swallow the rest of
	// the file into one cell: name the row where it opens.
	if lastNum > 0 && openQuoteAtEnd(text[lastStart:], t.Comma) {
		return nil, i18n.E("import.csv_unclosed_quote", lastNum)
	}
	return t, nil
}

// openQuoteAtEnd reports whether the record at the start of s (the file's
// last) has a quoted field still open at the end of the file, read as
// encoding/csv reads with LazyQuotes: a field that starts with a quote
// ends at a quote followed by the separator, a line break or the end; a
// doubled quote, or a quote followed by anything else, is part of it.
func openQuoteAtEnd(s string, comma rune) bool {
	sep := byte(comma)
	i := 0
	for {
		if i < len(s) && s[i] == '"' {
			i++
			for {
				j := strings.IndexByte(s[i:], '"')
				if j < 0 {
					return true
				}
				i += j + 1
				switch {
				case i >= len(s):
					return false
				case s[i] == '"':
					i++
					continue
				case s[i] == sep:
				case s[i] == '\n', s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n':
					return false
				default:
					continue // a lone quote inside the field
				}
				break
			}
			i++ // past the separator
			continue
		}
		// an unquoted field: to the separator, or the end of the record
		j := strings.IndexAny(s[i:], string([]byte{sep, '\n'}))
		if j < 0 || s[i+j] == '\n' {
			return false
		}
		i += j + 1
	}
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
