package filechooser

import (
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/keymap"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// Mode is what the chooser chooses.
type Mode int

const (
	// Open chooses an existing file (of one of Exts, when given).
	Open Mode = iota
	// Save chooses where to write a file: a folder and a name (Name is
	// suggested; the first of Exts is added when she types none).
	Save
	// Folder chooses a folder.
	Folder
)

// Options say what to choose.
type Options struct {
	Title string
	Mode  Mode
	// Exts are the extensions shown and accepted (".xlsx", ".csv"), in
	// lower case; none shows every file.
	Exts []string
	// Dir is the folder it opens in; "" is the Desktop (DefaultFolder).
	Dir string
	// Name is the file name suggested in Save mode.
	Name string
	// FS is the file system; nil is the real one.
	FS FS
}

// Lines above the table: the title, the path and a line of hints.
const (
	pathLine  = 1
	hintLine  = 2
	tableLine = 3
)

// Screen is the chooser, a screen of a tab's stack.
type Screen struct {
	common.ScreenBase
	c      *common.Common
	st     *stack.Stack
	o      Options
	fsys   FS
	chosen func(path string) tea.Cmd
	keys   keys

	dir       string // the folder listed
	rows      []row
	table     widget.Table
	path      widget.TextField
	focusList bool   // the arrows moved into the list: enter acts on its row
	hint      string // completion candidates or what went wrong
	hintErr   bool
	w, h      int
}

type keys struct {
	Open, Complete, Choose, Move key.Binding
}

// New makes a chooser; pushed on st, it pops itself when she chooses and
// then calls chosen with the path (absolute, in the system's form).
func New(c *common.Common, st *stack.Stack, o Options, chosen func(path string) tea.Cmd) *Screen {
	if o.FS == nil {
		o.FS = OS{}
	}
	for i, e := range o.Exts {
		o.Exts[i] = strings.ToLower(e)
	}
	s := &Screen{c: c, st: st, o: o, fsys: o.FS, chosen: chosen, path: widget.NewTextField(),
		table: widget.NewTable(nil, c.TableStyles()),
		keys: keys{
			Open:     keymap.Binding(c.Lang, "chooser.key_open", "enter"),
			Complete: keymap.Binding(c.Lang, "chooser.key_complete", "tab"),
			Choose:   keymap.Binding(c.Lang, "chooser.key_choose", "ctrl+s"),
			Move:     keymap.Binding(c.Lang, "chooser.key_move", "up", "down", "pgup", "pgdown"),
		}}
	s.keys.Move.SetHelp("up/down", c.T("chooser.key_move"))
	s.table.SetOrigin(0, tableLine)
	s.table.SetEmptyText(c.T("chooser.empty"))
	s.path.Focus()
	dir := o.Dir
	if dir == "" {
		dir = DefaultFolder(s.fsys)
	}
	s.enter(dir)
	if s.dir == "" { // the folder asked for is gone (a USB stick taken out)
		if def := DefaultFolder(s.fsys); def != dir {
			s.enter(def)
		}
	}
	return s
}

// enter lists folder dir and shows it in the path (with the file name
// kept, in Save mode).
func (s *Screen) enter(dir string) {
	name := s.o.Name
	if s.o.Mode == Save && s.dir != "" {
		name = s.fileName()
	}
	rows, err := s.list(dir)
	if err != nil {
		s.setHint(s.c.T("chooser.unreadable", dir, s.c.Err(err)), true)
		return
	}
	s.dir, s.rows = dir, rows
	s.path.SetValue(withSep(dir) + name)
	s.hint, s.hintErr = "", false
	s.refreshTable()
	s.table.SetCursor(0)
	s.focusList = false
}

// fileName is the last part of the typed path in Save mode.
func (s *Screen) fileName() string {
	v := s.path.Value()
	if strings.HasSuffix(v, string(filepath.Separator)) {
		return ""
	}
	return filepath.Base(v)
}

func withSep(dir string) string {
	if strings.HasSuffix(dir, string(filepath.Separator)) {
		return dir
	}
	return dir + string(filepath.Separator)
}

func (s *Screen) setHint(text string, isErr bool) { s.hint, s.hintErr = text, isErr }

func (s *Screen) SetSize(w, h int) {
	s.w, s.h = w, h
	s.path.SetWidth(max(10, w-s.labelWidth()-1))
	s.table.SetSize(w, max(3, h-tableLine))
	s.refreshTable()
}

func (s *Screen) labelWidth() int { return ansi.StringWidth(s.c.T("chooser.path")) + 1 }

// Capturing: letters are the path's; the chooser's keys are enter, tab,
// ctrl+s and the arrows.
func (s *Screen) Capturing() bool { return true }

func (s *Screen) Cursor() *tea.Cursor {
	if s.focusList {
		return nil
	}
	return tea.NewCursor(s.labelWidth()+1+s.path.CursorColumn(), pathLine)
}

func (s *Screen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case widget.RowClickedMsg:
		if s.table.Owns(msg) {
			s.focusList = true
			if msg.Again {
				return s.activate(msg.Row)
			}
		}
		return nil
	case tea.MouseClickMsg:
		if msg.Mouse().Y == pathLine {
			s.focusList = false
			return nil
		}
		var cmd tea.Cmd
		s.table, cmd = s.table.Update(msg)
		return cmd
	case tea.MouseMsg:
		var cmd tea.Cmd
		s.table, cmd = s.table.Update(msg)
		return cmd
	case tea.PasteMsg:
		s.focusList = false
		s.path, _ = s.path.Update(msg)
		return nil
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return nil
}

func (s *Screen) key(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, s.keys.Move):
		s.focusList = true
		var cmd tea.Cmd
		s.table, cmd = s.table.Update(msg)
		return cmd
	case key.Matches(msg, s.keys.Open):
		if s.focusList {
			return s.activate(s.table.Cursor())
		}
		return s.submit(false)
	case key.Matches(msg, s.keys.Choose):
		if s.focusList && s.o.Mode == Folder {
			if i := s.table.Cursor(); i >= 0 && i < len(s.rows) && s.rows[i].kind != rowFile {
				return s.choose(s.rows[i].path)
			}
		}
		return s.submit(true)
	case key.Matches(msg, s.keys.Complete):
		s.focusList = false
		s.complete()
		return nil
	}
	s.focusList = false
	s.path, _ = s.path.Update(msg)
	return nil
}

// activate acts on row i: a folder opens, a file is chosen (Open) or named
// (Save).
func (s *Screen) activate(i int) tea.Cmd {
	if i < 0 || i >= len(s.rows) {
		return nil
	}
	r := s.rows[i]
	if r.kind != rowFile {
		s.enter(r.path)
		return nil
	}
	if s.o.Mode == Save {
		s.path.SetValue(r.path)
		s.focusList = false
		return nil
	}
	return s.submit(true)
}

// submit acts on the typed path: a folder opens (with enter) or is chosen
// (Folder mode, ctrl+s); a file is checked and chosen.
func (s *Screen) submit(choose bool) tea.Cmd {
	p := s.typed()
	if s.focusList && s.o.Mode == Open {
		if i := s.table.Cursor(); i >= 0 && i < len(s.rows) {
			p = s.rows[i].path
		}
	}
	fi, err := s.fsys.Stat(p)
	isDir := err == nil && fi.IsDir()
	switch {
	case isDir && s.o.Mode == Folder && choose:
		return s.choose(p)
	case isDir:
		s.enter(p)
		return nil
	case s.o.Mode == Folder:
		s.setHint(s.c.T("chooser.not_folder", p), true)
	case s.o.Mode == Open && err != nil:
		s.setHint(s.c.T("chooser.not_file", p), true)
	case s.o.Mode == Open && !s.accepts(p):
		s.setHint(s.c.T("chooser.wrong_ext", strings.Join(s.o.Exts, " ")), true)
	case s.o.Mode == Open:
		return s.choose(p)
	default: // Save
		if len(s.o.Exts) > 0 && !s.accepts(p) {
			p += s.o.Exts[0]
		}
		if fi, err := s.fsys.Stat(filepath.Dir(p)); err != nil || !fi.IsDir() {
			s.setHint(s.c.T("chooser.not_folder", filepath.Dir(p)), true)
			return nil
		}
		if _, err := s.fsys.Stat(p); err == nil {
			return s.st.Ask(s.c.T("chooser.overwrite", filepath.Base(p)), func() tea.Cmd { return s.choose(p) })
		}
		return s.choose(p)
	}
	return nil
}

// typed is the path as typed, with ~ and the quotes Explorer adds
// resolved, made absolute against the folder listed.
func (s *Screen) typed() string {
	p := strings.TrimSpace(strings.Trim(strings.TrimSpace(s.path.Value()), `"'`))
	if strings.HasPrefix(p, "~") {
		for _, pl := range s.fsys.Places() {
			if pl.Kind == PlaceHome {
				p = filepath.Join(pl.Path, p[1:])
			}
		}
	}
	if p == "" {
		return s.dir
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(s.dir, p)
	}
	return filepath.Clean(p)
}

func (s *Screen) accepts(name string) bool {
	if len(s.o.Exts) == 0 {
		return true
	}
	ext := strings.ToLower(filepath.Ext(name))
	for _, e := range s.o.Exts {
		if e == ext {
			return true
		}
	}
	return false
}

// choose leaves the chooser with path.
func (s *Screen) choose(path string) tea.Cmd {
	s.st.Pop()
	return s.chosen(path)
}

func (s *Screen) View() string {
	st := s.c.Styles
	fit := func(x string) string { return ansi.Truncate(x, s.w, "~") }
	title := st.Title.Render(fit(s.o.Title))
	field := st.Label.Render(s.c.T("chooser.path")+": ") + s.path.View()
	hint := s.hint
	style := st.Muted
	if s.hintErr {
		style = st.StatusError
	}
	if hint == "" && len(s.o.Exts) > 0 && s.o.Mode != Folder {
		hint = s.c.T("chooser.only", strings.Join(s.o.Exts, " "))
	}
	return title + "\n" + fit(field) + "\n" + style.Render(fit(model.StripUnsafe(hint))) + "\n" + s.table.View()
}

func (s *Screen) ShortHelp() []key.Binding {
	return []key.Binding{s.keys.Move, s.keys.Open, s.keys.Complete, s.keys.Choose, s.c.Keys.Back}
}

func (s *Screen) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
