package transfer

import (
	"context"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/roster"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// reading reads and checks a roster file in the background (its rows are
// checked while the next ones are read), under the file chooser; esc stops
// it. It gives way to the preview, or back to the chooser with the error.
type reading struct {
	common.ScreenBase
	e    *env
	file *fileScreen
	path string
	stop context.CancelFunc
	w, h int
}

// readMsg is the answer of the reading started by from.
type readMsg struct {
	from *reading
	plan *roster.Plan
	err  error
}

func newReading(e *env, file *fileScreen, path string) *reading {
	return &reading{e: e, file: file, path: path}
}

// Init starts reading.
func (r *reading) Init() tea.Cmd {
	ctx, cancel := context.WithCancel(context.Background())
	r.stop = cancel
	st, path := r.e.c.Store, r.path
	// a changed mapping and a join date belong to the file they were given for
	opts := r.file.set.options(r.e.c.Today(), nil, 0)
	return func() tea.Msg {
		defer cancel()
		pl, err := roster.Load(ctx, path, "", st, opts)
		return readMsg{from: r, plan: pl, err: err}
	}
}

// HandlesBack: esc stops the reading before it goes back.
func (r *reading) HandlesBack() bool { return true }

func (r *reading) SetSize(w, h int) { r.w, r.h = w, h }

func (r *reading) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case readMsg:
		if msg.from != r {
			return nil
		}
		if msg.err != nil {
			popTo(r.e.st, r.file)
			r.file.err = msg.err
			return nil
		}
		popTo(r.e.st, r)
		return r.e.st.Replace(newPreview(r.e, r.file, msg.plan))
	case tea.KeyPressMsg:
		if key.Matches(msg, r.e.keys.stopReading) {
			r.stop()
			popTo(r.e.st, r.file)
		}
	}
	return nil
}

func (r *reading) View() string {
	status := r.e.c.Styles.Muted.Render(widget.Fit(r.e.c.T("importer.loading"), r.w, false))
	return screenOf(r.file.lines([]string{status}, false), r.w, r.h)
}

func (r *reading) ShortHelp() []key.Binding  { return []key.Binding{r.e.keys.stopReading} }
func (r *reading) FullHelp() [][]key.Binding { return [][]key.Binding{r.ShortHelp()} }
