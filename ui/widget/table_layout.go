package widget

import "github.com/charmbracelet/x/ansi"

// The table's layout: how wide each column is at the table's width, and
// which column a cell belongs to.

// MinWidth is the width a table needs to show cols at their Width (their
// title's without one) before any flex column grows: the margin, the
// columns and the gaps between them. A screen that adds columns as the
// terminal widens asks it which fit.
func MinWidth(cols []Column) int {
	if len(cols) == 0 {
		return 0
	}
	w := tableMargin + tableGap*(len(cols)-1)
	for _, c := range cols {
		if c.Width > 0 {
			w += c.Width
		} else {
			w += max(ansi.StringWidth(c.Title), 1)
		}
	}
	return w
}

// layout computes the column widths and positions for the current width.
func (t *Table) layout() {
	k := len(t.cols)
	t.widths = make([]int, k)
	t.xs = make([]int, k)
	if k == 0 {
		return
	}
	cw := t.contentWidth()
	avail := cw - tableMargin - tableGap*(k-1)

	want := make([]int, k)
	need, flexWeight := 0, 0
	for i, c := range t.cols {
		w := c.Width
		if w <= 0 {
			w = max(ansi.StringWidth(c.Title), 1)
		}
		want[i] = w
		need += w
		if c.Flex > 0 {
			flexWeight += c.Flex
		}
	}
	copy(t.widths, want)

	if avail >= need {
		// Share the leftover among the flex columns by weight; rounding
		// leftovers go to the last flex column.
		extra := avail - need
		if flexWeight > 0 {
			given, last := 0, -1
			for i, c := range t.cols {
				if c.Flex > 0 {
					add := extra * c.Flex / flexWeight
					t.widths[i] += add
					given += add
					last = i
				}
			}
			t.widths[last] += extra - given
		}
	} else {
		// Shrink the flex columns first, one cell at a time from the widest,
		// down to a floor of 4 cells (or their wanted width if smaller).
		deficit := need - max(avail, 0)
		for deficit > 0 {
			best := -1
			for i, c := range t.cols {
				if c.Flex > 0 && t.widths[i] > min(want[i], 4) &&
					(best < 0 || t.widths[i] > t.widths[best]) {
					best = i
				}
			}
			if best < 0 {
				break
			}
			t.widths[best]--
			deficit--
		}
		// Still too wide: cut off at the right edge. A column left with
		// fewer than 2 cells is hidden, as is everything after it.
		x := tableMargin
		for i := range t.widths {
			room := cw - x
			if room < 2 {
				t.widths[i] = 0
				continue
			}
			t.widths[i] = min(t.widths[i], room)
			x += t.widths[i] + tableGap
		}
	}

	x := tableMargin
	for i, w := range t.widths {
		t.xs[i] = x
		if w > 0 {
			x += w + tableGap
		}
	}
}

// hasScrollBar reports whether the rightmost cell is reserved for the
// scroll indicator.
func (t Table) hasScrollBar() bool { return t.w >= 2 }

// contentWidth is the width left of the scroll indicator.
func (t Table) contentWidth() int {
	if t.hasScrollBar() {
		return t.w - 1
	}
	return t.w
}

// colAt returns the column under x (relative to the table), or -1. The
// margin belongs to the first column and each gap to the column before it.
func (t Table) colAt(x int) int {
	if x < 0 || x >= t.contentWidth() {
		return -1
	}
	for i, w := range t.widths {
		if w > 0 && x < t.xs[i]+w+tableGap {
			return i
		}
	}
	return -1
}
