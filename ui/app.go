package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/cases"
	"unionbook/ui/chrome"
	"unionbook/ui/common"
	"unionbook/ui/dues"
	"unionbook/ui/events"
	"unionbook/ui/hardship"
	"unionbook/ui/keymap"
	"unionbook/ui/ledger"
	"unionbook/ui/members"
	"unionbook/ui/overview"
	"unionbook/ui/settings"
	"unionbook/ui/transfer"
	"unionbook/ui/units"
)

// App is the root model: it owns the tabs and the chrome around them (see
// package chrome for the layout), and is the only component that returns
// a tea.View.
type App struct {
	c       *common.Common
	pages   []common.Page
	active  int
	members *members.Page // ShowUnitMembersMsg opens it
	dues    *dues.Page    // ShowMemberDuesMsg opens it

	setup       *setup // the first-run screen of an empty database
	header      *chrome.Header
	tabs        *chrome.TabBar
	banner      *chrome.Banner // the day's check found damage
	footer      *chrome.Footer
	help        *chrome.Help
	showHelp    bool
	confirmQuit bool
	demo        bool   // the demo township's database (the header says so)
	startFresh  bool   // quit to start again on a new, empty database
	startDone   func() // Run's: the start's loads have all answered
}

// New builds the app on c (c.Store open, c.Lang chosen).
func New(c *common.Common) *App {
	a := &App{c: c, header: chrome.NewHeader(c), tabs: chrome.NewTabBar(c), banner: chrome.NewBanner(c),
		footer: chrome.NewFooter(c), help: chrome.NewHelp(c)}
	empty, err := c.Store.IsEmpty()
	_, hasProfile, perr := c.Store.Profile()
	if err == nil && perr == nil && !hasProfile && !c.ReadOnly {
		a.setup = newSetup(c, !empty)
	} else {
		a.openPages()
	}
	return a
}

func (a *App) openPages() {
	a.readProfile()
	a.members = members.New(a.c, hardship.MemberSection(), events.MemberSection())
	a.dues = dues.New(a.c)
	// the order of DESIGN.md: overview, members, dues, hardship, events,
	// cases, cash book, units, import/export, settings; the tenth takes key 0
	a.setPages([]common.Page{
		overview.New(a.c, hardship.OverviewSection(), events.OverviewSection(), cases.OverviewSection(), units.OverviewSection()),
		a.members, a.dues, hardship.New(a.c), events.New(a.c), cases.New(a.c), ledger.New(a.c),
		units.New(a.c), transfer.New(a.c), settings.New(a.c),
	})
}

// setPages makes pages the tabs, in order; the first ten get the keys 1
// to 9 and 0.
func (a *App) setPages(pages []common.Page) {
	a.pages = pages
	a.c.Keys.SetTabCount(len(pages))
	a.resize()
}

// readProfile names the union in the header and marks the demo.
func (a *App) readProfile() {
	p, _, _ := a.c.Store.Profile()
	a.header.SetUnion(p.UnionName)
	a.demo, _ = a.c.Store.IsDemo()
	a.header.SetDemo(a.demo)
}

// Init starts the pages' background loading (the overview's figures, the
// Dues tab's lists); the roster is loaded before the first frame.
func (a *App) Init() tea.Cmd {
	if a.setup != nil {
		return nil
	}
	if a.c.ReadOnly {
		return tea.Batch(a.initPages(), common.SetStatus(a.c.T("readonly.started"), false))
	}
	cmds := []tea.Cmd{afterAll(a.afterStart, a.startLoads()), a.backupWarning()}
	if a.demo { // how to leave the demo for her own books
		cmds = append(cmds, common.SetStatus(a.c.T("app.demo_status"), false))
	}
	return tea.Batch(cmds...)
}

// StartFresh reports that the user asked to set the demo aside and start
// on a new, empty database (Run returns ErrStartFresh).
func (a *App) StartFresh() bool { return a.startFresh }

func (a *App) initPages() tea.Cmd { return tea.Batch(a.startLoads()...) }

// show brings the tab holding page p to the front.
func (a *App) show(p common.Page) {
	for i, x := range a.pages {
		if x == p {
			a.active = i
		}
	}
}

// top is the page's first line: under the header, the tab bar and the
// banner, if one is up.
func (a *App) top() int { return chrome.HeaderLines + a.banner.Height() }

func (a *App) pageHeight() int { return max(1, chrome.PageHeight(a.c.Height)-a.banner.Height()) }

func (a *App) resize() {
	w := a.c.Width
	a.header.SetSize(w, 1)
	a.tabs.SetSize(w, 1)
	a.banner.SetSize(w, 0)
	a.footer.SetSize(w, chrome.FooterLines)
	a.help.SetSize(w, a.pageHeight())
	for _, p := range a.pages {
		p.SetSize(w, a.pageHeight())
	}
	if a.setup != nil {
		a.setup.SetSize(w, a.pageHeight())
	}
}

func (a *App) page() common.Page { return a.pages[a.active] }

// dirty reports unsaved changes in any tab (or the first-run form).
func (a *App) dirty() bool {
	for _, p := range a.pages {
		if p.Dirty() {
			return true
		}
	}
	return a.setup != nil && a.setup.Dirty()
}

// Update routes messages: the app's own first, then keys, mouse and paste
// to the tab in front and everything else to every tab.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.c.Width, a.c.Height = msg.Width, msg.Height
		a.resize()
		return a, nil
	case common.StatusMsg:
		a.footer.SetStatus(msg)
		return a, nil
	case damageMsg:
		a.banner.SetText(damageText(a.c, msg.err)...)
		a.resize()
		return a, nil
	case setupDoneMsg:
		a.setup = nil
		a.openPages()
		return a, tea.Batch(common.SetStatus(msg.text, false), a.initPages())
	case common.DataChangedMsg:
		if msg.Entity == model.EntityProfile {
			a.readProfile()
		}
	case common.StartFreshMsg:
		if !a.demo || a.dirty() || a.c.ReadOnly {
			return a, nil // real books are never set aside; unsaved work is kept; a read-only look changes nothing
		}
		a.startFresh = true
		return a, tea.Quit
	case common.ShowUnitMembersMsg:
		a.show(a.members)
		return a, a.members.ShowUnit(msg.UnitID)
	case common.ShowMemberDuesMsg:
		if msg.Wage {
			a.dues.ShowWage(msg.MemberID)
		} else {
			a.dues.ShowMember(msg.MemberID)
		}
		a.show(a.dues)
		return a, nil
	case tea.KeyPressMsg:
		if cmd, handled := a.handleKey(msg); handled {
			return a, cmd
		}
		if cmd, blocked := a.refuseWrite(msg); blocked {
			return a, cmd
		}
	case tea.MouseMsg:
		return a, a.mouse(msg)
	}
	if a.setup != nil {
		return a, a.setup.Update(msg)
	}
	if isInput(msg) {
		return a, a.page().Update(msg)
	}
	// Anything else is the result of a command some page started (the
	// overview's figures, an export's progress, a spinner's tick) or a
	// change every page may show: it reaches every page, even when another
	// tab is in front, and each ignores what is not its own.
	cmds := make([]tea.Cmd, len(a.pages))
	for i, p := range a.pages {
		cmds[i] = p.Update(msg)
	}
	return a, tea.Batch(cmds...)
}

// isInput tells the user's keys and paste, which go to the tab in front
// only.
func isInput(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyMsg, tea.PasteMsg, tea.PasteStartMsg, tea.PasteEndMsg:
		return true
	}
	return false
}

// handleKey deals with the keys that belong to the app, not the page.
func (a *App) handleKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := a.c.Keys
	if a.confirmQuit {
		a.confirmQuit = false
		a.footer.SetStatus(common.StatusMsg{})
		if key.Matches(msg, k.Confirm) {
			return tea.Quit, true
		}
		return nil, true
	}
	if key.Matches(msg, k.ForceQuit) {
		return a.quit(), true
	}
	if a.showHelp {
		a.showHelp = false
		return nil, true
	}
	// A key press takes the last status line away on every screen, also
	// while she types and when she switches tabs: a form's "fix the
	// problems" line stayed on through the fix and the screens after it.
	a.footer.SetStatus(common.StatusMsg{})
	if a.setup != nil || a.page().Capturing() {
		return nil, false
	}
	switch {
	case key.Matches(msg, k.Quit):
		return a.quit(), true
	case key.Matches(msg, k.Help):
		a.showHelp = true
		return nil, true
	case key.Matches(msg, k.Tabs):
		if i := keymap.TabIndex(msg.String()); i >= 0 && i < len(a.pages) {
			a.active = i
		}
		return nil, true
	}
	return nil, false
}

// refuseWrite answers, in a read-only session, a key of the page in front
// that would change the books: it does not reach the page, and the status
// line says why. Typing into a field is never refused.
func (a *App) refuseWrite(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	if a.setup != nil || !a.c.Keys.ReadOnly() || (a.page().Capturing() && msg.Text != "") {
		return nil, false
	}
	p := a.page()
	b, ok := a.c.Keys.Blocked(msg, append([][]key.Binding{p.ShortHelp()}, p.FullHelp()...)...)
	if !ok {
		return nil, false
	}
	return common.SetStatus(a.c.T("readonly.refused", b.Help().Desc), true), true
}

// quit quits, or asks first while any tab holds unsaved changes.
func (a *App) quit() tea.Cmd {
	if a.dirty() {
		a.confirmQuit = true
		a.footer.SetStatus(common.StatusMsg{Text: a.c.T("app.confirm_quit"), Error: true})
		return nil
	}
	return tea.Quit
}

// mouse selects a tab on the tab bar and hands the page its mouse
// messages in the page's coordinates (its top-left corner is 0,0).
func (a *App) mouse(msg tea.MouseMsg) tea.Cmd {
	if a.setup != nil || a.showHelp || a.confirmQuit {
		return nil
	}
	m := msg.Mouse()
	if click, ok := msg.(tea.MouseClickMsg); ok && m.Y == chrome.HeaderLines-1 {
		if i := a.tabs.At(m.X); i >= 0 && click.Button == tea.MouseLeft {
			a.active = i
		}
		return nil
	}
	y := m.Y - a.top()
	if y < 0 || y >= a.pageHeight() {
		return nil
	}
	switch msg := msg.(type) {
	case tea.MouseClickMsg:
		msg.Y = y
		return a.page().Update(msg)
	case tea.MouseReleaseMsg:
		msg.Y = y
		return a.page().Update(msg)
	case tea.MouseWheelMsg:
		msg.Y = y
		return a.page().Update(msg)
	case tea.MouseMotionMsg:
		msg.Y = y
		return a.page().Update(msg)
	}
	return nil
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
	var body, tabs string
	var cursor *tea.Cursor
	switch {
	case a.setup != nil:
		body = a.setup.View()
		cursor = a.setup.Cursor()
		a.footer.SetHints(a.setup.ShortHelp())
	case a.showHelp:
		groups := slices.Clone(a.page().FullHelp())
		for i := range groups {
			groups[i] = a.c.Keys.Writable(groups[i])
		}
		a.help.SetContent(a.page().Title(), groups)
		body = a.help.View()
		a.footer.SetHints([]key.Binding{a.c.Keys.Back})
	default:
		body = a.page().View()
		cursor = a.page().Cursor()
		a.footer.SetHints(a.c.Keys.Writable(a.page().ShortHelp()))
	}
	if a.setup == nil {
		labels := make([]chrome.Tab, len(a.pages))
		for i, p := range a.pages {
			labels[i] = chrome.Tab{Title: p.Title(), Dirty: p.Dirty()}
		}
		a.tabs.SetTabs(labels, a.active)
		tabs = a.tabs.View()
	}
	banner := ""
	if a.banner.Height() > 0 {
		banner = a.banner.View() + "\n"
	}
	v.SetContent(a.header.View() + "\n" + tabs + "\n" + banner + fit(body, a.c.Width, a.pageHeight()) + "\n" + a.footer.View())
	if cursor != nil && !a.confirmQuit {
		cursor.Y += a.top()
		v.Cursor = cursor
	}
	return v
}

// fit pads or cuts s to exactly h lines, and cuts a line wider than w (a
// page's long error message must not push the frame out of shape).
func fit(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "~")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
