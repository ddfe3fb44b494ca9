// Package chrome is the frame the app draws around the tab in front: the
// header, the tab bar, the footer (a status line and the key hints) and
// the help screen. Each is a small component with SetSize and View; the
// app lays them out, a page harness in tests frames a page with the same
// footer.
//
//	line 0        Header      工会账簿 | 青山镇总工会            2026-11-21
//	line 1        TabBar       1 概览   2 会员*  3 会费 ...
//	lines 2..     Banner      (only while up: the database fails the check)
//	then to h-3   the page    (mouse messages reach it with Y-HeaderLines-banner)
//	line h-2      Footer      the status line
//	line h-1                  the key hints
package chrome

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/ui/common"
)

// HeaderLines are the lines above the page (header and tab bar);
// FooterLines those below it (status and key hints).
const (
	HeaderLines = 2
	FooterLines = 2
)

// PageHeight is what a screen h lines high leaves the page.
func PageHeight(h int) int { return max(1, h-HeaderLines-FooterLines) }

// Header is the first line: the program's name, the union's and today's
// date.
type Header struct {
	c     *common.Common
	union string
	demo  bool
	width int
}

// NewHeader makes the header; SetUnion names the union.
func NewHeader(c *common.Common) *Header { return &Header{c: c} }

// SetUnion names the union shown ("" shows that it has no name yet).
func (h *Header) SetUnion(name string) { h.union = name }

// SetDemo marks the header of the demo township's database: 演示数据 / DEMO
// follows the union's name, so nobody takes it for real books.
func (h *Header) SetDemo(demo bool) { h.demo = demo }

// SetSize sets the width; the header is one line.
func (h *Header) SetSize(w, _ int) { h.width = w }

// View draws the header line.
func (h *Header) View() string {
	st := h.c.Styles
	name := h.union
	if name == "" {
		name = h.c.T("app.untitled")
	}
	left := st.HeaderTitle.Render(" "+h.c.T("app.name")+" ") + st.HeaderInfo.Render("| "+name)
	if h.c.ReadOnly {
		// a read-only session says so first, and what it shows
		badge := h.c.T("readonly.badge")
		if h.c.Opened != "" {
			badge = h.c.T("readonly.badge_of", h.c.Opened)
		}
		left = st.HeaderTitle.Render(" "+h.c.T("app.name")+" ") + st.HeaderBadge.Render(" "+badge+" ") + st.HeaderInfo.Render(" "+name)
	}
	if h.demo {
		left += st.HeaderInfo.Render(" ") + st.Warning.Render("["+h.c.T("app.demo_badge")+"]")
	}
	right := st.HeaderInfo.Render(h.c.Today().String() + " ")
	gap := h.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return ansi.Truncate(left, h.width, "~")
	}
	return left + st.Header.Render(strings.Repeat(" ", gap)) + right
}

// Footer is the last two lines: the status line (the outcome of the last
// action, or a question) and the key hints of the screen in front.
type Footer struct {
	c      *common.Common
	help   help.Model
	status common.StatusMsg
	hints  []key.Binding
	width  int
}

// NewFooter makes an empty footer.
func NewFooter(c *common.Common) *Footer {
	return &Footer{c: c, help: newHelp(c)}
}

func newHelp(c *common.Common) help.Model {
	h := help.New()
	h.ShortSeparator = "  "
	h.FullSeparator = "    "
	h.Ellipsis = "~"
	h.Styles.ShortKey = c.Styles.Key
	h.Styles.FullKey = c.Styles.Key
	return h
}

// SetSize sets the width; the footer is FooterLines high.
func (f *Footer) SetSize(w, _ int) {
	f.width = w
	f.help.SetWidth(w)
}

// SetStatus shows a status line (a zero StatusMsg clears it).
func (f *Footer) SetStatus(s common.StatusMsg) { f.status = s }

// Status is the status line shown.
func (f *Footer) Status() common.StatusMsg { return f.status }

// SetHints sets the key hints.
func (f *Footer) SetHints(hints []key.Binding) { f.hints = hints }

// View draws the status line and the key hints, each cut to the width.
func (f *Footer) View() string {
	st := f.c.Styles
	status := ""
	if f.status.Text != "" {
		style := st.Status
		if f.status.Error {
			style = st.StatusError
		}
		status = style.Render(ansi.Truncate(strings.ReplaceAll(f.status.Text, "\n", "; "), f.width, "~"))
	}
	return status + "\n" + f.hintLine()
}

// hintLine is the key hints cut to the width. When they end with ? help
// and q quit, the hints before those give way one by one, last first, so
// that the way to every other key and the way out stay on the screen (the
// Members list at 80 columns ended "u filter by unit ~").
func (f *Footer) hintLine() string {
	hints := f.hints
	whole := f.help // measures the whole line: the model itself stops at its width
	whole.SetWidth(0)
	line := whole.ShortHelpView(hints)
	tail := 0
	for i := len(hints) - 1; i >= 0 && isHelpOrQuit(hints[i]); i-- {
		tail++
	}
	for tail > 0 && ansi.StringWidth(line) > f.width && len(hints) > tail+1 {
		cut := len(hints) - tail - 1
		hints = append(hints[:cut:cut], hints[cut+1:]...)
		line = whole.ShortHelpView(hints)
	}
	return ansi.Truncate(f.help.ShortHelpView(hints), f.width, "~")
}

// isHelpOrQuit reports whether b is the app's ? or q.
func isHelpOrQuit(b key.Binding) bool {
	keys := b.Keys()
	return len(keys) > 0 && (keys[0] == "?" || keys[0] == "q")
}
