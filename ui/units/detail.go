package units

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/listexport"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// detail shows a unit's facts over the table of its members.
type detail struct {
	common.ScreenBase
	c       *common.Common
	st      *stack.Stack
	b       *book
	keys    keys
	id      uint64
	members []model.Member
	table   widget.Table
	width   int
	err     error
}

// factLines are the lines of the unit's facts (its name and eight lines);
// the title of the member table follows, then the table.
const factLines = 9

func newDetail(c *common.Common, st *stack.Stack, b *book, k keys, id uint64) *detail {
	d := &detail{c: c, st: st, b: b, keys: k, id: id, table: widget.NewTable(nil, tableStyles(c))}
	d.table.SetOrigin(0, factLines+1)
	d.table.SetEmptyText(c.T("units.no_members"))
	d.table.SetColumns([]widget.Column{
		{Title: c.T("col.member_no"), Width: 7},
		{Title: c.T("col.name"), Width: 10},
		{Title: c.T("col.gender"), Width: 4},
		{Title: c.T("col.id_number"), Width: 18},
		{Title: c.T("col.phone"), Width: 11, Flex: 1},
		{Title: c.T("col.status"), Width: 8},
	})
	d.loadMembers()
	return d
}

// loadMembers reads the unit's members, by member number.
func (d *detail) loadMembers() {
	d.members = d.members[:0]
	ids, err := d.c.Store.MemberIDsOfUnit(d.id)
	d.err = err
	for _, id := range ids {
		if m, err := d.c.Store.Member(id); err == nil {
			d.members = append(d.members, m)
		}
	}
	slices.SortFunc(d.members, func(a, b model.Member) int { return strings.Compare(a.No, b.No) })
	d.table.SetRows(len(d.members), func(row, col int) string {
		m := d.members[row]
		return [...]string{m.No, m.Name, d.c.T(m.Gender.Key()), model.MaskID(m.IDNumber), m.Phone, d.c.T(m.Status.Key())}[col]
	})
}

func (d *detail) SetSize(w, h int) {
	d.width = w
	d.table.SetSize(w, max(3, h-factLines-3))
}

func (d *detail) Update(msg tea.Msg) tea.Cmd {
	k := d.c.Keys
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		d.loadMembers()
		return nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.Edit):
			if u, ok := d.b.unit(d.id); ok {
				return d.st.Push(newUnitForm(d.c, d.b, &u).screen(d.st, d.saved))
			}
			return nil
		case key.Matches(msg, k.Delete):
			u, _ := d.b.unit(d.id)
			return d.st.Ask(d.c.T("units.confirm_delete", u.Name), d.delete)
		case key.Matches(msg, d.keys.Members), key.Matches(msg, k.Open):
			return showMembers(d.id)
		case key.Matches(msg, k.Export):
			return d.export()
		}
	}
	var cmd tea.Cmd
	d.table, cmd = d.table.Update(msg)
	return cmd
}

// export takes the unit's members out as the table shows them, their ID
// numbers masked unless she asks for them whole.
func (d *detail) export() tea.Cmd {
	u, _ := d.b.unit(d.id)
	return listexport.Start(d.c, d.st, listexport.List{Name: d.c.T("units.members_of", u.Name), Table: d.table,
		Unmasked: func(row, col int) (string, bool) { return d.members[row].IDNumber, col == 3 }})
}

// saved is what the form opened here does after saving: back to the
// detail.
func (d *detail) saved(model.Unit) tea.Cmd {
	d.st.Pop()
	return nil
}

// delete removes the unit once asked; the store refuses a unit that still
// has members.
func (d *detail) delete() tea.Cmd {
	u, _ := d.b.unit(d.id)
	if err := d.c.Store.DeleteUnit(d.c.OperatorName(), d.id); err != nil {
		return common.SetStatus(d.c.Err(err), true)
	}
	d.st.Pop()
	return tea.Batch(common.SetStatus(d.c.T("units.deleted", u.Name), false), common.Changed(model.EntityUnit, u.ID))
}

func (d *detail) View() string {
	u, ok := d.b.unit(d.id)
	if !ok {
		return ""
	}
	st := d.c.Styles
	yesNo := func(b bool) string {
		if b {
			return d.c.T("form.yes")
		}
		return d.c.T("form.no")
	}
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	lab := func(k string) string {
		l := d.c.T("field." + k)
		return st.Label.Render(l+strings.Repeat(" ", max(0, 16-ansi.StringWidth(l)))) + " "
	}
	contract := dash(u.ContractSigned.String())
	if u.ContractExpires != 0 {
		contract += " ~ " + u.ContractExpires.String()
	}
	facts := []string{
		lab("credit_code") + dash(u.CreditCode),
		lab("unit_kind") + d.c.T(u.Kind.Key()),
		lab("union_type") + d.c.T(u.UnionType.Key()),
		lab("employees") + d.c.T("units.staff_counts", u.Employees, u.Women, u.MigrantWorkers),
		lab("chair") + dash(u.Chair) + "  " + dash(u.Phone),
		lab("contract_signed") + contract,
		lab("workers_congress") + yesNo(u.WorkersCongress) + "   " + lab("open_affairs") + yesNo(u.OpenAffairs),
		lab("unit_status") + d.c.T(u.Status.Key()),
	}
	var b strings.Builder
	b.WriteString(ansi.Truncate(st.Title.Render(u.Name)+"  "+st.Muted.Render(d.c.T("units.member_count", d.b.counts[u.ID])), d.width, "~") + "\n")
	for _, l := range facts {
		b.WriteString(ansi.Truncate(l, d.width, "~") + "\n")
	}
	if d.err != nil {
		b.WriteString(st.Error.Render(ansi.Truncate(d.c.Err(d.err), d.width, "~")) + "\n")
	} else {
		b.WriteString(st.Title.Render(d.c.T("units.members_title")) + "\n")
	}
	b.WriteString(d.table.View())
	return b.String()
}

func (d *detail) ShortHelp() []key.Binding {
	k := d.c.Keys
	return []key.Binding{k.Edit, d.keys.Members, k.Export, k.Delete, k.Back}
}

// FullHelp: the arrows move in the unit's members.
func (d *detail) FullHelp() [][]key.Binding {
	k := d.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}, d.ShortHelp(), {k.Tabs, k.Help, k.Quit}}
}
