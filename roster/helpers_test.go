package roster

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
)

var testToday = model.NewDate(2025, time.June, 1)

func newStore(t testing.TB, units ...string) *storage.Store {
	t.Helper()
	st, err := storage.Open(filepath.Join(t.TempDir(), "t.db"), storage.Options{
		Now:    func() time.Time { return time.Date(2025, 6, 1, 9, 0, 0, 0, time.Local) },
		NoSync: true, // no test here is of durability
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for _, name := range units {
		u := model.Unit{Name: name, Kind: 170}
		if err := st.CreateUnit("test", &u); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// raw marks a cell written as a number exactly as given (what Excel stores
// for a long number: 1.10101199003078E+17).
type raw string

// writeXLSX makes a workbook with one sheet; values are strings, numbers,
// or raw. merges are ranges like "A1:J1".
func writeXLSX(t testing.TB, sheet string, rows [][]any, merges ...string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if sheet != "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			t.Fatal(err)
		}
	}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			var err error
			switch v := v.(type) {
			case nil:
				continue
			case raw:
				err = f.SetCellDefault(sheet, cell, string(v))
			default:
				err = f.SetCellValue(sheet, cell, v)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, m := range merges {
		a, b, _ := strings.Cut(m, ":")
		if err := f.MergeCell(sheet, a, b); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "roster.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// issueAt finds the issues of a row, as "COL:key" strings.
func issuesOf(p *Plan, row int) []string {
	var out []string
	for _, it := range p.Items {
		if it.Row != row {
			continue
		}
		for _, is := range it.Issues {
			col := "-"
			if is.Col >= 0 {
				col = ColumnName(is.Col)
			}
			out = append(out, col+":"+is.P.Key)
		}
	}
	return out
}

func hasIssue(p *Plan, row int, want string) bool {
	for _, s := range issuesOf(p, row) {
		if s == want {
			return true
		}
	}
	return false
}

func allText(p *Plan, l i18n.Lang) string {
	var b strings.Builder
	for _, is := range p.Issues() {
		b.WriteString(is.Localize(l))
		b.WriteByte('\n')
	}
	return b.String()
}
