// Package report writes the printable documents: the work summary's figures
// (summary*.go, a Word document), the yearly survey (survey*.go, a workbook
// laid out as the survey's tables), and the workbooks of the books: the cash
// and bank journals (现金日记账, 银行存款日记账), the income-and-expense statement
// in the 工会02表 layout with the budget's execution, and the vouchers
// (记账凭证), each for a month or a year, A4, with 合计 rows and the
// signature line (工会主席, 财务负责人, 复核, 制表).
//
// A report is registered by name (Register, from an init in its own file);
// `unionbook report NAME` finds it here, so a new printable report plugs
// in without touching the command.
package report

import (
	"fmt"
	"io"
	"slices"

	"unionbook/atomicfile"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/workbook"
)

// Report is one printable workbook.
type Report struct {
	Name  string // the command's word: journal, statement, vouchers …
	Title string // catalogue key of its title (also the default file name)
	// Money says the report is of one money account (--account cash|bank).
	Money bool
	Write func(c *Context, b *workbook.Book) error
}

var reports []Report

// Register adds a report; call it from an init.
func Register(r Report) {
	if Find(r.Name) != nil {
		panic("report: registered twice: " + r.Name)
	}
	reports = append(reports, r)
	slices.SortStableFunc(reports, func(a, b Report) int {
		switch {
		case a.Name < b.Name:
			return -1
		case a.Name > b.Name:
			return 1
		}
		return 0
	})
}

// Reports lists the registered reports by name.
func Reports() []Report { return slices.Clone(reports) }

// Find returns the report called name, nil when there is none.
func Find(name string) *Report {
	for i := range reports {
		if reports[i].Name == name {
			return &reports[i]
		}
	}
	return nil
}

// Context is what a report is written from.
type Context struct {
	Store  *storage.Store
	Lang   i18n.Lang
	Period model.Period
	Money  model.MoneyAccount // for a report of one money account
	Union  string
	Signs  model.SignatureLine
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

// Options choose a report's period, money account and language.
type Options struct {
	Period model.Period
	Money  model.MoneyAccount
	Lang   i18n.Lang
	// TmpDir is where excelize may keep a large sheet's rows until the
	// book is written ("" keeps them in memory: see workbook.Options).
	TmpDir string
}

// WriteFile writes report name to path (atomically, mode 0600).
func WriteFile(st *storage.Store, name string, o Options, path string) error {
	return atomicfile.Write(path, func(w io.Writer) error { return WriteTo(st, name, o, w) })
}

// WriteTo writes report name to w.
func WriteTo(st *storage.Store, name string, o Options, w io.Writer) error {
	r := Find(name)
	if r == nil {
		return i18n.E("report.unknown", name)
	}
	if r.Money && !o.Money.Valid() {
		return i18n.E("report.needs_account", name)
	}
	p, _, err := st.Profile()
	if err != nil {
		return err
	}
	union := p.UnionName
	if union == "" {
		union = o.Lang.T("app.untitled")
	}
	c := &Context{Store: st, Lang: o.Lang, Period: o.Period, Money: o.Money, Union: union, Signs: p.Books.Signatures}
	b, err := workbook.New(workbook.Options{Lang: o.Lang, Union: union, Subtitle: c.T("report.sub", union, c.PeriodLine()), TmpDir: o.TmpDir})
	if err != nil {
		return err
	}
	defer b.Close()
	if err := r.Write(c, b); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	_, err = b.WriteTo(w)
	return err
}

// FileName is the report's default file name: 现金日记账_2024-02.xlsx.
func FileName(name string, o Options) string {
	r := Find(name)
	if r == nil {
		return name + ".xlsx"
	}
	title := o.Lang.T(r.Title)
	if r.Money {
		title = o.Lang.T(journalTitle(o.Money))
	}
	return title + "_" + o.Period.FileText() + ".xlsx"
}
