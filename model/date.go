package model

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"unionbook/i18n"
)

// Date is a civil date held as the number yyyymmdd (20230501); zero means
// "not set". Dates compare and sort as numbers and carry no time zone.
type Date int32

// Month is a calendar month held as yyyymm (202305).
type Month int32

// NewDate makes a date; it does not validate (use ParseDate for input).
func NewDate(y int, m time.Month, d int) Date { return Date(y*10000 + int(m)*100 + d) }

// DateOf returns the civil date of t in t's location.
func DateOf(t time.Time) Date { return NewDate(t.Date()) }

// Today is the local civil date.
func Today() Date { return DateOf(time.Now()) }

func (d Date) Year() int        { return int(d) / 10000 }
func (d Date) MonthOfYear() int { return int(d) / 100 % 100 }
func (d Date) Day() int         { return int(d) % 100 }
func (d Date) IsZero() bool     { return d == 0 }
func (d Date) Month() Month     { return Month(int(d) / 100) }
func (d Date) Time() time.Time {
	return time.Date(d.Year(), time.Month(d.MonthOfYear()), d.Day(), 0, 0, 0, 0, time.Local)
}
func (d Date) AddYears(n int) Date { return DateOf(d.Time().AddDate(n, 0, 0)) }

// Valid reports whether d is a real calendar date (no 31 February).
func (d Date) Valid() bool {
	y, m, day := d.Year(), d.MonthOfYear(), d.Day()
	if y < 1800 || y > 9999 || m < 1 || m > 12 || day < 1 {
		return false
	}
	return day <= daysIn(y, m)
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// String is ISO "2006-01-02", or "" for the zero date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year(), d.MonthOfYear(), d.Day())
}

// YearsUntil is the whole years from d to later (an age).
func (d Date) YearsUntil(later Date) int {
	n := later.Year() - d.Year()
	if later%10000 < d%10000 {
		n--
	}
	return n
}

var (
	reDateSep   = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$`)
	reDateFlat  = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	reMonthSep  = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$`)
	reMonthFlat = regexp.MustCompile(`^(\d{4})(\d{2})$`)
	// reTimeOfDay is the time Excel and CSV exports append to dates
	// ("2023/5/1 0:00", "2023-05-01 00:00:00", "2023-05-01T00:00:00").
	reTimeOfDay = regexp.MustCompile(`(\s+|T)\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$`)
)

// ParseDate reads 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日 and 20230501,
// with full-width digits. A time of day after the date, as spreadsheets
// export it ("2023/5/1 0:00"), is ignored. An impossible date (2月31日) is an
// error.
func ParseDate(s string) (Date, error) {
	t := Clean(s)
	if t == "" {
		return 0, i18n.E("date.empty")
	}
	t = reTimeOfDay.ReplaceAllString(t, "")
	m := reDateSep.FindStringSubmatch(t)
	if m == nil {
		m = reDateFlat.FindStringSubmatch(t)
	}
	if m == nil {
		return 0, i18n.E("date.format", shown(s))
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	date := Date(y*10000 + mo*100 + d)
	if !date.Valid() {
		return 0, i18n.E("date.impossible", shown(s))
	}
	return date, nil
}

// ParseDateOrMonth reads a date as a person types it or a roster holds it:
// the forms of ParseDate, or a month alone (2019-5, 2019.5, 2019/05,
// 2019年5月, 201905), which stands for the first day of that month and
// sets monthOnly. A six-digit yyyymm counts only for the years 1900 to
// 2100 (other six-digit numbers are no month). Forms and the roster import
// read every date field with it.
func ParseDateOrMonth(s string) (d Date, monthOnly bool, err error) {
	d, err = ParseDate(s)
	if err == nil {
		return d, false, nil
	}
	if e, ok := err.(*i18n.Error); ok && e.Key != "date.format" {
		return 0, false, err // empty, or a day that does not exist
	}
	t := reTimeOfDay.ReplaceAllString(Clean(s), "")
	if reMonthFlat.MatchString(t) {
		if y, _ := strconv.Atoi(t[:4]); y < 1900 || y > 2100 {
			return 0, false, err
		}
	}
	if mo, merr := ParseMonth(t); merr == nil {
		return mo.First(), true, nil
	}
	return 0, false, err
}

// ReadDate is ParseDateOrMonth for a date field: a month alone is its
// first day.
func ReadDate(s string) (Date, error) {
	d, _, err := ParseDateOrMonth(s)
	return d, err
}

// ParseMonth reads 2023-05, 2023/5, 2023年5月 and 202305.
func ParseMonth(s string) (Month, error) {
	t := Clean(s)
	if t == "" {
		return 0, i18n.E("month.empty")
	}
	m := reMonthSep.FindStringSubmatch(t)
	if m == nil {
		m = reMonthFlat.FindStringSubmatch(t)
	}
	if m == nil {
		return 0, i18n.E("month.format", shown(s))
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	if mo < 1 || mo > 12 || y < 1800 {
		return 0, i18n.E("month.format", shown(s))
	}
	return Month(y*100 + mo), nil
}

func (m Month) Year() int        { return int(m) / 100 }
func (m Month) MonthOfYear() int { return int(m) % 100 }
func (m Month) First() Date      { return Date(int(m)*100 + 1) }
func (m Month) Last() Date       { return Date(int(m)*100 + daysIn(m.Year(), m.MonthOfYear())) }
func (m Month) String() string   { return fmt.Sprintf("%04d-%02d", m.Year(), m.MonthOfYear()) }

// Add moves n months forward (or back for negative n).
func (m Month) Add(n int) Month {
	i := m.Year()*12 + m.MonthOfYear() - 1 + n
	y, mo := i/12, i%12
	if mo < 0 { // floor division, should i ever be negative
		y, mo = y-1, mo+12
	}
	return Month(y*100 + mo + 1)
}
