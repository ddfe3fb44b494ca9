package settings

import (
	"charm.land/bubbles/v2/key"

	"unionbook/ui/common"
	"unionbook/ui/keymap"
)

// keys are the tab's own bindings; the shared ones (new, save, back...)
// come from common.Keys. Each section of the summary has one.
type keys struct {
	Profile, Dues, Hardship, Org, Chart, Backup, Audit key.Binding
	AddAccount, UseChart                               key.Binding
	Openings, Books                                    key.Binding
	Cases                                              key.Binding
	Fresh                                              key.Binding // the demo only
}

func newKeys(c *common.Common) keys {
	b := func(help string, ks ...string) key.Binding { return keymap.Binding(c.Lang, help, ks...) }
	return keys{
		Profile:    b("settings.key_profile", "p"),
		Dues:       b("settings.key_dues", "d"),
		Hardship:   b("settings.key_hardship", "h"),
		Org:        b("settings.key_org", "z"),
		Chart:      b("settings.key_chart", "c"),
		Backup:     b("settings.key_backup", "b"),
		Audit:      b("settings.key_audit", "l"),
		AddAccount: b("settings.key_add_account", c.Keys.New.Keys()...),
		UseChart:   b("settings.key_use_chart", "u"),
		Openings:   b("settings.key_openings", "o"),
		Books:      b("settings.key_books", "k"),
		Cases:      b("settings.key_cases", "g"),
		Fresh:      b("settings.key_fresh", "f"),
	}
}
