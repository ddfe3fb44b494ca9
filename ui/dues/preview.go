package dues

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// maxProblemLines is how much of the batch's refused lines the preview
// shows under its table.
const maxProblemLines = 6

// preview lists the unit's members whose months still owe, with what
// they owe; members who owe nothing are left out (and counted), and those
// without a wage base named. The user unticks anyone who did not pay,
// lowers the amount of anyone who paid less (e: the rest stays owed), and
// records the rest with ctrl+s, all in one transaction. Until then it is
// unsaved work: esc asks first. A refused batch lists its problems under
// the table, wrapped.
type preview struct {
	common.ScreenBase
	*data
	st       *stack.Stack
	batch    storage.DuesBatch
	plan     storage.BatchPlan
	names    map[uint64]model.Member
	on       []bool // ticked, by line
	problems []string
	table    widget.Table
	w, h     int
}

func newPreview(d *data, st *stack.Stack, b storage.DuesBatch, plan storage.BatchPlan) *preview {
	p := &preview{data: d, st: st, batch: b, plan: plan, on: make([]bool, len(b.Lines))}
	ids := make([]uint64, 0, len(b.Lines)+len(plan.NoBase))
	for i, l := range b.Lines {
		p.on[i] = true
		ids = append(ids, l.MemberID)
	}
	ids = append(ids, plan.NoBase...)
	p.names, _ = d.c.Store.MembersByID(ids)
	c := d.c
	p.table = widget.NewTable([]widget.Column{
		{Title: "", Width: 3},
		{Title: c.T("col.member_no"), Width: 7},
		{Title: c.T("col.name"), Width: 8, Flex: 1},
		{Title: c.T("dues.col_period"), Width: 15},
		{Title: c.T("dues.col_owing"), Width: 9, AlignRight: true},
		{Title: c.T("dues.col_pays"), Width: 19, AlignRight: true},
	}, c.TableStyles())
	p.table.SetEmptyText(c.T("dues.batch_empty"))
	p.table.SetOrigin(0, 3) // under the title, the sum and the hint
	p.table.SetRows(len(b.Lines), func(row, col int) string {
		l := p.batch.Lines[row]
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
			return monthsOf(l.Months)
		case 4:
			return l.Owing.Display()
		case 5:
			if l.Amount < l.Owing {
				return c.T("dues.pays_short", l.Amount.Display(), (l.Owing - l.Amount).Display())
			}
			return l.Amount.Display()
		}
		return ""
	})
	return p
}

// monthsOf writes owing months compactly: 2026-01~2026-03, or the first
// and a count when they are not consecutive.
func monthsOf(ms []model.Month) string {
	if len(ms) == 0 {
		return ""
	}
	if model.MonthsBetween(ms[0], ms[len(ms)-1]) == len(ms) {
		return monthsText(ms[0], ms[len(ms)-1])
	}
	return monthsText(ms[0], ms[len(ms)-1]) + "*"
}

func (p *preview) SetSize(w, h int) {
	p.w, p.h = w, h
	p.layout()
}

func (p *preview) layout() {
	p.table.SetSize(p.w, max(3, p.h-3-len(p.problems)))
}

// Dirty: the batch is not recorded yet.
func (p *preview) Dirty() bool { return true }

func (p *preview) totals() (n int, total, owing model.Money) {
	for i, l := range p.batch.Lines {
		if p.on[i] {
			n++
			total += l.Amount
			owing += l.Owing
		}
	}
	return n, total, owing
}

// setAmount lowers (or restores) what line i pays.
func (p *preview) setAmount(i int, amt model.Money) {
	p.batch.Lines[i].Amount = amt
	p.on[i] = amt > 0
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
		case key.Matches(km, p.k.Amount):
			if i := p.table.Cursor(); i >= 0 && i < len(p.on) {
				l := p.batch.Lines[i]
				return p.st.Push(newLineAmountForm(p.data, p.st, p.names[l.MemberID], l, func(amt model.Money) { p.setAmount(i, amt) }))
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
	var bp *storage.BatchProblems
	if errors.As(err, &bp) {
		p.problems = p.wrap(bp.Localize(p.c.Lang))
		p.layout()
		return common.SetStatus(p.c.T("dues.batch_refused", len(bp.Problems)+len(bp.Lines)), true)
	}
	if err != nil {
		return common.SetStatus(p.c.Err(err), true)
	}
	n, total, owing := p.totals()
	first, last := "", ""
	if len(pays) > 0 {
		first, last = pays[0].ReceiptNo, pays[len(pays)-1].ReceiptNo
	}
	p.st.Pop()
	text := p.c.T("dues.batch_ok", p.unitBy[b.UnitID], batchMonthsText(b.From, b.To), n, total.Display(), first, last)
	if owing > total {
		text += p.c.T("dues.batch_short", (owing - total).Display())
	}
	return tea.Batch(common.SetStatus(text, false), common.Changed(model.EntityBatch, pays[0].BatchID))
}

// wrap cuts the problems to the screen's width, at most maxProblemLines
// lines (the last says how many more there are).
func (p *preview) wrap(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		out = append(out, strings.Split(ansi.Wrap(line, max(p.w, 20), ""), "\n")...)
	}
	if len(out) > maxProblemLines {
		more := len(out) - maxProblemLines + 1
		out = append(out[:maxProblemLines-1], p.c.T("dues.more_lines", more))
	}
	return out
}

// batchMonthsText is a batch's months as the user reads them.
func batchMonthsText(from, to model.Month) string { return monthsText(from, to) }

func (p *preview) View() string {
	st := p.c.Styles
	n, total, owing := p.totals()
	title := st.Title.Render(p.c.T("dues.preview_title", p.unitBy[p.batch.UnitID], batchMonthsText(p.batch.From, p.batch.To)))
	sum := p.c.T("dues.preview_sum", n, len(p.batch.Lines), total.Display(), owing.Display())
	left := p.c.T("dues.preview_hint")
	if p.plan.Settled > 0 {
		left = p.c.T("dues.preview_left_out", p.plan.Settled)
	}
	if len(p.plan.NoBase) > 0 {
		names := make([]string, 0, len(p.plan.NoBase))
		for _, id := range p.plan.NoBase {
			names = append(names, p.names[id].Name)
		}
		left += p.c.T("dues.preview_no_base", len(p.plan.NoBase), strings.Join(names, "、"))
	}
	// the hint and who has no wage base wrap (at most three lines, the
	// names cut after) rather than lose "more than owed is refused" at 80
	// columns; the table takes the height left
	top := append(fitParts(p.w, "  ", title), fitParts(p.w, "  ", st.Muted.Render(sum))...)
	hint := strings.Split(ansi.Wrap(left, max(p.w, 20), "；，、;,"), "\n")
	if len(hint) > 3 {
		hint = append(hint[:2], ansi.Truncate(strings.Join(hint[2:], ""), p.w, "~"))
	}
	for _, l := range hint {
		top = append(top, st.Muted.Render(l))
	}
	p.table.SetSize(p.w, max(3, p.h-len(top)-len(p.problems)))
	p.table.SetOrigin(0, len(top)) // clicks land on the row under the pointer
	out := strings.Join(top, "\n") + "\n" + p.table.View()
	if len(p.problems) > 0 {
		out += "\n" + st.Error.Render(strings.Join(p.problems, "\n"))
	}
	return out
}

func (p *preview) ShortHelp() []key.Binding {
	return []key.Binding{p.k.Tick, p.k.TickAll, p.k.Amount, p.c.Keys.Save, p.c.Keys.Back}
}

func (p *preview) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }
