package ledger

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/listexport"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// reconcile ticks the bank account's lines against a bank statement (银行
// 对账): the lines of the statement's month and any older ones not yet on
// a statement, each ticked or not; the statement's balance, the book's,
// what was ticked and the unreconciled difference. space ticks the line
// under the cursor, a ticks every line shown, s enters the statement's
// date and balance, [ and ] move to the previous or next month's end.
type reconcile struct {
	common.ScreenBase
	*book
	st    *stack.Stack
	date  model.Date
	rec   storage.Reconciliation
	lines []storage.JournalLine
	ticks map[storage.BankRef]model.Date
	table widget.Table
	w     int
	err   error
}

func newReconcile(b *book, st *stack.Stack) *reconcile {
	c := b.c
	r := &reconcile{book: b, st: st, date: c.Today().Month().Add(-1).Last()}
	r.table = widget.NewTable(nil, c.TableStyles())
	r.table.SetID("reconcile")
	r.table.SetOrigin(0, 2)
	r.table.SetEmptyText(c.T("books_ui.rec_empty"))
	r.table.SetRowStyle(func(row int) (lipgloss.Style, bool) {
		if row >= 0 && row < len(r.lines) && r.ticked(r.lines[row]) {
			return c.Styles.Muted, true
		}
		return c.Styles.TableCell, false
	})
	r.load()
	return r
}

// load reads the reconciliation at r.date and the lines to tick.
func (r *reconcile) load() {
	keep := r.table.Cursor()
	r.rec, r.err = r.c.Store.Reconcile(r.date)
	if r.err == nil {
		r.ticks, r.err = r.c.Store.BankTicks()
	}
	r.lines = r.lines[:0]
	if r.err == nil {
		var j storage.Journal
		j, r.err = r.c.Store.Journal(model.MoneyBank, r.date.Month().First(), r.date)
		seen := map[storage.BankRef]bool{}
		for _, l := range j.Lines {
			seen[l.Ref()] = true
		}
		for _, l := range r.rec.Outstanding { // older lines not on a statement yet
			if !seen[l.Ref()] {
				r.lines = append(r.lines, l)
			}
		}
		for _, l := range j.Lines {
			if !l.IsOpening {
				r.lines = append(r.lines, l)
			}
		}
	}
	r.refreshTable()
	r.table.SetCursor(keep)
}

// ticked reports a line ticked against a statement up to r.date.
func (r *reconcile) ticked(l storage.JournalLine) bool {
	d, ok := r.ticks[l.Ref()]
	return ok && d <= r.date
}

func (r *reconcile) refreshTable() {
	r.table.SetColumns([]widget.Column{
		{Title: r.c.T("books_ui.c_tick"), Width: max(3, ansi.StringWidth(r.c.T("books_ui.c_tick")))},
		{Title: r.c.T("cashbook.col_date"), Width: 10},
		{Title: r.c.T("cashbook.col_voucher"), Width: 9},
		{Title: r.c.T("cashbook.col_memo"), Width: 16, Flex: 1},
		{Title: r.c.T("cashbook.col_in"), Width: 12, AlignRight: true},
		{Title: r.c.T("cashbook.col_out"), Width: 12, AlignRight: true},
	})
	r.table.SetRows(len(r.lines), func(row, col int) string {
		l := r.lines[row]
		switch col {
		case 0:
			if r.ticked(l) {
				return "[x]"
			}
			return "[ ]"
		case 1:
			return l.Date.String()
		case 2:
			return l.VoucherNo
		case 3:
			return l.SummaryText(r.c.T)
		case 4:
			if l.In != 0 {
				return l.In.Display()
			}
		case 5:
			if l.Out != 0 {
				return l.Out.Display()
			}
		}
		return ""
	})
}

func (r *reconcile) SetSize(w, h int) {
	r.w = w
	r.table.SetSize(w, max(3, h-4))
	r.refreshTable()
}

func (r *reconcile) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(common.DataChangedMsg); ok {
		r.load()
		return nil
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		var cmd tea.Cmd
		r.table, cmd = r.table.Update(msg)
		return cmd
	}
	switch {
	case key.Matches(km, r.c.Keys.Export):
		return listexport.Start(r.c, r.st, listexport.List{Name: r.c.T("books_ui.rec_title"),
			Filter: r.c.T("books_ui.rec_date") + r.c.T("cashbook.colon") + r.date.String(), Table: r.table})
	case key.Matches(km, r.k.Tick):
		i := r.table.Cursor()
		if i < 0 || i >= len(r.lines) {
			return nil
		}
		return r.tick([]storage.BankRef{r.lines[i].Ref()}, !r.ticked(r.lines[i]))
	case key.Matches(km, r.k.TickAll):
		var refs []storage.BankRef
		for _, l := range r.lines {
			if !r.ticked(l) {
				refs = append(refs, l.Ref())
			}
		}
		return r.tick(refs, true)
	case key.Matches(km, r.k.StatementBalance):
		return r.st.Push(r.statementForm())
	case key.Matches(km, r.k.PrevMonth):
		r.date = r.date.Month().Add(-1).Last()
		r.load()
	case key.Matches(km, r.k.NextMonth):
		r.date = r.date.Month().Add(1).Last()
		r.load()
	default:
		var cmd tea.Cmd
		r.table, cmd = r.table.Update(msg)
		return cmd
	}
	return nil
}

// tick writes ticks against the statement of r.date.
func (r *reconcile) tick(refs []storage.BankRef, on bool) tea.Cmd {
	if len(refs) == 0 {
		return nil
	}
	if err := r.c.Store.TickBank(r.c.OperatorName(), r.date, refs, on); err != nil {
		return common.SetStatus(r.c.Err(err), true)
	}
	r.load()
	return common.Changed(model.EntityReconcile, 0)
}

const (
	fRecDate    = "books_rec_date"
	fRecBalance = "books_rec_balance"
)

// statementForm enters the date and balance of a bank statement.
func (r *reconcile) statementForm() *form.Screen {
	c := r.c
	f := form.New(c,
		form.TextField(fRecDate, true, c.T("hint.date")),
		form.TextField(fRecBalance, true, c.T("cashbook.hint_amount")),
	)
	f.SetValue(fRecDate, r.date.String())
	if r.rec.HasStatement && r.rec.LastStatement == r.date {
		f.SetValue(fRecBalance, r.rec.Statement.String())
	}
	f.MarkClean()
	read := func(f *form.Form) (model.Date, model.Money, model.Problems) {
		var ps model.Problems
		d := readDateOf(c, f, fRecDate, &ps, true) // 2026-10: the statement of October's end
		m := readAmount(f, fRecBalance, false, &ps)
		return d, m, ps
	}
	f.Validate = func(f *form.Form) model.Problems { _, _, ps := read(f); return ps }
	f.Revalidate()
	return form.NewScreen(c, r.st, c.T("books_ui.rec_statement_title"), f, func() tea.Cmd {
		d, m, _ := read(f)
		if err := c.Store.SetBankStatement(c.OperatorName(), d, m); err != nil {
			return f.SaveError(err, map[string]string{"date": fRecDate, "amount": fRecBalance})
		}
		r.st.Pop()
		r.date = d
		r.load()
		return common.Changed(model.EntityReconcile, 0)
	})
}

func (r *reconcile) View() string {
	st := r.c.Styles
	sep := r.c.T("cashbook.colon")
	stmt := st.Muted.Render(r.c.T("books_ui.rec_no_statement"))
	if r.rec.HasStatement {
		stmt = r.rec.Statement.Display()
		if r.rec.LastStatement != r.date { // an earlier statement stands in
			stmt += " (" + r.rec.LastStatement.String() + ")"
		}
	}
	head := st.Title.Render(r.c.T("books_ui.rec_title")) + "  " +
		st.Label.Render(r.c.T("books_ui.rec_date")+sep) + r.date.String() + "  " +
		st.Label.Render(r.c.T("books_ui.rec_statement")+sep) + stmt
	if r.err != nil {
		head = st.Error.Render(r.c.Err(r.err))
	}
	// The difference says whether the bank agrees: it comes first, and
	// only against a statement (without one it would be the whole balance).
	diff := st.Muted.Render("-")
	switch {
	case !r.rec.HasStatement:
	case r.rec.Difference() != 0:
		diff = st.Error.Render(r.rec.Difference().Display())
	default:
		diff = st.Value.Bold(true).Render(r.rec.Difference().Display())
	}
	parts := []string{
		st.Label.Render(r.c.T("books_ui.rec_difference")+sep) + diff,
		st.Label.Render(r.c.T("books_ui.rec_outstanding")+sep) + r.c.T("books_ui.rec_lines", len(r.rec.Outstanding)),
		st.Label.Render(r.c.T("books_ui.rec_cleared")+sep) + r.rec.Cleared.Display(),
		st.Label.Render(r.c.T("books_ui.rec_book")+sep) + r.rec.Book.Display(),
	}
	foot := parts[0]
	for _, p := range parts[1:] {
		if ansi.StringWidth(foot+"  "+p) > r.w {
			break
		}
		foot += "  " + p
	}
	return ansi.Truncate(head, r.w, "~") + "\n\n" + r.table.View() + "\n" + ansi.Truncate(foot, r.w, "~")
}

func (r *reconcile) ShortHelp() []key.Binding {
	return []key.Binding{r.k.Tick, r.k.TickAll, r.k.StatementBalance, r.k.PrevMonth, r.k.NextMonth, r.c.Keys.Export, r.c.Keys.Back}
}

func (r *reconcile) FullHelp() [][]key.Binding {
	k := r.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, r.ShortHelp()}
}
