package chrome

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/ui/common"
)

// Help is the help screen over the page: every key of the screen in
// front, in groups, and how to switch tabs and quit.
type Help struct {
	c      *common.Common
	help   help.Model
	title  string
	groups [][]key.Binding
	width  int
}

// NewHelp makes an empty help screen.
func NewHelp(c *common.Common) *Help { return &Help{c: c, help: newHelp(c)} }

// SetSize sets the width; the app cuts the help to the page's height.
func (h *Help) SetSize(w, _ int) { h.width = w }

// SetContent shows the keys of the screen titled title.
func (h *Help) SetContent(title string, groups [][]key.Binding) {
	h.title, h.groups = title, groups
}

// View draws the title, the groups and the line on tabs and quitting.
func (h *Help) View() string {
	st := h.c.Styles
	return st.Title.Render(h.c.T("app.help_title", h.title)) + "\n\n" + h.columns() +
		"\n\n" + st.Muted.Render(ansi.Truncate(h.c.T("chrome.help_footer", h.c.Keys.Tabs.Help().Key), h.width, "~"))
}

// columns lays the groups of keys out side by side, as many as fit the
// width, and the rest in further rows below: help.FullHelpView alone drops
// the columns that do not fit, or draws them past the edge.
func (h *Help) columns() string {
	hm := h.help
	hm.SetWidth(0) // measured here
	var rows []string
	var row [][]key.Binding
	for _, g := range h.groups {
		wider := append(row[:len(row):len(row)], g)
		if len(row) > 0 && lipgloss.Width(hm.FullHelpView(wider)) > h.width {
			rows = append(rows, hm.FullHelpView(row))
			wider = [][]key.Binding{g}
		}
		row = wider
	}
	if len(row) > 0 {
		rows = append(rows, hm.FullHelpView(row))
	}
	lines := strings.Split(strings.Join(rows, "\n\n"), "\n")
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, h.width, "~") // one column wider than the screen
	}
	return strings.Join(lines, "\n")
}
