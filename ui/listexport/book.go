package listexport

import (
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"unionbook/atomicfile"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/workbook"
)

// writer writes a sheet into a workbook a chunk of rows at a time, then
// the file. It is used by one command at a time.
type writer struct {
	sn    sheet
	book  *workbook.Book
	table *workbook.SheetTable
	kinds []workbook.ColKind
	next  int // the first row not yet written
}

// newWriter starts the workbook: its title is the list's name, the line
// under it the union, the filter and the date, its columns those on
// screen, as wide as their contents.
func newWriter(c *common.Common, sn sheet) (*writer, error) {
	union := ""
	if p, ok, err := c.Store.Profile(); err == nil && ok {
		union = p.UnionName
	}
	sub := strings.TrimSpace(strings.Join(nonEmpty(union, sn.filter, c.T("listexport.written_on", c.Today().String())), "    "))
	b, err := workbook.New(workbook.Options{Lang: c.Lang, Union: union, Subtitle: sub})
	if err != nil {
		return nil, err
	}
	w := &writer{sn: sn, book: b, kinds: make([]workbook.ColKind, len(sn.cols))}
	cols := make([]workbook.Column, len(sn.cols))
	for i, col := range sn.cols {
		width := ansi.StringWidth(col.Title)
		money := false
		for r, row := range sn.rows {
			if r < 500 {
				width = max(width, ansi.StringWidth(row[i]))
			}
			if col.AlignRight && strings.Contains(row[i], ".") {
				money = true
			}
		}
		w.kinds[i] = workbook.KText
		if col.AlignRight {
			w.kinds[i] = workbook.KInt
			if money {
				w.kinds[i] = workbook.KMoney
			}
		}
		cols[i] = workbook.Column{Header: col.Title, Width: float64(min(max(width+2, 6), 50)), ColKind: w.kinds[i]}
	}
	if w.table, err = b.Table(sn.name, sn.name, cols); err != nil {
		b.Close()
		return nil, err
	}
	return w, nil
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// chunk writes up to n more rows and reports whether all are written.
func (w *writer) chunk(n int) (bool, error) {
	end := min(w.next+n, len(w.sn.rows))
	vals := make([]any, len(w.sn.cols))
	for ; w.next < end; w.next++ {
		for i, cell := range w.sn.rows[w.next] {
			vals[i] = w.value(i, cell)
		}
		if err := w.table.Row(vals...); err != nil {
			return false, err
		}
	}
	return w.next == len(w.sn.rows), nil
}

// value is a cell as the workbook holds it: numbers of the right-aligned
// columns as numbers (money with two decimals), everything else as the
// text on screen.
func (w *writer) value(col int, cell string) any {
	switch w.kinds[col] {
	case workbook.KInt:
		if n, err := strconv.ParseInt(strings.ReplaceAll(cell, ",", ""), 10, 64); err == nil {
			return n
		}
	case workbook.KMoney:
		if m, err := model.ParseMoney(cell); err == nil && strings.TrimSpace(cell) != "" {
			return m
		}
	}
	return cell
}

// finish writes the file at path, safely (a failure leaves any earlier
// file there as it was).
func (w *writer) finish(path string) error {
	defer w.book.Close()
	if err := w.table.Close(); err != nil {
		return err
	}
	return atomicfile.Write(path, func(f io.Writer) error {
		_, err := w.book.WriteTo(f)
		return err
	})
}

// abandon lets go of a book that will not be written.
func (w *writer) abandon() { w.book.Close() }
