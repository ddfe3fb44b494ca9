// Package ledger is the Cash book tab (账目): the union's income and
// spending entries with running balances, filters by month, account and
// direction, manual entries, reversals (冲正) and the income-and-expense
// statement (收支表).
package ledger

import (
	"strconv"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/search"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/picker"
	"unionbook/ui/widget"
)

type mode int

const (
	modeList mode = iota
	modeDetail
	modeForm    // a new manual entry
	modeReverse // the reversal of the entry in detail
	modeStatement
)

// pickTarget says what an open picker chooses for.
type pickTarget int

const (
	pickNone pickTarget = iota
	pickFilterAccount
	pickFormAccount
)

// Column ids of the list; which of them show depends on the width.
const (
	colDate = iota
	colVoucher
	colAccount
	colDir
	colAmount
	colBalance
	colCounterparty
	colMemo
	colSource
	colFlag
)

// Page is the Cash book tab.
type Page struct {
	c *common.Common
	k keys

	chart  []model.Account
	byCode map[string]int // account code -> index into chart

	// filters: month 0 means every month, account "" every account,
	// dir 0 both directions
	month   model.Month
	account string
	dir     model.Direction
	query   string

	lines   []storage.LedgerLine // what the store returned for the filters
	skeys   []search.Key         // search keys of lines, built on demand
	view    []int                // indexes into lines that match the search
	colIDs  []int
	totIn   model.Money // of the lines in view
	totOut  model.Money
	balance model.Money // the whole cash book

	table  widget.Table
	search widget.SearchBox

	mode      mode
	current   uint64 // entry shown in detail
	det       *detail
	form      *form.Form
	formDir   model.Direction // the direction the account options are for
	acctField *form.Field

	picker  *picker.Picker
	pickFor pickTarget

	stmtMonth model.Month
	stmtYear  bool
	stmt      []storage.StatementLine
	stmtIn    model.Money
	stmtOut   model.Money
	stmtTable widget.Table

	width, height int
	err           error
}

// New builds the page and loads the current month from the store.
func New(c *common.Common) *Page {
	st := widget.TableStyles{Header: c.Styles.TableHeader, Cell: c.Styles.TableCell, Selected: c.Styles.TableSelected}
	p := &Page{c: c, k: newKeys(c), table: widget.NewTable(nil, st), stmtTable: widget.NewTable(nil, st)}
	p.table.SetID("ledger")
	p.table.SetOrigin(0, 1)
	p.table.SetEmptyText(c.T("cashbook.empty"))
	p.table.SetRowStyle(func(row int) (lipgloss.Style, bool) {
		if row < 0 || row >= len(p.view) {
			return c.Styles.TableCell, false
		}
		l := p.lines[p.view[row]]
		if l.ReversedBy != 0 || l.ReversalOf != 0 {
			return c.Styles.Muted, true
		}
		return c.Styles.TableCell, false
	})
	p.stmtTable.SetID("statement")
	p.stmtTable.SetOrigin(0, 2)
	p.stmtTable.SetEmptyText(c.T("cashbook.statement_empty"))
	p.search = widget.NewSearchBox(c.T("cashbook.search_hint"), widget.SearchBoxStyles{
		Label: c.Styles.Label, Box: c.Styles.Input, Focus: c.Styles.InputFocus})
	p.month = c.Today().Month()
	p.loadChart()
	p.reload()
	p.table.SetCursor(len(p.view) - 1)
	return p
}

func (p *Page) loadChart() {
	chart, err := p.c.Store.Chart()
	if err != nil {
		p.err = err
		return
	}
	p.chart = chart
	p.byCode = make(map[string]int, len(chart))
	for i, a := range chart {
		p.byCode[a.Code] = i
	}
}

// reload reads the entries for the filters and the balance, keeping the
// selected entry selected.
func (p *Page) reload() {
	keep := p.selectedID()
	f := storage.LedgerFilter{Account: p.account, Direction: p.dir}
	if p.month != 0 {
		f.From, f.To = p.month.First(), p.month.Last()
	}
	lines, err := p.c.Store.Ledger(f)
	if err != nil {
		p.err = err
		lines = nil
	} else {
		p.err = nil
	}
	p.lines = lines
	p.skeys = nil
	if bal, err := p.c.Store.Balance(); err == nil {
		p.balance = bal
	} else if p.err == nil {
		p.err = err
	}
	p.refilter()
	if keep != 0 {
		p.selectID(keep)
	}
}

// refilter applies the search to the loaded lines and sums what is shown.
func (p *Page) refilter() {
	p.view = p.view[:0]
	var q search.Query
	if p.query != "" {
		q = search.Compile(p.query)
		if p.skeys == nil {
			p.skeys = make([]search.Key, len(p.lines))
			for i, l := range p.lines {
				p.skeys[i] = search.NewKey(l.Counterparty+" "+l.Memo, l.VoucherNo, "", "")
			}
		}
	}
	p.totIn, p.totOut = 0, 0
	for i, l := range p.lines {
		if p.query != "" && !p.skeys[i].Match(q) {
			continue
		}
		p.view = append(p.view, i)
		if l.Direction == model.Out {
			p.totOut += l.Amount
		} else {
			p.totIn += l.Amount
		}
	}
	p.refreshTable()
}

func (p *Page) selectedID() uint64 {
	i := p.table.Cursor()
	if i < 0 || i >= len(p.view) {
		return 0
	}
	return p.lines[p.view[i]].ID
}

func (p *Page) selected() (storage.LedgerLine, bool) {
	i := p.table.Cursor()
	if i < 0 || i >= len(p.view) {
		return storage.LedgerLine{}, false
	}
	return p.lines[p.view[i]], true
}

// selectID moves the cursor to entry id if it is shown.
func (p *Page) selectID(id uint64) bool {
	for row, i := range p.view {
		if p.lines[i].ID == id {
			p.table.SetCursor(row)
			return true
		}
	}
	return false
}

// accountName is an account's name in the user's language.
func (p *Page) accountName(a model.Account) string {
	if p.c.Lang == i18n.EN && a.NameEN != "" {
		return a.NameEN
	}
	return a.Name
}

// accountLabel is "50204 困难职工帮扶费" for a code.
func (p *Page) accountLabel(code string) string {
	if i, ok := p.byCode[code]; ok {
		return code + " " + p.accountName(p.chart[i])
	}
	return code
}

func (p *Page) dirName(d model.Direction) string {
	switch d {
	case model.In:
		return p.c.T("cashbook.dir_in")
	case model.Out:
		return p.c.T("cashbook.dir_out")
	}
	return p.c.T("cashbook.dir_all")
}

func (p *Page) sourceName(s model.Source) string {
	switch s.Kind {
	case "":
		return p.c.T("cashbook.src_manual")
	case "dues":
		return p.c.T("cashbook.src_dues")
	case "dues_batch":
		return p.c.T("cashbook.src_dues_batch")
	case "aid":
		return p.c.T("cashbook.src_aid")
	case "event":
		return p.c.T("cashbook.src_event")
	}
	return s.Kind
}

// flag says whether a line was reversed or is a reversal.
func (p *Page) flag(l storage.LedgerLine) string {
	switch {
	case l.ReversalOf != 0:
		return p.c.T("cashbook.flag_reversal")
	case l.ReversedBy != 0:
		return p.c.T("cashbook.flag_reversed")
	}
	return ""
}

// widest is the widest translation of keys, at least least cells.
func (p *Page) widest(least int, keys ...string) int {
	w := least
	for _, k := range keys {
		w = max(w, ansi.StringWidth(p.c.T(k)))
	}
	return w
}

func (p *Page) columns() ([]widget.Column, []int) {
	all := []struct {
		id  int
		col widget.Column
	}{
		{colDate, widget.Column{Title: p.c.T("cashbook.col_date"), Width: 10}},
		{colVoucher, widget.Column{Title: p.c.T("cashbook.col_voucher"), Width: 10}},
		{colAccount, widget.Column{Title: p.c.T("cashbook.col_account"), Width: 14, Flex: 2}},
		{colDir, widget.Column{Title: p.c.T("cashbook.col_dir"), Width: p.widest(2, "cashbook.col_dir", "cashbook.dir_in", "cashbook.dir_out")}},
		{colAmount, widget.Column{Title: p.c.T("cashbook.col_amount"), Width: 11, AlignRight: true}},
		{colBalance, widget.Column{Title: p.c.T("cashbook.col_balance"), Width: 12, AlignRight: true}},
		{colCounterparty, widget.Column{Title: p.c.T("cashbook.col_counterparty"), Width: 8, Flex: 1}},
		{colMemo, widget.Column{Title: p.c.T("cashbook.col_memo"), Width: 10, Flex: 2}},
		{colSource, widget.Column{Title: p.c.T("cashbook.col_source"), Width: min(10, p.widest(4, "cashbook.col_source", "cashbook.src_manual", "cashbook.src_dues", "cashbook.src_dues_batch", "cashbook.src_aid", "cashbook.src_event"))}},
		{colFlag, widget.Column{Title: p.c.T("cashbook.col_flag"), Width: p.widest(2, "cashbook.col_flag", "cashbook.flag_reversal", "cashbook.flag_reversed")}},
	}
	var cols []widget.Column
	var ids []int
	for _, a := range all {
		if (a.id == colMemo || a.id == colSource) && p.width < 110 || a.id == colFlag && p.width < 96 {
			continue
		}
		cols = append(cols, a.col)
		ids = append(ids, a.id)
	}
	return cols, ids
}

func (p *Page) refreshTable() {
	cols, ids := p.columns()
	p.colIDs = ids
	p.table.SetColumns(cols)
	p.table.SetRows(len(p.view), func(row, col int) string {
		l := p.lines[p.view[row]]
		switch ids[col] {
		case colDate:
			return l.Date.String()
		case colVoucher:
			return l.VoucherNo
		case colAccount:
			return p.accountLabel(l.Account)
		case colDir:
			return p.dirName(l.Direction)
		case colAmount:
			return l.Amount.Display()
		case colBalance:
			return l.Balance.Display()
		case colCounterparty:
			return l.Counterparty
		case colMemo:
			return l.Memo
		case colSource:
			return p.sourceName(l.Source)
		case colFlag:
			return p.flag(l)
		}
		return ""
	})
}

// Title is the tab label.
func (p *Page) Title() string { return p.c.T("cashbook.tab") }

// SetSize lays the page out.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.search.SetWidth(max(10, min(30, w/3)))
	p.table.SetSize(w, max(3, h-2))
	p.refreshTable()
	p.stmtTable.SetSize(w, max(3, h-2))
	p.refreshStatementTable()
	if p.form != nil {
		p.form.SetSize(w, h-2)
	}
	if p.picker != nil {
		p.picker.SetSize(w, h)
	}
}

// Capturing reports that typed text goes to an input.
func (p *Page) Capturing() bool {
	return p.search.Active() || p.picker != nil || p.mode == modeForm || p.mode == modeReverse
}

// Dirty reports a form with unsaved changes.
func (p *Page) Dirty() bool {
	return (p.mode == modeForm || p.mode == modeReverse) && p.form != nil && p.form.Dirty()
}

// Update handles keys and messages.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	_, cmd := p.update(msg)
	return cmd
}

func (p *Page) update(msg tea.Msg) (common.Page, tea.Cmd) {
	if _, ok := msg.(common.DataChangedMsg); ok {
		p.loadChart()
		p.reload()
		if p.mode == modeDetail {
			p.openDetail(p.current)
		}
		if p.mode == modeStatement {
			p.loadStatement()
		}
		return p, nil
	}
	if p.picker != nil {
		return p, p.updatePicker(msg)
	}
	switch p.mode {
	case modeForm:
		return p, p.updateForm(msg)
	case modeReverse:
		return p, p.updateReverse(msg)
	case modeDetail:
		return p, p.updateDetail(msg)
	case modeStatement:
		return p, p.updateStatement(msg)
	}
	return p, p.updateList(msg)
}

func (p *Page) updateList(msg tea.Msg) tea.Cmd {
	k := p.c.Keys
	if ev, cmd := p.search.Update(msg); ev != widget.SearchIgnored {
		if ev != widget.SearchHandled { // the newest lines are at the end
			p.query = p.search.Value()
			p.refilter()
			p.table.SetCursor(len(p.view) - 1)
		}
		return cmd
	}
	km, isKey := msg.(tea.KeyPressMsg)
	if rc, ok := msg.(widget.RowClickedMsg); ok && rc.ID == "ledger" {
		if rc.Again {
			if l, ok := p.selected(); ok {
				p.openDetail(l.ID)
			}
		}
		return nil
	}
	if !isKey {
		var cmd tea.Cmd
		p.table, cmd = p.table.Update(msg)
		return cmd
	}
	switch {
	case key.Matches(km, k.Search):
		p.search.Focus()
	case key.Matches(km, p.k.PrevMonth):
		p.moveMonth(-1)
	case key.Matches(km, p.k.NextMonth):
		p.moveMonth(1)
	case key.Matches(km, p.k.AllMonths):
		p.month = 0
		p.reloadToEnd()
	case key.Matches(km, p.k.Account):
		opts := []form.Option{{Label: p.c.T("cashbook.all_accounts"), Value: 0}}
		opts = append(opts, p.accountOptions(0, true)...)
		cur := uint64(0)
		if i, ok := p.byCode[p.account]; ok {
			cur = uint64(i + 1)
		}
		p.openPicker(pickFilterAccount, p.c.T("cashbook.pick_account"), opts, cur)
	case key.Matches(km, p.k.Direction):
		p.dir = (p.dir + 1) % 3
		p.reloadToEnd()
	case key.Matches(km, p.k.Clear):
		p.month, p.account, p.dir, p.query = 0, "", 0, ""
		p.search.SetValue("")
		p.reloadToEnd()
	case km.String() == "esc":
		if p.query != "" {
			p.query = ""
			p.search.SetValue("")
			p.refilter()
		}
	case key.Matches(km, k.Open):
		if l, ok := p.selected(); ok {
			p.openDetail(l.ID)
		}
	case key.Matches(km, k.New):
		return p.openForm()
	case key.Matches(km, p.k.Reverse):
		if l, ok := p.selected(); ok {
			return p.startReverse(l.ID)
		}
	case key.Matches(km, p.k.Statement):
		p.openStatement()
	default:
		var cmd tea.Cmd
		p.table, cmd = p.table.Update(msg)
		return cmd
	}
	return nil
}

// moveMonth steps the month filter; from "all months" it starts at today's.
func (p *Page) moveMonth(d int) {
	if p.month == 0 {
		p.month = p.c.Today().Month()
	} else {
		p.month = p.month.Add(d)
	}
	p.reloadToEnd()
}

// reloadToEnd reloads after a filter change and selects the latest entry.
func (p *Page) reloadToEnd() {
	p.reload()
	p.table.SetCursor(len(p.view) - 1)
}

// accountOptions lists the chart, only accounts of direction d when d is
// set. An option's value is the account's index in the chart plus one. For
// a picker, sub-accounts are indented under their parent and English
// labels carry the Chinese name too, so pinyin initials find them.
func (p *Page) accountOptions(d model.Direction, forPicker bool) []form.Option {
	opts := make([]form.Option, 0, len(p.chart))
	for i, a := range p.chart {
		if d != 0 && a.Direction != d {
			continue
		}
		label := a.Code + " " + p.accountName(a)
		if forPicker {
			label = strings.Repeat("  ", depth(a.Code)) + label
			if p.c.Lang == i18n.EN && a.NameEN != "" && a.Name != "" && !hasHan(a.NameEN) {
				label += " (" + a.Name + ")"
			}
		}
		opts = append(opts, form.Option{Label: label, Value: uint64(i + 1)})
	}
	return opts
}

func (p *Page) openPicker(target pickTarget, title string, opts []form.Option, current uint64) {
	p.pickFor = target
	p.picker = picker.New(p.c, title, opts, current)
	p.picker.SetSize(p.width, p.height)
}

func (p *Page) updatePicker(msg tea.Msg) tea.Cmd {
	res, v, cmd := p.picker.Update(msg)
	switch res {
	case picker.Chosen:
		p.picker = nil
		switch p.pickFor {
		case pickFilterAccount:
			p.account = ""
			if v > 0 && int(v) <= len(p.chart) {
				p.account = p.chart[v-1].Code
			}
			p.reloadToEnd()
		case pickFormAccount:
			p.form.Picked(v)
		}
	case picker.Cancelled:
		p.picker = nil
	}
	return cmd
}

// View draws the current mode.
func (p *Page) View() string {
	if p.picker != nil {
		return p.picker.View()
	}
	switch p.mode {
	case modeDetail:
		return p.detailView()
	case modeForm, modeReverse:
		return p.formView()
	case modeStatement:
		return p.statementView()
	}
	return p.listView()
}

// filterBar is the start of the filter line: month, account and
// direction; the search box follows it.
func (p *Page) filterBar() string {
	st := p.c.Styles
	sep := p.c.T("cashbook.colon")
	month := p.c.T("cashbook.all_months")
	if p.month != 0 {
		month = p.month.String()
	}
	acct := p.c.T("cashbook.all_accounts")
	if p.account != "" {
		acct = p.accountLabel(p.account)
	}
	return st.Label.Render(p.c.T("cashbook.month")+sep) + month + "  " +
		st.Label.Render(p.c.T("cashbook.account")+sep) + acct + "  " +
		st.Label.Render(p.c.T("cashbook.direction")+sep) + p.dirName(p.dir) + "  "
}

func (p *Page) listView() string {
	st := p.c.Styles
	sep := p.c.T("cashbook.colon")
	bar := p.filterBar()
	if box := p.search.View(p.c.T("cashbook.search"), ""); box != "" {
		bar += box + "  "
	}
	bar += st.Muted.Render(p.c.T("cashbook.count", len(p.view)))
	line := ansi.Truncate(bar, p.width, "~")
	if p.err != nil {
		line = st.Error.Render(ansi.Truncate(p.c.Err(p.err), p.width, "~"))
	}
	totals := st.Label.Render(p.c.T("cashbook.total_in")+sep) + p.totIn.Display() + "  " +
		st.Label.Render(p.c.T("cashbook.total_out")+sep) + p.totOut.Display() + "  " +
		st.Label.Render(p.c.T("cashbook.total_net")+sep) + (p.totIn - p.totOut).Display() + "  " +
		st.Label.Render(p.c.T("cashbook.cash_balance")+sep) + st.Value.Bold(true).Render(p.balance.Display())
	return line + "\n" + p.table.View() + "\n" + ansi.Truncate(totals, p.width, "~")
}

// Cursor is the real cursor: in the search box, a form field or a picker.
func (p *Page) Cursor() *tea.Cursor {
	if p.picker != nil {
		return p.picker.Cursor()
	}
	switch p.mode {
	case modeForm, modeReverse:
		if c := p.form.Cursor(); c != nil {
			c.Y += 2 // the form's title and a blank line
			return c
		}
	case modeList:
		if p.search.Active() {
			return p.search.Cursor(p.c.T("cashbook.search"), ansi.StringWidth(p.filterBar()), 0, p.width)
		}
	}
	return nil
}

// ShortHelp lists the keys of the current mode for the footer.
func (p *Page) ShortHelp() []key.Binding {
	k := p.c.Keys
	switch {
	case p.picker != nil:
		return []key.Binding{k.Open, k.Back}
	case p.mode == modeForm || p.mode == modeReverse:
		return []key.Binding{k.NextField, k.PrevField, k.Save, k.Back}
	case p.mode == modeDetail:
		var out []key.Binding
		if p.det != nil {
			l := p.det.line
			if l.Source.Kind == "" && l.ReversalOf == 0 && l.ReversedBy == 0 {
				out = append(out, p.k.Reverse)
			}
			if p.det.linked != 0 {
				out = append(out, p.k.Linked)
			}
		}
		return append(out, k.Back)
	case p.mode == modeStatement:
		return []key.Binding{p.k.PrevMonth, p.k.NextMonth, p.k.Year, k.Back}
	case p.search.Active():
		return []key.Binding{k.SearchDone, k.SearchClear}
	}
	return []key.Binding{p.k.PrevMonth, p.k.NextMonth, p.k.AllMonths, p.k.Account, p.k.Direction,
		k.New, k.Open, p.k.Reverse, p.k.Statement, k.Search, k.Help}
}

// FullHelp lists the keys of the mode shown: only keys that work there.
func (p *Page) FullHelp() [][]key.Binding {
	k := p.c.Keys
	if p.picker != nil || p.mode != modeList || p.search.Active() {
		return [][]key.Binding{p.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{p.k.PrevMonth, p.k.NextMonth, p.k.AllMonths, p.k.Account, p.k.Direction, p.k.Clear, k.Search},
		{k.Open, k.New, p.k.Reverse, p.k.Statement, k.Tabs, k.Help, k.Quit},
	}
}

// hasHan reports whether s holds a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// itoa is strconv.Itoa for uint64 ids.
func itoa(id uint64) string { return strconv.FormatUint(id, 10) }
