package members

import (
	"charm.land/bubbles/v2/key"

	"unionbook/i18n"
	"unionbook/ui/keymap"
)

// keys are the Members tab's own keys; the shared ones (open, new, edit,
// search, delete) are in the common key map.
type keys struct {
	Status       key.Binding // change a member's status
	Dues         key.Binding // the member's dues, in the Dues tab
	Honours      key.Binding // the member's honours
	ModelWorkers key.Binding // the model workers and their care
	Wage         key.Binding // set the wage base, in the Dues tab (as w does there)
	FilterUnit   key.Binding
	FilterStatus key.Binding
	ClearFilter  key.Binding
	Sort         key.Binding // by the next column
	SortRev      key.Binding // the other way round
}

func newKeys(l i18n.Lang) keys {
	return keys{
		Status:       keymap.Binding(l, "key.status", "s"),
		Dues:         keymap.Binding(l, "members.key_dues", "f"),
		Honours:      keymap.Binding(l, "units.key_honours", "H"),
		ModelWorkers: keymap.Binding(l, "members.key_model_workers", "L"),
		Wage:         keymap.Binding(l, "dues.key_wage", "w"),
		FilterUnit:   keymap.Binding(l, "key.filter_unit", "u"),
		FilterStatus: keymap.Binding(l, "key.filter_status", "t"),
		ClearFilter:  keymap.Binding(l, "key.clear_filter", "x"),
		Sort:         keymap.Binding(l, "key.sort", "o"),
		SortRev:      keymap.Binding(l, "key.sort_rev", "O"),
	}
}
