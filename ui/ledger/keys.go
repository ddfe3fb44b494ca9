package ledger

import (
	"charm.land/bubbles/v2/key"

	"unionbook/ui/common"
	"unionbook/ui/keymap"
)

// keys are the cash book's own bindings; the shared ones (search, open,
// new, back, save...) come from common.Keys.
type keys struct {
	PrevMonth, NextMonth, AllMonths key.Binding
	Account, Direction, Clear       key.Binding
	Reverse, Statement, Year        key.Binding
	Linked                          key.Binding
	// The books (books_menu.go and the screens it opens).
	Books, Transfer, Print key.Binding
	Tick, TickAll, Pay     key.Binding
	StatementBalance       key.Binding
	PrevYear, NextYear     key.Binding
	SetBudget              key.Binding // enter on a budget line: change it
}

func newKeys(c *common.Common) keys {
	b := func(help string, ks ...string) key.Binding { return keymap.Binding(c.Lang, help, ks...) }
	return keys{
		PrevMonth: b("cashbook.key_prev_month", "["),
		NextMonth: b("cashbook.key_next_month", "]"),
		AllMonths: b("cashbook.key_all_months", "a"),
		Account:   b("cashbook.key_account", "u"),
		Direction: b("cashbook.key_direction", "t"),
		Clear:     b("cashbook.key_clear", "x"),
		Reverse:   b("cashbook.key_reverse", "r"),
		Statement: b("cashbook.key_statement", "S"),
		Year:      b("cashbook.key_year", "y"),
		Linked:    b("cashbook.key_linked", "enter"),

		Books:            b("books_ui.key_books", "b"),
		Transfer:         b("books_ui.key_transfer", "T"),
		Print:            b("books_ui.key_print", "p"),
		Tick:             b("books_ui.key_tick", "space"),
		TickAll:          b("books_ui.key_tick_all", "a"),
		Pay:              b("books_ui.key_pay", "enter"),
		StatementBalance: b("books_ui.key_statement_balance", "s"),
		PrevYear:         b("books_ui.key_prev_year", "["),
		NextYear:         b("books_ui.key_next_year", "]"),
		SetBudget:        b("books_ui.key_set_budget", "enter"),
	}
}
