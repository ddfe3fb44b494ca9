// Package styles is the one place the TUI's look is defined.
package styles

import (
	"charm.land/lipgloss/v2"
)

// Styles are every style the screens use. Colours are ANSI 256 so they look
// the same in Windows Terminal, conhost and macOS Terminal.
type Styles struct {
	App         lipgloss.Style
	Header      lipgloss.Style
	HeaderTitle lipgloss.Style
	HeaderInfo  lipgloss.Style
	HeaderBadge lipgloss.Style // a read-only session's mark in the header
	Tab         lipgloss.Style
	ActiveTab   lipgloss.Style
	Footer      lipgloss.Style
	Status      lipgloss.Style // one-line messages after an action
	StatusError lipgloss.Style

	Title      lipgloss.Style // a screen's own title line
	Label      lipgloss.Style
	Value      lipgloss.Style
	Muted      lipgloss.Style
	Error      lipgloss.Style
	Warning    lipgloss.Style
	Success    lipgloss.Style
	Focused    lipgloss.Style // the focused form field's label
	Input      lipgloss.Style
	InputFocus lipgloss.Style

	TableHeader   lipgloss.Style
	TableCell     lipgloss.Style
	TableSelected lipgloss.Style

	Key lipgloss.Style
}

// Default is the standard dark-on-terminal look.
func Default() *Styles {
	accent := lipgloss.Color("33") // blue
	red := lipgloss.Color("160")   // union red for the header
	muted := lipgloss.Color("245")
	s := &Styles{}
	s.App = lipgloss.NewStyle()
	s.Header = lipgloss.NewStyle().Background(red).Foreground(lipgloss.Color("231"))
	s.HeaderTitle = s.Header.Bold(true)
	s.HeaderInfo = s.Header
	s.HeaderBadge = lipgloss.NewStyle().Background(lipgloss.Color("226")).Foreground(lipgloss.Color("16")).Bold(true)
	s.Tab = lipgloss.NewStyle().Foreground(muted)
	s.ActiveTab = lipgloss.NewStyle().Foreground(lipgloss.Color("231")).Background(accent).Bold(true)
	s.Footer = lipgloss.NewStyle().Foreground(muted)
	s.Status = lipgloss.NewStyle().Foreground(lipgloss.Color("35"))
	s.StatusError = lipgloss.NewStyle().Foreground(lipgloss.Color("196")).Bold(true)
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Label = lipgloss.NewStyle().Foreground(muted)
	s.Value = lipgloss.NewStyle()
	s.Muted = lipgloss.NewStyle().Foreground(muted)
	s.Error = lipgloss.NewStyle().Foreground(lipgloss.Color("196"))
	s.Warning = lipgloss.NewStyle().Foreground(lipgloss.Color("214"))
	s.Success = lipgloss.NewStyle().Foreground(lipgloss.Color("35"))
	s.Focused = lipgloss.NewStyle().Foreground(accent).Bold(true)
	s.Input = lipgloss.NewStyle().Background(lipgloss.Color("236"))
	s.InputFocus = lipgloss.NewStyle().Background(lipgloss.Color("238"))
	s.TableHeader = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.TableCell = lipgloss.NewStyle()
	s.TableSelected = lipgloss.NewStyle().Reverse(true).Bold(true)
	s.Key = lipgloss.NewStyle().Foreground(accent).Bold(true)
	return s
}
