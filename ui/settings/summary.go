package settings

import (
	"path/filepath"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/auditlog"
	"unionbook/ui/bookui"
	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// summary is the tab's first screen: every setting with the key that
// edits it, the audit log and backups, and on the demo's database the way
// to a new, empty one. Taller than the screen, it scrolls (summary_view.go
// writes its lines).
type summary struct {
	common.ScreenBase
	c         *common.Common
	st        *stack.Stack
	k         keys
	text      []string // the summary's lines, read at reload
	demo      bool     // the demo's database: f starts one's own books
	backingUp bool
	top       int // the first line shown
	w, h      int
}

func newSummary(c *common.Common, st *stack.Stack) *summary {
	s := &summary{c: c, st: st, k: newKeys(c)}
	s.reload()
	return s
}

// reload reads the settings and writes the summary's lines; what cannot
// be read is the only line.
func (s *summary) reload() {
	prof, _, err := s.c.Store.Profile()
	var chart []model.Account
	if err == nil {
		chart, err = s.c.Store.Chart()
	}
	if err == nil {
		s.demo, err = s.c.Store.IsDemo()
		s.demo = s.demo && !s.c.ReadOnly // a look at the demo's backup sets nothing aside
	}
	if err != nil {
		s.text = []string{s.c.Styles.Error.Render(s.c.Err(err))}
		return
	}
	s.text = s.build(prof, len(chart))
}

// backupDoneMsg is the result of a backup started from the tab.
type backupDoneMsg struct {
	path string
	err  error
}

func (s *summary) SetSize(w, h int) { s.w, s.h = w, h }

func (s *summary) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case common.DataChangedMsg:
		s.reload()
		return nil
	case backupDoneMsg:
		s.backingUp = false
		s.reload() // the newest backup
		if m.err != nil {
			return common.SetStatus(s.c.T("settings.backup_failed", s.c.Err(m.err)), true)
		}
		return common.SetStatus(s.c.T("settings.backup_done", m.path), false)
	case tea.KeyPressMsg:
		return s.key(m)
	}
	return nil
}

func (s *summary) key(m tea.KeyPressMsg) tea.Cmd {
	k := s.c.Keys
	switch {
	case key.Matches(m, s.k.Profile):
		return s.st.Push(newProfileForm(s.c, s.st))
	case key.Matches(m, s.k.Dues):
		return s.st.Push(newDuesForm(s.c, s.st))
	case key.Matches(m, s.k.Hardship):
		return s.st.Push(newHardshipForm(s.c, s.st))
	case key.Matches(m, s.k.Org):
		return s.st.Push(newOrgForm(s.c, s.st))
	case key.Matches(m, s.k.Cases):
		return s.st.Push(newCasesForm(s.c, s.st))
	case key.Matches(m, s.k.Chart):
		return s.st.Push(newChart(s.c, s.st))
	case key.Matches(m, s.k.Openings):
		return s.st.Push(bookui.NewOpenings(s.c, s.st, nil))
	case key.Matches(m, s.k.Books):
		return s.st.Push(newBooksForm(s.c, s.st))
	case key.Matches(m, s.k.Audit):
		return s.st.Push(auditlog.New(s.c, s.st))
	case key.Matches(m, s.k.Backup):
		return s.backup()
	case key.Matches(m, s.k.Fresh) && s.demo:
		return s.st.Ask(s.c.T("settings.fresh_confirm", demoKeptName(s.c)), func() tea.Cmd {
			return func() tea.Msg { return common.StartFreshMsg{} }
		})
	case key.Matches(m, k.Down):
		s.scroll(1)
	case key.Matches(m, k.Up):
		s.scroll(-1)
	case key.Matches(m, k.PageDown):
		s.scroll(s.h - 1)
	case key.Matches(m, k.PageUp):
		s.scroll(-(s.h - 1))
	case key.Matches(m, k.Home):
		s.top = 0
	case key.Matches(m, k.End):
		s.scroll(len(s.text) * 2)
	}
	return nil
}

// scroll moves the lines shown by n, within the summary.
func (s *summary) scroll(n int) {
	s.top = max(0, min(s.top+n, len(s.wrapped())-s.h))
}

// scrolls reports a summary taller than the screen.
func (s *summary) scrolls() bool { return len(s.wrapped()) > s.h }

// demoKeptName is the name the demo's database will be kept under beside
// it, as storage.SetDemoAside names it (a -2 is added if that is taken).
func demoKeptName(c *common.Common) string {
	base := filepath.Base(c.Store.Path())
	ext := filepath.Ext(base)
	return strings.TrimSuffix(base, ext) + "-demo-" + c.Today().String() + ext
}

// backup copies the database in the background; a second b while it runs
// does nothing.
func (s *summary) backup() tea.Cmd {
	if s.backingUp {
		return nil
	}
	s.backingUp = true
	store := s.c.Store
	return tea.Batch(common.SetStatus(s.c.T("settings.backing_up"), false), func() tea.Msg {
		path, err := store.AutoBackup(storage.BackupManual)
		return backupDoneMsg{path: path, err: err}
	})
}

// wrapped are the summary's lines at the screen's width: a long one
// wraps onto the next instead of being cut. When they are more than the
// screen holds, the blank lines between the sections go first (the
// titles still stand out); what is still too long scrolls.
func (s *summary) wrapped() []string {
	out := make([]string, 0, len(s.text)+8)
	for _, l := range s.text {
		out = append(out, strings.Split(ansi.Wrap(l, max(10, s.w), ""), "\n")...)
	}
	if len(out) > s.h {
		out = slices.DeleteFunc(out, func(l string) bool { return l == "" })
	}
	return out
}

// View shows the lines from the first scrolled to; a line at the top or
// the bottom says how many more there are, and how to reach them.
func (s *summary) View() string {
	lines := s.wrapped()
	if len(lines) <= s.h || s.h < 3 {
		return strings.Join(lines, "\n")
	}
	st := s.c.Styles
	s.top = max(0, min(s.top, len(lines)-s.h))
	shown := append([]string(nil), lines[s.top:s.top+s.h]...)
	if s.top > 0 {
		shown[0] = st.Muted.Render(ansi.Truncate(s.c.T("settings.more_above", s.top+1, s.c.Keys.Up.Help().Key), s.w, "~"))
	}
	if below := len(lines) - s.top - s.h; below > 0 {
		shown[len(shown)-1] = st.Muted.Render(ansi.Truncate(s.c.T("settings.more_below", below+1, s.c.Keys.Down.Help().Key), s.w, "~"))
	}
	return strings.Join(shown, "\n")
}

func (s *summary) ShortHelp() []key.Binding {
	k := s.c.Keys
	h := []key.Binding{s.k.Profile, s.k.Dues, s.k.Hardship, s.k.Org, s.k.Cases, s.k.Chart, s.k.Openings, s.k.Books, s.k.Backup, s.k.Audit}
	if s.demo {
		h = append(h, s.k.Fresh)
	}
	if s.scrolls() {
		h = append(h, k.Down, k.Up)
	}
	return append(h, k.Help, k.Quit)
}

func (s *summary) FullHelp() [][]key.Binding {
	k := s.c.Keys
	keys := []key.Binding{s.k.Profile, s.k.Dues, s.k.Hardship, s.k.Org, s.k.Cases, s.k.Chart, s.k.Openings, s.k.Books, s.k.Backup, s.k.Audit}
	if s.demo {
		keys = append(keys, s.k.Fresh)
	}
	groups := [][]key.Binding{keys}
	if s.scrolls() {
		groups = append(groups, []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End})
	}
	return append(groups, []key.Binding{k.Tabs, k.Help, k.Quit})
}
