package dues

import (
	"charm.land/bubbles/v2/key"

	"unionbook/ui/common"
	"unionbook/ui/keymap"
)

// keys are the Dues tab's own bindings; the shared ones (open, save,
// back...) come from common.Keys.
type keys struct {
	Arrears, Units, Pay, Batch, Wage, Reverse key.Binding
	// Year is [ and ] in the help; PrevYear and NextYear are each alone.
	Year, PrevYear, NextYear key.Binding
	Find                     key.Binding // the member picker (/)
	Tick, TickAll            key.Binding // in a batch's preview
}

func newKeys(c *common.Common) keys {
	b := func(help string, ks ...string) key.Binding { return keymap.Binding(c.Lang, help, ks...) }
	k := keys{
		Arrears:  b("dues.key_arrears", "a"),
		Units:    b("dues.key_units", "c"),
		Pay:      b("dues.key_pay", "p"),
		Batch:    b("dues.key_batch", "b"),
		Wage:     b("dues.key_wage", "w"),
		Reverse:  b("dues.key_reverse", "r"),
		Year:     b("dues.key_year", "[", "]"),
		PrevYear: b("dues.key_year", "["),
		NextYear: b("dues.key_year", "]"),
		Find:     b("dues.key_find", c.Keys.Search.Keys()...),
		Tick:     b("dues.key_tick", "space"),
		TickAll:  b("dues.key_tick_all", "a"),
	}
	k.Year.SetHelp("[ ]", c.T("dues.key_year"))
	return k
}
