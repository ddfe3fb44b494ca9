package members

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/honour"
	"unionbook/ui/stack"
)

// detail shows one member with the whole ID number and the status
// history; it is the only screen where the ID number is shown unmasked.
type detail struct {
	common.ScreenBase
	c       *common.Common
	st      *stack.Stack
	b       *book
	keys    keys
	id      uint64
	extras  []common.MemberSection
	follow  func(id uint64) // selects the member in the list after a save
	honours []model.Honour
	offset  int // the first line shown, when the detail is longer than the screen
	width   int
	height  int
}

func newDetail(c *common.Common, st *stack.Stack, b *book, k keys, id uint64, extras []common.MemberSection, follow func(uint64)) *detail {
	d := &detail{c: c, st: st, b: b, keys: k, id: id, extras: extras, follow: follow}
	d.honours, _ = c.Store.MemberHonours(id)
	return d
}

func (d *detail) SetSize(w, h int) { d.width, d.height = w, h }

func (d *detail) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(common.DataChangedMsg); ok {
		d.honours, _ = d.c.Store.MemberHonours(d.id)
		return nil
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	if d.scroll(km) {
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
	case key.Matches(km, d.keys.Honours):
		return d.st.Push(honour.NewScreen(d.c, d.st, honour.Holder{MemberID: m.ID, Name: m.Name}))
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
	return []key.Binding{k.Edit, d.keys.Status, d.keys.Dues, d.keys.Wage, d.keys.Honours, k.Delete, k.Back}
}

// FullHelp: the arrows scroll a detail longer than the screen.
func (d *detail) FullHelp() [][]key.Binding {
	k := d.c.Keys
	if d.scrollable() {
		return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}, d.ShortHelp()}
	}
	return [][]key.Binding{d.ShortHelp()}
}

// View shows the detail's lines from the scroll offset.
func (d *detail) View() string {
	lines := d.lines()
	d.offset = max(0, min(d.offset, len(lines)-d.height))
	return strings.Join(lines[d.offset:min(len(lines), d.offset+max(1, d.height))], "\n")
}

func (d *detail) scrollable() bool { return d.height > 0 && len(d.lines()) > d.height }

// scroll moves the view by a line, a page or to an end; it reports
// whether km was a scroll key.
func (d *detail) scroll(km tea.KeyPressMsg) bool {
	k := d.c.Keys
	page := max(1, d.height-1)
	switch {
	case key.Matches(km, k.Up):
		d.offset--
	case key.Matches(km, k.Down):
		d.offset++
	case key.Matches(km, k.PageUp):
		d.offset -= page
	case key.Matches(km, k.PageDown):
		d.offset += page
	case key.Matches(km, k.Home):
		d.offset = 0
	case key.Matches(km, k.End):
		d.offset = len(d.lines())
	default:
		return false
	}
	d.offset = max(0, min(d.offset, len(d.lines())-d.height))
	return true
}

// lines are the detail's lines, whole.
func (d *detail) lines() []string {
	m, ok := d.b.member(d.id)
	if !ok {
		return []string{""}
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
		{"employment", d.c.T(m.Employment.Key())},
		{"hukou", d.c.T(m.Hukou.Key())},
		{"skill", d.c.T(m.Skill.Key())},
		{"title", d.c.T(m.Title.Key())},
	}
	join := d.c.T(m.JoinKind.Key())
	if m.FromUnion != "" {
		join += " " + m.FromUnion
	}
	card := or(m.CardNo)
	if m.CardIssued != 0 {
		card += " " + d.c.T("members.card_issued", m.CardIssued.String())
	}
	if m.CardReturned != 0 {
		card += " " + d.c.T("members.card_returned", m.CardReturned.String())
	}
	left = append(left[:8], append([][2]string{{"join_kind", join}, {"card_no", card}}, left[8:]...)...)
	if m.Honours != "" {
		right = append(right, [2]string{"honours", m.Honours})
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
		none := d.c.T("members.no_history", m.JoinDate.String())
		if m.JoinKind == model.JoinTransfer {
			none = d.c.T("members.no_history_transfer", m.JoinDate.String(), m.FromUnion)
		}
		b.WriteString(st.Muted.Render(none) + "\n")
	}
	for _, h := range m.History {
		line := h.Date.String() + "  " + d.c.T(h.ChangeTypeKey()) + "  " + d.c.T(h.From.Key()) + " -> " + d.c.T(h.To.Key()) + "  " + h.ReasonText(d.c.Lang)
		for _, x := range [][2]string{{"to_union", h.ToUnion}, {"from_union", h.FromUnion}, {"ground", h.Ground},
			{"reported_on", h.ReportedOn.String()}, {"card_returned", h.CardReturned.String()}} {
			if x[1] != "" {
				line += "  (" + d.c.T("field."+x[0]) + ": " + x[1] + ")"
			}
		}
		b.WriteString(ansi.Truncate(line, w, "~") + "\n")
	}
	if len(d.honours) > 0 {
		b.WriteString("\n" + st.Title.Render(d.c.T("members.honours_title", len(d.honours))) + "\n")
		for _, h := range d.honours {
			line := fmt.Sprintf("%d  %s  %s  %s", h.Year, honour.Name(d.c, &h), d.c.T(h.Level.Key()), h.Body)
			b.WriteString(ansi.Truncate(line, w, "~") + "\n")
		}
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
	return strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
}

// label is a field's name padded to w cells, the detail's label column.
func label(c *common.Common, key string, w int) string {
	l := c.T("field." + key)
	return l + strings.Repeat(" ", max(1, w-ansi.StringWidth(l)))
}

// duesSummary is one line on the member's dues: what they are a month and
// what is owed.
func (d *detail) duesSummary(m *model.Member) string {
	info, err := d.c.Store.MemberDues(m.ID)
	if err != nil {
		return d.c.Err(err)
	}
	o := info.Overdue(model.DueThrough(d.c.Today()))
	return common.MonthlyText(d.c, info) + d.c.T("members.clause_sep") + common.OwesText(d.c, o)
}
