// Package ledger is the Cash book tab (账目): the union's income and
// spending entries with running balances, filters by month, account and
// direction, manual entries, reversals (冲正) and the income-and-expense
// statement (收支表).
//
// The tab is a stack (ui/stack) of screens, each in its own file: the list
// at the bottom; an entry's detail, the entry and reversal forms, the
// statement and the account picker pushed over it. A new form or statement
// is a new screen and one key on the screen that opens it (keys.go).
package ledger

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// Page is the Cash book tab.
type Page struct {
	stack.Tab
	book *book // the chart and words every screen shares
}

// New builds the tab on the current month's entries.
func New(c *common.Common) *Page {
	b := newBook(c)
	return &Page{book: b, Tab: stack.NewTabFunc(c, c.T("cashbook.tab"), func(st *stack.Stack) common.Screen { return newList(b, st) })}
}

// Update reads the chart again when data changed (Settings may have added
// an account) before the screens refresh.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	if _, ok := msg.(common.DataChangedMsg); ok {
		p.book.loadChart()
	}
	return p.Tab.Update(msg)
}
