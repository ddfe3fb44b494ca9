// Package auditlog is the Settings tab's 操作日志: every write with its
// time, operator, action, record and a summary of what changed, in the
// user's language, filterable by record kind, action and date, paging
// through older entries by key range.
//
// It is two screens on the Settings tab's stack: the list (New) and an
// entry's detail, which enter on the list pushes.
package auditlog

import (
	"charm.land/bubbles/v2/key"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/keymap"
)

// entities and actions the filters cycle through ("" is all).
var (
	entities = append([]model.Entity{""}, model.Entities()...)
	actions  = append([]model.AuditAction{""}, model.Actions()...)
)

// keys are the log's own bindings; the shared ones come from common.Keys.
type keys struct {
	Entity, Action, Date, Clear key.Binding
}

func newKeys(c *common.Common) keys {
	b := func(help string, ks ...string) key.Binding { return keymap.Binding(c.Lang, help, ks...) }
	return keys{
		Entity: b("audit.key_entity", "f"),
		Action: b("audit.key_action", "a"),
		Date:   b("audit.key_date", "d"),
		Clear:  b("key.clear_filter", "x"),
	}
}

// entityText and actionText name a filter's choice; "" is all.
func entityText(c *common.Common, e model.Entity) string {
	if e == "" {
		return c.T("audit.all")
	}
	return e.Text(c.Lang)
}

func actionText(c *common.Common, a model.AuditAction) string {
	if a == "" {
		return c.T("audit.all")
	}
	return a.Text(c.Lang)
}
