package members

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// detail shows one member with the whole ID number and the status
// history; it is the only screen where the ID number is shown unmasked.
type detail struct {
	common.ScreenBase
	c      *common.Common
	st     *stack.Stack
	b      *book
	keys   keys
	id     uint64
	extras []common.MemberSection
	follow func(id uint64) // selects the member in the list after a save
	width  int
}

func newDetail(c *common.Common, st *stack.Stack, b *book, k keys, id uint64, extras []common.MemberSection, follow func(uint64)) *detail {
	return &detail{c: c, st: st, b: b, keys: k, id: id, extras: extras, follow: follow}
}

func (d *detail) SetSize(w, _ int) { d.width = w }

func (d *detail) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	m, found := d.b.member(d.id)
	if !found {
		return nil
	}
	k := d.c.Keys
	switch {
	case key.Matches(km, k.Edit):
		return d.st.Push(newMemberForm(d.c, d.b, &m).screen(d.st, d.saved))
	case key.Matches(km, d.keys.Status):
		return openStatusForm(d.c, d.st, d.b, m, d.saved)
	case key.Matches(km, k.Delete):
		return d.st.Ask(d.c.T("members.confirm_delete", m.Name, m.No), d.delete)
	case key.Matches(km, d.keys.Dues):
		return func() tea.Msg { return common.ShowMemberDuesMsg{MemberID: m.ID} }
	case key.Matches(km, d.keys.Wage): // the dues line says "press w"
		return func() tea.Msg { return common.ShowMemberDuesMsg{MemberID: m.ID, Wage: true} }
	}
	return nil
}

// saved is what a form opened here does after saving: back to the detail.
func (d *detail) saved(m model.Member) tea.Cmd {
	d.st.Pop()
	d.follow(m.ID)
	return nil
}

// delete removes the member once asked, and goes back to the list; the
// store refuses a member with payments or files.
func (d *detail) delete() tea.Cmd {
	m, _ := d.b.member(d.id)
	if err := d.c.Store.DeleteMember(d.c.OperatorName(), d.id); err != nil {
		return common.SetStatus(d.c.Err(err), true)
	}
	d.b.r.remove(d.id)
	d.st.Pop()
	return tea.Batch(common.SetStatus(d.c.T("members.deleted", m.Name), false), common.Changed(model.EntityMember, m.ID))
}

func (d *detail) ShortHelp() []key.Binding {
	k := d.c.Keys
	return []key.Binding{k.Edit, d.keys.Status, d.keys.Dues, d.keys.Wage, k.Delete, k.Back}
}

func (d *detail) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }

func (d *detail) View() string {
	m, ok := d.b.member(d.id)
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
	or := func(s string) string {
		if s == "" {
			return st.Muted.Render("-")
		}
		return s
	}
	// long values (unit, ID number) on the left, short ones on the right
	left := [][2]string{
		{"member_no", m.No},
		{"name", m.Name},
		{"doc_type", d.c.T(m.DocType.Key())},
		{"id_number", m.IDNumber},
		{"unit", or(d.b.unitBy[m.UnitID])},
		{"phone", or(m.Phone)},
		{"job", or(m.Job)},
		{"join_date", m.JoinDate.String()},
		{"notes", or(m.Notes)},
	}
	right := [][2]string{
		{"gender", d.c.T(m.Gender.Key())},
		{"birth", or(m.Birth.String())},
		{"ethnicity", or(m.Ethnicity)},
		{"education", or(m.Education)},
		{"political", or(m.Political)},
		{"migrant", yesNo(m.Migrant)},
		{"status", d.c.T(m.Status.Key())},
		{"honours", or(m.Honours)},
	}
	// each column's labels padded to its widest, and a space after it:
	// "Political status" is wider than the 14 cells Chinese labels take
	lw := func(col [][2]string) int {
		w := 13
		for _, kv := range col {
			w = max(w, ansi.StringWidth(d.c.T("field."+kv[0])))
		}
		return w + 1
	}
	leftLW, rightLW := lw(left), lw(right)
	cell := func(kv [2]string, w int) string { return st.Label.Render(label(d.c, kv[0], w)) + kv[1] }
	w := d.width
	var b strings.Builder
	b.WriteString(ansi.Truncate(st.Title.Render(d.c.T("members.detail_title", m.Name, m.No)), w, "~") + "\n\n")
	if w >= 76 {
		leftW := min(w/2+8, 60)
		for i := range max(len(left), len(right)) {
			l := ""
			if i < len(left) {
				l = ansi.Truncate(cell(left[i], leftLW), leftW-1, "~")
			}
			l += strings.Repeat(" ", max(0, leftW-ansi.StringWidth(l)))
			if i < len(right) {
				l += ansi.Truncate(cell(right[i], rightLW), w-leftW, "~")
			}
			b.WriteString(l + "\n")
		}
	} else {
		all := append(left, right...)
		for _, kv := range all {
			b.WriteString(ansi.Truncate(cell(kv, lw(all)), w, "~") + "\n")
		}
	}
	b.WriteString(ansi.Truncate(d.c.T("members.dues_line", d.duesSummary(&m)), w, "~") + "\n")
	b.WriteString("\n" + st.Title.Render(d.c.T("members.history")) + "\n")
	if len(m.History) == 0 {
		b.WriteString(st.Muted.Render(d.c.T("members.no_history", m.JoinDate.String())) + "\n")
	}
	for _, h := range m.History {
		line := h.Date.String() + "  " + d.c.T(h.From.Key()) + " -> " + d.c.T(h.To.Key()) + "  " + h.Reason
		if h.ToUnion != "" {
			line += "  (" + d.c.T("field.to_union") + ": " + h.ToUnion + ")"
		}
		b.WriteString(ansi.Truncate(line, w, "~") + "\n")
	}
	for _, extra := range d.extras {
		title, lines := extra(d.c, &m, w)
		if len(lines) == 0 {
			continue
		}
		b.WriteString("\n" + st.Title.Render(title) + "\n")
		for _, l := range lines {
			b.WriteString(ansi.Truncate(l, w, "~") + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// label is a field's name padded to w cells, the detail's label column.
func label(c *common.Common, key string, w int) string {
	l := c.T("field." + key)
	return l + strings.Repeat(" ", max(1, w-ansi.StringWidth(l)))
}

// duesSummary is one line on the member's dues: wage base and what is owed.
func (d *detail) duesSummary(m *model.Member) string {
	rules, err := d.c.Store.DuesRules()
	if err != nil {
		return d.c.Err(err)
	}
	paid, err := d.c.Store.PaidMonths(m.ID)
	if err != nil {
		return d.c.Err(err)
	}
	today := d.c.Today().Month()
	var parts []string
	base := m.BaseFor(today)
	if base > 0 {
		parts = append(parts, d.c.T("dues.wage_line", base.Display(), rules.Monthly(base).Display()))
	} else {
		parts = append(parts, d.c.T("dues.no_wage"))
	}
	if months, total, run := model.Unpaid(m, rules, paid, model.DueThrough(d.c.Today())); len(months) > 0 {
		parts = append(parts, common.OwesText(d.c, len(months), total, run, base))
	} else {
		parts = append(parts, d.c.T("dues.nothing_owed"))
	}
	return strings.Join(parts, d.c.T("members.clause_sep"))
}
