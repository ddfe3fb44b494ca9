package uitest

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"unionbook/ui/chrome"
	"unionbook/ui/common"
)

// PageHarness drives one tab as the app does: it runs the commands the
// page returns, keeps the status line, feeds DataChangedMsg back and frames
// the page's view with the app's footer (the status line and the key
// hints). Any common.Page works; a tab that embeds stack.Tab gets esc,
// the question before dropping changes and its screens' help from its
// stack, as in the app.
type PageHarness[P common.Page] struct {
	TB   testing.TB
	P    P
	C    *common.Common
	W, H int
	// Status is the last status line a command set.
	Status common.StatusMsg
	// Changed are the DataChangedMsg broadcasts, in order.
	Changed []common.DataChangedMsg
	// StrictHeight makes a page that draws more lines than it was given
	// fail the test; otherwise Screen cuts them, as the app does.
	StrictHeight bool
	// Glyphs are characters RequireGolden refuses (see CheckGlyphs).
	Glyphs []string
}

// NewPageHarness builds the page on c at w x h: c gets the screen size, the
// page what the app leaves it (PageHeight).
func NewPageHarness[P common.Page](tb testing.TB, c *common.Common, w, h int, newPage func(*common.Common) P) *PageHarness[P] {
	tb.Helper()
	c.Width, c.Height = w, h
	hs := &PageHarness[P]{TB: tb, C: c, W: w, H: h}
	hs.P = newPage(c)
	hs.P.SetSize(w, hs.PageHeight())
	return hs
}

// PageHeight is what the app leaves a page: the screen less a header, the
// tab line, the status line and the key hints (see package chrome).
func (hs *PageHarness[P]) PageHeight() int { return chrome.PageHeight(hs.H) }

// Driver delivers to the page: status lines are kept, not delivered;
// data changes are counted and delivered.
func (hs *PageHarness[P]) Driver() Driver {
	return Driver{
		Update: func(m tea.Msg) tea.Cmd {
			return hs.P.Update(m)
		},
		Observe: func(m tea.Msg) bool {
			switch m := m.(type) {
			case common.StatusMsg:
				hs.Status = m
				return false
			case common.DataChangedMsg:
				hs.Changed = append(hs.Changed, m)
			}
			return true
		},
	}
}

// Send delivers msgs with the commands they set off.
func (hs *PageHarness[P]) Send(msgs ...tea.Msg) { hs.Driver().Send(msgs...) }

// Keys presses the keys named (see Key).
func (hs *PageHarness[P]) Keys(ks ...string) { hs.Driver().Keys(ks...) }

// Type types s one character at a time.
func (hs *PageHarness[P]) Type(s string) { hs.Driver().Type(s) }

// Click clicks the left button at x, y in the page's coordinates (0, 0 is
// its top-left corner; the app subtracts its header lines before a page
// sees a click). The click's commands run, a table's RowClickedMsg
// included.
func (hs *PageHarness[P]) Click(x, y int) {
	hs.Send(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
}

// Screen renders the page as the app would frame it: the page's lines,
// then the status line and the key hints, without colours.
func (hs *PageHarness[P]) Screen() string {
	hs.TB.Helper()
	lines := strings.Split(hs.P.View(), "\n")
	ph := hs.PageHeight()
	if len(lines) > ph {
		if hs.StrictHeight {
			hs.TB.Errorf("page drew %d lines, more than its %d", len(lines), ph)
		}
		lines = lines[:ph]
	}
	for len(lines) < ph {
		lines = append(lines, "")
	}
	footer := chrome.NewFooter(hs.C)
	footer.SetSize(hs.W, chrome.FooterLines)
	footer.SetStatus(hs.Status)
	footer.SetHints(hs.P.ShortHelp())
	return Screen(strings.Join(lines, "\n") + "\n" + footer.View())
}

// RequireGolden checks the framed screen (H-2 lines of at most W cells,
// none of Glyphs) and compares it with its golden file.
func (hs *PageHarness[P]) RequireGolden() {
	hs.TB.Helper()
	out := hs.Screen()
	CheckGlyphs(hs.TB, out, hs.Glyphs...)
	RequireGolden(hs.TB, out, hs.W, hs.H-2)
}
