// Package units is the Units tab: the grassroots unions with their member
// counts (list), a unit's facts and members (detail), and the form to add
// or edit one. Each is a screen of the tab's stack; the units they share
// are the tab's book.
package units

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// Page is the Units tab.
type Page struct {
	stack.Tab
	b *book
}

// New loads the units.
func New(c *common.Common) *Page {
	p := &Page{b: newBook(c)}
	p.Tab = stack.NewTabFunc(c, c.T("tab.units"), func(st *stack.Stack) common.Screen {
		return newList(c, st, p.b, newKeys(c.Lang))
	})
	return p
}

// Update reloads the units after every write (a member joining changes a
// count), then hands the message to the screens.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(common.DataChangedMsg); ok {
		p.b.reload()
	}
	return p.Tab.Update(msg)
}
