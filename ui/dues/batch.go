package dues

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// The batch preview lists the unit's members who owe the month; the user
// unticks anyone who did not pay and confirms. Nothing is written before
// ctrl+s, and then everything is written in one transaction.

func (p *Page) setBatchTable() {
	p.batchTable.SetColumns([]widget.Column{
		{Title: "", Width: 3},
		{Title: p.c.T("col.member_no"), Width: 7},
		{Title: p.c.T("col.name"), Width: 10, Flex: 1},
		{Title: p.c.T("dues.col_amount"), Width: 10, AlignRight: true},
	})
	p.batchTable.SetRows(len(p.batch.Lines), func(row, col int) string {
		l := p.batch.Lines[row]
		m := p.batchNames[l.MemberID]
		switch col {
		case 0:
			if p.batchOn[row] {
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
	p.batchTable.SetCursor(0)
}

func (p *Page) batchTotals() (n int, total model.Money) {
	for i, l := range p.batch.Lines {
		if p.batchOn[i] {
			n++
			total += l.Amount
		}
	}
	return n, total
}

func (p *Page) updateBatchPreview(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if ok {
		switch {
		case km.String() == "esc":
			p.mode = p.back
			return common.SetStatus(p.c.T("form.cancelled"), false)
		case km.String() == "space":
			if i := p.batchTable.Cursor(); i >= 0 {
				p.batchOn[i] = !p.batchOn[i]
				p.batchTable.SetCursor(i + 1) // on to the next member, as on a paper list
			}
			return nil
		case key.Matches(km, keyAll):
			all := true
			for _, on := range p.batchOn {
				all = all && on
			}
			for i := range p.batchOn {
				p.batchOn[i] = !all
			}
			return nil
		case key.Matches(km, p.c.Keys.Save):
			return p.saveBatch()
		}
	}
	var cmd tea.Cmd
	p.batchTable, cmd = p.batchTable.Update(msg)
	return cmd
}

func (p *Page) saveBatch() tea.Cmd {
	b := p.batch
	b.Lines = nil
	for i, l := range p.batch.Lines {
		if p.batchOn[i] {
			b.Lines = append(b.Lines, l)
		}
	}
	if len(b.Lines) == 0 {
		return common.SetStatus(p.c.T("dues.batch_nobody"), true)
	}
	pays, err := p.c.Store.RecordBatch(p.c.Operator, b)
	if err != nil {
		return common.SetStatus(p.c.Err(err), true)
	}
	n, total := p.batchTotals()
	first, last := "", ""
	if len(pays) > 0 {
		first, last = pays[0].ReceiptNo, pays[len(pays)-1].ReceiptNo
	}
	p.mode = p.back
	return tea.Batch(common.SetStatus(p.c.T("dues.batch_ok", p.unitBy[b.UnitID], b.Month.String(), n, total.Display(), first, last), false),
		common.Changed(model.EntityPayment, 0))
}

func (p *Page) batchView() string {
	st := p.c.Styles
	n, total := p.batchTotals()
	title := st.Title.Render(p.c.T("dues.preview_title", p.unitBy[p.batch.UnitID], p.batch.Month.String()))
	sum := st.Muted.Render(p.c.T("dues.preview_sum", n, len(p.batch.Lines), total.Display()))
	return ansi.Truncate(title, p.width, "~") + "\n" + ansi.Truncate(sum, p.width, "~") + "\n" + p.batchTable.View()
}
