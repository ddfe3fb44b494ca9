package events

import (
	"unionbook/model"
	"unionbook/ui/common"
)

// periodKind is the length of the figures' period.
type periodKind int

const (
	periodYear periodKind = iota
	periodHalf            // 上半年 / 下半年, the work report's period
	periodQuarter
	periodMonth
	numPeriodKinds
)

// period is a year, a half, a quarter or a month.
type period struct {
	kind  periodKind
	year  int
	index int // half 1-2, quarter 1-4, month 1-12
}

func yearPeriod(today model.Date) period { return period{kind: periodYear, year: today.Year()} }

// around is the period of the kind that holds d.
func around(kind periodKind, d model.Date) period {
	m := d.MonthOfYear()
	switch kind {
	case periodHalf:
		return period{kind, d.Year(), (m-1)/6 + 1}
	case periodQuarter:
		return period{kind, d.Year(), (m-1)/3 + 1}
	case periodMonth:
		return period{kind, d.Year(), m}
	}
	return period{kind: periodYear, year: d.Year()}
}

func (pd period) months() int {
	switch pd.kind {
	case periodHalf:
		return 6
	case periodQuarter:
		return 3
	case periodMonth:
		return 1
	}
	return 12
}

// bounds are the first and last day of the period.
func (pd period) bounds() (model.Date, model.Date) {
	n := pd.months()
	first := 1
	if pd.kind != periodYear {
		first = (pd.index-1)*n + 1
	}
	from := model.Month(pd.year*100 + first)
	to := from.Add(n - 1)
	return from.First(), to.Last()
}

// step moves by d periods of the same kind.
func (pd period) step(d int) period {
	from, _ := pd.bounds()
	return around(pd.kind, from.Month().Add(d*pd.months()).First())
}

// name is the period as the figures' title names it.
func (pd period) name(c *common.Common) string {
	switch pd.kind {
	case periodHalf:
		if pd.index == 2 {
			return c.T("events.period_half2", pd.year)
		}
		return c.T("events.period_half1", pd.year)
	case periodQuarter:
		return c.T("events.period_quarter", pd.year, pd.index)
	case periodMonth:
		return c.T("events.period_month", pd.year, pd.index)
	}
	return c.T("events.period_year", pd.year)
}
