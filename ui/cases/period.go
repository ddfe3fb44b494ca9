package cases

import (
	"unionbook/model"
	"unionbook/ui/common"
)

// spanKind is the length of a period of the list's filter or the figures.
type spanKind int

const (
	spanAll spanKind = iota // every case (the list only)
	spanYear
	spanHalf // 上半年 / 下半年, the work summary's period
	spanQuarter
	spanMonth
)

// span is a period: all time, a year, a half, a quarter or a month.
type span struct {
	kind  spanKind
	year  int
	index int // half 1-2, quarter 1-4, month 1-12
}

// around is the span of the kind that holds d.
func around(kind spanKind, d model.Date) span {
	m := d.MonthOfYear()
	switch kind {
	case spanHalf:
		return span{kind, d.Year(), (m-1)/6 + 1}
	case spanQuarter:
		return span{kind, d.Year(), (m-1)/3 + 1}
	case spanMonth:
		return span{kind, d.Year(), m}
	case spanAll:
		return span{}
	}
	return span{kind: spanYear, year: d.Year()}
}

func (s span) months() int {
	switch s.kind {
	case spanHalf:
		return 6
	case spanQuarter:
		return 3
	case spanMonth:
		return 1
	}
	return 12
}

// bounds are the first and last day, 0 and 0 for all time.
func (s span) bounds() (model.Date, model.Date) {
	if s.kind == spanAll {
		return 0, 0
	}
	n := s.months()
	first := 1
	if s.kind != spanYear {
		first = (s.index-1)*n + 1
	}
	from := model.Month(s.year*100 + first)
	return from.First(), from.Add(n - 1).Last()
}

// step moves by d spans of the same kind (all time stays).
func (s span) step(d int) span {
	if s.kind == spanAll {
		return s
	}
	from, _ := s.bounds()
	return around(s.kind, from.Month().Add(d*s.months()).First())
}

// next is the next kind of span, around today when today is inside s and
// around s's first day otherwise; withAll includes all time in the cycle.
func (s span) next(today model.Date, withAll bool) span {
	from, to := s.bounds()
	anchor := from
	if s.kind == spanAll || (today >= from && today <= to) {
		anchor = today
	}
	k := s.kind + 1
	if k > spanMonth {
		k = spanYear
		if withAll {
			k = spanAll
		}
	}
	return around(k, anchor)
}

// label names the span: "2026年上半年", "全部".
func (s span) label(c *common.Common) string {
	if s.kind == spanAll {
		return c.T("cases.all_time")
	}
	from, to := s.bounds()
	return model.Period{From: from.Month(), To: to.Month()}.Label(c.Lang)
}
