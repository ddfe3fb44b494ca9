// Package ui is UnionBook's terminal interface: an app shell with tabs, the
// roster screens and their forms, in Chinese and English.
package ui

import (
	"context"

	"unionbook/i18n"
	"unionbook/storage"
)

// Options configure the TUI.
type Options struct {
	Store *storage.Store
	Lang  i18n.Lang
}

// Run opens the TUI on an open store and returns when the user quits.
func Run(ctx context.Context, opts Options) error { panic("todo") }
