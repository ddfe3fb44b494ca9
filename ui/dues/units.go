package dues

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// units is the collection by unit of a year (up to this month): how each
// unit's dues are handled, what was due, what was paid, the rate and how
// many member-months paid. Units that collect their own dues count with
// what they reported, marked so; their months not reported count in
// neither and are said.
type units struct {
	common.ScreenBase
	*data
	st         *stack.Stack
	year       int
	collection []storage.Collection
	table      widget.Table
	w, h       int
	err        error
}

func newUnits(d *data, st *stack.Stack) *units {
	u := &units{data: d, st: st, year: d.c.Today().Year(), table: widget.NewTable(nil, d.c.TableStyles())}
	u.table.SetOrigin(0, 2) // under the title and the totals; View sets it as drawn
	u.table.SetEmptyText(d.c.T("dues.units_empty"))
	u.load()
	return u
}

func (u *units) load() {
	col, err := u.collectionOf(u.year)
	u.err = err
	u.set(col)
}

// sourceNote says where a unit's figures come from, when not from this
// federation's own records.
func sourceNote(c *common.Common, x *storage.Collection) string {
	switch {
	case x.Handling == model.HandlingSelf && x.Unreported > 0:
		return c.T("dues.src_unreported", x.Unreported)
	case x.Handling == model.HandlingSelf:
		return c.T("dues.src_reported")
	case x.NoBase > 0:
		return c.T("dues.src_no_base", x.NoBase)
	}
	return ""
}

func (u *units) set(col []storage.Collection) {
	c := u.c
	u.collection = col
	u.table.SetColumns([]widget.Column{
		{Title: c.T("col.unit"), Width: 12, Flex: 1},
		{Title: c.T("dues.col_handling"), Width: 8},
		{Title: c.T("dues.col_due"), Width: 10, AlignRight: true},
		{Title: c.T("dues.col_paid"), Width: 10, AlignRight: true},
		{Title: c.T("dues.col_rate"), Width: 8, AlignRight: true},
		{Title: c.T("dues.col_people"), Width: 9, AlignRight: true},
		{Title: c.T("dues.col_source"), Width: 10},
	})
	u.table.SetRows(len(col), func(row, i int) string {
		x := &col[row]
		switch i {
		case 0:
			return u.unitName(x.UnitID)
		case 1:
			return c.T(x.Handling.Key() + "_short")
		case 2:
			return x.Due.Display()
		case 3:
			return x.Paid.Display()
		case 4:
			return rate(x.Paid, x.Due)
		case 5:
			return fmt.Sprintf("%d/%d", x.PaidMembers, x.DueMembers)
		case 6:
			return sourceNote(c, x)
		}
		return ""
	})
}

func rate(paid, due model.Money) string {
	if due <= 0 {
		return "-"
	}
	bp := model.RateBP(paid, due)
	return fmt.Sprintf("%d.%02d%%", bp/100, bp%100)
}

// selected is the unit under the cursor, 0 for none.
func (u *units) selected() uint64 {
	if i := u.table.Cursor(); i >= 0 && i < len(u.collection) {
		return u.collection[i].UnitID
	}
	return 0
}

func (u *units) SetSize(w, h int) {
	u.w, u.h = w, h
	u.table.SetSize(w, max(3, h-2))
}

func (u *units) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case loadedMsg: // this year's figures, computed again after a change
		if m.year == u.year && m.err == nil {
			u.set(u.data.collection)
		}
		return nil
	case common.DataChangedMsg:
		if u.year != u.c.Today().Year() { // Load computes this year only
			u.load()
		}
		return nil
	case widget.RowClickedMsg: // a second click on the selected row opens it
		if u.table.Owns(m) && m.Again {
			if id := u.selected(); id != 0 {
				return u.st.Push(newUnit(u.data, u.st, id))
			}
		}
		return nil
	case tea.KeyPressMsg:
		id := u.selected()
		switch {
		case key.Matches(m, u.k.Arrears):
			u.st.Pop()
			return nil
		case key.Matches(m, u.k.PrevYear):
			u.year--
			u.load()
			return nil
		case key.Matches(m, u.k.NextYear):
			if u.year < u.c.Today().Year() {
				u.year++
				u.load()
			}
			return nil
		case key.Matches(m, u.k.Batch):
			return openBatch(u.data, u.st, id)
		case key.Matches(m, u.k.Pay), key.Matches(m, u.k.Find):
			return pickMember(u.data, u.st)
		case id == 0:
		case key.Matches(m, u.c.Keys.Open):
			return u.st.Push(newUnit(u.data, u.st, id))
		default:
			if cmd := unitKeys(u.data, u.st, id, m); cmd != nil {
				return cmd
			}
		}
	}
	var cmd tea.Cmd
	u.table, cmd = u.table.Update(msg)
	return cmd
}

// unitKeys answers the keys a unit's row and the unit's screen share: its
// members, handling, report, notice, reminder, wage base and receipts.
func unitKeys(d *data, st *stack.Stack, id uint64, m tea.KeyPressMsg) tea.Cmd {
	k := d.k
	switch {
	case key.Matches(m, k.Members):
		return func() tea.Msg { return common.ShowUnitMembersMsg{UnitID: id} }
	case key.Matches(m, k.Handling):
		return st.Push(newHandlingForm(d, st, id))
	case key.Matches(m, k.Report):
		// a report is what a unit collecting its own dues sends: for any
		// other unit the form would only end in a refusal
		ud, err := d.c.Store.UnitDuesOf(id)
		if err != nil {
			return common.SetStatus(d.c.Err(err), true)
		}
		if ud == nil || !slices.ContainsFunc(ud.Terms, func(t model.UnitDuesTerm) bool { return t.Handling == model.HandlingSelf }) {
			return common.SetStatus(d.c.T("dues.report_needs_self", d.unitName(id)), true)
		}
		return st.Push(newReportForm(d, st, id))
	case key.Matches(m, k.Notice):
		return newNoticeSave(d, st, id)
	case key.Matches(m, k.Remind):
		return st.Push(newReminderForm(d, st, id, 0))
	case key.Matches(m, k.Wage):
		return st.Push(newUnitWageForm(d, st, id))
	case key.Matches(m, k.Receipt):
		b, err := d.c.Store.LastBatchOf(id)
		switch {
		case err != nil:
			return common.SetStatus(d.c.Err(err), true)
		case b == 0:
			return common.SetStatus(d.c.T("dues.no_batch", d.unitName(id)), false)
		}
		return newBatchReceiptsSave(d, st, b)
	}
	return nil
}

func (u *units) View() string {
	st := u.c.Styles
	if err := u.firstErr(); err != nil {
		return st.Error.Render(u.c.Err(err))
	}
	var total storage.Collection
	for i := range u.collection {
		x := &u.collection[i]
		total.Due += x.Due
		total.Paid += x.Paid
		total.ReportedPaid += x.ReportedPaid
		total.Kept += x.Kept
		total.Unreported += x.Unreported
		total.UnreportedDue += x.UnreportedDue
	}
	title := st.Title.Render(u.c.T("dues.units_title", u.year))
	totals := st.Muted.Render(u.c.T("dues.units_total", total.Due.Display(), total.Paid.Display(), rate(total.Paid, total.Due)))
	var parts []string
	if total.ReportedPaid != 0 {
		parts = append(parts, u.c.T("dues.units_sources", total.ReportedPaid.Display()))
	}
	if total.Kept != 0 {
		parts = append(parts, u.c.T("dues.units_kept", total.Kept.Display()))
	}
	sub := strings.Join(parts, u.c.T("dues.units_sep"))
	if total.Unreported > 0 {
		sub += u.c.T("dues.units_unreported", total.Unreported, total.UnreportedDue.Display())
	}
	if sub == "" {
		sub = u.c.T("dues.units_hint")
	}
	// wrapped rather than cut at 80 columns (the unreported unit-months
	// came last and were lost); the table takes the height left
	top := fitParts(u.w, "  ", title, totals)
	for _, l := range strings.Split(ansi.Wrap(sub, u.w, "；，;,"), "\n") {
		top = append(top, st.Muted.Render(l))
	}
	u.table.SetSize(u.w, max(3, u.h-len(top)))
	u.table.SetOrigin(0, len(top)) // clicks land on the row under the pointer
	return strings.Join(top, "\n") + "\n" + u.table.View()
}

func (u *units) firstErr() error {
	if u.err != nil {
		return u.err
	}
	return u.data.err
}

func (u *units) ShortHelp() []key.Binding {
	return []key.Binding{u.c.Keys.Open, u.k.Batch, u.k.Handling, u.k.Notice, u.c.Keys.Help, u.c.Keys.Quit}
}

func (u *units) FullHelp() [][]key.Binding {
	k := u.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Open, u.k.Batch, u.k.Handling, u.k.Report, u.k.Wage, u.k.Members},
		{u.k.Notice, u.k.Remind, u.k.Receipt, u.k.Year, u.k.Pay, u.k.Find},
		{u.k.Arrears, k.Back, k.Tabs, k.Help, k.Quit}}
}
