package ledger

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/storage"
)

// detail is what the detail screen shows of one entry.
type detail struct {
	line     storage.LedgerLine
	source   string // where the entry came from
	reversal string // reversed by, reversal of, or neither
	linked   uint64 // the entry at the other end of a reversal
	err      error
}

// line finds entry id with its running balance and reversal: among the
// loaded lines, or else from the store (the entry's own day and account).
func (p *Page) line(id uint64) (storage.LedgerLine, error) {
	for _, l := range p.lines {
		if l.ID == id {
			return l, nil
		}
	}
	e, err := p.c.Store.LedgerEntry(id)
	if err != nil {
		return storage.LedgerLine{}, err
	}
	ls, err := p.c.Store.Ledger(storage.LedgerFilter{From: e.Date, To: e.Date, Account: e.Account})
	if err == nil {
		for _, l := range ls {
			if l.ID == id {
				return l, nil
			}
		}
	}
	return storage.LedgerLine{LedgerEntry: e}, nil
}

// openDetail shows entry id.
func (p *Page) openDetail(id uint64) {
	p.current = id
	p.mode = modeDetail
	d := &detail{}
	p.det = d
	l, err := p.line(id)
	if err != nil {
		d.err = err
		return
	}
	d.line = l
	d.source = p.describeSource(l)
	switch {
	case l.ReversalOf != 0:
		d.linked = l.ReversalOf
		d.reversal = p.c.T("cashbook.is_reversal_of", itoa(l.ReversalOf), "")
		if o, err := p.c.Store.LedgerEntry(l.ReversalOf); err == nil {
			d.reversal = p.c.T("cashbook.is_reversal_of", o.VoucherNo, o.Date.String())
		}
	case l.ReversedBy != 0:
		d.linked = l.ReversedBy
		d.reversal = p.c.T("cashbook.reversed_by", itoa(l.ReversedBy), "")
		if r, err := p.c.Store.LedgerEntry(l.ReversedBy); err == nil {
			d.reversal = p.c.T("cashbook.reversed_by", r.VoucherNo, r.Date.String())
		}
	default:
		d.reversal = p.c.T("cashbook.not_reversed")
	}
}

// describeSource says where an entry came from: for dues, the receipt,
// the member and the months.
func (p *Page) describeSource(l storage.LedgerLine) string {
	s := l.Source
	switch s.Kind {
	case "":
		return p.c.T("cashbook.src_manual_long")
	case "dues":
		pay, err := p.c.Store.Payment(s.ID)
		if err != nil {
			return p.c.T("cashbook.src_other_long", p.sourceName(s), itoa(s.ID)) + "  " + p.c.Err(err)
		}
		name := "-"
		if m, err := p.c.Store.Member(pay.MemberID); err == nil {
			name = m.Name + " (" + m.No + ")"
		}
		months := pay.From.String()
		if pay.To != pay.From {
			months += " ~ " + pay.To.String()
		}
		return p.c.T("cashbook.src_dues_long", pay.ReceiptNo, name, months)
	case "dues_batch":
		return p.c.T("cashbook.src_batch_long", itoa(s.ID))
	}
	return p.c.T("cashbook.src_other_long", p.sourceName(s), itoa(s.ID))
}

func (p *Page) updateDetail(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case km.String() == "esc":
		p.mode = modeList
		p.det = nil
		p.selectID(p.current)
	case key.Matches(km, p.k.Reverse):
		return p.startReverse(p.current)
	case key.Matches(km, p.k.Linked):
		if p.det != nil && p.det.linked != 0 {
			p.openDetail(p.det.linked)
		}
	}
	return nil
}

func (p *Page) detailView() string {
	st := p.c.Styles
	d := p.det
	if d == nil {
		return ""
	}
	if d.err != nil {
		return st.Error.Render(ansi.Truncate(p.c.Err(d.err), p.width, "~"))
	}
	l := d.line
	or := func(s string) string {
		if s == "" {
			return st.Muted.Render("-")
		}
		return s
	}
	balance := l.Balance.Display()
	rows := [][2]string{
		{"field." + fDate, l.Date.String()},
		{"field." + fDir, p.dirName(l.Direction)},
		{"field." + fAccount, p.accountLabel(l.Account)},
		{"field." + fAmount, l.Amount.Display()},
		{"cashbook.balance_after", balance},
		{"field." + fCounterparty, or(l.Counterparty)},
		{"field." + fMemo, or(l.Memo)},
		{"cashbook.source", d.source},
		{"cashbook.reversal", d.reversal},
		{"cashbook.operator", or(l.Operator)},
		{"cashbook.created", or(createdAt(l))},
	}
	lw := 0
	for _, r := range rows {
		lw = max(lw, ansi.StringWidth(p.c.T(r[0])))
	}
	var b strings.Builder
	title := p.c.T("cashbook.detail_title", l.VoucherNo)
	if f := p.flag(l); f != "" {
		title = st.Title.Render(title) + "  " + st.Warning.Render(f)
	} else {
		title = st.Title.Render(title)
	}
	b.WriteString(ansi.Truncate(title, p.width, "~") + "\n\n")
	vw := max(10, p.width-lw-2)
	for _, r := range rows {
		lab := p.c.T(r[0])
		lab += strings.Repeat(" ", lw-ansi.StringWidth(lab)+2)
		for i, v := range strings.Split(lipgloss.Wrap(r[1], vw, " "), "\n") {
			if i > 0 {
				lab = strings.Repeat(" ", lw+2)
			}
			b.WriteString(ansi.Truncate(st.Label.Render(lab)+v, p.width, "~") + "\n")
		}
	}
	hint := ""
	switch {
	case l.Source.Kind != "":
		hint = p.c.T("cashbook.reverse_at_source", p.sourceName(l.Source), p.sourceTab(l.Source))
	case l.ReversalOf == 0 && l.ReversedBy == 0:
		hint = p.c.T("cashbook.reverse_hint")
	}
	if hint != "" {
		b.WriteString("\n")
		for _, h := range strings.Split(lipgloss.Wrap(hint, max(10, p.width), " "), "\n") {
			b.WriteString(st.Muted.Render(ansi.Truncate(h, p.width, "~")) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func createdAt(l storage.LedgerLine) string {
	if l.CreatedAt.IsZero() {
		return ""
	}
	return l.CreatedAt.Local().Format("2006-01-02 15:04")
}
