package roster

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/scratch"
	"unionbook/storage"
)

// Source is a roster file opened for an import: a CSV file read whole, or
// a workbook whose sheet is read while its rows are checked (Prepare).
type Source struct {
	t     *Table
	f     *excelize.File // nil for a CSV file, and once read
	sheet string         // the sheet asked for, "" for the first with data
}

// OpenFile opens a roster file as ReadFile reads it, with the same errors,
// but leaves the rows of an .xlsx sheet to Prepare. A workbook's parts
// larger than 16 MB are unzipped into tmpDir, a private folder (a scratch
// session's); "" keeps them in memory. A Source that is not prepared must
// be closed.
func OpenFile(path, sheet, tmpDir string) (*Source, error) {
	isXLSX, err := sniff(path)
	if err != nil {
		return nil, err
	}
	if !isXLSX {
		t, err := readCSVFile(path)
		if err != nil {
			return nil, err
		}
		return &Source{t: t}, nil
	}
	f, t, err := openXLSX(path, sheet, tmpDir)
	if err != nil {
		return nil, err
	}
	return &Source{t: t, f: f, sheet: t.Sheet}, nil
}

// Close releases the workbook (and its temporary files) if it is open.
func (s *Source) Close() {
	if s.f != nil {
		s.f.Close()
		s.f = nil
	}
}

// Load opens the file and prepares its import: OpenFile and Prepare, with
// a large workbook's parts unzipped into the database's scratch folder.
func Load(ctx context.Context, path, sheet string, st *storage.Store, opts Options) (*Plan, error) {
	tmpDir := ""
	if sess, err := scratch.Begin(st.Path()); err == nil {
		defer sess.Close()
		tmpDir = sess.Dir()
	}
	src, err := OpenFile(path, sheet, tmpDir)
	if err != nil {
		return nil, err
	}
	return src.Prepare(ctx, st, opts)
}

// Prepare reads the file's rows and prepares the import: the plan the
// package function Prepare makes of the table ReadFile reads, Plan.Table
// included. A workbook's rows are checked as they are read, in a second
// goroutine, so that an import takes little more than reading the sheet.
// It closes the source. When ctx ends first it returns ErrCanceled.
func (s *Source) Prepare(ctx context.Context, st *storage.Store, opts Options) (*Plan, error) {
	if s.f == nil || opts.Header != nil {
		if err := s.readAll(); err != nil {
			return nil, err
		}
		if ctx.Err() != nil {
			return nil, ErrCanceled
		}
		return Prepare(s.t, st, opts)
	}
	f, t := s.f, s.t
	s.f = nil
	batches := make(chan rowBatch, 8) // bounded: the reader stays a few batches ahead
	stop, finished := make(chan struct{}), make(chan struct{})
	defer func() {
		close(stop)
		<-finished // the workbook is closed: its temporary files are gone
	}()
	go func() {
		defer close(finished)
		defer f.Close()
		defer close(batches)
		streamSheet(f, t, s.sheet, batches, stop)
	}()

	p := newPlan(t, opts)
	var rows rowPreparer
	started, next := false, 0
	start := func() error {
		started = true
		p.Header = FindHeader(t, opts.Kind)
		var err error
		// merged cells are known only at the end: see below
		if rows, err = p.begin(st, false); err != nil {
			return err
		}
		next = p.Header.Index + 1
		return nil
	}
	for b := range batches {
		if b.err != nil {
			return nil, b.err
		}
		if ctx.Err() != nil {
			return nil, ErrCanceled
		}
		if b.sheet != "" {
			t.Sheet = b.sheet
		}
		t.Merged = append(t.Merged, b.merged...)
		t.addRows(b.rows)
		if opts.Progress != nil && len(b.rows) > 0 {
			opts.Progress(len(t.Rows))
		}
		if !started && len(t.Rows) >= headerScanRows {
			if err := start(); err != nil {
				return nil, err
			}
		}
		for ; rows != nil && next < len(t.Rows); next++ {
			if err := rows.row(next); err != nil {
				return nil, err
			}
		}
	}
	if ctx.Err() != nil {
		return nil, ErrCanceled
	}
	if !started {
		if err := start(); err != nil {
			return nil, err
		}
		for ; rows != nil && next < len(t.Rows); next++ {
			if err := rows.row(next); err != nil {
				return nil, err
			}
		}
	}
	if p.Header.Index >= 0 {
		// the header as MapHeader makes it with the whole sheet's width
		for len(p.Header.Fields) < t.Width {
			p.Header.Fields = append(p.Header.Fields, "")
			p.Header.Names = append(p.Header.Names, "")
		}
		if mergedBelow(t, p.Header.Row) {
			// cells merged under the header (a small sheet: merged ranges
			// are looked up up to mergeScanRows rows) are filled before
			// the rows are read: check them again, as Prepare does
			return Prepare(t, st, opts)
		}
	}
	p.finish()
	return p, nil
}

// readAll reads the whole sheet into the table, as ReadFile does.
func (s *Source) readAll() error {
	if s.f == nil {
		return nil
	}
	f := s.f
	defer s.Close()
	t, err := readOpenXLSX(f, s.t, s.sheet)
	if err != nil {
		return err
	}
	s.t = t
	return nil
}

// readOpenXLSX is readXLSX on a workbook already open.
func readOpenXLSX(f *excelize.File, t *Table, sheet string) (*Table, error) {
	batches := make(chan rowBatch, 8)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(batches)
		streamSheet(f, t, sheet, batches, stop)
	}()
	for b := range batches {
		if b.err != nil {
			return nil, b.err
		}
		if b.sheet != "" {
			t.Sheet = b.sheet
		}
		t.Merged = append(t.Merged, b.merged...)
		t.addRows(b.rows)
	}
	return t, nil
}

// addRows appends rows read, doubling the list when it is full.
func (t *Table) addRows(rows []Row) {
	if n := len(t.Rows) + len(rows); n > cap(t.Rows) {
		grown := make([]Row, len(t.Rows), max(n, 2*cap(t.Rows)))
		copy(grown, t.Rows)
		t.Rows = grown
	}
	for _, r := range rows {
		t.Rows = append(t.Rows, r)
		t.Width = max(t.Width, len(r.Cells))
	}
}

// mergedBelow reports whether a merged range starts under the header row:
// fillMerged would change the cells of the rows.
func mergedBelow(t *Table, headerRow int) bool {
	for _, ref := range t.Merged {
		a, _, ok := strings.Cut(ref, ":")
		if !ok {
			continue
		}
		if _, r1, err := excelize.CellNameToCoordinates(a); err == nil && r1 > headerRow {
			return true
		}
	}
	return false
}

// rowBatch is what the reading goroutine hands over: rows, the sheet they
// come from (with the first of them), the merged ranges (at the end), or
// the error that stopped it.
type rowBatch struct {
	sheet  string
	rows   []Row
	merged []string
	err    error
}

// batchRows is the number of rows handed over at once.
const batchRows = 256

// streamSheet reads a sheet's rows with excelize's streaming iterator and
// sends the non-empty ones in batches, then the sheet's merged ranges if it
// has at most mergeScanRows rows (excelize reads the whole sheet into
// memory to list them, which costs seconds on a 100,000-row sheet, and
// rosters that large come from systems, not from hands that merge cells).
// The sheet is the one named, else the first sheet with data: templates
// often keep an empty or an instructions-only sheet first, so a sheet needs
// two non-empty rows; else the first sheet. It stops when stop is closed.
//
// Cells are read raw: a date is its serial number and an ID number stored
// as a number shows what Excel kept of it (1.10101199003078E+17), so that
// nothing depends on the cell's display format.
func streamSheet(f *excelize.File, t *Table, sheet string, out chan<- rowBatch, stop <-chan struct{}) {
	send := func(b rowBatch) bool {
		select {
		case out <- b:
			return true
		case <-stop:
			return false
		}
	}
	// one reads a sheet and sends its rows once it has need of them; it
	// reports whether it did (or failed, or was stopped).
	one := func(name string, need int) bool {
		rows, err := f.Rows(name)
		if err != nil {
			send(rowBatch{err: xlsxError(t.Path, err)})
			return true
		}
		defer rows.Close()
		opt := excelize.Options{RawCellValue: true}
		b := rowBatch{sheet: name}
		num, n, total := 0, 0, 0
		for rows.Next() {
			num++
			cells, err := rows.Columns(opt)
			if err != nil {
				send(rowBatch{err: xlsxError(t.Path, err)})
				return true
			}
			if cells = trimRow(cells); cells == nil {
				continue
			}
			if total += len(cells); total > maxCells {
				send(rowBatch{err: i18n.E("import.too_many_cells", filepath.Base(t.Path), maxCells)})
				return true
			}
			if n >= maxRows {
				send(rowBatch{err: i18n.E("import.too_many_rows", filepath.Base(t.Path), maxRows)})
				return true
			}
			n++
			b.rows = append(b.rows, Row{Num: num, Cells: cells})
			if n >= need && len(b.rows) >= batchRows {
				if !send(b) {
					return true
				}
				b = rowBatch{rows: make([]Row, 0, batchRows)}
			}
		}
		if err := rows.Error(); err != nil {
			send(rowBatch{err: xlsxError(t.Path, err)})
			return true
		}
		if n < need {
			return false
		}
		if send(b) && n <= mergeScanRows {
			send(rowBatch{merged: mergedRanges(f, name)})
		}
		return true
	}
	if sheet != "" {
		one(sheet, 0)
		return
	}
	for _, s := range t.Sheets {
		if one(s, 2) {
			return
		}
	}
	if len(t.Sheets) > 0 {
		one(t.Sheets[0], 0)
	}
}
