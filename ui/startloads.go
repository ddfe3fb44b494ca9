package ui

import (
	"slices"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"

	"unionbook/ui/common"
)

// startLoads are the pages' background loads, in two waves: the figures
// (the Overview's and the Dues tab's, which share one read of the roster,
// storage.HoldSharedReads), then the roster's lines and search keys for
// the Members tab. Each wave already uses every core; one at a time holds
// its memory: at 100,000 members the start's peak fell from about 178 MiB
// to 137–147 MiB for the same CPU (the roster first: 181–190 MiB, its
// lines held under the figures' peak), and the member rows come a few
// tenths of a second later.
func (a *App) startLoads() [][]tea.Cmd {
	figures := []tea.Cmd{a.dues.Load()}
	var roster []tea.Cmd
	for _, p := range a.pages {
		if in, ok := p.(interface{ Init() tea.Cmd }); ok {
			if p == common.Page(a.members) {
				roster = append(roster, in.Init())
			} else {
				figures = append(figures, in.Init())
			}
		}
	}
	return [][]tea.Cmd{figures, roster}
}

// inWaves runs the commands of each wave at the same time and the next
// wave once every command of this one has answered; done (if not nil) is
// called when the last has. The day's check and backup wait for it
// (storage.Options.DeferDailyBackup): the check decodes every record, and
// run beside the loads it held its memory on top of theirs and shared the
// cores with the first frame.
func inWaves(done func(), waves ...[]tea.Cmd) tea.Cmd {
	for len(waves) > 0 && !slices.ContainsFunc(waves[0], func(c tea.Cmd) bool { return c != nil }) {
		waves = waves[1:]
	}
	if len(waves) == 0 {
		if done != nil {
			done()
		}
		return nil
	}
	wave := slices.DeleteFunc(slices.Clone(waves[0]), func(c tea.Cmd) bool { return c == nil })
	rest := waves[1:]
	var left atomic.Int32
	left.Store(int32(len(wave)))
	for i, c := range wave {
		wave[i] = func() tea.Msg {
			msg := c()
			if left.Add(-1) > 0 {
				return msg
			}
			next := inWaves(done, rest...)
			if next == nil {
				return msg
			}
			return tea.BatchMsg{func() tea.Msg { return msg }, next}
		}
	}
	return tea.Batch(wave...)
}
