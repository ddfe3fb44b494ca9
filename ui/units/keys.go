package units

import (
	"charm.land/bubbles/v2/key"

	"unionbook/i18n"
	"unionbook/ui/keymap"
)

// keys are the Units tab's own keys; the shared ones (open, new, edit,
// delete, search) are in the common key map.
type keys struct {
	Members   key.Binding // the unit's members, in the Members tab
	Employers key.Binding // the unorganised employers (the tab's second list)
	Elections key.Binding // the units whose 换届 is due
	Figures   key.Binding // 建会率, 入会率 and the survey items
	Pane      key.Binding // the detail's next pane
	PaneBack  key.Binding
	Honours   key.Binding // the unit's honours
	Visit     key.Binding // a follow-up visit to an employer
	Formed    key.Binding // the employer formed its union
	Gone      key.Binding // the employer closed or moved away
}

func newKeys(l i18n.Lang) keys {
	b := func(help string, ks ...string) key.Binding { return keymap.Binding(l, help, ks...) }
	return keys{
		Members:   b("key.unit_members", "m"),
		Employers: b("units.key_employers", "u"),
		Elections: b("units.key_elections", "r"),
		Figures:   b("units.key_figures", "f"),
		Pane:      b("units.key_pane", "tab"),
		PaneBack:  b("units.key_pane_back", "shift+tab"),
		Honours:   b("units.key_honours", "H"),
		Visit:     b("units.key_visit", "v"),
		Formed:    b("units.key_formed", "b"),
		Gone:      b("units.key_gone", "x"),
	}
}
