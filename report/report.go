// Package report writes the printable documents: the work summary's figures
// (summary*.go, a Word document), the yearly survey (survey*.go, a workbook
// laid out as the survey's tables), and the workbooks of the books: the cash
// and bank journals (现金日记账, 银行存款日记账), the income-and-expense statement
// in the 工会02表 layout with the budget's execution, and the vouchers
// (记账凭证), each for a month or a year, A4, with 合计 rows and the
// signature line (工会主席, 财务负责人, 复核, 制表).
//
// Every report is listed in registry.go; `unionbook report NAME` and the
// Import/Export tab's reports screen find it there.
package report

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"unionbook/atomicfile"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/workbook"
)

// Input is what a report is written for.
type Input int

const (
	// ForPeriod: a period of months (--period 2026-H1).
	ForPeriod Input = iota
	// ForYear: a survey year, 1 October to 30 September (--year 2026).
	ForYear
)

// Report is one printable report (listed in registry.go).
type Report struct {
	Name  string // the command's word: summary, survey, journal …
	Title string // catalogue key of its title (also the start of its file name)
	For   Input
	// Money says the report is of one money account (--account cash|bank).
	Money bool
	Ext   string // ".xlsx", ".docx"
	// UnionInName puts the union's name first in the file name: the
	// reports sent out (青山镇总工会_基层工会调查表_2026.xlsx).
	UnionInName bool
	// Check runs the report's logic checks (the survey's) and returns what
	// fails, to fix before the report is sent; nil for a report without.
	Check func(c *Context) ([]Problem, error)
	Write func(c *Context, w io.Writer) error
}

// Problem is a logic check a unit fails: the item and what is wrong, in
// the report's language.
type Problem struct {
	Unit string
	Item string
	Text string
}

// Reports lists the reports in the registry's order.
func Reports() []Report { return slices.Clone(reports) }

// Find returns the report called name, nil when there is none.
func Find(name string) *Report {
	for i := range reports {
		if reports[i].Name == name {
			r := reports[i]
			return &r
		}
	}
	return nil
}

// Names is "summary|survey|journal|statement|vouchers".
func Names() string {
	names := make([]string, len(reports))
	for i, r := range reports {
		names[i] = r.Name
	}
	return strings.Join(names, "|")
}

// book makes a report's Write of a function that fills a workbook (the
// books' reports): the book is made with the union's name and the
// period under the title, and written to w.
func book(write func(c *Context, b *workbook.Book) error) func(c *Context, w io.Writer) error {
	return func(c *Context, w io.Writer) error {
		if err := c.Step(0, 2); err != nil {
			return err
		}
		b, err := workbook.New(workbook.Options{Lang: c.Lang, Union: c.Union, Subtitle: c.T("report.sub", c.Union, c.PeriodLine()), TmpDir: c.TmpDir})
		if err != nil {
			return err
		}
		defer b.Close()
		if err := write(c, b); err != nil {
			return err
		}
		if err := c.Step(1, 2); err != nil {
			return err
		}
		if _, err = b.WriteTo(w); err != nil {
			return err
		}
		return c.Step(2, 2)
	}
}

// Context is what a report is written from.
type Context struct {
	Store  *storage.Store
	Lang   i18n.Lang
	Period model.Period
	Money  model.MoneyAccount // for a report of one money account
	Year   int                // a survey year (ForYear)
	Union  string
	Signs  model.SignatureLine
	Now    time.Time
	TmpDir string
	// progress and ctx are Options.Progress and Options.Ctx.
	progress func(done, total int)
	ctx      context.Context
}

// Step reports that done of total steps are written, and returns the
// context's error when the writing is to stop.
func (c *Context) Step(done, total int) error {
	if c.progress != nil {
		c.progress(done, total)
	}
	if c.ctx != nil {
		return c.ctx.Err()
	}
	return nil
}

// T is the catalogue text in the report's language.
func (c *Context) T(key string, args ...any) string { return c.Lang.T(key, args...) }

// English reports whether the report is in English.
func (c *Context) English() bool { return c.Lang == i18n.EN }

// SignatureLabels are the signature line's labels.
func (c *Context) SignatureLabels() []string {
	return []string{c.T("report.sign_chair"), c.T("report.sign_finance"), c.T("report.sign_reviewer"), c.T("report.sign_preparer")}
}

// SignatureNames are the names from the profile (blank lines when unset).
func (c *Context) SignatureNames() []string {
	return []string{c.Signs.Chair, c.Signs.Finance, c.Signs.Reviewer, c.Signs.Preparer}
}

// PeriodLine is "2024年2月" / "February 2024", "2024年度" / "year 2024".
func (c *Context) PeriodLine() string { return c.Period.Label(c.Lang) }

// Options choose a report's period or year, money account and language.
type Options struct {
	Period model.Period // ForPeriod
	Year   int          // ForYear
	Money  model.MoneyAccount
	Lang   i18n.Lang
	// Now is the clock the report is as of (a period not yet over is
	// counted to today); zero is time.Now().
	Now time.Time
	// Union is the union's name for the file name (FileName); the report
	// itself reads it from the profile.
	Union string
	// TmpDir is where excelize may keep a large sheet's rows until the
	// book is written ("" keeps them in memory: see workbook.Options).
	TmpDir string
	// Progress, when set, is told how far the writing is: done of total
	// steps (a section of the summary, a stage of a workbook).
	Progress func(done, total int)
	// Ctx stops the writing when it is done (nil: never); WriteFile then
	// leaves no file.
	Ctx context.Context
}

// WriteFile writes report name to path (atomically, mode 0600).
func WriteFile(st *storage.Store, name string, o Options, path string) error {
	return atomicfile.Write(path, func(w io.Writer) error { return WriteTo(st, name, o, w) })
}

// WriteTo writes report name to w.
func WriteTo(st *storage.Store, name string, o Options, w io.Writer) error {
	r, c, err := prepare(st, name, o)
	if err != nil {
		return err
	}
	if err := r.Write(c, w); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Checks runs report name's logic checks and returns what fails (none for
// a report without checks).
func Checks(st *storage.Store, name string, o Options) ([]Problem, error) {
	r, c, err := prepare(st, name, o)
	if err != nil || r.Check == nil {
		return nil, err
	}
	return r.Check(c)
}

// prepare finds report name, checks that o gives what it needs, and
// makes its context.
func prepare(st *storage.Store, name string, o Options) (*Report, *Context, error) {
	r := Find(name)
	if r == nil {
		return nil, nil, i18n.E("report.unknown", name)
	}
	if r.Money && !o.Money.Valid() {
		return nil, nil, i18n.E("report.needs_account", name)
	}
	if r.For == ForPeriod && o.Period.From == 0 {
		return nil, nil, i18n.E("cli.missing_flag", "--period")
	}
	if r.For == ForYear && o.Year == 0 {
		return nil, nil, i18n.E("cli.missing_flag", "--year")
	}
	p, _, err := st.Profile()
	if err != nil {
		return nil, nil, err
	}
	union := p.UnionName
	if union == "" {
		union = o.Lang.T("app.untitled")
	}
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	c := &Context{Store: st, Lang: o.Lang, Period: o.Period, Year: o.Year, Money: o.Money, Union: union,
		Signs: p.Books.Signatures, Now: now, TmpDir: o.TmpDir, progress: o.Progress, ctx: o.Ctx}
	return r, c, nil
}

// FileName is the report's default file name: 现金日记账_2024-02.xlsx,
// 青山镇总工会_工作总结数据_2026-H1.docx, 青山镇总工会_基层工会调查表_2026.xlsx.
func FileName(name string, o Options) string {
	r := Find(name)
	if r == nil {
		return name + ".xlsx"
	}
	title := o.Lang.T(r.Title)
	if r.Money {
		title = o.Lang.T(journalTitle(o.Money))
	}
	if r.UnionInName && o.Union != "" {
		title = o.Union + "_" + title
	}
	when := o.Period.FileText()
	if r.For == ForYear {
		when = strconv.Itoa(o.Year)
	}
	return safeName(title) + "_" + when + r.Ext
}
