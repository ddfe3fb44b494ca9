package transfer

import (
	"path/filepath"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/roster"
	"unionbook/ui/common"
	"unionbook/ui/filechooser"
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
// for the one found), the join date of rows without one (0 for none) and
// the near unit names refused.
func (s *importSettings) options(today model.Date, h *roster.Header, joinDate model.Date, refused []string) roster.Options {
	return roster.Options{Kind: s.kind, OnDuplicate: s.dup, CreateUnits: s.createUnits, Today: today, Header: h,
		JoinDate: joinDate, RefuseMatches: refused}
}

// importState is what the import keeps from one file to the next, for as
// long as the tab lives: the options, and the folder the last roster came
// from (the chooser opens there; "" is the Desktop).
type importState struct {
	set importSettings
	dir string
}

// rosterExts are the files the chooser shows for an import: workbooks and
// CSV files, and the old .xls, which the import names as such.
var rosterExts = []string{".xlsx", ".csv", ".xls"}

// chooseRoster opens the file chooser for the roster to import; the file
// chosen is read on the reading screen.
func chooseRoster(e *env, imp *importState) tea.Cmd {
	o := filechooser.Options{
		Title: e.c.T("importer.choose_title"), Mode: filechooser.Open,
		Exts: append([]string(nil), rosterExts...), Dir: imp.dir, FS: e.files,
	}
	return e.st.Push(filechooser.New(e.c, e.st, o, func(path string) tea.Cmd {
		imp.dir = filepath.Dir(path)
		return e.st.Push(newReading(e, imp, path))
	}))
}

// errLines is how many lines a file's error may take: the messages about
// damaged and protected workbooks say what to do, and must not be cut.
const errLines = 6

// unreadable says why a roster could not be read, in full, with what the
// import reads; enter chooses another file, esc goes back to the menu.
type unreadable struct {
	common.ScreenBase
	e    *env
	imp  *importState
	path string
	err  error
	w, h int
}

func newUnreadable(e *env, imp *importState, path string, err error) *unreadable {
	return &unreadable{e: e, imp: imp, path: path, err: err}
}

func (u *unreadable) SetSize(w, h int) { u.w, u.h = w, h }

func (u *unreadable) Update(msg tea.Msg) tea.Cmd {
	if km, ok := msg.(tea.KeyPressMsg); ok && key.Matches(km, u.e.keys.another) {
		u.e.st.Pop()
		return chooseRoster(u.e, u.imp)
	}
	return nil
}

func (u *unreadable) View() string {
	c, st, w := u.e.c, u.e.c.Styles, u.w
	var status []string
	ls := wrap(plain(c.Err(u.err)), w)
	for _, l := range ls[:min(len(ls), errLines)] {
		status = append(status, st.Error.Render(widget.Fit(l, w, false)))
	}
	return screenOf(fileLines(u.e, u.path, status, w), w, u.h)
}

func (u *unreadable) ShortHelp() []key.Binding { return []key.Binding{u.e.keys.another} }
func (u *unreadable) FullHelp() [][]key.Binding {
	return [][]key.Binding{{u.e.keys.another, u.e.c.Keys.Back}}
}

// fileLines draw the screens about a roster file (reading it, or why it
// could not be read): the title, the file's name (its folder is the one
// just chosen), the status lines and what the import reads.
func fileLines(e *env, path string, status []string, w int) []string {
	c, st := e.c, e.c.Styles
	fit := func(s string) string { return widget.Fit(s, w, false) }
	label := c.T("importer.file") + " "
	lines := []string{
		st.Title.Render(fit(c.T("importer.title"))),
		st.Label.Render(label) + widget.Fit(model.StripUnsafe(filepath.Base(path)), max(0, w-widget.Width(label)), false),
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
