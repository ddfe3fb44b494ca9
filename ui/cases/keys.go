package cases

import (
	"charm.land/bubbles/v2/key"

	"unionbook/ui/common"
	"unionbook/ui/keymap"
)

// keys are the Cases tab's own bindings; the shared ones (search, open,
// new, edit, save, back, move) come from common.Keys.
type keys struct {
	// the list
	State, Type, Channel, Collective key.Binding
	Period, Prev, Next, Clear        key.Binding
	Figures, Risks                   key.Binding
	// a case
	Step, Close, Reopen, Void, Delete key.Binding
	// the workers of the case form
	AddMember, AddOther, Remove, Done key.Binding
	// the risk checks
	OpenOnly key.Binding
}

func newKeys(c *common.Common) keys {
	b := func(help string, ks ...string) key.Binding { return keymap.Binding(c.Lang, help, ks...) }
	return keys{
		State:      b("cases.key_state", "s"),
		Type:       b("cases.key_type", "t"),
		Channel:    b("cases.key_channel", "c"),
		Collective: b("cases.key_collective", "g"),
		Period:     b("cases.key_period", "p"),
		Prev:       b("cases.key_prev", "["),
		Next:       b("cases.key_next", "]"),
		Clear:      b("cases.key_clear", "x"),
		Figures:    b("cases.key_figures", "f"),
		Risks:      b("cases.key_risks", "r"),
		Step:       b("cases.key_step", "a"),
		Close:      b("cases.key_close", "c"),
		Reopen:     b("cases.key_reopen", "o"),
		Void:       b("cases.key_void", "v"),
		Delete:     b("cases.key_delete", "d"),
		AddMember:  b("cases.key_add_member", "m"),
		AddOther:   b("cases.key_add_other", "n"),
		Remove:     b("cases.key_remove", "d"),
		Done:       b("cases.key_done", "ctrl+s"),
		OpenOnly:   b("cases.key_open_only", "o"),
	}
}
