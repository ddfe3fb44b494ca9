package events

import (
	"errors"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// eventData is one event with what its detail names: the organising unit,
// the cost account, the cash-book entries and the participants by unit.
type eventData struct {
	e       model.Event
	unit    string
	account string
	ledger  []string // one line per entry, or the error reading it
	groups  []group
}

// group is the participants from one unit, as a sign-in sheet reads.
type group struct {
	unit  string
	names []string
}

func loadEvent(c *common.Common, r *roster, id uint64) (eventData, error) {
	var d eventData
	e, err := c.Store.Event(id)
	if err != nil {
		return d, err
	}
	us, err := loadUnits(c)
	if err != nil {
		return d, err
	}
	d.e, d.unit = e, us.label(e.UnitID)
	if e.Cost != 0 {
		d.account = accountLabel(c, e.Account)
	}
	st := c.Styles
	for _, lid := range e.LedgerIDs {
		le, err := c.Store.LedgerEntry(lid)
		if err != nil {
			d.ledger = append(d.ledger, st.Error.Render(c.Err(err)))
			continue
		}
		line := le.Date.String() + "  " + le.VoucherNo + "  " + le.Account + "  " + le.Amount.Display()
		switch {
		case le.ReversalOf != 0:
			line += "  " + st.Muted.Render(c.T("events.entry_reversal"))
		case lid != e.LedgerID:
			line += "  " + st.Muted.Render(c.T("events.entry_reversed"))
		}
		d.ledger = append(d.ledger, line)
	}
	at := map[uint64]int{} // unit ID -> index into groups
	for _, mid := range e.Members {
		var uid uint64
		name := "#" + strconv.FormatUint(mid, 10)
		if m, ok := r.member(mid); ok {
			uid, name = m.UnitID, m.Name
		}
		i, seen := at[uid]
		if !seen {
			head := us.label(uid)
			if uid == 0 {
				head = c.T("events.no_unit")
			}
			i = len(d.groups)
			at[uid] = i
			d.groups = append(d.groups, group{unit: head})
		}
		d.groups[i].names = append(d.groups[i].names, name)
	}
	return d, nil
}

// detail is one event: what, when, where, who took part, what it cost and
// the cash-book entries of the cost; from it the event is edited, its cost
// changed (by reversal) or, without a cost, deleted.
type detail struct {
	common.ScreenBase
	c      *common.Common
	st     *stack.Stack
	k      *keys
	roster *roster
	id     uint64
	d      eventData
	err    error

	scroll int
	w, h   int
}

func newDetail(c *common.Common, st *stack.Stack, k *keys, r *roster, id uint64) *detail {
	d := &detail{c: c, st: st, k: k, roster: r, id: id}
	d.reload()
	return d
}

func (d *detail) reload() { d.d, d.err = loadEvent(d.c, d.roster, d.id) }

// reloaded is a form's next step once saved: the event read again.
func (d *detail) reloaded(uint64) tea.Cmd {
	d.reload()
	return nil
}

// gone reports an event deleted (or never found).
func (d *detail) gone() bool {
	var ie *i18n.Error
	return errors.As(d.err, &ie) && ie.Key == "err.not_found"
}

func (d *detail) SetSize(w, h int) { d.w, d.h = w, h }

func (d *detail) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		d.reload()
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			d.scroll = max(0, d.scroll-3)
		case tea.MouseWheelDown:
			d.scroll += 3
		}
	case tea.KeyPressMsg:
		if d.err != nil {
			return nil
		}
		return d.key(msg)
	}
	return nil
}

func (d *detail) key(km tea.KeyPressMsg) tea.Cmd {
	k := d.c.Keys
	switch {
	case key.Matches(km, k.Edit):
		return d.st.Push(newEventForm(d.c, d.st, d.k, d.roster, &d.d.e, d.reloaded))
	case key.Matches(km, d.k.Cost):
		return d.st.Push(newCostForm(d.c, d.st, d.d.e, d.reloaded))
	case key.Matches(km, d.k.Delete):
		if len(d.d.e.LedgerIDs) > 0 {
			return common.SetStatus(d.c.T("events.delete_posted"), true)
		}
		return d.st.Ask(d.c.T("events.confirm_delete", d.d.e.Title), d.delete)
	case key.Matches(km, k.Up):
		d.scroll = max(0, d.scroll-1)
	case key.Matches(km, k.Down):
		d.scroll++
	case key.Matches(km, k.PageUp):
		d.scroll = max(0, d.scroll-d.h/2)
	case key.Matches(km, k.PageDown):
		d.scroll += d.h / 2
	case key.Matches(km, k.Home):
		d.scroll = 0
	case key.Matches(km, k.End):
		d.scroll = len(d.lines())
	}
	return nil
}

// delete deletes the event, once the user said yes, and goes back to the
// list.
func (d *detail) delete() tea.Cmd {
	if err := d.c.Store.DeleteEvent(d.c.OperatorName(), d.id); err != nil {
		return common.SetStatus(d.c.Err(err), true)
	}
	d.st.Pop()
	return tea.Batch(common.SetStatus(d.c.T("events.deleted", d.d.e.Title), false), common.Changed(model.EntityEvent, 0))
}

// wrap breaks s into lines of at most w cells.
func wrap(s string, w int) []string {
	if w <= 0 {
		return []string{s}
	}
	return strings.Split(lipgloss.Wrap(s, w, ""), "\n")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// lines are every line of the event's detail.
func (d *detail) lines() []string {
	c, st, e := d.c, d.c.Styles, &d.d.e
	sep := c.T("events.colon")
	w := max(20, d.w)
	kv := func(k, v string) string { return st.Label.Render(c.T(k)+sep) + v }
	var out []string
	out = append(out, st.Title.Render(e.Title)+"  "+st.Muted.Render(c.T(e.Type.Key())))
	dates := e.Start.String()
	if e.End != 0 && e.End != e.Start {
		dates = c.T("events.date_range", e.Start.String(), e.End.String())
	}
	out = append(out, kv("events.col_date", dates)+"    "+kv("field.ev_place", orDash(e.Place)))
	out = append(out, kv("field.ev_unit", d.d.unit))
	out = append(out, kv("events.people", c.T("events.people_text", e.PersonTimes(), len(e.Members), e.Others)))
	cost := c.T("events.no_cost")
	if e.Cost != 0 {
		cost = e.Cost.Display() + "  " + st.Muted.Render(d.d.account)
	}
	out = append(out, kv("field.ev_cost", cost))
	if e.Summary != "" {
		out = append(out, st.Label.Render(c.T("field.ev_summary")+sep))
		for _, l := range wrap(e.Summary, w-2) {
			out = append(out, "  "+l)
		}
	}
	if len(e.Attachments) > 0 {
		out = append(out, st.Label.Render(c.T("field.ev_attachments")+sep))
		for _, a := range e.Attachments {
			out = append(out, "  "+a)
		}
	}
	if len(d.d.ledger) > 0 {
		out = append(out, "", st.Title.Render(c.T("events.ledger_title")))
		for _, l := range d.d.ledger {
			out = append(out, "  "+l)
		}
	}
	out = append(out, "", st.Title.Render(c.T("events.participants_title", len(e.Members))))
	if len(e.Members) == 0 {
		out = append(out, st.Muted.Render("  "+c.T("events.no_members")))
	}
	for _, g := range d.d.groups {
		out = append(out, "  "+st.Label.Render(g.unit)+" "+st.Muted.Render(c.T("events.n_members", len(g.names))))
		for _, l := range wrap(strings.Join(g.names, c.T("events.name_sep")), w-4) {
			out = append(out, "    "+l)
		}
	}
	if e.Operator != "" || !e.CreatedAt.IsZero() {
		out = append(out, "", st.Muted.Render(c.T("events.recorded_by", orDash(e.Operator), model.DateOf(e.CreatedAt).String())))
	}
	return out
}

// room is the number of lines shown.
func (d *detail) room() int { return max(1, d.h) }

func (d *detail) View() string {
	st := d.c.Styles
	switch {
	case d.gone():
		return st.Error.Render(d.c.T("events.gone"))
	case d.err != nil:
		return st.Error.Render(d.c.Err(d.err))
	}
	lines := d.lines()
	d.scroll = min(d.scroll, max(0, len(lines)-d.room()))
	end := min(len(lines), d.scroll+d.room())
	var b strings.Builder
	for _, l := range lines[d.scroll:end] {
		b.WriteString(ansi.Truncate(l, d.w, "~") + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// scrolls reports more lines than the screen shows.
func (d *detail) scrolls() bool { return len(d.lines()) > d.room() }

func (d *detail) ShortHelp() []key.Binding {
	k := d.c.Keys
	if d.err != nil {
		return []key.Binding{k.Back}
	}
	out := []key.Binding{k.Edit, d.k.Cost}
	if len(d.d.e.LedgerIDs) == 0 {
		out = append(out, d.k.Delete)
	}
	if d.scrolls() {
		out = append(out, k.Up, k.Down)
	}
	return append(out, k.Back)
}

// FullHelp adds the keys that scroll by the page and to the ends.
func (d *detail) FullHelp() [][]key.Binding {
	k := d.c.Keys
	if d.err != nil || !d.scrolls() {
		return [][]key.Binding{d.ShortHelp()}
	}
	return [][]key.Binding{d.ShortHelp(), {k.PageUp, k.PageDown, k.Home, k.End}}
}
