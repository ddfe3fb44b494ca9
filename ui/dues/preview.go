package dues

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// preview lists the unit's members who owe the batch's month; the user
// unticks anyone who did not pay and records the rest with ctrl+s, all in
// one transaction. Until then it is unsaved work: esc asks first.
type preview struct {
	common.ScreenBase
	*data
	st    *stack.Stack
	batch storage.DuesBatch
	names map[uint64]model.Member
	on    []bool // ticked, by line
	table widget.Table
	w     int
}

func newPreview(d *data, st *stack.Stack, b storage.DuesBatch) *preview {
	p := &preview{data: d, st: st, batch: b, names: make(map[uint64]model.Member, len(b.Lines)), on: make([]bool, len(b.Lines))}
	for i, l := range b.Lines {
		p.on[i] = true
		if m, err := d.c.Store.Member(l.MemberID); err == nil {
			p.names[l.MemberID] = m
		}
	}
	c := d.c
	p.table = widget.NewTable([]widget.Column{
		{Title: "", Width: 3},
		{Title: c.T("col.member_no"), Width: 7},
		{Title: c.T("col.name"), Width: 10, Flex: 1},
		{Title: c.T("dues.col_amount"), Width: 10, AlignRight: true},
	}, tableStyles(c))
	p.table.SetEmptyText(c.T("dues.batch_empty"))
	p.table.SetRows(len(b.Lines), func(row, col int) string {
		l := b.Lines[row]
		m := p.names[l.MemberID]
		switch col {
		case 0:
			if p.on[row] {
				return "[x]"
			}
			return "[ ]"
		case 1:
			return m.No
		case 2:
			return m.Name
		case 3:
			return l.Amount.Display()
		}
		return ""
	})
	return p
}

func (p *preview) SetSize(w, h int) {
	p.w = w
	p.table.SetSize(w, max(3, h-3))
}

// Dirty: the batch is not recorded yet.
func (p *preview) Dirty() bool { return true }

func (p *preview) totals() (n int, total model.Money) {
	for i, l := range p.batch.Lines {
		if p.on[i] {
			n++
			total += l.Amount
		}
	}
	return n, total
}

func (p *preview) Update(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, p.k.Tick):
			if i := p.table.Cursor(); i >= 0 && i < len(p.on) {
				p.on[i] = !p.on[i]
				p.table.SetCursor(i + 1) // on to the next member, as on a paper list
			}
			return nil
		case key.Matches(km, p.k.TickAll):
			all := true
			for _, on := range p.on {
				all = all && on
			}
			for i := range p.on {
				p.on[i] = !all
			}
			return nil
		case key.Matches(km, p.c.Keys.Save):
			return p.save()
		}
	}
	var cmd tea.Cmd
	p.table, cmd = p.table.Update(msg)
	return cmd
}

func (p *preview) save() tea.Cmd {
	b := p.batch
	b.Lines = nil
	for i, l := range p.batch.Lines {
		if p.on[i] {
			b.Lines = append(b.Lines, l)
		}
	}
	if len(b.Lines) == 0 {
		return common.SetStatus(p.c.T("dues.batch_nobody"), true)
	}
	pays, err := p.c.Store.RecordBatch(p.c.OperatorName(), b)
	if err != nil {
		return common.SetStatus(p.c.Err(err), true)
	}
	n, total := p.totals()
	first, last := "", ""
	if len(pays) > 0 {
		first, last = pays[0].ReceiptNo, pays[len(pays)-1].ReceiptNo
	}
	p.st.Pop()
	return tea.Batch(common.SetStatus(p.c.T("dues.batch_ok", p.unitBy[b.UnitID], b.Month.String(), n, total.Display(), first, last), false),
		common.Changed(model.EntityPayment, 0))
}

func (p *preview) View() string {
	st := p.c.Styles
	n, total := p.totals()
	title := st.Title.Render(p.c.T("dues.preview_title", p.unitBy[p.batch.UnitID], p.batch.Month.String()))
	sum := st.Muted.Render(p.c.T("dues.preview_sum", n, len(p.batch.Lines), total.Display()))
	return ansi.Truncate(title, p.w, "~") + "\n" + ansi.Truncate(sum, p.w, "~") + "\n" + p.table.View()
}

func (p *preview) ShortHelp() []key.Binding {
	return []key.Binding{p.k.Tick, p.k.TickAll, p.c.Keys.Save, p.c.Keys.Back}
}

func (p *preview) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }
