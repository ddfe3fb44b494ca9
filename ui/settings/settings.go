// Package settings is the Settings tab: this union's details, the dues
// settings, the hardship rules, the accounting chart with the union's own
// sub-accounts, backups and the audit log (操作日志).
//
// The tab is a stack (ui/stack): the summary at the bottom; a form, the
// chart or the audit log pushed over it. A new section is one screen in its
// own file and one key on the summary (keys.go, summary.go).
package settings

import (
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// Page is the Settings tab.
type Page struct {
	stack.Tab
}

// New makes the Settings tab, opening on the summary.
func New(c *common.Common) *Page {
	return &Page{Tab: stack.NewTabFunc(c, c.T("tab.settings"), func(st *stack.Stack) common.Screen { return newSummary(c, st) })}
}

// accountName is an account's name in the user's language.
func accountName(c *common.Common, a model.Account) string {
	if c.Lang == i18n.EN && a.NameEN != "" {
		return a.NameEN
	}
	return a.Name
}
