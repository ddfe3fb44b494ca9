package chrome

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"unionbook/ui/common"
	"unionbook/ui/keymap"
)

// Tab is one label of the tab bar.
type Tab struct {
	Title string
	// Dirty marks a tab that holds unsaved changes: they wait there,
	// kept, while another tab is in front.
	Dirty bool
}

// DirtyMark follows the title of a tab with unsaved changes.
const DirtyMark = "*"

// TabBar is the line of tab labels, "1 概览", each with its key (1 to 9,
// then 0 for a tenth tab); a click on a label selects it.
type TabBar struct {
	c      *common.Common
	tabs   []Tab
	active int
	width  int
}

// NewTabBar makes an empty tab bar.
func NewTabBar(c *common.Common) *TabBar { return &TabBar{c: c} }

// SetTabs sets the labels and which is in front.
func (b *TabBar) SetTabs(tabs []Tab, active int) {
	b.tabs, b.active = tabs, active
}

// SetSize sets the width; the bar is one line.
func (b *TabBar) SetSize(w, _ int) { b.width = w }

// labels are the bar's labels, "1 会员". When they do not all fit, the
// labels lose their padding, then the inactive ones are shortened, so
// every tab stays visible and clickable.
func (b *TabBar) labels() []string {
	full := make([]string, len(b.tabs))
	for i, t := range b.tabs {
		full[i] = keymap.TabKey(i) + " " + t.Title
		if t.Dirty {
			full[i] += DirtyMark
		}
	}
	total := func(ls []string) int {
		w := len(ls) - 1 // the gaps
		for _, l := range ls {
			w += ansi.StringWidth(l)
		}
		return w
	}
	padded := make([]string, len(full))
	for i, l := range full {
		padded[i] = " " + l + " "
	}
	if b.width == 0 || total(padded) <= b.width {
		return padded
	}
	if total(full) <= b.width {
		return full
	}
	// shorten the longest inactive label, one cell at a time, until the
	// line fits: short names stay whole, long ones lose their ends (the
	// dirty mark stays)
	out := append([]string(nil), full...)
	for total(out) > b.width {
		longest := -1
		for i, l := range out {
			if i != b.active && ansi.StringWidth(l) > 3 && (longest < 0 || ansi.StringWidth(l) > ansi.StringWidth(out[longest])) {
				longest = i
			}
		}
		if longest < 0 {
			break
		}
		out[longest] = shorten(out[longest], b.tabs[longest].Dirty)
	}
	return out
}

// shorten cuts the last cell of a label's title, keeping its dirty mark.
func shorten(l string, dirty bool) string {
	if dirty {
		l = strings.TrimSuffix(l, DirtyMark)
	}
	l = ansi.Truncate(l, ansi.StringWidth(l)-1, "")
	if dirty {
		l += DirtyMark
	}
	return l
}

// At is the tab under column x, or -1.
func (b *TabBar) At(x int) int {
	pos := 0
	for i, l := range b.labels() {
		w := ansi.StringWidth(l)
		if x >= pos && x < pos+w {
			return i
		}
		pos += w + 1
	}
	return -1
}

// View draws the bar.
func (b *TabBar) View() string {
	st := b.c.Styles
	parts := make([]string, 0, len(b.tabs))
	for i, l := range b.labels() {
		if i == b.active {
			parts = append(parts, st.ActiveTab.Render(l))
		} else {
			parts = append(parts, st.Tab.Render(l))
		}
	}
	return ansi.Truncate(strings.Join(parts, " "), b.width, "~")
}
