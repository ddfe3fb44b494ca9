package events

import (
	"charm.land/bubbles/v2/key"

	"unionbook/ui/common"
	"unionbook/ui/keymap"
)

// keys are the Events tab's own bindings; the shared ones (search, open,
// new, edit, back, save...) come from common.Keys.
type keys struct {
	PrevMonth, NextMonth, AllMonths key.Binding
	Type, Unit, Clear               key.Binding
	Figures, Period                 key.Binding
	Cost, Delete                    key.Binding
	Toggle, AddUnit, AddShown       key.Binding
	ClearSel, OnlySel, Done         key.Binding
}

func newKeys(c *common.Common) *keys {
	b := func(help string, ks ...string) key.Binding { return keymap.Binding(c.Lang, help, ks...) }
	return &keys{
		PrevMonth: b("events.key_prev", "["),
		NextMonth: b("events.key_next", "]"),
		AllMonths: b("events.key_all_months", "a"),
		Type:      b("events.key_type", "t"),
		Unit:      b("events.key_unit", "u"),
		Clear:     b("events.key_clear", "x"),
		Figures:   b("events.key_figures", "f"),
		Period:    b("events.key_period", "p"),
		Cost:      b("events.key_cost", "r"),
		Delete:    b("events.key_delete", "d"),
		Toggle:    b("events.key_toggle", "space"),
		AddUnit:   b("events.key_add_unit", "u"),
		AddShown:  b("events.key_add_shown", "a"),
		ClearSel:  b("events.key_clear_sel", "x"),
		OnlySel:   b("events.key_only_sel", "s"),
		Done:      b("events.key_done", "enter", "ctrl+s"),
	}
}
