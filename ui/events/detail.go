package events

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
)

// openDetail shows event id.
func (p *Page) openDetail(id uint64) {
	p.current = id
	p.mode = modeDetail
	p.confirmDelete = false
	p.detailScroll = 0
	p.selectID(id)
}

func (p *Page) updateDetail(msg tea.Msg) tea.Cmd {
	k := p.c.Keys
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if wm, ok := msg.(tea.MouseWheelMsg); ok {
			switch wm.Button {
			case tea.MouseWheelUp:
				p.detailScroll = max(0, p.detailScroll-3)
			case tea.MouseWheelDown:
				p.detailScroll += 3
			}
		}
		return nil
	}
	if p.confirmDelete {
		p.confirmDelete = false
		if key.Matches(km, k.Confirm) {
			e, ok := p.event(p.current)
			if !ok {
				return nil
			}
			title := e.Title
			if err := p.c.Store.DeleteEvent(p.c.Operator, p.current); err != nil {
				return common.SetStatus(p.c.Err(err), true)
			}
			p.mode = modeList
			p.reload()
			return tea.Batch(common.SetStatus(p.c.T("events.deleted", title), false), common.Changed(model.EntityEvent, 0))
		}
		return common.SetStatus(p.c.T("form.cancelled"), false)
	}
	switch {
	case km.String() == "esc":
		p.mode = modeList
	case key.Matches(km, k.Edit):
		if e, ok := p.event(p.current); ok {
			return p.openForm(e)
		}
	case key.Matches(km, p.k.Cost):
		return p.openCost()
	case key.Matches(km, p.k.Delete):
		if e, ok := p.event(p.current); ok {
			if len(e.LedgerIDs) > 0 {
				return common.SetStatus(p.c.T("events.delete_posted"), true)
			}
			p.confirmDelete = true
		}
	case key.Matches(km, k.Up):
		p.detailScroll = max(0, p.detailScroll-1)
	case key.Matches(km, k.Down):
		p.detailScroll++
	case key.Matches(km, k.PageUp):
		p.detailScroll = max(0, p.detailScroll-p.height/2)
	case key.Matches(km, k.PageDown):
		p.detailScroll += p.height / 2
	case key.Matches(km, k.Home):
		p.detailScroll = 0
	}
	return nil
}

// wrap breaks s into lines of at most w cells.
func wrap(s string, w int) []string {
	if w <= 0 {
		return []string{s}
	}
	return strings.Split(lipgloss.Wrap(s, w, ""), "\n")
}

// detailLines are every line of the event's detail.
func (p *Page) detailLines(e *model.Event) []string {
	st := p.c.Styles
	sep := p.c.T("events.colon")
	w := max(20, p.width)
	kv := func(k, v string) string { return st.Label.Render(p.c.T(k)+sep) + v }
	var out []string
	out = append(out, st.Title.Render(e.Title)+"  "+st.Muted.Render(p.c.T(e.Type.Key())))
	dates := e.Start.String()
	if e.End != 0 && e.End != e.Start {
		dates = p.c.T("events.date_range", e.Start.String(), e.End.String())
	}
	out = append(out, kv("events.col_date", dates)+"    "+kv("field.ev_place", orDash(e.Place)))
	out = append(out, kv("field.ev_unit", p.unitLabel(e.UnitID)))
	out = append(out, kv("events.people", p.c.T("events.people_text", e.PersonTimes(), len(e.Members), e.Others)))
	cost := p.c.T("events.no_cost")
	if e.Cost != 0 {
		cost = e.Cost.Display() + "  " + st.Muted.Render(p.accountLabel(e.Account))
	}
	out = append(out, kv("field.ev_cost", cost))
	if e.Summary != "" {
		out = append(out, st.Label.Render(p.c.T("field.ev_summary")+sep))
		for _, l := range wrap(e.Summary, w-2) {
			out = append(out, "  "+l)
		}
	}
	if len(e.Attachments) > 0 {
		out = append(out, st.Label.Render(p.c.T("field.ev_attachments")+sep))
		for _, a := range e.Attachments {
			out = append(out, "  "+a)
		}
	}
	if len(e.LedgerIDs) > 0 {
		out = append(out, "", st.Title.Render(p.c.T("events.ledger_title")))
		for _, id := range e.LedgerIDs {
			le, err := p.c.Store.LedgerEntry(id)
			if err != nil {
				out = append(out, st.Error.Render(p.c.Err(err)))
				continue
			}
			line := le.Date.String() + "  " + le.VoucherNo + "  " + le.Account + "  " + le.Amount.Display()
			switch {
			case le.ReversalOf != 0:
				line += "  " + st.Muted.Render(p.c.T("events.entry_reversal"))
			case id != e.LedgerID:
				line += "  " + st.Muted.Render(p.c.T("events.entry_reversed"))
			}
			out = append(out, "  "+line)
		}
	}
	out = append(out, "", st.Title.Render(p.c.T("events.participants_title", len(e.Members))))
	if len(e.Members) == 0 {
		out = append(out, st.Muted.Render("  "+p.c.T("events.no_members")))
	} else {
		// Names grouped by unit, as a sign-in sheet reads.
		var order []uint64
		byUnit := map[uint64][]string{}
		for _, id := range e.Members {
			var uid uint64
			name := "#" + strconv.FormatUint(id, 10)
			if m, ok := p.member(id); ok {
				uid, name = m.UnitID, m.Name
			}
			if _, seen := byUnit[uid]; !seen {
				order = append(order, uid)
			}
			byUnit[uid] = append(byUnit[uid], name)
		}
		for _, uid := range order {
			names := byUnit[uid]
			head := p.unitLabel(uid)
			if uid == 0 {
				head = p.c.T("events.no_unit")
			}
			out = append(out, "  "+st.Label.Render(head)+" "+st.Muted.Render(p.c.T("events.n_members", len(names))))
			for _, l := range wrap(strings.Join(names, p.c.T("events.name_sep")), w-4) {
				out = append(out, "    "+l)
			}
		}
	}
	if e.Operator != "" || !e.CreatedAt.IsZero() {
		out = append(out, "", st.Muted.Render(p.c.T("events.recorded_by", orDash(e.Operator), model.DateOf(e.CreatedAt).String())))
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func (p *Page) detailView() string {
	st := p.c.Styles
	e, ok := p.event(p.current)
	if !ok {
		return st.Error.Render(p.c.T("events.gone"))
	}
	lines := p.detailLines(e)
	room := max(1, p.height)
	if p.confirmDelete {
		room--
	}
	p.detailScroll = min(p.detailScroll, max(0, len(lines)-room))
	end := min(len(lines), p.detailScroll+room)
	var b strings.Builder
	for _, l := range lines[p.detailScroll:end] {
		b.WriteString(ansi.Truncate(l, p.width, "~") + "\n")
	}
	if p.confirmDelete {
		b.WriteString(st.Warning.Render(ansi.Truncate(p.c.T("events.confirm_delete", e.Title), p.width, "~")))
	}
	return strings.TrimRight(b.String(), "\n")
}
