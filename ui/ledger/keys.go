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
	}
}
