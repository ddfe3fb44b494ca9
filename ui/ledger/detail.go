package ledger

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// detail is one entry: every field, where it came from and its reversal.
// r reverses a manual entry; enter follows the link between an entry and
// its reversal.
type detail struct {
	common.ScreenBase
	*book
	st       *stack.Stack
	id       uint64
	line     storage.LedgerLine
	source   string               // where the entry came from
	reversal string               // reversed by, reversal of, or neither
	linked   uint64               // the entry at the other end of a reversal
	selected func(id uint64) bool // tells the list which entry is shown
	w        int
	err      error
}

func newDetail(b *book, st *stack.Stack, id uint64, selected func(uint64) bool) *detail {
	d := &detail{book: b, st: st, id: id, selected: selected}
	d.load()
	return d
}

func (d *detail) load() {
	l, err := d.entryLine(d.id)
	d.err = err
	if err != nil {
		return
	}
	d.line = l
	d.source = d.describeSource(l)
	d.linked = 0
	switch {
	case l.ReversalOf != 0:
		d.linked = l.ReversalOf
		d.reversal = d.c.T("cashbook.is_reversal_of", itoa(l.ReversalOf), "")
		if o, err := d.c.Store.LedgerEntry(l.ReversalOf); err == nil {
			d.reversal = d.c.T("cashbook.is_reversal_of", o.VoucherNo, o.Date.String())
		}
	case l.ReversedBy != 0:
		d.linked = l.ReversedBy
		d.reversal = d.c.T("cashbook.reversed_by", itoa(l.ReversedBy), "")
		if r, err := d.c.Store.LedgerEntry(l.ReversedBy); err == nil {
			d.reversal = d.c.T("cashbook.reversed_by", r.VoucherNo, r.Date.String())
		}
	default:
		d.reversal = d.c.T("cashbook.not_reversed")
	}
}

// describeSource says where an entry came from: for dues, the receipt,
// the member and the months.
func (d *detail) describeSource(l storage.LedgerLine) string {
	s := l.Source
	switch s.Kind {
	case "":
		return d.c.T("cashbook.src_manual_long")
	case "dues":
		pay, err := d.c.Store.Payment(s.ID)
		if err != nil {
			return d.c.T("cashbook.src_other_long", d.sourceName(s), itoa(s.ID)) + "  " + d.c.Err(err)
		}
		name := "-"
		if m, err := d.c.Store.Member(pay.MemberID); err == nil {
			name = m.Name + " (" + m.No + ")"
		}
		months := pay.From.String()
		if pay.To != pay.From {
			months += " ~ " + pay.To.String()
		}
		return d.c.T("cashbook.src_dues_long", pay.ReceiptNo, name, months)
	case "dues_batch":
		return d.c.T("cashbook.src_batch_long", itoa(s.ID))
	}
	return d.c.T("cashbook.src_other_long", d.sourceName(s), itoa(s.ID))
}

// reversible: a manual entry neither reversed nor a reversal.
func (d *detail) reversible() bool {
	l := d.line
	return d.err == nil && l.Source.Kind == "" && l.ReversalOf == 0 && l.ReversedBy == 0
}

func (d *detail) SetSize(w, _ int) { d.w = w }

func (d *detail) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case common.DataChangedMsg:
		d.load()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(m, d.k.Reverse):
			return d.reverse()
		case key.Matches(m, d.k.Linked) && d.linked != 0:
			d.selected(d.linked)
			return d.st.Replace(newDetail(d.book, d.st, d.linked, d.selected))
		}
	}
	return nil
}

func (d *detail) View() string {
	st := d.c.Styles
	if d.err != nil {
		return st.Error.Render(ansi.Truncate(d.c.Err(d.err), d.w, "~"))
	}
	l := d.line
	or := func(s string) string {
		if s == "" {
			return st.Muted.Render("-")
		}
		return s
	}
	rows := [][2]string{
		{"field." + fDate, l.Date.String()},
		{"field." + fDir, d.dirName(l.Direction)},
		{"field." + fAccount, d.accountLabel(l.Account)},
		{"field." + fAmount, l.Amount.Display()},
		{"field." + fMoney, d.c.T(l.Money.Key())},
		{"cashbook.balance_after", l.Balance.Display()},
		{"field." + fCounterparty, or(l.Counterparty)},
		{"field." + fMemo, or(l.Memo)},
		{"cashbook.source", d.source},
		{"cashbook.reversal", d.reversal},
		{"cashbook.operator", or(l.Operator)},
		{"cashbook.created", or(createdAt(l))},
	}
	lw := 0
	for _, r := range rows {
		lw = max(lw, ansi.StringWidth(d.c.T(r[0])))
	}
	var b strings.Builder
	title := st.Title.Render(d.c.T("cashbook.detail_title", l.VoucherNo))
	if f := d.flag(l); f != "" {
		title += "  " + st.Warning.Render(f)
	}
	b.WriteString(ansi.Truncate(title, d.w, "~") + "\n\n")
	vw := max(10, d.w-lw-2)
	for _, r := range rows {
		lab := d.c.T(r[0])
		lab += strings.Repeat(" ", lw-ansi.StringWidth(lab)+2)
		for i, v := range strings.Split(lipgloss.Wrap(r[1], vw, " "), "\n") {
			if i > 0 {
				lab = strings.Repeat(" ", lw+2)
			}
			b.WriteString(ansi.Truncate(st.Label.Render(lab)+v, d.w, "~") + "\n")
		}
	}
	hint := ""
	switch {
	case l.Source.Kind != "":
		hint = d.c.T("cashbook.reverse_at_source", d.sourceName(l.Source), d.sourceTab(l.Source))
	case l.ReversalOf == 0 && l.ReversedBy == 0:
		hint = d.c.T("cashbook.reverse_hint")
	}
	if hint != "" {
		b.WriteString("\n")
		for _, h := range strings.Split(lipgloss.Wrap(hint, max(10, d.w), " "), "\n") {
			b.WriteString(st.Muted.Render(ansi.Truncate(h, d.w, "~")) + "\n")
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

// ShortHelp: r only for an entry that can be reversed here, enter only
// when there is a linked entry.
func (d *detail) ShortHelp() []key.Binding {
	var out []key.Binding
	if d.reversible() {
		out = append(out, d.k.Reverse)
	}
	if d.linked != 0 {
		out = append(out, d.k.Linked)
	}
	return append(out, d.c.Keys.Back)
}

func (d *detail) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
