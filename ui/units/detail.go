package units

import (
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/honour"
	"unionbook/ui/listexport"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// pane is one of the unit detail's views.
type pane int

const (
	paneSummary pane = iota // identity, head counts, chair
	paneOrg                 // the organisation register's sections
	paneMembers             // the unit's members
	numPanes
)

var paneKeys = [numPanes]string{"units.pane_summary", "units.pane_org", "units.pane_members"}

// detail shows one unit, a pane at a time: its facts, its organisation
// register (committees, congress, agreements, 职工之家, staff, election,
// honours — enter opens a section's form) and its members.
type detail struct {
	common.ScreenBase
	c       *common.Common
	st      *stack.Stack
	b       *book
	keys    keys
	id      uint64
	pane    pane
	members []model.Member
	honours []model.Honour
	table   widget.Table // the members
	orgRows widget.Table // the sections
	rules   model.OrgRules
	width   int
	height  int
	err     error
}

// headerLines are the lines above a pane: the title and the pane line.
const headerLines = 2

func newDetail(c *common.Common, st *stack.Stack, b *book, k keys, id uint64) *detail {
	d := &detail{c: c, st: st, b: b, keys: k, id: id,
		table: widget.NewTable(nil, c.TableStyles()), orgRows: widget.NewTable(nil, c.TableStyles())}
	d.table.SetOrigin(0, headerLines)
	d.table.SetEmptyText(c.T("units.no_members"))
	d.table.SetColumns([]widget.Column{
		{Title: c.T("col.member_no"), Width: 7},
		{Title: c.T("col.name"), Width: 10},
		{Title: c.T("col.gender"), Width: 4},
		{Title: c.T("col.id_number"), Width: 18},
		{Title: c.T("col.phone"), Width: 11, Flex: 1},
		{Title: c.T("col.status"), Width: 8},
	})
	d.orgRows.SetOrigin(0, headerLines)
	secW := ansi.StringWidth(c.T("units.col_section"))
	for _, k := range append([]string{"committees", "honours"}, sectionKeys()...) {
		secW = max(secW, min(26, ansi.StringWidth(c.T("sections."+k))))
	}
	d.orgRows.SetColumns([]widget.Column{
		{Title: c.T("units.col_section"), Width: secW},
		{Title: c.T("units.col_state"), Width: 30, Flex: 1},
	})
	d.load()
	return d
}

// rowCount is the organisation pane's rows: the committees, one row per
// section, the honours.
func (d *detail) rowCount() int { return 2 + len(sections) }

// load reads the unit's members and honours and the rules.
func (d *detail) load() {
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
	if hs, err := d.c.Store.UnitHonours(d.id); err == nil {
		d.honours = hs
	} else {
		d.err = err
	}
	if p, _, err := d.c.Store.Profile(); err == nil {
		d.rules = p.OrgRules()
	}
	d.orgRows.SetRows(d.rowCount(), func(row, col int) string {
		u, _ := d.b.unit(d.id)
		switch {
		case row == 0 && col == 0:
			return d.c.T("sections.committees")
		case row == 0:
			return committeesText(d.c, &u)
		case row <= len(sections) && col == 0:
			return d.c.T("sections." + sections[row-1].key)
		case row <= len(sections):
			return sections[row-1].summary(d.c, &u, d.rules)
		case col == 0:
			return d.c.T("sections.honours")
		}
		return d.honoursText()
	})
}

func (d *detail) honoursText() string {
	if len(d.honours) == 0 {
		return d.c.T("units.none")
	}
	parts := make([]string, 0, len(d.honours))
	for _, h := range d.honours {
		parts = append(parts, honour.Name(d.c, &h)+" "+itoa(h.Year))
	}
	return strings.Join(parts, d.c.T("units.list_sep"))
}

func (d *detail) SetSize(w, h int) {
	d.width, d.height = w, h
	d.layout()
	d.orgRows.SetSize(w, max(3, min(h-headerLines-1, d.rowCount()+1)))
}

func (d *detail) Update(msg tea.Msg) tea.Cmd {
	k := d.c.Keys
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		d.load()
		d.layout()
		return nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, d.keys.Pane):
			d.pane = (d.pane + 1) % numPanes
			d.layout()
			return nil
		case key.Matches(msg, d.keys.PaneBack):
			d.pane = (d.pane + numPanes - 1) % numPanes
			d.layout()
			return nil
		case key.Matches(msg, k.Edit):
			if u, ok := d.b.unit(d.id); ok {
				return d.st.Push(newUnitForm(d.c, d.b, &u).screen(d.st, d.saved))
			}
			return nil
		case key.Matches(msg, k.Delete):
			u, _ := d.b.unit(d.id)
			return d.st.Ask(d.c.T("units.confirm_delete", u.Name), d.delete)
		case key.Matches(msg, d.keys.Honours):
			return d.openHonours()
		case key.Matches(msg, d.keys.Members):
			return showMembers(d.id)
		case key.Matches(msg, k.Export) && d.pane != paneOrg: // the unit's members
			return d.export()
		case key.Matches(msg, k.Open):
			return d.open()
		}
	case widget.RowClickedMsg:
		if msg.Again && d.pane == paneOrg && d.orgRows.Owns(msg) {
			return d.open()
		}
	}
	var cmd tea.Cmd
	switch d.pane {
	case paneOrg:
		d.orgRows, cmd = d.orgRows.Update(msg)
	default:
		d.table, cmd = d.table.Update(msg)
	}
	return cmd
}

// export takes the unit's members out as the table shows them, their ID
// numbers masked unless she asks for them whole.
func (d *detail) export() tea.Cmd {
	u, _ := d.b.unit(d.id)
	return listexport.Start(d.c, d.st, listexport.List{Name: d.c.T("units.members_of", u.Name), Table: d.table,
		Unmasked: func(row, col int) (string, bool) { return d.members[row].IDNumber, col == 3 }})
}

// open acts on enter: in the organisation pane the selected section's
// form (or the committees, or the honours); elsewhere the unit's members
// in the Members tab.
func (d *detail) open() tea.Cmd {
	switch d.pane {
	case paneOrg:
		row := d.orgRows.Cursor()
		switch {
		case row == 0:
			return d.st.Push(newCommittees(d.c, d.st, d.b, d.id))
		case row <= len(sections):
			return openSection(d.c, d.st, d.b, d.id, sections[row-1])
		}
		return d.openHonours()
	case paneMembers:
		return showMembers(d.id)
	}
	return showMembers(d.id)
}

func (d *detail) openHonours() tea.Cmd {
	u, _ := d.b.unit(d.id)
	return d.st.Push(honour.NewScreen(d.c, d.st, honour.Holder{UnitID: d.id, Name: u.Name}))
}

// saved is what the form opened here does after saving: back to the
// detail.
func (d *detail) saved(model.Unit) tea.Cmd {
	d.st.Pop()
	return nil
}

// delete removes the unit once asked; the store refuses a unit that still
// has members, honours or an employer's history.
func (d *detail) delete() tea.Cmd {
	u, _ := d.b.unit(d.id)
	if err := d.c.Store.DeleteUnit(d.c.OperatorName(), d.id); err != nil {
		return common.SetStatus(d.c.Err(err), true)
	}
	d.st.Pop()
	return tea.Batch(common.SetStatus(d.c.T("units.deleted", u.Name), false), common.Changed(model.EntityUnit, u.ID))
}

func (d *detail) ShortHelp() []key.Binding {
	k := d.c.Keys
	if d.pane == paneOrg {
		return []key.Binding{d.keys.Pane, k.Open, k.Edit, d.keys.Honours, k.Back}
	}
	// d and E are in the full help: the footer fits 80 columns
	return []key.Binding{d.keys.Pane, k.Edit, d.keys.Members, d.keys.Honours, k.Back}
}

// FullHelp: the arrows move in the pane's table, when it shows one.
func (d *detail) FullHelp() [][]key.Binding {
	k := d.c.Keys
	keys := []key.Binding{d.keys.Pane, d.keys.PaneBack, k.Open, k.Edit, d.keys.Members, d.keys.Honours, k.Delete, k.Back}
	if d.pane != paneOrg {
		keys = append(keys, k.Export)
	}
	rest := [][]key.Binding{keys, {k.Tabs, k.Help, k.Quit}}
	if d.pane == paneSummary {
		u, _ := d.b.unit(d.id)
		if !d.membersUnderFacts(len(d.summaryLines(&u))) || len(d.members) == 0 {
			return rest
		}
	}
	return append([][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}}, rest...)
}
