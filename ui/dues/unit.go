package dues

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// unitHeaderLines is the height of the unit's summary above its reports.
const unitHeaderLines = 6

// unit is one unit's dues: how they are handled and reckoned (and since
// when), this year's figures, its members in arrears, the last reminder,
// and the collection reports it sent when it collects its own. The keys of
// its row in the collection by unit work here too; d deletes the report
// under the cursor.
type unit struct {
	common.ScreenBase
	*data
	st       *stack.Stack
	id       uint64
	terms    []model.UnitDuesTerm
	reports  []model.CollectionReport
	reminder *model.Reminder // the latest to the unit as a whole
	reminded int             // reminders to the unit and its members
	table    widget.Table
	w        int
	err      error
}

func newUnit(d *data, st *stack.Stack, id uint64) *unit {
	u := &unit{data: d, st: st, id: id, table: widget.NewTable(nil, d.c.TableStyles())}
	u.table.SetOrigin(0, unitHeaderLines)
	u.table.SetEmptyText(d.c.T("dues.no_reports"))
	c := d.c
	u.table.SetColumns([]widget.Column{
		{Title: c.T("dues.col_period"), Width: 15},
		{Title: c.T("dues.col_report_members"), Width: 8, AlignRight: true},
		{Title: c.T("dues.col_paid"), Width: 10, AlignRight: true},
		{Title: c.T("dues.col_due"), Width: 10, AlignRight: true},
		{Title: c.T("dues.col_date"), Width: 10},
		{Title: c.T("dues.col_note"), Width: 8, Flex: 1},
	})
	u.load()
	return u
}

func (u *unit) load() {
	ud, err := u.c.Store.UnitDuesOf(u.id)
	if err != nil {
		u.err = err
		return
	}
	u.terms = nil
	if ud != nil {
		u.terms = ud.Terms
	}
	if u.reports, err = u.c.Store.CollectionReports(u.id); err != nil {
		u.err = err
		return
	}
	rs, err := u.c.Store.Reminders(u.id, 0)
	if err != nil {
		u.err = err
		return
	}
	u.reminder, u.reminded = nil, len(rs)
	for i := range rs {
		if rs[i].MemberID == 0 {
			u.reminder = &rs[i]
			break
		}
	}
	u.err = nil
	u.table.SetRows(len(u.reports), func(row, col int) string {
		r := u.reports[row]
		switch col {
		case 0:
			return monthsText(r.From, r.To)
		case 1:
			return fmt.Sprint(r.Members)
		case 2:
			return r.Paid.Display()
		case 3:
			if r.Due > 0 {
				return r.Due.Display()
			}
			return "-"
		case 4:
			return r.Date.String()
		case 5:
			return r.Note
		}
		return ""
	})
}

func (u *unit) SetSize(w, h int) {
	u.w = w
	u.table.SetSize(w, max(3, h-unitHeaderLines))
}

func (u *unit) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case common.DataChangedMsg, loadedMsg:
		u.load()
		return nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(m, u.k.Batch):
			return openBatch(u.data, u.st, u.id)
		case key.Matches(m, u.k.Delete):
			if i := u.table.Cursor(); i >= 0 && i < len(u.reports) {
				r := u.reports[i]
				return u.st.Ask(u.c.T("dues.confirm_delete_report", monthsText(r.From, r.To)), func() tea.Cmd {
					if err := u.c.Store.DeleteCollectionReport(u.c.OperatorName(), r.ID); err != nil {
						return common.SetStatus(u.c.Err(err), true)
					}
					return tea.Batch(common.SetStatus(u.c.T("dues.report_deleted"), false), common.Changed(model.EntityReport, r.ID))
				})
			}
			return nil
		}
		if cmd := unitKeys(u.data, u.st, u.id, m); cmd != nil {
			return cmd
		}
	}
	var cmd tea.Cmd
	u.table, cmd = u.table.Update(msg)
	return cmd
}

func (u *unit) View() string {
	st := u.c.Styles
	if u.err != nil {
		return st.Error.Render(u.c.Err(u.err))
	}
	today := u.c.Today().Month()
	cur := model.DefaultUnitTerm
	for _, t := range u.terms {
		if t.From <= today {
			cur = t
		}
	}
	lines := []string{st.Title.Render(u.c.T("dues.unit_title", u.unitName(u.id)))}
	setting := termText(u.c, cur)
	var hist []string
	for _, t := range u.terms {
		from := u.c.T("dues.from_start")
		if t.From != 0 {
			from = t.From.String()
		}
		hist = append(hist, from+" "+u.c.T(t.Handling.Key()+"_short"))
	}
	if len(hist) > 0 {
		setting += "  " + st.Muted.Render(u.c.T("dues.term_history", strings.Join(hist, "; ")))
	}
	lines = append(lines, setting)
	for _, x := range u.collection {
		if x.UnitID == u.id {
			lines = append(lines, u.c.T("dues.unit_year", u.year, x.Due.Display(), x.Paid.Display(), rate(x.Paid, x.Due))+" "+sourceNote(u.c, &x))
		}
	}
	n, total := 0, model.Money(0)
	for _, a := range u.arr.list {
		if u.arr.names.Of(a.MemberID).UnitID == u.id {
			n++
			total += a.Amount
		}
	}
	owe := u.c.T("dues.unit_arrears", n, total.Display(), model.DueThrough(u.c.Today()).String())
	if u.reminder != nil {
		owe += "  " + u.c.T("dues.last_reminder", u.reminder.Date.String(), u.c.T(u.reminder.How.Key()), u.reminder.Note)
	}
	if u.reminded > 0 {
		owe += u.c.T("dues.reminders_count", u.reminded)
	}
	lines = append(lines, owe, st.Title.Render(u.c.T("dues.reports_title")))
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, u.w, "~")
	}
	for len(lines) < unitHeaderLines {
		lines = append(lines, "")
	}
	return strings.Join(lines[:unitHeaderLines], "\n") + "\n" + u.table.View()
}

func (u *unit) ShortHelp() []key.Binding {
	return []key.Binding{u.k.Batch, u.k.Handling, u.k.Report, u.k.Notice, u.k.Receipt, u.c.Keys.Back}
}

func (u *unit) FullHelp() [][]key.Binding {
	more := []key.Binding{u.k.Remind, u.k.Wage, u.k.Members}
	if len(u.reports) > 0 {
		more = append(more, u.k.Delete)
	}
	return [][]key.Binding{u.ShortHelp(), more, {u.c.Keys.Tabs, u.c.Keys.Help, u.c.Keys.Quit}}
}
