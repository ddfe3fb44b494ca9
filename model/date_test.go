package model

import (
	"testing"
	"time"

	"unionbook/i18n"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in   string
		want Date
		err  string
	}{
		{"2023-05-01", 20230501, ""},
		{"2023-5-1", 20230501, ""},
		{"2023/5/1", 20230501, ""},
		{"2023/05/01", 20230501, ""},
		{"2023.5.1", 20230501, ""},
		{"2023年5月1日", 20230501, ""},
		{"2023年05月01日", 20230501, ""},
		{"2023 年 5 月 1 日", 20230501, ""},
		{"2023年5月1", 20230501, ""},
		{"2023年5月1号", 20230501, ""},
		{"20230501", 20230501, ""},
		{"２０２３-０５-０１", 20230501, ""},
		{"２０２３年５月１日", 20230501, ""},
		{"２０２３０５０１", 20230501, ""},
		{"２０２３／５／１", 20230501, ""},
		{" 2023-05-01 ", 20230501, ""},
		{"2023/5/1 0:00", 20230501, ""},
		{"2023-05-01 00:00:00", 20230501, ""},
		{"2023-05-01T08:30:00", 20230501, ""},
		{"2024-02-29", 20240229, ""},
		{"2000-02-29", 20000229, ""},
		{"1880-01-01", 18800101, ""},

		{"2023-02-31", 0, "date.impossible"},
		{"2023-02-29", 0, "date.impossible"},
		{"1900-02-29", 0, "date.impossible"},
		{"2023-04-31", 0, "date.impossible"},
		{"2023-13-01", 0, "date.impossible"},
		{"2023-00-10", 0, "date.impossible"},
		{"2023-01-00", 0, "date.impossible"},
		{"20231301", 0, "date.impossible"},
		{"0000-01-01", 0, "date.impossible"},
		{"1799-12-31", 0, "date.impossible"},
		{"abc", 0, "date.format"},
		{"2023-05", 0, "date.format"},
		{"23-5-1", 0, "date.format"},
		{"2023-5-1-1", 0, "date.format"},
		{"2023-123-1", 0, "date.format"},
		{"202305011", 0, "date.format"},
		{"2023-05-01 abc", 0, "date.format"},
		{"45047", 0, "date.format"}, // an Excel serial number is the importer's business
		{"", 0, "date.empty"},
		{"  ", 0, "date.empty"},
	}
	for _, c := range cases {
		got, err := ParseDate(c.in)
		if k := errKey(err); k != c.err {
			t.Errorf("ParseDate(%q): error %q (%v), want %q", c.in, k, err, c.err)
			continue
		}
		if got != c.want {
			t.Errorf("ParseDate(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestDateString(t *testing.T) {
	for d, want := range map[Date]string{0: "", 20230501: "2023-05-01", 19491231: "1949-12-31", NewDate(2024, time.February, 29): "2024-02-29"} {
		if got := d.String(); got != want {
			t.Errorf("Date(%d).String() = %q, want %q", d, got, want)
		}
		if d != 0 {
			if back, err := ParseDate(want); err != nil || back != d {
				t.Errorf("ParseDate(%q) = %d, %v; want %d", want, back, err, d)
			}
		}
	}
}

func TestDateParts(t *testing.T) {
	d := Date(20240229)
	if d.Year() != 2024 || d.MonthOfYear() != 2 || d.Day() != 29 || d.Month() != 202402 || d.IsZero() {
		t.Errorf("parts of %d: %d %d %d %d", d, d.Year(), d.MonthOfYear(), d.Day(), d.Month())
	}
	if got := DateOf(time.Date(2023, 5, 1, 23, 59, 0, 0, time.UTC)); got != 20230501 {
		t.Errorf("DateOf = %d", got)
	}
	if got := d.AddYears(1); got != 20250301 {
		t.Errorf("2024-02-29 + 1 year = %d, want 20250301 (Go's AddDate normalises)", got)
	}
	if got := Date(20230501).AddYears(-16); got != 20070501 {
		t.Errorf("AddYears(-16) = %d", got)
	}
	if !Today().Valid() {
		t.Errorf("Today() = %d is not valid", Today())
	}
}

func TestYearsUntil(t *testing.T) {
	birth := Date(19900307)
	cases := []struct {
		on   Date
		want int
	}{
		{19900307, 0},
		{20060306, 15}, // the day before the 16th birthday
		{20060307, 16}, // the birthday
		{20060308, 16},
		{20231231, 33},
		{20240306, 33},
		{20240307, 34},
		{19890101, -2},
	}
	for _, c := range cases {
		if got := birth.YearsUntil(c.on); got != c.want {
			t.Errorf("1990-03-07 to %s: %d years, want %d", c.on, got, c.want)
		}
	}
	leap := Date(20000229)
	if got := leap.YearsUntil(20160228); got != 15 {
		t.Errorf("born 29 Feb 2000, on 28 Feb 2016: %d, want 15", got)
	}
	if got := leap.YearsUntil(20160301); got != 16 {
		t.Errorf("born 29 Feb 2000, on 1 Mar 2016: %d, want 16", got)
	}
}

func TestParseMonth(t *testing.T) {
	cases := []struct {
		in   string
		want Month
		err  string
	}{
		{"2023-05", 202305, ""},
		{"2023-5", 202305, ""},
		{"2023/5", 202305, ""},
		{"2023.12", 202312, ""},
		{"2023年5月", 202305, ""},
		{"2023年5", 202305, ""},
		{"202305", 202305, ""},
		{"２０２３年５月", 202305, ""},
		{" 2023-05 ", 202305, ""},
		{"2023-13", 0, "month.format"},
		{"2023-00", 0, "month.format"},
		{"202313", 0, "month.format"},
		{"1700-01", 0, "month.format"},
		{"2023-05-01", 0, "month.format"},
		{"May 2023", 0, "month.format"},
		{"", 0, "month.empty"},
	}
	for _, c := range cases {
		got, err := ParseMonth(c.in)
		if k := errKey(err); k != c.err {
			t.Errorf("ParseMonth(%q): error %q (%v), want %q", c.in, k, err, c.err)
			continue
		}
		if got != c.want {
			t.Errorf("ParseMonth(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestMonth(t *testing.T) {
	adds := []struct {
		m    Month
		n    int
		want Month
	}{
		{202305, 0, 202305},
		{202305, 1, 202306},
		{202312, 1, 202401},
		{202401, -1, 202312},
		{202401, -13, 202212},
		{202401, 12, 202501},
		{202401, 24, 202601},
		{202312, -12, 202212},
		{202303, -27, 202012},
		{202301, 1200, 212301},
	}
	for _, c := range adds {
		if got := c.m.Add(c.n); got != c.want {
			t.Errorf("%s + %d = %d, want %d", c.m, c.n, got, c.want)
		}
		if back := c.want.Add(-c.n); back != c.m {
			t.Errorf("%s - %d = %d, want %d", c.want, c.n, back, c.m)
		}
	}
	lasts := map[Month]Date{
		202401: 20240131, 202402: 20240229, 202302: 20230228, 190002: 19000228,
		200002: 20000229, 202304: 20230430, 202312: 20231231,
	}
	for m, want := range lasts {
		if got := m.Last(); got != want {
			t.Errorf("%s.Last() = %d, want %d", m, got, want)
		}
		if !m.Last().Valid() || nextDay(m.Last()).Month() != m.Add(1) {
			t.Errorf("%s.Last() is not the last day", m)
		}
	}
	m := Month(202305)
	if m.First() != 20230501 || m.String() != "2023-05" || m.Year() != 2023 || m.MonthOfYear() != 5 {
		t.Errorf("Month parts: %d %q %d %d", m.First(), m.String(), m.Year(), m.MonthOfYear())
	}
}

func nextDay(d Date) Date { return DateOf(d.Time().AddDate(0, 0, 1)) }

// Dates as the import reads them: a month alone is its first day.
func TestParseDateOrMonth(t *testing.T) {
	cases := []struct {
		in        string
		want      Date
		monthOnly bool
		errKey    string
	}{
		{"2019-05-03", 20190503, false, ""},
		{"2019年5月3日", 20190503, false, ""},
		{"2019-5", 20190501, true, ""},
		{"2019.5", 20190501, true, ""},
		{"2019/05", 20190501, true, ""},
		{"2019年5月", 20190501, true, ""},
		{"２０１９年５月", 20190501, true, ""},
		{"201905", 20190501, true, ""},
		{"185005", 0, false, "date.format"},
		{"2019-13", 0, false, "date.format"},
		{"2019-02-30", 0, false, "date.impossible"},
		{"", 0, false, "date.empty"},
		{"五月", 0, false, "date.format"},
	}
	for _, c := range cases {
		d, mo, err := ParseDateOrMonth(c.in)
		key := ""
		if e, ok := err.(*i18n.Error); ok {
			key = e.Key
		} else if err != nil {
			key = err.Error()
		}
		if d != c.want || mo != c.monthOnly || key != c.errKey {
			t.Errorf("ParseDateOrMonth(%q) = %v, %v, %q; want %v, %v, %q", c.in, d, mo, key, c.want, c.monthOnly, c.errKey)
		}
	}
}
