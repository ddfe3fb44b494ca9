package model

import (
	"regexp"
	"strconv"
	"strings"

	"unionbook/i18n"
)

// Period is the span of months a district package reports on.
type Period struct {
	From, To Month
	Text     string // as the user wrote it, normalized: "2026", "2026-H1", "2026-Q3", "2026-07", "2026-01..2026-06"
}

var (
	rePeriodYear  = regexp.MustCompile(`^(\d{4})$`)
	rePeriodHalf  = regexp.MustCompile(`^(\d{4})-[Hh]([12])$`)
	rePeriodQtr   = regexp.MustCompile(`^(\d{4})-[Qq]([1-4])$`)
	rePeriodMonth = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
	rePeriodRange = regexp.MustCompile(`^(\d{4})-(\d{1,2})\s*\.\.\s*(\d{4})-(\d{1,2})$`)
)

// ParsePeriod reads a period: a year (2026), a half year (2026-H1), a
// quarter (2026-Q3), a month (2026-07) or a range of months
// (2026-01..2026-06).
func ParsePeriod(s string) (Period, error) {
	t := strings.TrimSpace(Clean(s))
	bad := i18n.E("export.bad_period", s)
	year := func(x string) (int, bool) {
		y, _ := strconv.Atoi(x)
		return y, y >= 1900 && y <= 9999
	}
	month := func(y int, x string) (Month, bool) {
		m, _ := strconv.Atoi(x)
		return Month(y*100 + m), m >= 1 && m <= 12
	}
	if m := rePeriodYear.FindStringSubmatch(t); m != nil {
		y, ok := year(m[1])
		if !ok {
			return Period{}, bad
		}
		return Period{From: Month(y*100 + 1), To: Month(y*100 + 12), Text: m[1]}, nil
	}
	if m := rePeriodHalf.FindStringSubmatch(t); m != nil {
		y, ok := year(m[1])
		if !ok {
			return Period{}, bad
		}
		h, _ := strconv.Atoi(m[2])
		from := Month(y*100 + 1 + 6*(h-1))
		return Period{From: from, To: from.Add(5), Text: m[1] + "-H" + m[2]}, nil
	}
	if m := rePeriodQtr.FindStringSubmatch(t); m != nil {
		y, ok := year(m[1])
		if !ok {
			return Period{}, bad
		}
		q, _ := strconv.Atoi(m[2])
		from := Month(y*100 + 1 + 3*(q-1))
		return Period{From: from, To: from.Add(2), Text: m[1] + "-Q" + m[2]}, nil
	}
	if m := rePeriodMonth.FindStringSubmatch(t); m != nil {
		y, ok := year(m[1])
		mo, ok2 := month(y, m[2])
		if !ok || !ok2 {
			return Period{}, bad
		}
		return Period{From: mo, To: mo, Text: mo.String()}, nil
	}
	if m := rePeriodRange.FindStringSubmatch(t); m != nil {
		y1, ok1 := year(m[1])
		y2, ok2 := year(m[3])
		if !ok1 || !ok2 {
			return Period{}, bad
		}
		from, ok3 := month(y1, m[2])
		to, ok4 := month(y2, m[4])
		if !ok3 || !ok4 {
			return Period{}, bad
		}
		if to < from {
			return Period{}, i18n.E("export.period_backwards", from.String(), to.String())
		}
		if MonthsBetween(from, to) > 120 {
			return Period{}, i18n.E("export.period_too_long")
		}
		text := from.String() + ".." + to.String()
		if from == to {
			text = from.String()
		}
		return Period{From: from, To: to, Text: text}, nil
	}
	return Period{}, bad
}

// First is the period's first day, Last its last.
func (p Period) First() Date { return p.From.First() }
func (p Period) Last() Date  { return p.To.Last() }

// Months lists the period's months.
func (p Period) Months() []Month {
	var out []Month
	for m := p.From; m <= p.To; m = m.Add(1) {
		out = append(out, m)
	}
	return out
}

// Label names the period for titles: "2026年", "2026年上半年", "2026年第三季度",
// "2026年7月", "2026年1月至6月".
func (p Period) Label(l i18n.Lang) string {
	y := p.From.Year()
	switch {
	case p.From.MonthOfYear() == 1 && p.To == Month(y*100+12):
		return l.T("export.period_year", y)
	case p.From.MonthOfYear() == 1 && p.To == Month(y*100+6):
		return l.T("export.period_h1", y)
	case p.From.MonthOfYear() == 7 && p.To == Month(y*100+12):
		return l.T("export.period_h2", y)
	case p.From == p.To:
		return l.T("export.period_month", y, p.From.MonthOfYear())
	case p.To.Year() == y && (p.From.MonthOfYear()-1)%3 == 0 && p.To == p.From.Add(2):
		return l.T("export.period_quarter", y, (p.From.MonthOfYear()-1)/3+1)
	}
	return l.T("export.period_range", p.From.String(), p.To.String())
}

// FileText is the period as it appears in a file name ("2026-01-2026-06"
// for a range: no dots).
func (p Period) FileText() string { return strings.ReplaceAll(p.Text, "..", "_") }
