package roster

import (
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"unionbook/atomicfile"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/scratch"
)

// ProblemsHeader is the header of the column a report adds.
const ProblemsHeader = "问题/Problems"

// WriteReport writes the problems report at path: the user's own sheet
// with a 问题/Problems column after its last, holding each row's problems
// (and, for the rows that are not data, why they were left out), and the
// cells with a problem filled, so the user can fix the roster in Excel and
// import it again.
//
// For a workbook the report is a copy of it with only that column and the
// fills added: every sheet, value, date, formula, merged range, style and
// column width stays as it was (copyReport). A CSV file, a workbook with
// macros and a sheet too large to edit in memory are written anew
// (newReport).
//
// A sheet larger than 16 MB is kept in the scratch session's folder while
// the report is written, and the half-written file is tracked there (a
// killed run leaves nothing for long); a nil session keeps everything in
// memory.
func WriteReport(path string, p *Plan, l i18n.Lang, sess *scratch.Session) error {
	if src := p.Table.Path; src != "" {
		if sameFile(src, path) {
			return i18n.E("import.report_is_source", path)
		}
		// a workbook with macros (.xlsm) copied under .xlsx would not open
		if p.Table.Format == XLSX && len(p.Table.Rows) <= maxCopyRows && !strings.EqualFold(filepath.Ext(src), ".xlsm") {
			return copyReport(path, p, l, sess)
		}
	}
	return newReport(path, p, l, sess)
}

// maxCopyRows is the largest sheet whose report is a copy of the
// workbook: excelize edits a sheet in memory, a 20,000-row roster in 1.6 s
// and 70 MB, a 40,000-row one in 700 MB. Larger sheets come from systems,
// not hands, and are written anew, as text (60,000 rows: 3 s, 220 MB).
var maxCopyRows = 20000

// sameFile reports whether two paths name one file (or would).
func sameFile(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(fa, fb)
	}
	ca, errA := filepath.Abs(a)
	cb, errB := filepath.Abs(b)
	return errA == nil && errB == nil && ca == cb
}

// reportStyles are the looks a report adds.
type reportStyles struct {
	head, note, skipped, text, bad int
}

// reportLines are the report's texts by table row index: the problems of
// each row with problems (the file's on the header row), the changes of
// updates, why rows that are not data were left out; and the columns to
// fill on each row.
func reportLines(p *Plan, l i18n.Lang) (msgs map[int][]string, skipped map[int]string, bad map[int]map[int]bool, fileRow int) {
	msgs, skipped, bad = map[int][]string{}, map[int]string{}, map[int]map[int]bool{}
	fileRow = -1
	if len(p.FileIssues) > 0 {
		fileRow = max(p.Header.Index, 0)
		for _, is := range p.FileIssues {
			msgs[fileRow] = append(msgs[fileRow], is.Localize(l))
		}
	}
	sep := ": "
	if l == i18n.ZH {
		sep = "："
	}
	for _, it := range p.Items {
		for _, is := range it.Issues {
			msg := is.Message(l)
			if label := is.Label(l); label != "" {
				msg = label + sep + msg
			}
			msgs[it.Index] = append(msgs[it.Index], msg)
			if is.Col >= 0 {
				if bad[it.Index] == nil {
					bad[it.Index] = map[int]bool{}
				}
				bad[it.Index][is.Col] = true
			}
		}
		if it.Action == Update && len(it.Changes) > 0 && len(it.Issues) == 0 {
			msgs[it.Index] = append(msgs[it.Index], l.T("import.will_update", ChangesText(it.Changes, l)))
		}
	}
	for _, r := range p.IgnoredRows {
		if r.Why != SkipBlank {
			skipped[r.Index] = l.T(r.Why)
		}
	}
	return msgs, skipped, bad, fileRow
}

// copyReport writes the report as a copy of the user's workbook.
func copyReport(path string, p *Plan, l i18n.Lang, sess *scratch.Session) error {
	tmpDir := xlsxNoTempFolder
	var tracker atomicfile.Tracker
	if sess != nil {
		tmpDir, tracker = sess.Dir(), sess
	}
	t := p.Table
	if err := checkZip(t.Path); err != nil {
		return err
	}
	f, err := excelize.OpenFile(t.Path, excelize.Options{UnzipSizeLimit: maxXLSXUnzipped, UnzipXMLSizeLimit: xlsxMemoryLimit, TmpDir: tmpDir})
	if err != nil {
		return xlsxError(t.Path, err)
	}
	defer f.Close()
	sheet := t.Sheet
	if sheet == "" {
		sheet = f.GetSheetName(0)
	}
	st, err := newReportStyles(f)
	if err != nil {
		return err
	}
	// the problems column: after the last column of the rows written to,
	// and of any range merged across them
	probCol := t.Width
	if p.Header.Index >= 0 {
		probCol = max(probCol, len(p.Header.Fields))
	}
	if ms, err := f.GetMergeCells(sheet, true); err == nil {
		firstRow := t.Rows[0].Num
		if p.Header.Index >= 0 {
			firstRow = p.Header.Row
		}
		for _, m := range ms {
			c2, r2, err := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err == nil && r2 >= firstRow {
				probCol = max(probCol, c2)
			}
		}
	}
	probName := ColumnName(probCol)
	if err := f.SetColWidth(sheet, probName, probName, 60); err != nil {
		return i18n.E("import.write_failed", path, err.Error())
	}
	msgs, skipped, bad, fileRow := reportLines(p, l)
	headerIdx := p.Header.Index
	if headerIdx < 0 {
		headerIdx = fileRow
	}
	filled := map[int]int{} // a cell's style -> the same filled
	set := func(row, col int, v any, style int) error {
		cell, _ := excelize.CoordinatesToCellName(col+1, row)
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, style)
	}
	for i, row := range t.Rows {
		var err error
		switch {
		case i == headerIdx:
			err = set(row.Num, probCol, ProblemsHeader+strings.Join(prefixNL(msgs[i]), ""), st.head)
		case len(msgs[i]) > 0:
			err = set(row.Num, probCol, model.StripUnsafe(strings.Join(msgs[i], "\n")), st.note)
		case skipped[i] != "":
			err = set(row.Num, probCol, skipped[i], st.skipped)
		}
		if err != nil {
			return i18n.E("import.write_failed", path, err.Error())
		}
		for c := range bad[i] {
			cell, _ := excelize.CoordinatesToCellName(c+1, row.Num)
			old, err := f.GetCellStyle(sheet, cell)
			if err != nil {
				return i18n.E("import.write_failed", path, err.Error())
			}
			id, ok := filled[old]
			if !ok {
				if id, err = fillStyle(f, old); err != nil {
					return i18n.E("import.write_failed", path, err.Error())
				}
				filled[old] = id
			}
			if err := f.SetCellStyle(sheet, cell, cell, id); err != nil {
				return i18n.E("import.write_failed", path, err.Error())
			}
		}
	}
	return atomicfile.WriteTracked(path, tracker, func(w io.Writer) error {
		if _, err := f.WriteTo(w); err != nil {
			return i18n.E("import.write_failed", path, err.Error())
		}
		return nil
	})
}

// The report's looks: a problem cell is filled light red, its text dark
// red (its font, borders and number format stay); the problems are dark
// red on white; why a row was left out, grey.
var (
	badFill   = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}}
	badColour = "9C0006"
)

// fillStyle is the style id of style old with the problem fill added.
func fillStyle(f *excelize.File, old int) (int, error) {
	s, err := f.GetStyle(old)
	if err != nil || s == nil {
		s = &excelize.Style{}
	}
	s.Fill = badFill
	font := excelize.Font{}
	if s.Font != nil {
		font = *s.Font
	}
	font.Color = badColour
	s.Font = &font
	return f.NewStyle(s)
}

func newReportStyles(f *excelize.File) (reportStyles, error) {
	var st reportStyles
	var err error
	for _, s := range []struct {
		id    *int
		style *excelize.Style
	}{
		{&st.bad, &excelize.Style{
			Fill: badFill, Font: &excelize.Font{Color: badColour}, NumFmt: 49,
			Border: []excelize.Border{{Type: "left", Color: "C00000", Style: 1}, {Type: "right", Color: "C00000", Style: 1}, {Type: "top", Color: "C00000", Style: 1}, {Type: "bottom", Color: "C00000", Style: 1}},
		}},
		{&st.note, &excelize.Style{Font: &excelize.Font{Color: badColour}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.skipped, &excelize.Style{Font: &excelize.Font{Color: "808080", Italic: true}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.head, &excelize.Style{Font: &excelize.Font{Bold: true, Color: badColour}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFEB9C"}},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&st.text, &excelize.Style{NumFmt: 49}}, // "@": text, so Excel leaves IDs alone
	} {
		if *s.id, err = f.NewStyle(s.style); err != nil {
			return st, err
		}
	}
	return st, nil
}

// newReport writes the rows read into a new workbook, as text, with the
// problems column: for a CSV file, and a sheet too large to copy. Dates
// read as serial numbers are written as 2023-05-01 in the columns read as
// dates.
func newReport(path string, p *Plan, l i18n.Lang, sess *scratch.Session) error {
	tmpDir := xlsxNoTempFolder
	var tracker atomicfile.Tracker
	if sess != nil {
		tmpDir, tracker = sess.Dir(), sess
	}
	f := excelize.NewFile(excelize.Options{TmpDir: tmpDir})
	defer f.Close()
	sheet := p.Table.Sheet
	if sheet == "" {
		sheet = "Sheet1"
	}
	if sheet != "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			return i18n.E("import.write_failed", path, err.Error())
		}
	}
	st, err := newReportStyles(f)
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	width := p.Table.Width
	if p.Header.Index >= 0 {
		width = max(width, len(p.Header.Fields))
	}
	probCol := width // the column after the last
	if err := sw.SetColWidth(1, max(1, width), 14); err != nil {
		return err
	}
	if err := sw.SetColWidth(probCol+1, probCol+1, 60); err != nil {
		return err
	}
	msgs, skipped, bad, fileRow := reportLines(p, l)
	headerIdx := p.Header.Index
	if headerIdx < 0 {
		headerIdx = fileRow
	}
	dateCols := map[int]bool{}
	for c, fld := range p.Header.Fields {
		switch fld {
		case FBirth, FJoinDate, FContractSigned, FContractExpires:
			dateCols[c] = true
		}
	}
	for i, row := range p.Table.Rows {
		cells := make([]any, 0, probCol+1)
		for c := 0; c < probCol; c++ {
			v := row.Cell(c)
			if i > headerIdx && p.Header.Index >= 0 && dateCols[c] && reSerial.MatchString(strings.TrimSpace(v)) && len(strings.TrimSpace(v)) != 8 {
				if d, monthOnly, err := DateCell(v, p.Table.Date1904); err == nil && !monthOnly {
					v = d.String()
				}
			}
			cell := excelize.Cell{Value: model.StripUnsafe(v), StyleID: st.text}
			if bad[i][c] {
				cell.StyleID = st.bad
			}
			cells = append(cells, cell)
		}
		switch {
		case i == headerIdx:
			cells = append(cells, excelize.Cell{Value: ProblemsHeader + strings.Join(prefixNL(msgs[i]), ""), StyleID: st.head})
		case len(msgs[i]) > 0:
			cells = append(cells, excelize.Cell{Value: model.StripUnsafe(strings.Join(msgs[i], "\n")), StyleID: st.note})
		case skipped[i] != "":
			cells = append(cells, excelize.Cell{Value: skipped[i], StyleID: st.skipped})
		}
		axis, _ := excelize.CoordinatesToCellName(1, row.Num)
		if err := sw.SetRow(axis, cells); err != nil {
			return err
		}
	}
	for _, ref := range p.Table.Merged {
		a, b, ok := strings.Cut(ref, ":")
		if !ok {
			continue
		}
		_ = sw.MergeCell(a, b) // a merge down the data hides the cells filled from its first
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return atomicfile.WriteTracked(path, tracker, func(w io.Writer) error {
		if _, err := f.WriteTo(w); err != nil {
			return i18n.E("import.write_failed", path, err.Error())
		}
		return nil
	})
}

func prefixNL(msgs []string) []string {
	out := make([]string, len(msgs))
	for i, m := range msgs {
		out[i] = "\n" + m
	}
	return out
}
