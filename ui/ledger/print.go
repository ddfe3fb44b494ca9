package ledger

import (
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/report"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

const (
	fPrintReport = "books_print_report"
	fPrintPeriod = "books_print_period"
	fPrintFile   = "books_print_file"
)

// the printable reports the form offers.
const (
	printCash = iota + 1
	printBank
	printStatement
	printVouchers
)

// printedMsg is a report written in the background.
type printedMsg struct {
	path string
	err  error
}

// newPrintForm writes one of the books' printable workbooks (report
// package): a journal, the statement or the vouchers of a month or a year,
// to a file next to the database unless another is typed.
func newPrintForm(b *book, st *stack.Stack, month model.Month) *form.Screen {
	c := b.c
	f := form.New(c,
		form.ChoiceField(fPrintReport, true, []form.Option{
			{Label: c.T("report.journal_cash"), Value: printCash},
			{Label: c.T("report.journal_bank"), Value: printBank},
			{Label: c.T("report.statement"), Value: printStatement},
			{Label: c.T("report.vouchers"), Value: printVouchers},
		}),
		form.TextField(fPrintPeriod, true, c.T("books_ui.hint_print_period")),
		form.TextField(fPrintFile, false, c.T("books_ui.hint_print_file")),
	)
	f.SetChoice(fPrintReport, printStatement)
	f.SetDefault(fPrintPeriod, month.String())
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems { _, _, ps := readPrint(f); return ps }
	f.Revalidate()
	return form.NewScreen(c, st, c.T("books_ui.print_title"), f, func() tea.Cmd {
		name, o, _ := readPrint(f)
		o.Lang = c.Lang
		path := strings.TrimSpace(f.Value(fPrintFile))
		if path == "" {
			path = filepath.Join(filepath.Dir(c.Store.Path()), report.FileName(name, o))
		}
		st.Pop()
		store := c.Store
		return tea.Batch(common.SetStatus(c.T("books_ui.printing", path), false), func() tea.Msg {
			return printedMsg{path: path, err: report.WriteFile(store, name, o, path)}
		})
	}).WithSubmit("reports.key_write")
}

// readPrint reads the report chosen and its period.
func readPrint(f *form.Form) (string, report.Options, model.Problems) {
	var o report.Options
	name := "statement"
	switch k, _ := f.Choice(fPrintReport); k {
	case printCash:
		name, o.Money = "journal", model.MoneyCash
	case printBank:
		name, o.Money = "journal", model.MoneyBank
	case printVouchers:
		name = "vouchers"
	}
	v := strings.TrimSpace(f.Value(fPrintPeriod))
	if v == "" {
		return name, o, model.Problems{{Field: fPrintPeriod, Key: "problem.required"}}
	}
	p, err := model.ParsePeriod(v)
	if err != nil {
		return name, o, model.Problems{form.ProblemOf(fPrintPeriod, err)}
	}
	o.Period = p
	return name, o, nil
}

// printed says where the report went, or why it did not.
func printed(c *common.Common, m printedMsg) tea.Cmd {
	if m.err != nil {
		return common.SetStatus(c.Err(m.err), true)
	}
	return common.SetStatus(c.T("books_ui.printed", m.path), false)
}
