package ui

import (
	"slices"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
)

// startLoads are the pages' background loads: the roster's lines and
// search keys, the Overview's and the Dues tab's figures (the two share one
// read of the roster, storage.HoldSharedReads). They run at the same time.
//
// Run one after another (the figures, then the roster) they peaked lower,
// 134–147 MiB against 177–185 MiB at 100,000 members, for a little less
// CPU, but the member rows came about 0.8 s later; the roster first peaked
// at 181–190 MiB (its lines held under the figures' peak).
func (a *App) startLoads() []tea.Cmd {
	cmds := []tea.Cmd{a.dues.Load()}
	for _, p := range a.pages {
		if in, ok := p.(interface{ Init() tea.Cmd }); ok {
			cmds = append(cmds, in.Init())
		}
	}
	return cmds
}

// afterStart is called when the start's loads have all answered: the day's
// check and backup may begin, and the collector goes back to its usual
// pace (see gcPercent).
func (a *App) afterStart() {
	if a.startDone != nil {
		a.startDone()
	}
	a.c.Store.StartDailyBackup()
}

// afterAll runs cmds at the same time and calls done when the last has
// answered. The day's check and backup wait for the start's loads so
// (storage.Options.DeferDailyBackup): the check decodes every record, and
// run beside the loads it held its memory on top of theirs and shared the
// cores with the first frame.
func afterAll(done func(), cmds []tea.Cmd) tea.Cmd {
	cmds = slices.DeleteFunc(slices.Clone(cmds), func(c tea.Cmd) bool { return c == nil })
	if len(cmds) == 0 {
		done()
		return nil
	}
	var left atomic.Int32
	left.Store(int32(len(cmds)))
	for i, c := range cmds {
		cmds[i] = func() tea.Msg {
			msg := c()
			if left.Add(-1) == 0 {
				done()
			}
			return msg
		}
	}
	return tea.Batch(cmds...)
}
