package listexport

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/keymap"
	"unionbook/ui/stack"
)

// idChoice asks, on the last line of the list, how ID numbers go out:
// masked as on screen (enter or m) or whole (f), which the audit log
// records; esc takes nothing out.
type idChoice struct {
	common.ScreenBase
	c           *common.Common
	st          *stack.Stack
	under       common.Screen
	next        func(full bool) tea.Cmd
	masked, all key.Binding
	w, h        int
}

func newIDChoice(c *common.Common, st *stack.Stack, next func(full bool) tea.Cmd) *idChoice {
	return &idChoice{c: c, st: st, under: st.Top(), next: next,
		masked: keymap.Binding(c.Lang, "listexport.key_masked", "enter", "m"),
		all:    keymap.Binding(c.Lang, "listexport.key_full", "f")}
}

func (q *idChoice) SetSize(w, h int) { q.w, q.h = w, h }

// Capturing: m and f are answers, not the app's keys.
func (q *idChoice) Capturing() bool { return true }

func (q *idChoice) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(km, q.masked):
		q.st.Pop()
		return q.next(false)
	case key.Matches(km, q.all):
		q.st.Pop()
		return q.next(true)
	}
	return nil
}

func (q *idChoice) View() string {
	lines := strings.Split(q.under.View(), "\n")
	for len(lines) < q.h {
		lines = append(lines, "")
	}
	lines = lines[:max(1, q.h)]
	lines[len(lines)-1] = q.c.Styles.Warning.Render(ansi.Truncate(q.c.T("listexport.ask_ids"), q.w, "~"))
	return strings.Join(lines, "\n")
}

func (q *idChoice) ShortHelp() []key.Binding {
	return []key.Binding{q.masked, q.all, q.c.Keys.Back}
}

func (q *idChoice) FullHelp() [][]key.Binding { return [][]key.Binding{q.ShortHelp()} }

// chunkRows is how many rows one command writes between two progress
// reports: a few hundredths of a second each.
const chunkRows = 2000

// progressMsg reports rows written, or the end (done, or err).
type progressMsg struct {
	w        *writing
	rows     int
	finished bool
	err      error
}

// writing writes the workbook in the background and shows how far it is;
// esc stops it before the file is written.
type writing struct {
	common.ScreenBase
	c         *common.Common
	st        *stack.Stack
	sn        sheet
	path      string
	wr        *writer
	rows      int
	cancelled bool
	w, h      int
}

func newWriting(c *common.Common, st *stack.Stack, sn sheet, path string) *writing {
	return &writing{c: c, st: st, sn: sn, path: path}
}

// Init starts writing (Push runs it).
func (s *writing) Init() tea.Cmd {
	c, sn := s.c, s.sn
	return func() tea.Msg {
		wr, err := newWriter(c, sn)
		if err != nil {
			return progressMsg{w: s, err: err}
		}
		s.wr = wr // handed over with the message: no other command runs
		return s.step()
	}
}

// step writes the next chunk, or the file and its audit entry once every
// row is written. It runs in a command.
func (s *writing) step() progressMsg {
	all, err := s.wr.chunk(chunkRows)
	if err != nil || !all {
		return progressMsg{w: s, rows: s.wr.next, err: err}
	}
	if err := s.wr.finish(s.path); err != nil {
		return progressMsg{w: s, rows: s.wr.next, err: err}
	}
	if readOnly(s.c) { // nothing may be written into what is looked at
		return progressMsg{w: s, rows: s.wr.next, finished: true}
	}
	err = s.c.Store.RecordListExport(s.c.OperatorName(), s.sn.name, s.path, len(s.sn.rows), s.sn.full)
	return progressMsg{w: s, rows: s.wr.next, finished: true, err: err}
}

func (s *writing) SetSize(w, h int) { s.w, s.h = w, h }

// Capturing: the app's keys wait until the file is written.
func (s *writing) Capturing() bool { return true }

// HandlesBack: esc stops the writing, then leaves.
func (s *writing) HandlesBack() bool { return true }

func (s *writing) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case progressMsg:
		if msg.w != s {
			return nil
		}
		s.rows = msg.rows
		switch {
		case msg.finished && msg.err != nil: // written, but not logged
			s.st.Pop()
			return common.SetStatus(s.c.T("listexport.written", len(s.sn.rows), s.path)+"; "+s.c.Err(msg.err), true)
		case msg.finished && readOnly(s.c):
			s.st.Pop()
			return common.SetStatus(s.c.T("listexport.written_readonly", len(s.sn.rows), s.path), false)
		case msg.finished:
			s.st.Pop()
			return tea.Batch(common.SetStatus(s.c.T("listexport.written", len(s.sn.rows), s.path), false),
				common.Changed(model.EntityList, 0))
		case msg.err != nil:
			if s.wr != nil {
				s.wr.abandon()
			}
			s.st.Pop()
			return common.SetStatus(s.c.T("listexport.failed", s.path, s.c.Err(msg.err)), true)
		case s.cancelled:
			s.wr.abandon()
			s.st.Pop()
			return common.SetStatus(s.c.T("listexport.cancelled"), false)
		}
		return func() tea.Msg { return s.step() }
	case tea.KeyPressMsg:
		if key.Matches(msg, s.c.Keys.Back) {
			s.cancelled = true // at the next chunk: the file is not written
		}
	}
	return nil
}

func (s *writing) View() string {
	st := s.c.Styles
	total := len(s.sn.rows)
	barW := max(10, min(50, s.w-30))
	done := 0
	if total > 0 {
		done = barW * s.rows / total
	}
	bar := strings.Repeat("#", done) + strings.Repeat(".", barW-done)
	lines := []string{
		st.Title.Render(ansi.Truncate(s.c.T("listexport.writing", s.sn.name), s.w, "~")),
		"",
		ansi.Truncate(s.path, s.w, "~"),
		"",
		bar + "  " + s.c.T("listexport.progress", strconv.Itoa(s.rows), strconv.Itoa(total)),
	}
	if s.cancelled {
		lines = append(lines, "", st.Muted.Render(s.c.T("listexport.stopping")))
	}
	return strings.Join(lines, "\n")
}

func (s *writing) ShortHelp() []key.Binding {
	return []key.Binding{keymap.Binding(s.c.Lang, "listexport.key_cancel", "esc")}
}

func (s *writing) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
