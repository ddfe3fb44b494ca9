package reports

import (
	"charm.land/bubbles/v2/key"

	"unionbook/ui/common"
	"unionbook/ui/keymap"
)

// keys are the reports' own keys; moving and going back are common's.
type keys struct {
	open   key.Binding // the list: open the report chosen
	next   key.Binding // the form: on to the checks or the file
	toFile key.Binding // the checks: choose where to save
	stop   key.Binding // writing: stop, leaving no file
}

func newKeys(c *common.Common) keys {
	b := func(help string, ks ...string) key.Binding { return keymap.Binding(c.Lang, help, ks...) }
	return keys{
		open:   b("reports.key_open", "enter"),
		next:   b("reports.key_next", "ctrl+s"),
		toFile: b("reports.key_to_file", "enter", "ctrl+s"),
		stop:   b("reports.key_stop", "esc"),
	}
}
