package report

import (
	"io"
	"strconv"
	"strings"

	"unionbook/docx"
	"unionbook/i18n"
	"unionbook/model"
)

// The summary as a Word document: a title, then each section as plain
// sentences (the figure, last year's, the change), a table of the same
// figures with where each comes from, and the section's detail tables.

// WriteSummaryDocx writes s as a .docx document in language l.
func WriteSummaryDocx(w io.Writer, s *WorkSummary, l i18n.Lang) error {
	title := l.T("summary.title", s.Union, s.Period.Label(l))
	d := docx.New(title, l.T("summary.page"), s.Now)
	d.Title(title)
	d.Subtitle(l.T("summary.subtitle", s.First.String(), s.AsOf.String(), s.BeforeFirst.String(), s.BeforeAsOf.String(), s.Now.Format("2006-01-02 15:04")))
	d.Note(l.T("summary.intro"))
	for i, sec := range s.Sections {
		d.Heading(1, l.T("summary.heading", numeral(l, i+1), l.T(SectionKey(sec.Key))))
		if len(sec.Figures) == 0 {
			d.Paragraph(sec.Missing)
			continue
		}
		for _, f := range sec.Figures {
			d.Paragraph(Sentence(l, f))
		}
		rows := make([][]string, len(sec.Figures))
		for j, f := range sec.Figures {
			before, change := l.T("summary.no_record"), ""
			if f.HasBefore {
				before, change = Value(l, f, f.Before), Change(l, f)
			}
			rows[j] = []string{FigureName(l, f), Value(l, f, f.Now), before, change, f.Source}
		}
		d.Table([]docx.Column{
			{Header: l.T("summary.c_figure"), Width: 5},
			{Header: l.T("summary.c_now"), Width: 4, Align: docx.Right},
			{Header: l.T("summary.c_before"), Width: 4, Align: docx.Right},
			{Header: l.T("summary.c_change"), Width: 4, Align: docx.Right},
			{Header: l.T("summary.c_source"), Width: 9},
		}, rows, nil)
		for _, t := range sec.Tables {
			d.Heading(2, t.Title)
			cols := make([]docx.Column, len(t.Header))
			for j, h := range t.Header {
				cols[j] = docx.Column{Header: h, Width: 3}
				if j < len(t.Right) && t.Right[j] {
					cols[j].Align = docx.Right
				} else {
					cols[j].Width = 7
				}
			}
			bold := map[int]bool{}
			if t.Total && len(t.Rows) > 0 {
				bold[len(t.Rows)-1] = true
			}
			for _, i := range t.Bold {
				bold[i] = true
			}
			d.Table(cols, t.Rows, bold)
		}
	}
	d.Note(l.T("summary.outro"))
	_, err := d.WriteTo(w)
	return err
}

// SectionKey is the catalogue key of a section's heading.
func SectionKey(key string) string { return "summary.sec_" + key }

// FigureKey is the catalogue key of a figure's name.
func FigureKey(key string) string { return "summary.f_" + key }

// FigureName is the figure's name in language l.
func FigureName(l i18n.Lang, f SummaryFigure) string {
	if f.Name != "" {
		return f.Name
	}
	return l.T(FigureKey(f.Key))
}

// numeral is the section number: 一, 二 … in Chinese, 1, 2 … in English.
func numeral(l i18n.Lang, n int) string {
	if l == i18n.ZH && n >= 1 && n <= 10 {
		return []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}[n-1]
	}
	return strconv.Itoa(n)
}

// Sentence is the figure as a plain sentence with last year's beside it.
func Sentence(l i18n.Lang, f SummaryFigure) string {
	name := FigureName(l, f)
	if !f.HasBefore {
		return l.T("summary.sentence_now", name, Value(l, f, f.Now))
	}
	return l.T("summary.sentence", name, Value(l, f, f.Now), Value(l, f, f.Before), Change(l, f))
}

// Value shows v as the figure's kind is shown: 1,234 人, 12,345.67 元, 98.76%.
func Value(l i18n.Lang, f SummaryFigure, v int64) string {
	switch f.Kind {
	case Money:
		return l.T("summary.yuan", model.Money(v).Display())
	case Rate:
		return rateText(int(v))
	}
	s := grouped(strconv.FormatInt(v, 10))
	if f.Unit != "" {
		unit := f.Unit
		if (v == 1 || v == -1) && l.Has(unit+"_one") { // 1 unit, not 1 units
			unit += "_one"
		}
		return l.T("summary.with_unit", s, l.T(unit))
	}
	return s
}

// Change says how the figure moved against last year: up or down by how
// much (and by what share of last year's), or unchanged; a rate moves by
// percentage points.
func Change(l i18n.Lang, f SummaryFigure) string {
	d := f.Now - f.Before
	switch {
	case d == 0:
		return l.T("summary.same")
	case f.Kind == Rate:
		abs := d
		if abs < 0 {
			abs = -abs
		}
		pts := strconv.FormatInt(abs/100, 10) + "." + pad2(int(abs%100))
		if d > 0 {
			return l.T("summary.up_points", pts)
		}
		return l.T("summary.down_points", pts)
	}
	abs := d
	if abs < 0 {
		abs = -abs
	}
	amount := Value(l, f, abs)
	if f.Before <= 0 {
		if d > 0 {
			return l.T("summary.up", amount)
		}
		return l.T("summary.down", amount)
	}
	share := rateText(model.ShareBP(int64(abs), int64(f.Before)))
	if d > 0 {
		return l.T("summary.up_share", amount, share)
	}
	return l.T("summary.down_share", amount, share)
}

// grouped puts thousands separators into a decimal number: 1234567.89 is
// 1,234,567.89.
func grouped(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if hasFrac {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}
