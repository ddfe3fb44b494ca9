// Package overview is the first tab: the figures a secretary looks at
// first — members, this year's dues collection with a chart by month,
// members in arrears and the cash balance, and what other features add
// (common.OverviewSection). The figures are computed in a command, off the
// UI loop, and again after every write.
package overview

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// Page is the Overview tab: one screen, the board of figures.
type Page struct {
	stack.Tab
	board *board
}

// New makes the tab with extra sections; Init computes its figures.
func New(c *common.Common, sections ...common.OverviewSection) *Page {
	b := newBoard(c, sections)
	return &Page{Tab: stack.NewTab(c, c.T("tab.overview"), b), board: b}
}

// Init computes the figures in the background.
func (p *Page) Init() tea.Cmd { return p.board.load() }
