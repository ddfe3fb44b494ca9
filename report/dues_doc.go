package report

// The printable documents of dues follow-up: receipts (receipt.go) and the
// arrears notice (notice.go), written through excelize's StreamWriter on
// A4 portrait and saved atomically with mode 0600. This file has what they
// share: a workbook with its cell docStyles, and a docSheet written row by row.

import (
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"unionbook/atomicfile"
	"unionbook/i18n"
	"unionbook/model"
)

// docBook is a document being written: a workbook and its docStyles.
type docBook struct {
	f     *excelize.File
	st    docStyles
	first bool // Sheet1 is still unused
}

// docSheet is one docSheet of a docBook being written.
type docSheet struct {
	*docBook
	sw   *excelize.StreamWriter
	name string
	row  int // the last row written
}

// docStyles are the cell docStyles the documents use.
type docStyles struct {
	title, sub, label, value, money, capital, note, cut, head, text, num, moneyCell, total, totalMoney int
}

func newDocBook(l i18n.Lang) (*docBook, error) {
	b := &docBook{f: excelize.NewFile(), first: true}
	if err := b.makeStyles(l); err != nil {
		b.f.Close()
		return nil, err
	}
	return b, nil
}

// docSheet starts a docSheet laid out for A4 portrait, fitted to the width.
func (b *docBook) addSheet(name string, widths []float64) (*docSheet, error) {
	f := b.f
	s := &docSheet{docBook: b, name: name}
	if b.first {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
		b.first = false
	} else if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	portrait, a4, one, zero := "portrait", 9, 1, 0
	fit := true
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &portrait, Size: &a4, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return nil, err
	}
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	margin, hm := 0.6, 0.3
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &hm, Footer: &hm}); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	s.sw = sw
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *docBook) makeStyles(l i18n.Lang) error {
	font := "SimSun"
	if l == i18n.EN {
		font = "Calibri"
	}
	thin := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	moneyFmt := "#,##0.00"
	yuanFmt := "\"¥\"#,##0.00" // the receipt's figures: ¥120.00
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = s.f.NewStyle(st)
		return id
	}
	f := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: font, Size: size, Bold: bold}
	}
	left := &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	right := &excelize.Alignment{Horizontal: "right", Vertical: "center"}
	s.st.title = mk(&excelize.Style{Font: f(15, true), Alignment: center})
	s.st.sub = mk(&excelize.Style{Font: f(10, false), Alignment: left})
	s.st.label = mk(&excelize.Style{Font: f(10, true), Border: thin, Alignment: center, NumFmt: 49})
	s.st.value = mk(&excelize.Style{Font: f(11, false), Border: thin, Alignment: left, NumFmt: 49})
	s.st.money = mk(&excelize.Style{Font: f(12, true), Border: thin, Alignment: left, CustomNumFmt: &yuanFmt})
	s.st.capital = mk(&excelize.Style{Font: f(12, true), Border: thin, Alignment: left, NumFmt: 49})
	s.st.note = mk(&excelize.Style{Font: f(10, false), Alignment: left, NumFmt: 49})
	s.st.cut = mk(&excelize.Style{Font: &excelize.Font{Family: font, Size: 8, Color: "808080"}, Alignment: center})
	s.st.head = mk(&excelize.Style{Font: f(10, true), Border: thin, Alignment: center,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}})
	s.st.text = mk(&excelize.Style{Font: f(10, false), Border: thin, Alignment: left, NumFmt: 49})
	s.st.num = mk(&excelize.Style{Font: f(10, false), Border: thin, Alignment: right, NumFmt: 1})
	s.st.moneyCell = mk(&excelize.Style{Font: f(10, false), Border: thin, Alignment: right, CustomNumFmt: &moneyFmt})
	s.st.total = mk(&excelize.Style{Font: f(10, true), Border: thin, Alignment: left, NumFmt: 49})
	s.st.totalMoney = mk(&excelize.Style{Font: f(10, true), Border: thin, Alignment: right, CustomNumFmt: &moneyFmt})
	return err
}

// cell is a value with a style.
func docCell(style int, v any) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }

// put writes the next row.
func (s *docSheet) put(height float64, cells ...any) error {
	s.row++
	name, _ := excelize.CoordinatesToCellName(1, s.row)
	return s.sw.SetRow(name, cells, excelize.RowOpts{Height: height})
}

// merge merges columns from..to (1-based) of the last row written.
func (s *docSheet) merge(from, to int) error {
	a, _ := excelize.CoordinatesToCellName(from, s.row)
	b, _ := excelize.CoordinatesToCellName(to, s.row)
	return s.sw.MergeCell(a, b)
}

// breakAfter starts a new printed page after the last row written.
func (s *docSheet) breakAfter() error {
	name, _ := excelize.CoordinatesToCellName(1, s.row+1)
	return s.sw.InsertPageBreak(name)
}

// done flushes the docSheet's rows.
func (s *docSheet) done() error { return s.sw.Flush() }

// save writes the workbook to path atomically and lets it go.
func (b *docBook) save(path string) error {
	defer b.f.Close()
	return atomicfile.Write(path, func(w io.Writer) error {
		_, err := b.f.WriteTo(w)
		return err
	})
}

// yuan is an amount as the number a money cell holds: the double nearest
// its decimal text, as the report workbooks write money.
func docYuan(m model.Money) float64 {
	f, _ := strconv.ParseFloat(m.String(), 64)
	return f
}
