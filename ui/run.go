// Package ui is UnionBook's terminal interface: an app shell with tabs, the
// roster screens and their forms, in Chinese and English.
package ui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/keymap"
	"unionbook/ui/styles"
)

// Options configure the TUI.
type Options struct {
	Store *storage.Store
	Lang  i18n.Lang
}

// NewCommon builds what every screen shares.
func NewCommon(opts Options) *common.Common {
	return &common.Common{
		Store:  opts.Store,
		Lang:   opts.Lang,
		Styles: styles.Default(),
		Keys:   keymap.New(opts.Lang),
		Today:  model.Today,
	}
}

// Run opens the TUI on an open store and returns when the user quits.
func Run(ctx context.Context, opts Options) error {
	app := New(NewCommon(opts))
	if _, err := tea.NewProgram(app, tea.WithContext(ctx)).Run(); err != nil {
		return fmt.Errorf("terminal: %w", err)
	}
	return nil
}
