// Package common is what every screen of the TUI shares: the store, the
// language, styles, key map, the clock and the screen size — what never
// changes while the program runs. What the store holds (the profile and
// its operator, unit lists) is read from the store when needed, never
// cached here, so a change made in one tab counts at once in every other.
package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/keymap"
	"unionbook/ui/styles"
	"unionbook/ui/widget"
)

// Common is passed by pointer to every component.
type Common struct {
	Store  *storage.Store
	Lang   i18n.Lang
	Styles *styles.Styles
	Keys   *keymap.KeyMap
	// Today is the clock, replaceable in tests so golden files stay fixed.
	Today func() model.Date
	// ReadOnly is a read-only session (unionbook --read-only): the store
	// refuses every write, Keys.ReadOnly hides and refuses the keys that
	// would write, and the header says so, naming Opened (what was opened:
	// a backup, a package).
	ReadOnly bool
	Opened   string
	Width    int
	Height   int
}

// OperatorName is who the audit log records for a write made now: the
// profile's operator, read from the store at the time of writing, so a
// name changed in Settings counts from the next write on ("" while the
// profile names nobody).
func (c *Common) OperatorName() string {
	if c.Store != nil {
		if p, ok, err := c.Store.Profile(); err == nil && ok {
			return p.Operator
		}
	}
	return ""
}

// T translates a catalogue key.
func (c *Common) T(key string, args ...any) string { return c.Lang.T(key, args...) }

// Err renders an error for the user in their language.
func (c *Common) Err(err error) string { return i18n.Text(err, c.Lang) }

// TableStyles are the standard styles of a table: the theme's column
// titles, cells and selected row.
func (c *Common) TableStyles() widget.TableStyles {
	return widget.TableStyles{Header: c.Styles.TableHeader, Cell: c.Styles.TableCell, Selected: c.Styles.TableSelected}
}

// Component is a piece of a screen.
type Component interface {
	SetSize(w, h int)
	View() string
}

// Screen is one level of a tab: a list, a detail view, a form, a picker or a
// statement, each its own small type. A tab holds a stack of them
// (ui/stack); esc pops one level.
type Screen interface {
	Component
	Update(tea.Msg) tea.Cmd
	// Cursor is where the real terminal cursor goes, relative to the page,
	// or nil: an input method's candidate window follows it.
	Cursor() *tea.Cursor
	// Capturing reports that text input has the keyboard, so global keys
	// (q, ?, 1-9) must go to the page.
	Capturing() bool
	// Dirty reports a form with unsaved changes.
	Dirty() bool
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
}

// Page is one tab of the app: a Screen with a label.
type Page interface {
	Screen
	// Title is the tab label.
	Title() string
}

// ScreenBase gives a Screen the answers most screens share: no cursor, no
// text input, nothing unsaved. Embed it and override what differs.
type ScreenBase struct{}

func (ScreenBase) Cursor() *tea.Cursor { return nil }
func (ScreenBase) Capturing() bool     { return false }
func (ScreenBase) Dirty() bool         { return false }

// BackHandler is a Screen that uses esc itself at times (to leave its search
// box, to close a picker inside a form): while HandlesBack is true the stack
// hands esc to it instead of popping it.
type BackHandler interface {
	HandlesBack() bool
}

// StatusMsg shows a one-line message in the footer.
type StatusMsg struct {
	Text  string
	Error bool
}

// SetStatus returns a command that shows a message in the footer.
func SetStatus(text string, isErr bool) tea.Cmd {
	return func() tea.Msg { return StatusMsg{Text: text, Error: isErr} }
}

// DataChangedMsg is broadcast to every page after a write, so each can
// refresh what it shows from the store.
type DataChangedMsg struct {
	Entity model.Entity
	ID     uint64
}

// Changed returns a command that broadcasts a DataChangedMsg.
func Changed(entity model.Entity, id uint64) tea.Cmd {
	return func() tea.Msg { return DataChangedMsg{Entity: entity, ID: id} }
}

// StartFreshMsg asks the app to close and start again on a new, empty
// database, the demo's set aside beside it (storage.SetDemoAside); Run
// then returns ErrStartFresh to the command line, which does it. Only for
// the demo's database (the app ignores it on real books): Settings sends
// it after asking.
type StartFreshMsg struct{}

// ShowUnitMembersMsg asks the app to switch to the members tab filtered to a unit.
type ShowUnitMembersMsg struct{ UnitID uint64 }

// ShowMemberDuesMsg asks the app to open a member's dues in the Dues tab;
// with Wage, the form that sets the member's wage base over them.
type ShowMemberDuesMsg struct {
	MemberID uint64
	Wage     bool
}
