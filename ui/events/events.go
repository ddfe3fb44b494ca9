// Package events is the Events tab (活动): the union's events by date with
// search and filters by type, organising unit and month; an event's
// detail with its participants and cash-book entries; the form to record
// or edit one, with a multi-select over the roster for the participants;
// the change of an event's cost by reversal (冲正); and the figures of any
// period (events and 人次 by type, month and unit). It also gives the
// Overview and the member detail a section each (sections.go).
//
// The tab is a stack of screens (ui/stack): the list at the bottom; the
// detail, the forms, the chooser, the pickers and the figures pushed over
// it, each its own type in its own file; esc goes back one level and asks
// first when a form or the chooser holds changes.
package events

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// Page is the Events tab.
type Page struct {
	stack.Tab
	roster *roster // the members, shared by the screens that name them
}

// New builds the page and loads the events from the store.
func New(c *common.Common) *Page {
	r := &roster{c: c}
	l := newList(c, newKeys(c), r)
	p := &Page{Tab: stack.NewTab(c, c.T("events.tab"), l), roster: r}
	l.st = p.Stack
	return p
}

// Update forgets the roster when members may have changed, then hands
// the message to the screens.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	if dc, ok := msg.(common.DataChangedMsg); ok {
		p.roster.forget(dc.Entity)
	}
	return p.Stack.Update(msg)
}
