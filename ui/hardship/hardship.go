// Package hardship is the Hardship tab (帮扶): the hardship files by status
// and category with search like the member list, a file's detail (the
// only screen that shows its health, disability and bank fields) with its
// household, reviews and aid history, and the forms to file a household,
// add, edit and remove family members, record and reverse aid (warning of
// the yearly caps as the user types), review, approve, lift out and close
// a file. It also gives the overview and the member detail their
// hardship sections (sections.go).
//
// The tab is a stack of screens (ui/stack): the list at the bottom, a
// file's detail over it, a form over the detail, a picker over a form.
// Each is its own type in its own file; esc goes back one level and asks
// first when a form holds changes.
package hardship

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// Page is the Hardship tab.
type Page struct {
	stack.Tab
	list *list
}

// New makes the Hardship tab and loads the files.
func New(c *common.Common) *Page {
	l := newList(c, newKeys(c))
	p := &Page{Tab: stack.NewTab(c, c.T("hardship.tab"), l), list: l}
	l.st = p.Stack
	return p
}

// ShowFile opens a file's detail over the list (from another tab).
func (p *Page) ShowFile(id uint64) tea.Cmd {
	p.PopTo(1)
	return p.list.open(id)
}
