package stack

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/ui/common"
)

// question is a yes-or-no question over the screen below it ("delete this
// member?"): the screen stays in sight with the question on its last line.
type question struct {
	common.ScreenBase
	c     *common.Common
	st    *Stack
	under common.Screen
	text  string
	yes   func() tea.Cmd
	w, h  int
}

// Ask pushes a question over the top screen: y takes it away and runs yes;
// any other key (n, esc) takes it away and nothing happens. It takes the
// last line of the screen below, where a long screen cannot push it out of
// sight, and the footer names y and n.
func (s *Stack) Ask(text string, yes func() tea.Cmd) tea.Cmd {
	return s.Push(&question{c: s.c, st: s, under: s.Top(), text: text, yes: yes})
}

func (q *question) SetSize(w, h int) { q.w, q.h = w, h }

func (q *question) View() string {
	return overLastLine(q.under.View(), q.h, q.c.Styles.Warning.Render(ansi.Truncate(q.text, q.w, "~")))
}

// Capturing: every key answers the question, q and digits included.
func (q *question) Capturing() bool { return true }

// HandlesBack: esc is an answer (no) like any key but y.
func (q *question) HandlesBack() bool { return true }

func (q *question) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	q.st.Pop()
	if key.Matches(km, q.c.Keys.Confirm) {
		return q.yes()
	}
	return nil
}

func (q *question) ShortHelp() []key.Binding {
	return []key.Binding{q.c.Keys.Confirm, q.c.Keys.Cancel}
}

func (q *question) FullHelp() [][]key.Binding { return [][]key.Binding{q.ShortHelp()} }

// overLastLine is v cut or padded to h lines with its last line replaced
// by line.
func overLastLine(v string, h int, line string) string {
	lines := splitLines(v, h)
	lines[len(lines)-1] = line
	return joinLines(lines)
}
