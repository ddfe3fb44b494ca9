package ledger

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/bookui"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/picker"
)

// The books (账簿) beyond the entries: b on the list opens this menu of
// the screens an auditor's books need, each a screen of its own file.

// menu items, in the order the menu lists them.
const (
	menuOpenings = iota + 1
	menuTransfer
	menuReconcile
	menuClose
	menuBudget
	menuConsolation
	menuFunds
	menuPrint
)

var menuKeys = map[int]string{
	menuOpenings: "books_ui.menu_openings", menuTransfer: "books_ui.menu_transfer", menuReconcile: "books_ui.menu_reconcile",
	menuClose: "books_ui.menu_close", menuBudget: "books_ui.menu_budget", menuConsolation: "books_ui.menu_consolation",
	menuFunds: "books_ui.menu_funds", menuPrint: "books_ui.menu_print",
}

// booksMenu pushes the menu over the list.
func (l *list) booksMenu() tea.Cmd { return l.booksMenuAt(0) }

// booksMenuAt pushes the menu with item current chosen.
func (l *list) booksMenuAt(current uint64) tea.Cmd {
	opts := make([]form.Option, 0, len(menuKeys))
	for i := menuOpenings; i <= menuPrint; i++ {
		opts = append(opts, form.Option{Label: l.c.T(menuKeys[i]), Value: uint64(i)})
	}
	return l.st.Push(picker.NewScreen(l.c, l.st, l.c.T("books_ui.menu_title"), opts, current, func(v uint64) tea.Cmd {
		return l.openBooks(int(v))
	}))
}

// writesOnly are the menu's forms that do nothing but write: a read-only
// look (unionbook --read-only) refuses them, saying why, as it refuses a
// key that writes.
var writesOnly = map[int]bool{menuOpenings: true, menuTransfer: true, menuClose: true, menuConsolation: true}

// openBooks opens one screen of the books.
func (l *list) openBooks(item int) tea.Cmd {
	if l.c.ReadOnly && writesOnly[item] { // the menu stays, saying why
		return tea.Batch(l.booksMenuAt(uint64(item)), common.SetStatus(l.c.T("readonly.refused", l.c.T(menuKeys[item])), true))
	}
	switch item {
	case menuOpenings:
		return l.st.Push(bookui.NewOpenings(l.c, l.st, nil))
	case menuTransfer:
		return l.st.Push(newTransferForm(l.book, l.st))
	case menuReconcile:
		return l.st.Push(newReconcile(l.book, l.st))
	case menuClose:
		return l.st.Push(newCloseForm(l.book, l.st))
	case menuBudget:
		return l.st.Push(newBudget(l.book, l.st, l.c.Today().Year()))
	case menuConsolation:
		return l.st.Push(newConsolForm(l.book, l.st))
	case menuFunds:
		return l.st.Push(newFunds(l.book, l.st))
	case menuPrint:
		month := l.month
		if month == 0 {
			month = l.c.Today().Month()
		}
		return l.st.Push(newPrintForm(l.book, l.st, month))
	}
	return nil
}

// moneyOptions are the two money accounts as form options.
func (b *book) moneyOptions() []form.Option {
	var opts []form.Option
	for _, m := range model.MoneyAccounts() {
		opts = append(opts, form.Option{Label: b.c.T(m.Key()), Value: uint64(m)})
	}
	return opts
}

// defaultMoney is the profile's money account for what does not say.
func (b *book) defaultMoney() model.MoneyAccount {
	p, _, _ := b.c.Store.Profile()
	return p.Books.Money()
}
