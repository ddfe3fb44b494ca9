package reports

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/report"
	"unionbook/ui/common"
)

// progressMsg is how far a report's writing is; doneMsg its end.
type progressMsg struct {
	w           *writing
	done, total int
}

type doneMsg struct {
	w   *writing
	err error
}

// writing writes a report in the background and shows how far it is; esc
// stops it, and then no file is left.
type writing struct {
	common.ScreenBase
	e           *env
	r           report.Report
	o           report.Options
	path        string
	failed      int // the checks that failed, for the status line
	done, total int
	stopping    bool
	cancel      context.CancelFunc
	progress    chan progressMsg
	finished    chan doneMsg
	w, h        int
}

func newWriting(e *env, r report.Report, o report.Options, path string, failed int) *writing {
	return &writing{e: e, r: r, o: o, path: path, failed: failed}
}

// Init starts the writing (Push runs it): the report is written in a
// goroutine that reports its steps on a channel the screen listens to.
func (s *writing) Init() tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.progress, s.finished = make(chan progressMsg, 1), make(chan doneMsg, 1)
	o := s.o
	o.Ctx = ctx
	o.Progress = func(done, total int) {
		select { // the screen shows the latest; a step it misses is no loss
		case s.progress <- progressMsg{w: s, done: done, total: total}:
		default:
		}
	}
	write, name, path := s.e.write, s.r.Name, s.path
	go func() {
		err := write(name, o, path)
		cancel()
		s.finished <- doneMsg{w: s, err: err}
	}()
	return s.listen()
}

// listen waits for the next step or the end.
func (s *writing) listen() tea.Cmd {
	progress, finished := s.progress, s.finished
	return func() tea.Msg {
		select {
		case m := <-finished:
			return m
		case m := <-progress:
			return m
		}
	}
}

func (s *writing) SetSize(w, h int) { s.w, s.h = w, h }

// Capturing: the app's keys wait until the file is written.
func (s *writing) Capturing() bool { return true }

// HandlesBack: esc stops the writing; the screen leaves when it has.
func (s *writing) HandlesBack() bool { return true }

func (s *writing) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case progressMsg:
		if msg.w != s {
			return nil
		}
		s.done, s.total = msg.done, msg.total
		return s.listen()
	case doneMsg:
		if msg.w != s {
			return nil
		}
		return s.finish(msg.err)
	case tea.KeyPressMsg:
		if key.Matches(msg, s.e.keys.stop) && !s.stopping {
			s.stopping = true
			if s.cancel != nil {
				s.cancel()
			}
		}
	}
	return nil
}

// finish goes back to the list of reports, saying where the file went, or
// why there is none.
func (s *writing) finish(err error) tea.Cmd {
	c := s.e.c
	s.e.st.PopTo(s.e.depth)
	switch {
	case errors.Is(err, context.Canceled):
		return common.SetStatus(c.T("reports.stopped"), false)
	case err != nil:
		return common.SetStatus(c.T("reports.failed", s.path, c.Err(err)), true)
	case s.failed > 0:
		return common.SetStatus(c.T("reports.written_checks", s.path, s.failed), true)
	}
	return common.SetStatus(c.T("reports.written", s.path), false)
}

func (s *writing) View() string {
	c, st := s.e.c, s.e.c.Styles
	barW := max(10, min(50, s.w-30))
	filled := 0
	if s.total > 0 {
		filled = barW * s.done / s.total
	}
	bar := strings.Repeat("#", filled) + strings.Repeat(".", barW-filled)
	lines := []string{
		st.Title.Render(ansi.Truncate(c.T("reports.writing", titleOf(c, s.r, s.o)), s.w, "~")),
		"",
		ansi.Truncate(s.path, s.w, "~"),
		"",
		bar + "  " + c.T("reports.progress", strconv.Itoa(s.done), strconv.Itoa(max(s.total, 1))),
	}
	if s.stopping {
		lines = append(lines, "", st.Muted.Render(c.T("reports.stopping")))
	}
	return screenOf(lines, s.w, s.h)
}

func (s *writing) ShortHelp() []key.Binding { return []key.Binding{s.e.keys.stop} }

func (s *writing) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
