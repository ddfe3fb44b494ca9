package members

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/dues"
)

// detailView shows one member with the whole ID number and the status
// history; it is the only screen where the ID number is shown unmasked.
func (p *Page) detailView() string {
	st := p.c.Styles
	x, ok := p.r.byID[p.current]
	if !ok {
		return ""
	}
	m := x.m
	yesNo := func(b bool) string {
		if b {
			return p.c.T("form.yes")
		}
		return p.c.T("form.no")
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
		{"doc_type", p.c.T(m.DocType.Key())},
		{"id_number", m.IDNumber},
		{"unit", or(p.unitBy[m.UnitID])},
		{"phone", or(m.Phone)},
		{"job", or(m.Job)},
		{"join_date", m.JoinDate.String()},
		{"notes", or(m.Notes)},
	}
	right := [][2]string{
		{"gender", p.c.T(m.Gender.Key())},
		{"birth", or(m.Birth.String())},
		{"ethnicity", or(m.Ethnicity)},
		{"education", or(m.Education)},
		{"political", or(m.Political)},
		{"migrant", yesNo(m.Migrant)},
		{"status", p.c.T(m.Status.Key())},
		{"honours", or(m.Honours)},
	}
	cell := func(kv [2]string) string { return st.Label.Render(label(p.c, kv[0])) + kv[1] }
	var b strings.Builder
	b.WriteString(ansi.Truncate(st.Title.Render(p.c.T("members.detail_title", m.Name, m.No)), p.width, "~") + "\n")
	// the question goes under the title, where a long detail cannot push
	// it off the screen
	if p.mode == modeConfirmDelete {
		b.WriteString(ansi.Truncate(st.Warning.Render(p.c.T("members.confirm_delete", m.Name, m.No)), p.width, "~"))
	}
	b.WriteString("\n")
	if p.width >= 76 {
		leftW := min(p.width/2+8, 60)
		for i := range max(len(left), len(right)) {
			l := ""
			if i < len(left) {
				l = ansi.Truncate(cell(left[i]), leftW-1, "~")
			}
			l += strings.Repeat(" ", max(0, leftW-ansi.StringWidth(l)))
			if i < len(right) {
				l += ansi.Truncate(cell(right[i]), p.width-leftW, "~")
			}
			b.WriteString(l + "\n")
		}
	} else {
		for _, kv := range append(left, right...) {
			b.WriteString(ansi.Truncate(cell(kv), p.width, "~") + "\n")
		}
	}
	b.WriteString(ansi.Truncate(p.c.T("members.dues_line", p.duesSummary(&m)), p.width, "~") + "\n")
	b.WriteString("\n" + st.Title.Render(p.c.T("members.history")) + "\n")
	if len(m.History) == 0 {
		b.WriteString(st.Muted.Render(p.c.T("members.no_history", m.JoinDate.String())) + "\n")
	}
	for _, h := range m.History {
		line := h.Date.String() + "  " + p.c.T(h.From.Key()) + " -> " + p.c.T(h.To.Key()) + "  " + h.Reason
		if h.ToUnion != "" {
			line += "  (" + p.c.T("field.to_union") + ": " + h.ToUnion + ")"
		}
		b.WriteString(ansi.Truncate(line, p.width, "~") + "\n")
	}
	for _, extra := range p.extras {
		title, lines := extra(p.c, &m, p.width)
		if len(lines) == 0 {
			continue
		}
		b.WriteString("\n" + st.Title.Render(title) + "\n")
		for _, l := range lines {
			b.WriteString(ansi.Truncate(l, p.width, "~") + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

// statusTargets are the statuses a member may move to.
func statusTargets(s model.Status) []model.Status {
	var out []model.Status
	for _, t := range model.Statuses {
		if s.CanBecome(t) {
			out = append(out, t)
		}
	}
	return out
}

// duesSummary is one line on the member's dues: wage base and what is owed.
func (p *Page) duesSummary(m *model.Member) string {
	rules, err := p.c.Store.DuesRules()
	if err != nil {
		return p.c.Err(err)
	}
	paid, err := p.c.Store.PaidMonths(m.ID)
	if err != nil {
		return p.c.Err(err)
	}
	today := p.c.Today().Month()
	var parts []string
	base := m.BaseFor(today)
	if base > 0 {
		parts = append(parts, p.c.T("dues.wage_line", base.Display(), rules.Monthly(base).Display()))
	} else {
		parts = append(parts, p.c.T("dues.no_wage"))
	}
	if months, total, run := model.Unpaid(m, rules, paid, model.DueThrough(p.c.Today())); len(months) > 0 {
		parts = append(parts, dues.OwesText(p.c, len(months), total, run, base))
	} else {
		parts = append(parts, p.c.T("dues.nothing_owed"))
	}
	return strings.Join(parts, "; ")
}
