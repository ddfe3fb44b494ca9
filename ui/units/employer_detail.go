package units

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// employerDetail is one unorganised employer: its facts over the table of
// its follow-up visits. v records a visit, b that it formed its union
// (it becomes a unit, keeping this record), x that it closed or left.
type employerDetail struct {
	common.ScreenBase
	c      *common.Common
	st     *stack.Stack
	b      *book
	keys   keys
	id     uint64
	e      model.Employer
	visits widget.Table
	err    error
	width  int
}

// employerFacts are the lines above the visits: title, five lines of
// facts, the visits' title.
const employerFacts = 7

func newEmployerDetail(c *common.Common, st *stack.Stack, b *book, k keys, id uint64) *employerDetail {
	d := &employerDetail{c: c, st: st, b: b, keys: k, id: id, visits: widget.NewTable(nil, c.TableStyles())}
	d.visits.SetOrigin(0, employerFacts)
	d.visits.SetEmptyText(c.T("employers.no_visits"))
	d.visits.SetColumns([]widget.Column{
		{Title: c.T("col.date"), Width: 10},
		{Title: c.T("field.visit_by"), Width: 8},
		{Title: c.T("field.visit_outcome"), Width: 20, Flex: 1},
		{Title: c.T("field.visit_next"), Width: 10},
	})
	d.load()
	return d
}

func (d *employerDetail) load() {
	d.e, d.err = d.c.Store.Employer(d.id)
	vs := d.e.Visits
	d.visits.SetRows(len(vs), func(row, col int) string {
		v := vs[len(vs)-1-row] // newest first
		return [...]string{v.Date.String(), v.By, v.Outcome, v.Next.String()}[col]
	})
}

func (d *employerDetail) SetSize(w, h int) {
	d.width = w
	d.visits.SetSize(w, max(3, h-employerFacts))
}

func (d *employerDetail) Update(msg tea.Msg) tea.Cmd {
	k := d.c.Keys
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		d.load()
		return nil
	case tea.KeyPressMsg:
		if !d.e.Status.Open() && (key.Matches(msg, d.keys.Visit) || key.Matches(msg, d.keys.Formed) || key.Matches(msg, d.keys.Gone)) {
			return common.SetStatus(d.c.T("employer.closed", d.c.T(d.e.Status.Key())), true)
		}
		switch {
		case key.Matches(msg, d.keys.Visit):
			return d.st.Push(visitForm(d.c, d.st, d.e))
		case key.Matches(msg, d.keys.Formed):
			return d.st.Push(formedForm(d.c, d.st, d.b, d.keys, d.e))
		case key.Matches(msg, d.keys.Gone):
			return d.st.Push(goneForm(d.c, d.st, d.e))
		case key.Matches(msg, k.Edit):
			return d.st.Push(employerForm(d.c, d.st, &d.e))
		case key.Matches(msg, k.Delete):
			return d.st.Ask(d.c.T("employers.confirm_delete", d.e.Name), func() tea.Cmd {
				if err := d.c.Store.DeleteEmployer(d.c.OperatorName(), d.id); err != nil {
					return common.SetStatus(d.c.Err(err), true)
				}
				d.st.Pop()
				return tea.Batch(common.SetStatus(d.c.T("employers.deleted", d.e.Name), false), common.Changed(model.EntityEmployer, d.id))
			})
		case key.Matches(msg, k.Open) && d.e.UnitID != 0:
			// the union it formed
			return d.st.Push(newDetail(d.c, d.st, d.b, d.keys, d.e.UnitID))
		}
	}
	var cmd tea.Cmd
	d.visits, cmd = d.visits.Update(msg)
	return cmd
}

func (d *employerDetail) View() string {
	st := d.c.Styles
	e := &d.e
	labW := 0
	for _, k := range []string{"employer_status", "credit_code", "employees", "contact", "address"} {
		labW = max(labW, ansi.StringWidth(d.c.T("field."+k)))
	}
	lab := func(k string) string {
		l := d.c.T("field." + k)
		return st.Label.Render(l+strings.Repeat(" ", max(0, labW-ansi.StringWidth(l)))) + " "
	}
	status := d.c.T(e.Status.Key())
	switch e.Status {
	case model.EmployerFormed:
		if u, ok := d.b.unit(e.UnitID); ok {
			status = d.c.T("employers.became", u.Name, e.FormedOn.String()) // says the status itself
		}
	case model.EmployerGone:
		status += "  " + e.GoneOn.String() + " " + e.GoneReason
	}
	heads := d.c.T("units.staff_counts", e.Employees, e.Women, e.Migrant)
	lines := []string{
		st.Title.Render(e.Name),
		lab("employer_status") + status,
		lab("credit_code") + dash(e.CreditCode) + "   " + lab("unit_kind") + d.c.T(e.Kind.Key()),
		lab("employees") + heads,
		lab("contact") + dash(e.Contact) + "  " + e.Phone + "   " + lab("registered") + e.Registered.String(),
		lab("address") + dash(e.Address),
	}
	if d.err != nil {
		lines[1] = st.Error.Render(d.c.Err(d.err))
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(ansi.Truncate(l, d.width, "~") + "\n")
	}
	b.WriteString(st.Title.Render(d.c.T("employers.visits_title", strconv.Itoa(len(e.Visits)))) + "\n")
	b.WriteString(d.visits.View())
	return b.String()
}

func (d *employerDetail) ShortHelp() []key.Binding {
	k := d.c.Keys
	if !d.e.Status.Open() {
		if d.e.UnitID != 0 {
			return []key.Binding{k.Open, k.Edit, k.Back}
		}
		return []key.Binding{k.Edit, k.Back}
	}
	return []key.Binding{d.keys.Visit, d.keys.Formed, d.keys.Gone, k.Edit, k.Delete, k.Back}
}

func (d *employerDetail) FullHelp() [][]key.Binding {
	k := d.c.Keys
	return [][]key.Binding{{k.Up, k.Down}, d.ShortHelp(), {k.Tabs, k.Help, k.Quit}}
}
