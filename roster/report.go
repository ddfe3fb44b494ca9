package roster

import (
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"unionbook/atomicfile"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/scratch"
)

// ProblemsHeader is the header of the column a report adds.
const ProblemsHeader = "问题/Problems"

// WriteReport writes the user's sheet back as a new workbook at path: every
// row as it was read, a 问题/Problems column holding each row's problems,
// and the cells with a problem filled, so the user can fix the roster in
// Excel and import it again. Cells are written as text (an ID number typed
// back into a text cell stays whole); dates read as serial numbers are
// written as 2023-05-01.
//
// A sheet larger than 16 MB is kept in the scratch session's folder while
// the report is written, and the half-written file is tracked there (a
// killed run leaves nothing for long); a nil session keeps everything in
// memory.
func WriteReport(path string, p *Plan, l i18n.Lang, sess *scratch.Session) error {
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
	bad, err := f.NewStyle(&excelize.Style{
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}},
		Font:   &excelize.Font{Color: "9C0006"},
		Border: []excelize.Border{{Type: "left", Color: "C00000", Style: 1}, {Type: "right", Color: "C00000", Style: 1}, {Type: "top", Color: "C00000", Style: 1}, {Type: "bottom", Color: "C00000", Style: 1}},
	})
	if err != nil {
		return err
	}
	note, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "9C0006"}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "9C0006"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFEB9C"}}})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text, so Excel leaves IDs alone
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
	// issues, and the changes of updates, by table row index
	byIndex := map[int][]Issue{}
	changes := map[int][]Change{}
	for _, it := range p.Items {
		if len(it.Issues) > 0 {
			byIndex[it.Index] = it.Issues
		}
		if it.Action == Update && len(it.Changes) > 0 {
			changes[it.Index] = it.Changes
		}
	}
	headerIdx := p.Header.Index
	fileRow := -1 // the row that carries the file's problems
	if len(p.FileIssues) > 0 {
		fileRow = max(headerIdx, 0)
	}
	dateCols := map[int]bool{}
	for c, fld := range p.Header.Fields {
		switch fld {
		case FBirth, FJoinDate, FContractSigned, FContractExpires:
			dateCols[c] = true
		}
	}
	for i, row := range p.Table.Rows {
		issues := byIndex[i]
		badCols := map[int]bool{}
		for _, is := range issues {
			if is.Col >= 0 {
				badCols[is.Col] = true
			}
		}
		cells := make([]any, 0, probCol+1)
		for c := 0; c < probCol; c++ {
			v := row.Cell(c)
			if i > headerIdx && headerIdx >= 0 && dateCols[c] && reSerial.MatchString(strings.TrimSpace(v)) && len(strings.TrimSpace(v)) != 8 {
				if d, monthOnly, err := DateCell(v, p.Table.Date1904); err == nil && !monthOnly {
					v = d.String()
				}
			}
			cell := excelize.Cell{Value: model.StripUnsafe(v), StyleID: text}
			if badCols[c] {
				cell.StyleID = bad
			}
			cells = append(cells, cell)
		}
		var msgs []string
		if i == fileRow {
			for _, is := range p.FileIssues {
				msgs = append(msgs, is.Localize(l))
			}
		}
		for _, is := range issues {
			msg := is.Message(l)
			if label := is.Label(l); label != "" {
				sep := ": "
				if l == i18n.ZH {
					sep = "："
				}
				msg = label + sep + msg
			}
			msgs = append(msgs, msg)
		}
		if cs := changes[i]; len(cs) > 0 {
			msgs = append(msgs, l.T("import.will_update", ChangesText(cs, l)))
		}
		switch {
		case i == headerIdx:
			cells = append(cells, excelize.Cell{Value: ProblemsHeader + strings.Join(prefixNL(msgs), ""), StyleID: head})
		case len(msgs) > 0:
			cells = append(cells, excelize.Cell{Value: strings.Join(msgs, "\n"), StyleID: note})
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
		_, r1, err := excelize.CellNameToCoordinates(a)
		if err != nil || (headerIdx >= 0 && r1 > p.Header.Row) {
			continue // merges in the data were filled in; keep title merges only
		}
		_ = sw.MergeCell(a, b)
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
