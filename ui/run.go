// Package ui is UnionBook's terminal interface: an app shell with tabs, the
// roster screens and their forms, in Chinese and English.
package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"

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
	// ReadOnly opens a read-only session (the store must be opened
	// read-only too); Opened says what is shown, for the header.
	ReadOnly bool
	Opened   string
}

// NewCommon builds what every screen shares.
func NewCommon(opts Options) *common.Common {
	c := &common.Common{
		Store:    opts.Store,
		Lang:     opts.Lang,
		Styles:   styles.Default(),
		Keys:     keymap.New(opts.Lang),
		Today:    model.Today,
		ReadOnly: opts.ReadOnly,
		Opened:   opts.Opened,
	}
	if opts.ReadOnly {
		c.Keys.SetReadOnly(opts.Lang)
	}
	return c
}

// memoryLimit is the TUI's soft heap limit, a backstop well above what the
// program holds: the 100,000-member roster as lines with its search keys
// and the figures' loads peak at about 100 MB of live heap, which the
// collector's pacing (gcPercent) keeps under about 150 MB. A limit near the
// live heap (it was 150 MiB when the roster was held whole) keeps the
// collector running a quarter of the time; 300,000 members need about
// three times as much.
const memoryLimit = 512 << 20

// gcPercent is the TUI's GOGC while the start's loads run: the heap may
// grow half again over what is live before the collector runs, not twice.
// They are what peak (about 100 MB live at 100,000 members, briefly: the
// roster's lines beside the dues scans' roster); at 100 the whole process
// peaked at about 206 MiB, at 50 at 172–180 MiB, for about 5% more CPU.
// Then the pace is Go's default again: the day's check, which follows,
// took 6% more CPU at 50 for a lower peak than the start's.
const gcPercent = 50

// ErrStartFresh is Run's answer when the user asked to set the demo aside
// and start on a new, empty database (common.StartFreshMsg): the caller
// closes the store, calls storage.SetDemoAside and runs again.
var ErrStartFresh = errors.New("start on a new, empty database")

// Run opens the TUI on an open store and returns when the user quits.
func Run(ctx context.Context, opts Options) error {
	// A soft memory limit bounds the heap on a laptop that may have little
	// to spare; GOMEMLIMIT overrides it, GOGC the collector's pace.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	app := New(NewCommon(opts))
	if os.Getenv("GOGC") == "" {
		usual := debug.SetGCPercent(gcPercent)
		app.startDone = func() { debug.SetGCPercent(usual) }
	}
	if _, err := tea.NewProgram(app, tea.WithContext(ctx)).Run(); err != nil {
		return fmt.Errorf("terminal: %w", err)
	}
	if app.StartFresh() {
		return ErrStartFresh
	}
	return nil
}
