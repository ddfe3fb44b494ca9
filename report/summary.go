package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"unionbook/atomicfile"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/search"
	"unionbook/storage"
)

// The work-summary figures (工作总结数据): the figures a half-year or
// year-end summary cites, grouped as summaries are (组织建设, 民主管理与维权,
// 劳动争议, 困难职工帮扶, 活动与竞赛, 会费与经费), each with the same period of
// last year beside it and where it comes from. Nothing is estimated: a
// figure the books cannot give for last year (the register keeps no date
// for it) says so instead of showing a number.
//
// Each section is a function of the loaded books (summarySections); a
// feature with figures of its own adds one there. summary_docx.go writes
// the document.

// FigureKind says how a summary figure is counted and shown.
type FigureKind int

const (
	Count FigureKind = iota // a number of people, units, records
	Money                   // fen
	Rate                    // basis points (10000 = 100%)
)

// SummaryFigure is one figure of the summary.
type SummaryFigure struct {
	Key string // stable: "members_in_union"; its name is "summary.f_<key>"
	// Name is the figure's name when it is not a catalogue word: a line of
	// the statement is named by its account ("401 会费收入").
	Name string
	Kind FigureKind
	// Unit is the catalogue key of a count's unit word (人, 个, 次), "" for none.
	Unit string
	Now  int64
	// Before is the same period of last year; HasBefore false when the
	// books cannot give it.
	Before    int64
	HasBefore bool
	// Source says where the figure comes from, in the summary's language.
	Source string
}

// SummaryTable is a detail table of a section, its cells as text.
type SummaryTable struct {
	Title  string
	Header []string
	Right  []bool // the columns aligned right (numbers)
	Rows   [][]string
	Total  bool  // the last row is a total
	Bold   []int // other rows in bold (subtotals)
}

// SummarySection is one heading of the summary.
type SummarySection struct {
	Key     string // "org", "democracy", "disputes", "hardship", "events", "finance"
	Figures []SummaryFigure
	Tables  []SummaryTable
	// Missing says the books hold no record of this work yet (a catalogue
	// text), when Figures is empty.
	Missing string
}

// WorkSummary is the whole summary.
type WorkSummary struct {
	Union  string
	Period model.Period
	// First..AsOf is the period up to today; BeforeFirst..BeforeAsOf the
	// same days a year earlier.
	First, AsOf             model.Date
	BeforeFirst, BeforeAsOf model.Date
	Sections                []SummarySection
	Now                     time.Time
}

// Figure finds a figure by key (tests, the TUI).
func (s *WorkSummary) Figure(key string) (SummaryFigure, bool) {
	for _, sec := range s.Sections {
		for _, f := range sec.Figures {
			if f.Key == key {
				return f, true
			}
		}
	}
	return SummaryFigure{}, false
}

// summaryContext is what the sections are computed from: the books loaded
// once, the two spans and the language.
type summaryContext struct {
	st      *storage.Store
	l       i18n.Lang
	s       *WorkSummary
	units   []model.Unit
	members []model.Member
	unitBy  map[uint64]*model.Unit
	// org is the organisation register (units, employers, members and the
	// profile's rules) read in one transaction.
	org     storage.OrgData
	honours []model.Honour
}

func (c *summaryContext) T(key string, args ...any) string { return c.l.T(key, args...) }

func (c *summaryContext) english() bool { return c.l == i18n.EN }

func (c *summaryContext) unitName(id uint64) string {
	if u := c.unitBy[id]; u != nil {
		return u.Name
	}
	if id == 0 {
		return c.T("summary.federation")
	}
	return fmt.Sprintf("#%d", id)
}

// span is "2026-01-01 至 2026-06-30".
func (c *summaryContext) span(from, to model.Date) string {
	return c.T("summary.span", from.String(), to.String())
}

// summarySections are the summary's headings in order, each computing its
// figures and tables.
var summarySections = []struct {
	key   string
	build func(c *summaryContext) (SummarySection, error)
}{
	{"org", orgSection},
	{"democracy", democracySection},
	{"disputes", disputesSection},
	{"hardship", hardshipSection},
	{"events", eventsSection},
	{"finance", financeSection},
}

// BuildSummary computes the summary of period p as of today (a period not
// yet over is counted up to today, and last year's up to the same day).
func BuildSummary(st *storage.Store, p model.Period, l i18n.Lang, now time.Time) (*WorkSummary, error) {
	return buildSummary(st, p, l, now, nil)
}

// buildSummary is BuildSummary telling step after each section (nil:
// nobody to tell); an error from step stops it.
func buildSummary(st *storage.Store, p model.Period, l i18n.Lang, now time.Time, step func(done, total int) error) (*WorkSummary, error) {
	today := model.DateOf(now)
	if p.First() > today {
		return nil, i18n.E("summary.period_future", p.Label(l))
	}
	prof, _, err := st.Profile()
	if err != nil {
		return nil, err
	}
	s := &WorkSummary{Union: prof.UnionName, Period: p, First: p.First(), AsOf: min(p.Last(), today), Now: now}
	if s.Union == "" {
		s.Union = l.T("app.untitled")
	}
	s.BeforeFirst, s.BeforeAsOf = s.First.AddYears(-1), s.AsOf.AddYears(-1)
	c := &summaryContext{st: st, l: l, s: s, unitBy: map[uint64]*model.Unit{}}
	if c.org, err = st.OrgData(); err != nil {
		return nil, err
	}
	search.SortUnits(c.org.Units) // every table of units in pinyin order
	c.units, c.members = c.org.Units, c.org.Members
	if c.honours, err = st.Honours(); err != nil {
		return nil, err
	}
	for i := range c.units {
		c.unitBy[c.units[i].ID] = &c.units[i]
	}
	for i, sec := range summarySections {
		if step != nil {
			if err := step(i, len(summarySections)+1); err != nil {
				return nil, err
			}
		}
		x, err := sec.build(c)
		if err != nil {
			return nil, fmt.Errorf("summary %s: %w", sec.key, err)
		}
		x.Key = sec.key
		s.Sections = append(s.Sections, x)
	}
	return s, nil
}

// WriteSummaryFile writes the summary of period p as a .docx document to
// path (atomically, mode 0600).
func WriteSummaryFile(st *storage.Store, p model.Period, l i18n.Lang, now time.Time, path string) (*WorkSummary, error) {
	s, err := BuildSummary(st, p, l, now)
	if err != nil {
		return nil, err
	}
	err = atomicfile.Write(path, func(w io.Writer) error { return WriteSummaryDocx(w, s, l) })
	return s, err
}

// SummaryFileName is the default file name: 青山镇总工会_工作总结数据_2026-H1.docx.
func SummaryFileName(union string, p model.Period, l i18n.Lang) string {
	return FileName("summary", Options{Period: p, Lang: l, Union: union})
}

// writeSummaryReport is the registry's summary: the document of the
// context's period as of its clock.
func writeSummaryReport(c *Context, w io.Writer) error {
	s, err := buildSummary(c.Store, c.Period, c.Lang, c.Now, c.Step)
	if err != nil {
		return err
	}
	n := len(summarySections) + 1
	if err := c.Step(n-1, n); err != nil {
		return err
	}
	if err := WriteSummaryDocx(w, s, c.Lang); err != nil {
		return err
	}
	return c.Step(n, n)
}

// safeName replaces what a file name may not hold on Windows.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, s)
}

// count is a Count figure with both spans.
func count(key, unit string, now, before int, source string) SummaryFigure {
	return SummaryFigure{Key: key, Kind: Count, Unit: unit, Now: int64(now), Before: int64(before), HasBefore: true, Source: source}
}

// countNow is a Count figure last year's books cannot give.
func countNow(key, unit string, now int, source string) SummaryFigure {
	return SummaryFigure{Key: key, Kind: Count, Unit: unit, Now: int64(now), Source: source}
}

func money(key string, now, before model.Money, source string) SummaryFigure {
	return SummaryFigure{Key: key, Kind: Money, Now: int64(now), Before: int64(before), HasBefore: true, Source: source}
}

func rate(key string, now, before int, source string) SummaryFigure {
	return SummaryFigure{Key: key, Kind: Rate, Now: int64(now), Before: int64(before), HasBefore: true, Source: source}
}
