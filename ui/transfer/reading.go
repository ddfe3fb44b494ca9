package transfer

import (
	"context"
	"path/filepath"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/roster"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// reading reads and checks a roster file in the background (its rows are
// checked while the next ones are read), counting the rows read; esc stops
// it. It gives way to the preview, or to the reason the file cannot be
// read.
type reading struct {
	common.ScreenBase
	e        *env
	imp      *importState
	path     string
	stop     context.CancelFunc
	progress chan tea.Msg // the rows read, the newest count only
	done     chan tea.Msg // the answer, once
	rows     int          // read so far
	w, h     int
}

// readMsg is the answer of the reading started by from.
type readMsg struct {
	from *reading
	plan *roster.Plan
	err  error
}

// readProgressMsg is how many rows the reading from has read.
type readProgressMsg struct {
	from *reading
	rows int
}

func newReading(e *env, imp *importState, path string) *reading {
	return &reading{e: e, imp: imp, path: path}
}

// Init starts reading.
func (r *reading) Init() tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	r.stop = cancel
	r.progress, r.done = make(chan tea.Msg, 1), make(chan tea.Msg, 1)
	ch, done, st, path, hook := r.progress, r.done, r.e.c.Store, r.path, r.e.readStep
	// a changed mapping, a join date and refused matches belong to the
	// file they were given for
	opts := r.imp.set.options(r.e.c.Today(), nil, 0, nil)
	opts.Progress = func(n int) {
		if hook != nil {
			hook(n)
		}
		select { // drop a count the screen has not taken yet
		case ch <- readProgressMsg{from: r, rows: n}:
		default:
		}
	}
	go func() {
		defer cancel()
		pl, err := roster.Load(ctx, path, "", st, opts)
		done <- readMsg{from: r, plan: pl, err: err}
	}()
	return r.listen()
}

// listen waits for the next message from the reading: a count, or the
// answer.
func (r *reading) listen() tea.Cmd {
	progress, done := r.progress, r.done
	return func() tea.Msg {
		select {
		case m := <-done:
			return m
		case m := <-progress:
			return m
		}
	}
}

// HandlesBack: esc stops the reading before it goes back.
func (r *reading) HandlesBack() bool { return true }

func (r *reading) SetSize(w, h int) { r.w, r.h = w, h }

func (r *reading) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case readProgressMsg:
		if msg.from != r {
			return nil
		}
		r.rows = msg.rows
		return r.listen()
	case readMsg:
		if msg.from != r || r.e.st.Top() != r {
			return nil // stopped: esc went back already
		}
		if msg.err != nil {
			return r.e.st.Replace(newUnreadable(r.e, r.imp, r.path, msg.err))
		}
		return r.e.st.Replace(newPreview(r.e, r.imp, msg.plan))
	case tea.KeyPressMsg:
		if key.Matches(msg, r.e.keys.stopReading) {
			r.stop()
			r.e.st.Pop()
		}
	}
	return nil
}

func (r *reading) View() string {
	c, w := r.e.c, r.w
	status := c.T("importer.loading", filepath.Base(r.path))
	if r.rows > 0 {
		status = c.T("importer.loading_rows", filepath.Base(r.path), r.rows)
	}
	lines := fileLines(r.e, r.path, []string{c.Styles.Muted.Render(widget.Fit(status, w, false))}, w)
	return screenOf(lines, w, r.h)
}

func (r *reading) ShortHelp() []key.Binding  { return []key.Binding{r.e.keys.stopReading} }
func (r *reading) FullHelp() [][]key.Binding { return [][]key.Binding{r.ShortHelp()} }
