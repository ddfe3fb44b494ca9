package auditlog

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// detail is one entry with every change on its own line, under the log's
// filter and count lines; up and down scroll a long one, enter and esc go
// back to the list.
type detail struct {
	common.ScreenBase
	c     *common.Common
	st    *stack.Stack
	lines []string
	head  func() string // the list's head
	at    int           // first line shown
	w, h  int
}

func newDetail(c *common.Common, st *stack.Stack, e model.AuditEntry, names *model.AuditNames, head func() string) *detail {
	sty := c.Styles
	lines := []string{
		sty.Label.Render(c.T("audit.col_time")+": ") + e.At.Local().Format("2006-01-02 15:04:05"),
		sty.Label.Render(c.T("audit.col_operator")+": ") + e.Operator,
		sty.Label.Render(c.T("audit.col_action")+": ") + actionText(c, e.Action),
		sty.Label.Render(c.T("audit.col_record")+": ") + entityText(c, e.Entity) + " " + e.Label + fmt.Sprintf(" (#%d)", e.EntityID),
		sty.Label.Render(c.T("audit.col_changes") + ":"),
	}
	for _, s := range model.DescribeChanges(c.Lang, &e, names) {
		lines = append(lines, "  "+s)
	}
	return &detail{c: c, st: st, lines: lines, head: head}
}

func (d *detail) SetSize(w, h int) { d.w, d.h = w, h }

// height is the lines the entry has on screen.
func (d *detail) height() int { return max(1, d.h-headLines) }

// scrolls reports an entry longer than the screen.
func (d *detail) scrolls() bool { return len(d.lines) > d.height() }

func (d *detail) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	k := d.c.Keys
	switch {
	case key.Matches(km, k.Open): // back to the list, as esc
		d.st.Pop()
	case key.Matches(km, k.Down):
		d.at = min(d.at+1, max(0, len(d.lines)-d.height()))
	case key.Matches(km, k.Up):
		d.at = max(0, d.at-1)
	}
	return nil
}

func (d *detail) View() string {
	h := d.height()
	d.at = min(d.at, max(0, len(d.lines)-h))
	out := make([]string, h)
	for j := range out {
		if d.at+j < len(d.lines) {
			out[j] = ansi.Truncate(d.lines[d.at+j], d.w, "~")
		}
	}
	return d.head() + "\n" + strings.Join(out, "\n")
}

// ShortHelp: up and down only while the entry is longer than the screen.
func (d *detail) ShortHelp() []key.Binding {
	k := d.c.Keys
	if d.scrolls() {
		return []key.Binding{k.Up, k.Down, k.Back}
	}
	return []key.Binding{k.Back}
}

func (d *detail) FullHelp() [][]key.Binding { return [][]key.Binding{d.ShortHelp()} }
