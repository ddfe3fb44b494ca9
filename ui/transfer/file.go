package transfer

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/roster"
	"unionbook/ui/widget"
)

// importSettings are the import's options as the secretary set them in the
// preview; they stay from one file to the next.
type importSettings struct {
	kind        roster.Kind
	dup         roster.Duplicate
	createUnits bool
	skipInvalid bool // import the valid rows of a file with problems
	onlyBad     bool // the preview shows only rows with problems
}

// options are the roster options for the settings, a changed mapping (nil
// for the one found) and the join date of rows without one (0 for none).
func (s *importSettings) options(today model.Date, h *roster.Header, joinDate model.Date) roster.Options {
	return roster.Options{Kind: s.kind, OnDuplicate: s.dup, CreateUnits: s.createUnits, Today: today, Header: h, JoinDate: joinDate}
}

// fileScreen asks for the roster file: its path, typed with tab completing
// folders and roster files.
type fileScreen struct {
	e    *env
	w, h int
	path widget.TextField
	hint string // completion candidates, or what enter wants
	err  error  // why the last file could not be read
	set  importSettings
}

func newFileScreen(e *env) *fileScreen {
	f := &fileScreen{e: e, path: widget.NewTextField()}
	f.path.SetPlaceholder(e.c.T("importer.path_hint"))
	f.path.Focus()
	return f
}

// open is called when the menu shows the screen again.
func (f *fileScreen) open() { f.hint, f.err = "", nil }

func (f *fileScreen) SetSize(w, h int) {
	f.w, f.h = w, h
	f.path.SetWidth(max(10, w-widget.Width(f.e.c.T("importer.file"))-3))
}

func (f *fileScreen) Capturing() bool { return true }
func (f *fileScreen) Dirty() bool     { return false }

func (f *fileScreen) Cursor() *tea.Cursor {
	return tea.NewCursor(widget.Width(f.e.c.T("importer.file"))+1+f.path.CursorColumn(), 1)
}

func (f *fileScreen) Update(msg tea.Msg) tea.Cmd {
	k := f.e.keys
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(km, k.complete):
			f.complete()
			return nil
		case key.Matches(km, k.read):
			return f.read()
		}
		f.hint = ""
	}
	var cmd tea.Cmd
	f.path, cmd = f.path.Update(msg)
	return cmd
}

// complete completes the typed path among folders and roster files,
// listing the candidates when several fit.
func (f *fileScreen) complete() {
	cp := completePath(f.path.Value(), true)
	switch {
	case cp.noFolder:
		f.hint = f.e.c.T("importer.no_folder")
		return
	case cp.noMatch:
		f.hint = f.e.c.T("importer.no_match")
		return
	}
	f.path.SetValue(cp.value)
	f.path.SetPosition(len([]rune(cp.value)))
	f.hint = strings.Join(cp.names, "  ")
}

// read reads and checks the file on the reading screen.
func (f *fileScreen) read() tea.Cmd {
	path := expand(f.path.Value())
	if path == "" { // say what enter wants
		f.hint = f.e.c.T("importer.path_hint")
		return nil
	}
	f.hint, f.err = "", nil
	return f.e.st.Push(newReading(f.e, f, path))
}

// errLines is how many lines a file's error may take: the messages about
// damaged and protected workbooks say what to do, and must not be cut.
const errLines = 6

func (f *fileScreen) View() string {
	st, w := f.e.c.Styles, f.w
	status := []string{st.Muted.Render(widget.Fit(f.hint, w, false))}
	if f.err != nil {
		status = status[:0]
		ls := wrap(plain(f.e.c.Err(f.err)), w)
		for _, l := range ls[:min(len(ls), errLines)] {
			status = append(status, st.Error.Render(widget.Fit(l, w, false)))
		}
	}
	return screenOf(f.lines(status, true), w, f.h)
}

// lines draw the screen with status under the path; the reading screen
// draws it too, the path no longer focused.
func (f *fileScreen) lines(status []string, focused bool) []string {
	c, st, w := f.e.c, f.e.c.Styles, f.w
	fit := func(s string) string { return widget.Fit(s, w, false) }
	in := f.path
	if !focused {
		in.Blur()
	}
	label := c.T("importer.file") + " "
	lines := []string{
		st.Title.Render(fit(c.T("importer.title"))),
		st.Label.Render(label) + in.View() + strings.Repeat(" ", max(0, w-widget.Width(label)-in.Width())),
	}
	lines = append(lines, status...)
	lines = append(lines, fit(""))
	for _, k := range []string{"importer.about1", "importer.about2", "importer.about3", "importer.about4"} {
		for _, l := range wrap(c.T(k), w) {
			lines = append(lines, st.Muted.Render(fit(l)))
		}
	}
	return lines
}

func (f *fileScreen) ShortHelp() []key.Binding {
	return []key.Binding{f.e.keys.complete, f.e.keys.read}
}

func (f *fileScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{{f.e.keys.complete, f.e.keys.read, f.e.c.Keys.Back}}
}
