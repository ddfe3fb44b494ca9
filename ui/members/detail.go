package members

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
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
	pairs := [][2]string{
		{"member_no", m.No},
		{"name", m.Name},
		{"gender", p.c.T(m.Gender.Key())},
		{"ethnicity", or(m.Ethnicity)},
		{"doc_type", p.c.T(m.DocType.Key())},
		{"id_number", m.IDNumber},
		{"birth", or(m.Birth.String())},
		{"phone", or(m.Phone)},
		{"unit", or(p.unitBy[m.UnitID])},
		{"job", or(m.Job)},
		{"education", or(m.Education)},
		{"political", or(m.Political)},
		{"migrant", yesNo(m.Migrant)},
		{"join_date", m.JoinDate.String()},
		{"status", p.c.T(m.Status.Key())},
		{"honours", or(m.Honours)},
		{"notes", or(m.Notes)},
	}
	cells := make([]string, len(pairs))
	for i, kv := range pairs {
		cells[i] = st.Label.Render(label(p.c, kv[0])) + kv[1]
	}
	var b strings.Builder
	b.WriteString(st.Title.Render(p.c.T("members.detail_title", m.Name, m.No)) + "\n\n")
	if p.width >= 100 {
		half := (len(cells) + 1) / 2
		colW := p.width / 2
		for i := 0; i < half; i++ {
			left := ansi.Truncate(cells[i], colW-1, "~")
			left += strings.Repeat(" ", max(0, colW-ansi.StringWidth(left)))
			right := ""
			if i+half < len(cells) {
				right = ansi.Truncate(cells[i+half], colW-1, "~")
			}
			b.WriteString(left + right + "\n")
		}
	} else {
		for _, c := range cells {
			b.WriteString(ansi.Truncate(c, p.width, "~") + "\n")
		}
	}
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
	if p.mode == modeConfirmDelete {
		b.WriteString("\n" + st.Warning.Render(p.c.T("members.confirm_delete", m.Name, m.No)))
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
