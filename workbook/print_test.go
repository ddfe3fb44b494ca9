package workbook

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/xuri/excelize/v2"

	"unionbook/i18n"
)

// Each signature of a printed form gets columns as wide as its text, so
// none is cut off under the next (the 财务负责人 line used to vanish under
// 复核 in the statement's narrow 行次 column). Widths are the journal's,
// the statement's and the vouchers'.
func TestSignaturesAreNeverHidden(t *testing.T) {
	labels := []string{"工会主席：", "财务负责人：", "复核：", "制表："}
	for _, tc := range []struct {
		name   string
		widths []float64
		names  []string
		rows   int
	}{
		{"journal", []float64{11, 10, 34, 22, 13, 13, 14}, nil, 1},
		{"statement", []float64{40, 6, 16, 16}, nil, 2},
		{"vouchers", []float64{34, 9, 20, 14, 14}, nil, 2},
		{"budget", []float64{36, 15, 15, 15, 10, 12}, []string{"陈建国", "林秀英", "郑海", "李秘书"}, 1},
		{"narrow", []float64{12, 12}, nil, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := New(Options{Lang: i18n.ZH, Union: "青山镇总工会"})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			cols := make([]Column, len(tc.widths))
			for i, w := range tc.widths {
				cols[i] = Column{Header: "列", Width: w}
			}
			tb, err := b.TableWith("表", "表", cols, TableOptions{Portrait: true})
			if err != nil {
				t.Fatal(err)
			}
			if err := tb.Signatures(labels, tc.names); err != nil {
				t.Fatal(err)
			}
			if err := tb.Close(); err != nil {
				t.Fatal(err)
			}
			f := reopen(t, b)
			merged, err := f.GetMergeCells("表")
			if err != nil {
				t.Fatal(err)
			}
			rows, err := f.GetRows("表")
			if err != nil {
				t.Fatal(err)
			}
			found, signRows := 0, 0
			for r, row := range rows {
				inRow := false
				for c, v := range row {
					if !strings.Contains(v, "：") {
						continue
					}
					inRow = true
					found++
					cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
					span := tc.widths[c] // the cell alone, or its merged range
					for _, m := range merged {
						if m.GetStartAxis() == cell {
							end, _, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
							span = 0
							for k := c; k < end; k++ {
								span += tc.widths[k]
							}
						}
					}
					if need := float64(ansi.StringWidth(v)); span < need {
						t.Errorf("%s at %s has %.0f characters of room, needs %.0f", v, cell, span, need)
					}
				}
				if inRow {
					signRows++
				}
			}
			if found != len(labels) || signRows != tc.rows {
				t.Errorf("%d signatures on %d rows, want %d on %d: %q", found, signRows, len(labels), tc.rows, rows)
			}
		})
	}
}
