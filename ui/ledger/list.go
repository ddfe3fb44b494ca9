package ledger

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/search"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/listexport"
	"unionbook/ui/picker"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// list is the tab's first screen: the entries of the filters with running
// balances, the totals of what is shown and the book's balance.
type list struct {
	common.ScreenBase
	*book
	st *stack.Stack
	filters

	lines []storage.LedgerLine // what the store returned for the filters
	skeys []search.Key         // search keys of lines, built on demand
	view  []int                // indexes into lines that match the search
	sums

	table  widget.Table
	search widget.SearchBox
	input  widget.SearchList // routes input between search and table
	w      int
	err    error
}

// filters are what the list is narrowed to: month 0 means every month,
// account "" every account, dir 0 both directions; the search's query.
type filters struct {
	month   model.Month
	account string
	dir     model.Direction
	query   string
}

// sums are the figures under the list.
type sums struct {
	totIn, totOut model.Money                        // of the lines in view
	balance       model.Money                        // the whole cash book
	money         map[model.MoneyAccount]model.Money // cash and bank today
	noOpen        bool                               // no opening balance set yet
}

// newList shows the current month, the newest entry selected.
func newList(b *book, st *stack.Stack) *list {
	c := b.c
	l := &list{book: b, st: st, filters: filters{month: c.Today().Month()}}
	l.table = widget.NewTable(nil, c.TableStyles())
	l.table.SetID("ledger")
	l.table.SetOrigin(0, 1)
	l.table.SetEmptyText(c.T("cashbook.empty"))
	l.table.SetRowStyle(func(row int) (lipgloss.Style, bool) {
		if row < 0 || row >= len(l.view) {
			return c.Styles.TableCell, false
		}
		if x := l.lines[l.view[row]]; x.ReversedBy != 0 || x.ReversalOf != 0 {
			return c.Styles.Muted, true
		}
		return c.Styles.TableCell, false
	})
	l.search = widget.NewSearchBox(c.T("cashbook.search_hint"), widget.SearchBoxStyles{
		Label: c.Styles.Label, Box: c.Styles.Input, Focus: c.Styles.InputFocus})
	l.input = widget.SearchList{Table: &l.table, Search: &l.search, Filter: l.searched, Open: l.open, Key: l.key}
	l.reloadToEnd()
	return l
}

// reload reads the entries for the filters and the balance, keeping the
// selected entry selected.
func (l *list) reload() {
	keep := l.selectedID()
	f := storage.LedgerFilter{Account: l.account, Direction: l.dir}
	if l.month != 0 {
		f.From, f.To = l.month.First(), l.month.Last()
	}
	lines, err := l.c.Store.Ledger(f)
	l.err = err
	l.lines, l.skeys = lines, nil
	if bal, err := l.c.Store.Balance(); err == nil {
		l.balance = bal
	} else if l.err == nil {
		l.err = err
	}
	if m, err := l.c.Store.Balances(l.c.Today()); err == nil {
		l.money = m
	}
	l.noOpen, _ = l.c.Store.NeedsOpening()
	l.refilter()
	if keep != 0 {
		l.selectID(keep)
	}
}

// reloadToEnd reloads after a filter change and selects the latest entry.
func (l *list) reloadToEnd() {
	l.reload()
	l.table.SetCursor(len(l.view) - 1)
}

// searched applies a changed search; the newest lines are at the end, so
// the last one is selected.
func (l *list) searched() {
	l.query = l.search.Value()
	l.refilter()
	l.table.SetCursor(len(l.view) - 1)
}

// refilter applies the search to the loaded lines and sums what is shown.
func (l *list) refilter() {
	l.view = l.view[:0]
	var q search.Query
	if l.query != "" {
		q = search.Compile(l.query)
		if l.skeys == nil {
			l.skeys = make([]search.Key, len(l.lines))
			for i, x := range l.lines {
				l.skeys[i] = search.NewKey(x.Counterparty+" "+x.Memo, x.VoucherNo, "", "")
			}
		}
	}
	l.totIn, l.totOut = 0, 0
	for i, x := range l.lines {
		if l.query != "" && !l.skeys[i].Match(q) {
			continue
		}
		l.view = append(l.view, i)
		if x.Direction == model.Out {
			l.totOut += x.Amount
		} else {
			l.totIn += x.Amount
		}
	}
	l.refreshTable()
}

func (l *list) selected() (storage.LedgerLine, bool) {
	i := l.table.Cursor()
	if i < 0 || i >= len(l.view) {
		return storage.LedgerLine{}, false
	}
	return l.lines[l.view[i]], true
}

func (l *list) selectedID() uint64 {
	x, _ := l.selected()
	return x.ID
}

// selectID moves the cursor to entry id if it is shown.
func (l *list) selectID(id uint64) bool {
	for row, i := range l.view {
		if l.lines[i].ID == id {
			l.table.SetCursor(row)
			return true
		}
	}
	return false
}

// added shows a new entry: its month when a month is shown, and the entry
// selected.
func (l *list) added(e model.LedgerEntry) {
	if l.month != 0 && l.month != e.Date.Month() {
		l.month = e.Date.Month()
	}
	l.reload()
	if !l.selectID(e.ID) {
		l.table.SetCursor(len(l.view) - 1)
	}
}

func (l *list) SetSize(w, h int) {
	l.w = w
	l.search.SetWidth(max(10, min(30, w/3)))
	l.table.SetSize(w, max(3, h-2))
	l.refreshTable()
}

func (l *list) Capturing() bool { return l.input.Capturing() }

func (l *list) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		l.reload()
		return nil
	case printedMsg:
		return printed(l.c, msg)
	}
	return l.input.Update(msg)
}

// key handles the list's own keys; ok is false for the table's.
func (l *list) key(msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	k := l.c.Keys
	switch {
	case key.Matches(msg, k.Search):
		l.search.Focus()
	case key.Matches(msg, l.k.PrevMonth):
		l.moveMonth(-1)
	case key.Matches(msg, l.k.NextMonth):
		l.moveMonth(1)
	case key.Matches(msg, l.k.AllMonths):
		l.month = 0
		l.reloadToEnd()
	case key.Matches(msg, l.k.Account):
		return l.pickAccount(), true
	case key.Matches(msg, l.k.Direction):
		l.dir = (l.dir + 1) % 3
		l.reloadToEnd()
	case key.Matches(msg, l.k.Clear):
		l.filters = filters{}
		l.search.SetValue("")
		l.reloadToEnd()
	case key.Matches(msg, k.Back): // a search left in place is cleared
		if l.query != "" {
			l.query = ""
			l.search.SetValue("")
			l.refilter()
		}
	case key.Matches(msg, k.Open):
		return l.open(), true
	case key.Matches(msg, k.New):
		return l.st.Push(newEntryForm(l.book, l.st, l.dir, l.account, l.added)), true
	case key.Matches(msg, l.k.Reverse):
		if x, ok := l.selected(); ok {
			return l.reverse(x.ID), true
		}
	case key.Matches(msg, k.Export):
		return listexport.Start(l.c, l.st, listexport.List{Name: l.c.T("cashbook.tab"), Filter: l.filterText(), Table: l.table}), true
	case key.Matches(msg, l.k.Books):
		return l.booksMenu(), true
	case key.Matches(msg, l.k.Transfer):
		return l.openBooks(menuTransfer), true
	case key.Matches(msg, l.k.Print):
		return l.openBooks(menuPrint), true
	case key.Matches(msg, l.k.Statement):
		month := l.month
		if month == 0 {
			month = l.c.Today().Month()
		}
		return l.st.Push(newStatement(l.book, month)), true
	default:
		return nil, false
	}
	return nil, true
}

// open shows the selected entry.
func (l *list) open() tea.Cmd {
	if x, ok := l.selected(); ok {
		return l.st.Push(newDetail(l.book, l.st, x.ID, l.selectID))
	}
	return nil
}

// moveMonth steps the month filter; from "all months" it starts at today's.
func (l *list) moveMonth(d int) {
	if l.month == 0 {
		l.month = l.c.Today().Month()
	} else {
		l.month = l.month.Add(d)
	}
	l.reloadToEnd()
}

// pickAccount chooses the account filter: every account, or one with its
// sub-accounts.
func (l *list) pickAccount() tea.Cmd {
	opts := append([]form.Option{{Label: l.c.T("cashbook.all_accounts"), Value: 0}}, l.accountOptions(0, true)...)
	return l.st.Push(picker.NewScreen(l.c, l.st, l.c.T("cashbook.pick_account"), opts, l.accountValue(l.account), func(v uint64) tea.Cmd {
		l.account = ""
		if a, ok := l.accountOf(v); ok {
			l.account = a.Code
		}
		l.reloadToEnd()
		return nil
	}))
}

// filterBar is the start of the filter line: month, account and
// direction; the search box follows it.
func (l *list) filterBar() string {
	st := l.c.Styles
	sep := l.c.T("cashbook.colon")
	month := l.c.T("cashbook.all_months")
	if l.month != 0 {
		month = l.month.String()
	}
	acct := l.c.T("cashbook.all_accounts")
	if l.account != "" {
		acct = l.accountLabel(l.account)
	}
	return st.Label.Render(l.c.T("cashbook.month")+sep) + month + "  " +
		st.Label.Render(l.c.T("cashbook.account")+sep) + acct + "  " +
		st.Label.Render(l.c.T("cashbook.direction")+sep) + l.dirName(l.dir) + "  "
}

// filterText is the filter line in words, for a list taken out: month,
// account, direction and the search.
func (l *list) filterText() string {
	f := ansi.Strip(l.filterBar())
	if l.query != "" {
		f += l.c.T("cashbook.search") + l.c.T("cashbook.colon") + l.query
	}
	return strings.TrimSpace(f)
}

func (l *list) View() string {
	st := l.c.Styles
	sep := l.c.T("cashbook.colon")
	bar := l.filterBar()
	if box := l.search.View(l.c.T("cashbook.search"), ""); box != "" {
		bar += box + "  "
	}
	bar += st.Muted.Render(l.c.T("cashbook.count", len(l.view)))
	line := ansi.Truncate(bar, l.w, "~")
	if err := l.firstErr(); err != nil {
		line = st.Error.Render(ansi.Truncate(l.c.Err(err), l.w, "~"))
	}
	in := st.Label.Render(l.c.T("cashbook.total_in")+sep) + l.totIn.Display() + "  "
	out := st.Label.Render(l.c.T("cashbook.total_out")+sep) + l.totOut.Display() + "  "
	net := st.Label.Render(l.c.T("cashbook.total_net")+sep) + (l.totIn - l.totOut).Display() + "  "
	bal := st.Label.Render(l.c.T("cashbook.cash_balance")+sep) + st.Value.Bold(true).Render(l.balance.Display()) +
		l.c.T("books_ui.balances", l.money[model.MoneyCash].Display(), l.money[model.MoneyBank].Display())
	// The balances matter most, then the period's totals, then its net.
	totals := bal
	for _, t := range []string{in + out + net + bal, in + out + bal} {
		if ansi.StringWidth(t) <= l.w {
			totals = t
			break
		}
	}
	if l.noOpen {
		totals += "  " + st.Error.Render(l.c.T("books_ui.no_openings"))
	}
	return line + "\n" + l.table.View() + "\n" + ansi.Truncate(totals, l.w, "~")
}

func (l *list) firstErr() error {
	if l.err != nil {
		return l.err
	}
	return l.book.err
}

// Cursor is the caret of the search box.
func (l *list) Cursor() *tea.Cursor {
	if !l.search.Active() {
		return nil
	}
	return l.search.Cursor(l.c.T("cashbook.search"), ansi.StringWidth(l.filterBar()), 0, l.w)
}

func (l *list) ShortHelp() []key.Binding {
	k := l.c.Keys
	if l.search.Active() {
		return []key.Binding{k.SearchDone, k.SearchClear}
	}
	return []key.Binding{l.k.PrevMonth, l.k.NextMonth, l.k.AllMonths, l.k.Account, l.k.Direction,
		k.New, k.Open, l.k.Reverse, l.k.Statement, l.k.Books, k.Search, k.Export, k.Help, k.Quit}
}

func (l *list) FullHelp() [][]key.Binding {
	k := l.c.Keys
	if l.search.Active() {
		return [][]key.Binding{l.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{l.k.PrevMonth, l.k.NextMonth, l.k.AllMonths, l.k.Account, l.k.Direction, l.k.Clear, k.Search},
		{k.Open, k.New, l.k.Reverse, l.k.Statement, k.Export, k.Tabs, k.Help, k.Quit},
		{l.k.Books, l.k.Transfer, l.k.Print},
	}
}
