package ledger

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

const fClosePeriod = "books_close_period"

// newCloseForm closes a month, or a year (结账): the store checks the
// books first and refuses with what it found; after closing, nothing can
// be dated in the period, a correction is a reversal in an open month.
func newCloseForm(b *book, st *stack.Stack) *form.Screen {
	c := b.c
	f := form.New(c, form.TextField(fClosePeriod, true, c.T("books_ui.hint_close_period")))
	status, _ := c.Store.BooksStatus()
	next := c.Today().Month().Add(-1)
	intro := c.T("books_ui.close_none")
	if status.ClosedMonth != 0 {
		intro = c.T("books_ui.close_done", status.ClosedMonth.String())
		next = max(next, status.ClosedMonth.Add(1))
	}
	f.SetDefault(fClosePeriod, next.String())
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems { _, _, ps := readClose(f); return ps }
	f.Revalidate()
	return form.NewScreen(c, st, c.T("books_ui.close_title"), f, func() tea.Cmd {
		through, year, _ := readClose(f)
		out, err := c.Store.ClosePeriod(c.OperatorName(), through, year)
		if err != nil {
			return f.SaveError(err, map[string]string{"period": fClosePeriod})
		}
		st.Pop()
		last := out[len(out)-1]
		// Closing a month closes the open months before it too (from
		// January of the year the books start): say which.
		period := last.Label()
		if first := out[0]; len(out) > 1 && first.Kind == model.CloseMonth {
			period = c.T("books_ui.closed_months", first.Label(), through.String())
			if year {
				period = last.Label()
			}
		}
		return tea.Batch(common.SetStatus(c.T("books_ui.closed", period,
			last.Balance(model.MoneyCash).Display(), last.Balance(model.MoneyBank).Display()), false),
			common.Changed(model.EntityClosing, last.ID))
	}).WithIntro(c.T("books_ui.close_intro", intro))
}

// readClose reads a month (2026-10) or a year (2026).
func readClose(f *form.Form) (through model.Month, year bool, ps model.Problems) {
	v := strings.TrimSpace(f.Value(fClosePeriod))
	if v == "" {
		return 0, false, model.Problems{{Field: fClosePeriod, Key: "problem.required"}}
	}
	p, err := model.ParsePeriod(v)
	switch {
	case err != nil:
		return 0, false, model.Problems{form.ProblemOf(fClosePeriod, err)}
	case p.From == p.To:
		return p.To, false, nil
	case p.From.MonthOfYear() == 1 && p.To == model.Month(p.From.Year()*100+12):
		return p.To, true, nil
	}
	return 0, false, model.Problems{{Field: fClosePeriod, Key: "books_ui.close_month_or_year"}}
}
