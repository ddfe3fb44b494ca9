// Package members is the Members tab: the roster table with incremental
// search, filters and sorting (list), a member's detail, and the forms to
// add, edit and change the status of a member. Each is a screen of the
// tab's stack; the roster they share is the tab's book.
package members

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// Page is the Members tab.
type Page struct {
	stack.Tab
	b    *book
	list *list
}

// New builds the tab; Init reads the roster, in the background. extras
// add sections to a member's detail (the hardship file, the events taken
// part in).
func New(c *common.Common, extras ...common.MemberSection) *Page {
	p := &Page{b: newBook(c)}
	p.Tab = stack.NewTabFunc(c, c.T("tab.members"), func(st *stack.Stack) common.Screen {
		p.list = newList(c, st, p.b, newKeys(c.Lang), extras)
		return p.list
	})
	return p
}

// Init reads the roster in the background.
func (p *Page) Init() tea.Cmd { return p.b.load() }

// Update keeps the roster current after writes anywhere, then hands the
// message to the screens.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case common.DataChangedMsg:
		return tea.Batch(p.b.refresh(m), p.Tab.Update(msg))
	case rosterMsg:
		cmd := p.b.loaded(m)
		p.list.rosterChanged()
		return cmd
	}
	return p.Tab.Update(msg)
}

// ShowUnit filters the roster to one unit (from the Units tab) and shows
// it. A form with unsaved changes stays in front, kept, and the status line
// says where the roster is; otherwise the tab goes back to the list.
func (p *Page) ShowUnit(unitID uint64) tea.Cmd {
	p.list.showUnit(unitID)
	if p.Dirty() {
		return common.SetStatus(p.list.c.T("members.filter_behind_form"), false)
	}
	p.PopTo(1)
	return nil
}
