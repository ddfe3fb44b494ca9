package cases

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// caseDetail shows one case whole (the workers' ID numbers unmasked, as
// only a detail screen shows them), its steps with one of them
// highlighted for editing, and its closing; from here a step is added, the
// case edited, closed, reopened, voided or (without steps) deleted.
type caseDetail struct {
	common.ScreenBase
	c      *common.Common
	k      keys
	st     *stack.Stack
	id     uint64
	cs     model.Case
	names  names
	risk   *model.RiskCheck
	rules  model.CaseRules
	step   int // highlighted step, -1 for none
	offset int
	w, h   int
	err    error
}

func newDetail(c *common.Common, st *stack.Stack, id uint64) *caseDetail {
	d := &caseDetail{c: c, k: newKeys(c), st: st, id: id, step: -1}
	d.reload()
	return d
}

func (d *caseDetail) reload() {
	d.err = nil
	cs, err := d.c.Store.Case(d.id)
	if err == nil {
		d.names, err = loadNames(d.c, cs)
	}
	if err != nil {
		d.err = err
		return
	}
	added := d.cs.ID == cs.ID && len(cs.Steps) > len(d.cs.Steps)
	d.cs = cs
	if added { // show the step just added
		d.step = len(cs.Steps) - 1
	}
	p, _, _ := d.c.Store.Profile()
	d.rules = p.CaseRules()
	d.risk = nil
	if cs.RiskCheckID != 0 {
		if r, err := d.c.Store.RiskCheck(cs.RiskCheckID); err == nil {
			d.risk = &r
		}
	}
	if n := len(cs.Steps); d.step >= n || (d.step < 0 && n > 0) {
		d.step = n - 1
	}
}

func (d *caseDetail) SetSize(w, h int) { d.w, d.h = w, h }

func (d *caseDetail) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		if isOurs(msg.Entity) {
			d.reload()
		}
	case tea.KeyPressMsg:
		return d.key(msg)
	case tea.MouseWheelMsg:
		if msg.Mouse().Button == tea.MouseWheelUp {
			d.offset = max(0, d.offset-1)
		} else {
			d.offset++
		}
	}
	return nil
}

func (d *caseDetail) key(msg tea.KeyPressMsg) tea.Cmd {
	g, k := d.c.Keys, d.k
	if d.err != nil {
		return nil
	}
	open := d.cs.Open()
	switch {
	case key.Matches(msg, g.Up):
		d.step = max(0, d.step-1)
		if len(d.cs.Steps) == 0 {
			d.offset = max(0, d.offset-1)
		}
	case key.Matches(msg, g.Down):
		if len(d.cs.Steps) == 0 {
			d.offset++
		} else {
			d.step = min(len(d.cs.Steps)-1, d.step+1)
		}
	case key.Matches(msg, g.PageUp):
		d.offset = max(0, d.offset-max(1, d.h-2))
	case key.Matches(msg, g.PageDown):
		d.offset += max(1, d.h-2)
	case key.Matches(msg, k.Step) && open:
		return d.st.Push(newStepForm(d.c, d.st, d.cs, -1))
	case key.Matches(msg, g.Open) && open && d.step >= 0:
		return d.st.Push(newStepForm(d.c, d.st, d.cs, d.step))
	case key.Matches(msg, g.Edit) && open:
		return d.st.Push(newCaseForm(d.c, d.st, &d.cs))
	case key.Matches(msg, k.Close) && open:
		return d.st.Push(newCloseForm(d.c, d.st, d.cs))
	case key.Matches(msg, k.Reopen) && !open && !d.cs.Void:
		return d.st.Push(newReasonForm(d.c, d.st, d.cs, reasonReopen))
	case key.Matches(msg, k.Void) && !d.cs.Void:
		return d.st.Push(newReasonForm(d.c, d.st, d.cs, reasonVoid))
	case key.Matches(msg, k.Delete):
		if len(d.cs.Steps) > 0 {
			return common.SetStatus(d.c.T("cases.delete_has_steps"), true)
		}
		return d.st.Ask(d.c.T("cases.delete_confirm"), func() tea.Cmd {
			if err := d.c.Store.DeleteCase(d.c.OperatorName(), d.id); err != nil {
				return common.SetStatus(d.c.Err(err), true)
			}
			d.st.Pop()
			return tea.Batch(common.Changed(model.EntityCase, d.id), common.SetStatus(d.c.T("cases.deleted"), false))
		})
	}
	return nil
}

// row is a label and its value, the label padded to w cells.
func row(c *common.Common, label string, w int, value string) string {
	return c.Styles.Label.Render(widget.Fit(label, w, false)) + " " + value
}

// lines draws the whole case; stepLine is the index of the highlighted
// step's line (-1 without one).
func (d *caseDetail) lines() (out []string, stepLine int) {
	c, cs, st := d.c, &d.cs, d.c.Styles
	stepLine = -1
	title := st.Title.Render(c.T("cases.detail_title", cs.ID)) + "  " + c.T(cs.Type.Key()) + "  " + c.T(cs.Channel.Key()) + "  "
	if cs.Void {
		title += st.Error.Render(statusLabel(c, cs))
	} else if cs.Open() {
		title += st.Warning.Render(statusLabel(c, cs))
	} else {
		title += st.Success.Render(statusLabel(c, cs))
	}
	out = append(out, title)
	lw := 0
	for _, k := range []string{"field.cs_received", "field.cs_unit", "field.cs_claimed", "field.cs_risk", "field.cs_summary", "field.cs_closed"} {
		lw = max(lw, ansi.StringWidth(c.T(k)))
	}
	heads := c.T("cases.headcount_n", cs.Headcount)
	if cs.Collective(d.rules) {
		heads += "  " + st.Warning.Render(c.T("cases.collective_n", d.rules.CollectiveMin))
	}
	out = append(out,
		row(c, c.T("field.cs_received"), lw, cs.Received.String()+"   "+st.Label.Render(c.T("field.cs_headcount"))+" "+heads),
		row(c, c.T("field.cs_unit"), lw, d.names.unit(cs.UnitID, cs.Employer)+unitNote(c, cs)),
		row(c, c.T("field.cs_claimed"), lw, cs.Claimed.Display()),
	)
	if d.risk != nil {
		out = append(out, row(c, c.T("field.cs_risk"), lw, d.risk.Date.String()+" "+c.T(d.risk.Level.Key())+" "+d.names.unit(d.risk.UnitID, d.risk.Employer)))
	}
	if cs.Summary != "" {
		out = append(out, d.wrapped(row(c, c.T("field.cs_summary"), lw, ""), cs.Summary, lw+1, lipgloss.NewStyle())...)
	}
	out = append(out, "", st.Label.Render(c.T("cases.workers_title", len(cs.Workers))))
	for i, w := range cs.Workers {
		name, no, phone, id := d.names.worker(w)
		who := c.T("cases.non_member")
		if w.MemberID != 0 {
			who = c.T("cases.member_no", no)
		}
		parts := []string{strconv.Itoa(i+1) + ". " + name, st.Muted.Render(who)}
		if phone != "" {
			parts = append(parts, phone)
		}
		if id != "" {
			parts = append(parts, id)
		}
		out = append(out, "  "+strings.Join(parts, "  "))
	}
	out = append(out, "", st.Label.Render(c.T("cases.steps_title", len(cs.Steps))))
	if len(cs.Steps) == 0 {
		out = append(out, "  "+st.Muted.Render(c.T("cases.no_steps")))
	}
	for i, s := range cs.Steps {
		l := strconv.Itoa(i+1) + ". " + s.Date.String() + "  " + c.T(s.Kind.Key())
		if s.Who != "" {
			l += "  " + s.Who
		}
		if i == d.step && cs.Open() {
			stepLine = len(out)
			l = st.Focused.Render("> ") + l
		} else {
			l = "  " + l
		}
		out = append(out, d.wrapped(l, s.Note, 5, st.Muted)...)
	}
	if cs.Open() && cs.CloseNote != "" { // reopened: what its closing said, for the next one
		out = append(out, "", st.Label.Render(c.T("cases.earlier_close_note")))
		out = append(out, d.wrapped("", cs.CloseNote, 2, st.Muted)...)
	}
	if !cs.Open() {
		out = append(out, "", d.closingLine())
		if cs.CloseNote != "" {
			out = append(out, d.wrapped("", cs.CloseNote, 2, st.Muted)...)
		}
		if cs.Void {
			out = append(out, d.wrapped("  "+st.Label.Render(c.T("field.cs_void_reason")), cs.VoidReason, 4, lipgloss.NewStyle())...)
		}
	}
	return out, stepLine
}

// wrapped is head and text on one line when they fit the screen; else
// head alone (unless empty) and the text below it, wrapped and indented,
// so that a long note or claim is read whole rather than cut off.
func (d *caseDetail) wrapped(head, text string, indent int, style lipgloss.Style) []string {
	text = oneLine(text)
	if text == "" {
		return []string{head}
	}
	sep := "  "
	if head == "" {
		sep = strings.Repeat(" ", indent)
	} else if strings.HasSuffix(ansi.Strip(head), " ") {
		sep = ""
	}
	if one := head + sep + style.Render(text); d.w <= indent+10 || ansi.StringWidth(one) <= d.w {
		return []string{one}
	}
	var out []string
	if head != "" {
		out = append(out, head)
	}
	pad := strings.Repeat(" ", indent)
	for _, l := range strings.Split(ansi.Wrap(text, d.w-indent, ""), "\n") {
		out = append(out, pad+style.Render(l))
	}
	return out
}

func (d *caseDetail) closingLine() string {
	c, cs, st := d.c, &d.cs, d.c.Styles
	if cs.Void {
		return st.Error.Render(c.T("cases.voided_on", cs.Closed.String()))
	}
	l := st.Label.Render(c.T("field.cs_closed")) + " " + cs.Closed.String() + "  " + c.T(cs.Outcome.Key()) +
		"  " + st.Label.Render(c.T("field.cs_recovered")) + " " + cs.Recovered.Display()
	if w := model.CaseWarnings(cs); len(w) > 0 {
		l += "  " + st.Warning.Render("! "+w[0].Message(c.Lang))
	}
	return l
}

// unitNote marks an employer outside the register.
func unitNote(c *common.Common, cs *model.Case) string {
	if cs.UnitID == 0 && cs.Employer != "" {
		return "  " + c.Styles.Muted.Render(c.T("cases.not_in_register"))
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func (d *caseDetail) View() string {
	if d.err != nil {
		return d.c.Styles.Error.Render(ansi.Truncate(d.c.Err(d.err), d.w, "~"))
	}
	lines, stepLine := d.lines()
	h := max(1, d.h)
	if stepLine >= 0 {
		if stepLine < d.offset {
			d.offset = stepLine
		}
		if stepLine >= d.offset+h {
			d.offset = stepLine - h + 1
		}
	}
	d.offset = max(0, min(d.offset, len(lines)-h))
	end := min(len(lines), d.offset+h)
	out := make([]string, 0, h)
	for _, l := range lines[d.offset:end] {
		out = append(out, ansi.Truncate(l, d.w, "~"))
	}
	return strings.Join(out, "\n")
}

func (d *caseDetail) ShortHelp() []key.Binding {
	g, k := d.c.Keys, d.k
	switch {
	case d.err != nil:
		return nil
	case d.cs.Void:
		return []key.Binding{g.Up, g.Down}
	case !d.cs.Open():
		return []key.Binding{k.Reopen, k.Void}
	}
	h := []key.Binding{k.Step}
	if d.step >= 0 {
		h = append(h, d.stepEdit())
	}
	h = append(h, g.Edit, k.Close, k.Void)
	if len(d.cs.Steps) == 0 {
		h = append(h, k.Delete)
	}
	return h
}

// stepEdit is enter, said as editing the highlighted step.
func (d *caseDetail) stepEdit() key.Binding {
	b := d.c.Keys.Open
	b.SetHelp("enter", d.c.T("cases.key_edit_step"))
	return b
}

// FullHelp offers moving only where there is somewhere to move: between
// steps, or through a case longer than the screen.
func (d *caseDetail) FullHelp() [][]key.Binding {
	g := d.c.Keys
	lines, _ := d.lines()
	long := len(lines) > max(1, d.h)
	var move []key.Binding
	if len(d.cs.Steps) > 1 || (long && len(d.cs.Steps) == 0) {
		move = append(move, g.Up, g.Down)
	}
	if long {
		move = append(move, g.PageUp, g.PageDown)
	}
	if len(move) == 0 {
		return [][]key.Binding{d.ShortHelp()}
	}
	return [][]key.Binding{move, d.ShortHelp()}
}
