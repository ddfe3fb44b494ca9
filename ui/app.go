package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/cases"
	"unionbook/ui/common"
	"unionbook/ui/dues"
	"unionbook/ui/events"
	"unionbook/ui/hardship"
	"unionbook/ui/importer"
	"unionbook/ui/ledger"
	"unionbook/ui/members"
	"unionbook/ui/overview"
	"unionbook/ui/settings"
	"unionbook/ui/units"
)

// Layout: a header line, a tab line, the page, a status line and the key
// hints. The page gets what is left.
const (
	headerLines = 2
	footerLines = 2
)

// App is the root model: it owns the tabs and the chrome around them, and is
// the only component that returns a tea.View.
type App struct {
	c        *common.Common
	pages    []common.Page
	overview *overview.Page
	members  *members.Page
	dues     *dues.Page
	active   int

	setup       *setup // the first-run screen of an empty database
	showHelp    bool
	confirmQuit bool
	status      common.StatusMsg
	help        help.Model
	profile     model.Profile
}

// New builds the app on c (c.Store open, c.Lang chosen).
func New(c *common.Common) *App {
	a := &App{c: c, help: help.New()}
	a.help.ShortSeparator = "  "
	a.help.FullSeparator = "    "
	a.help.Ellipsis = "~"
	a.help.Styles.ShortKey = c.Styles.Key
	a.help.Styles.FullKey = c.Styles.Key
	if empty, err := c.Store.IsEmpty(); err == nil && empty {
		a.setup = newSetup(c)
	} else {
		a.openPages()
	}
	return a
}

func (a *App) openPages() {
	a.profile, _, _ = a.c.Store.Profile()
	if a.profile.Operator != "" {
		a.c.Operator = a.profile.Operator
	}
	a.overview = overview.New(a.c, hardship.OverviewSection(), events.OverviewSection(), cases.OverviewSection())
	a.members = members.New(a.c, hardship.MemberSection(), events.MemberSection())
	a.dues = dues.New(a.c)
	// the order of DESIGN.md: overview, members, dues, hardship, events,
	// cash book, units, import/export, settings
	a.pages = []common.Page{a.overview, a.members, a.dues, hardship.New(a.c), events.New(a.c), ledger.New(a.c), units.New(a.c), importer.New(a.c), settings.New(a.c)}
	a.resize()
}

// backupWarning waits, off the UI loop, for the day's automatic backup
// and reports it in the footer if it failed.
func (a *App) backupWarning() tea.Cmd {
	store, c := a.c.Store, a.c
	return func() tea.Msg {
		if err := store.BackupWarning(); err != nil {
			return common.StatusMsg{Text: c.T("app.backup_failed", c.Err(err)), Error: true}
		}
		return nil
	}
}

// Init computes the overview's figures in the background; the roster is
// loaded before the first frame.
func (a *App) Init() tea.Cmd {
	if a.overview != nil {
		return tea.Batch(a.overview.Load(), a.dues.Load(), a.backupWarning())
	}
	return nil
}

// show switches to the tab holding page p.
func (a *App) show(p common.Page) {
	for i, x := range a.pages {
		if x == p {
			a.active = i
		}
	}
}

func (a *App) pageHeight() int { return max(1, a.c.Height-headerLines-footerLines) }

func (a *App) resize() {
	a.help.SetWidth(a.c.Width)
	for _, p := range a.pages {
		p.SetSize(a.c.Width, a.pageHeight())
	}
	if a.setup != nil {
		a.setup.SetSize(a.c.Width, a.pageHeight())
	}
}

func (a *App) page() common.Page { return a.pages[a.active] }

func (a *App) dirty() bool {
	for _, p := range a.pages {
		if p.Dirty() {
			return true
		}
	}
	return a.setup != nil && a.setup.Dirty()
}

// Update routes messages: global keys first, then the active page.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.c.Width, a.c.Height = msg.Width, msg.Height
		a.resize()
		return a, nil
	case common.StatusMsg:
		a.status = msg
		return a, nil
	case setupDoneMsg:
		a.setup = nil
		a.openPages()
		return a, tea.Batch(common.SetStatus(msg.text, false), a.overview.Load(), a.dues.Load())
	case common.DataChangedMsg:
		if msg.Entity == model.EntityProfile {
			a.profile, _, _ = a.c.Store.Profile()
		}
		var cmds []tea.Cmd
		for _, p := range a.pages {
			cmds = append(cmds, p.Update(msg))
		}
		return a, tea.Batch(cmds...)
	case common.ShowUnitMembersMsg:
		a.members.ShowUnit(msg.UnitID)
		a.show(a.members)
		return a, nil
	case common.ShowMemberDuesMsg:
		a.dues.ShowMember(msg.MemberID)
		a.show(a.dues)
		return a, nil
	case tea.KeyPressMsg:
		if cmd, handled := a.handleKey(msg); handled {
			return a, cmd
		}
	case tea.MouseClickMsg:
		if msg.Mouse().Y == 1 && a.setup == nil {
			a.clickTab(msg.Mouse().X)
			return a, nil
		}
		return a, a.forwardMouse(msg)
	case tea.MouseWheelMsg:
		return a, a.forwardMouse(msg)
	}
	if a.setup != nil {
		return a, a.setup.Update(msg)
	}
	if len(a.pages) == 0 {
		return a, nil
	}
	if isInput(msg) {
		var cmd tea.Cmd
		cmd = a.page().Update(msg)
		return a, cmd
	}
	// Anything else is the result of a command some page started (the
	// overview's figures, an export's progress, a spinner's tick): it
	// belongs to its page even when another tab is in front, so every page
	// sees it and ignores what is not its own.
	cmds := make([]tea.Cmd, len(a.pages))
	for i, p := range a.pages {
		cmds[i] = p.Update(msg)
	}
	return a, tea.Batch(cmds...)
}

// isInput tells the user's keys, mouse and paste, which go to the tab in
// front only.
func isInput(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyMsg, tea.MouseMsg, tea.PasteMsg, tea.PasteStartMsg, tea.PasteEndMsg:
		return true
	}
	return false
}

// handleKey deals with the keys that belong to the app, not the page.
func (a *App) handleKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := a.c.Keys
	if a.confirmQuit {
		switch msg.String() {
		case "y", "Y":
			return tea.Quit, true
		default:
			a.confirmQuit = false
			a.status = common.StatusMsg{}
			return nil, true
		}
	}
	if key.Matches(msg, k.ForceQuit) {
		return a.quit(), true
	}
	if a.showHelp {
		a.showHelp = false
		return nil, true
	}
	capturing := a.setup != nil || (len(a.pages) > 0 && a.page().Capturing())
	if capturing {
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Quit):
		return a.quit(), true
	case key.Matches(msg, k.Help):
		a.showHelp = true
		return nil, true
	case key.Matches(msg, k.Tabs):
		if i := int(msg.String()[0] - '1'); i < len(a.pages) {
			a.active = i
		}
		return nil, true
	}
	a.status = common.StatusMsg{}
	return nil, false
}

func (a *App) quit() tea.Cmd {
	if a.dirty() {
		a.confirmQuit = true
		a.status = common.StatusMsg{Text: a.c.T("app.confirm_quit"), Error: true}
		return nil
	}
	return tea.Quit
}

// tabLabels are the tab line's labels, "1 会员". When they do not all fit,
// the labels lose their padding, then the inactive ones are shortened, so
// every tab stays visible and clickable.
func (a *App) tabLabels() []string {
	full := make([]string, len(a.pages))
	for i, p := range a.pages {
		full[i] = string(rune('1'+i)) + " " + p.Title()
	}
	total := func(ls []string) int {
		w := len(ls) - 1 // the gaps
		for _, l := range ls {
			w += ansi.StringWidth(l)
		}
		return w
	}
	padded := make([]string, len(full))
	for i, l := range full {
		padded[i] = " " + l + " "
	}
	if a.c.Width == 0 || total(padded) <= a.c.Width {
		return padded
	}
	if total(full) <= a.c.Width {
		return full
	}
	// shorten the longest inactive label, one cell at a time, until the
	// line fits: short names stay whole, long ones lose their ends
	out := append([]string(nil), full...)
	for total(out) > a.c.Width {
		longest := -1
		for i, l := range out {
			if i != a.active && ansi.StringWidth(l) > 3 && (longest < 0 || ansi.StringWidth(l) > ansi.StringWidth(out[longest])) {
				longest = i
			}
		}
		if longest < 0 {
			break
		}
		out[longest] = ansi.Truncate(out[longest], ansi.StringWidth(out[longest])-1, "")
	}
	return out
}

func (a *App) clickTab(x int) {
	pos := 0
	for i, l := range a.tabLabels() {
		w := ansi.StringWidth(l)
		if x >= pos && x < pos+w {
			a.active = i
			return
		}
		pos += w + 1
	}
}

// forwardMouse passes a mouse message to the page in page coordinates.
func (a *App) forwardMouse(msg tea.Msg) tea.Cmd {
	if a.setup != nil || len(a.pages) == 0 {
		return nil
	}
	var moved tea.Msg
	switch m := msg.(type) {
	case tea.MouseClickMsg:
		m.Y -= headerLines
		if m.Y < 0 {
			return nil
		}
		moved = m
	case tea.MouseWheelMsg:
		m.Y -= headerLines
		moved = m
	}
	var cmd tea.Cmd
	cmd = a.page().Update(moved)
	return cmd
}

func (a *App) header() string {
	st := a.c.Styles
	name := a.profile.UnionName
	if name == "" {
		name = a.c.T("app.untitled")
	}
	left := st.HeaderTitle.Render(" "+a.c.T("app.name")+" ") + st.HeaderInfo.Render("| "+name)
	right := st.HeaderInfo.Render(a.c.Today().String() + " ")
	gap := a.c.Width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return ansi.Truncate(left, a.c.Width, "~")
	}
	return left + st.Header.Render(strings.Repeat(" ", gap)) + right
}

func (a *App) tabs() string {
	st := a.c.Styles
	var parts []string
	for i, l := range a.tabLabels() {
		if i == a.active {
			parts = append(parts, st.ActiveTab.Render(l))
		} else {
			parts = append(parts, st.Tab.Render(l))
		}
	}
	return ansi.Truncate(strings.Join(parts, " "), a.c.Width, "~")
}

// fit pads or cuts s to exactly h lines.
func fit(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// fullHelp lays the groups of keys out side by side, as many as fit the
// width, and the rest in further rows below: help.FullHelpView alone drops
// the columns that do not fit, or draws them past the edge.
func (a *App) fullHelp(groups [][]key.Binding) string {
	h := a.help
	h.SetWidth(0) // measured here
	var rows []string
	var row [][]key.Binding
	for _, g := range groups {
		wider := append(row[:len(row):len(row)], g)
		if len(row) > 0 && lipgloss.Width(h.FullHelpView(wider)) > a.c.Width {
			rows = append(rows, h.FullHelpView(row))
			wider = [][]key.Binding{g}
		}
		row = wider
	}
	if len(row) > 0 {
		rows = append(rows, h.FullHelpView(row))
	}
	lines := strings.Split(strings.Join(rows, "\n\n"), "\n")
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, a.c.Width, "~") // one column wider than the screen
	}
	return strings.Join(lines, "\n")
}

// View draws the whole screen.
func (a *App) View() tea.View {
	var v tea.View
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = a.c.T("app.name")
	if a.c.Width == 0 {
		v.SetContent(a.c.T("app.starting"))
		return v
	}
	st := a.c.Styles
	var body string
	var cursor *tea.Cursor
	var hints []key.Binding
	switch {
	case a.setup != nil:
		body = a.setup.View()
		cursor = a.setup.Cursor()
		hints = a.setup.ShortHelp()
	case a.showHelp:
		groups := a.page().FullHelp()
		body = st.Title.Render(a.c.T("app.help_title", a.page().Title())) + "\n\n" + a.fullHelp(groups) +
			"\n\n" + st.Muted.Render(a.c.T("app.help_footer"))
		hints = []key.Binding{a.c.Keys.Back}
	default:
		body = a.page().View()
		cursor = a.page().Cursor()
		hints = a.page().ShortHelp()
	}
	status := ""
	if a.status.Text != "" {
		style := st.Status
		if a.status.Error {
			style = st.StatusError
		}
		status = style.Render(ansi.Truncate(strings.ReplaceAll(a.status.Text, "\n", "; "), a.c.Width, "~"))
	}
	tabs := ""
	if a.setup == nil {
		tabs = a.tabs()
	}
	screen := a.header() + "\n" + tabs + "\n" + fit(body, a.pageHeight()) + "\n" + status + "\n" + ansi.Truncate(a.help.ShortHelpView(hints), a.c.Width, "~")
	v.SetContent(screen)
	if cursor != nil && !a.confirmQuit {
		cursor.Y += headerLines
		v.Cursor = cursor
	}
	return v
}
