package hardship

import (
	"charm.land/bubbles/v2/key"

	"unionbook/ui/common"
	"unionbook/ui/keymap"
)

// keys are the Hardship tab's own bindings; the shared ones (open, new,
// edit, delete, search, back, save...) come from the common key map.
type keys struct {
	// the list
	View, Category, AidMember, Clear key.Binding
	// the detail
	Pane, PaneBack                    key.Binding
	Aid, Review, Approve, Lift        key.Binding
	Household, Close, Refile          key.Binding
	EditMember, RemoveMember, Reverse key.Binding
}

func newKeys(c *common.Common) *keys {
	b := func(help string, ks ...string) key.Binding { return keymap.Binding(c.Lang, help, ks...) }
	return &keys{
		View:         b("hardship.key_view", "s"),
		Category:     b("hardship.key_category", "c"),
		AidMember:    b("hardship.key_aid_member", "a"),
		Clear:        b("key.clear_filter", "x"),
		Pane:         b("hardship.key_pane", "tab"),
		PaneBack:     b("hardship.key_pane_back", "shift+tab"),
		Aid:          b("hardship.key_aid", "a"),
		Review:       b("hardship.key_review", "v"),
		Approve:      b("hardship.key_approve", "p"),
		Lift:         b("hardship.key_lift", "l"),
		Household:    b("hardship.key_household", "h"),
		Close:        b("hardship.key_close", "c"), // x clears filters in every list
		Refile:       b("hardship.key_refile", "f"),
		EditMember:   b("hardship.key_edit_member", "e"),
		RemoveMember: b("hardship.key_remove_member", "d"),
		Reverse:      b("hardship.key_reverse", "r"),
	}
}
