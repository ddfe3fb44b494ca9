// Package widget holds reusable Bubble Tea components for UnionBook that are
// correct for Chinese text: every width is measured in terminal cells
// (a Chinese character takes two), never in bytes or runes.
package widget

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Width returns the display width of s in terminal cells.
func Width(s string) int { return ansi.StringWidth(s) }

// Fit truncates s to at most w display cells, ending it with "~" when it had
// to be cut, and pads it with spaces to exactly w cells (on the left when
// alignRight is set). A wide character is never split: if only half of it
// would fit, it is dropped and the gap filled with a space. Newlines and tabs
// in s become spaces.
func Fit(s string, w int, alignRight bool) string {
	if w <= 0 {
		return ""
	}
	s = clean(s)
	sw := ansi.StringWidth(s)
	if sw > w {
		s = ansi.Truncate(s, w, "~")
		sw = ansi.StringWidth(s)
	}
	if sw >= w {
		return s
	}
	pad := strings.Repeat(" ", w-sw)
	if alignRight {
		return pad + s
	}
	return s + pad
}

// clean replaces characters that would break a one-line layout.
func clean(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ").Replace(s)
}

// inline strips the layout properties from a style so that rendering with it
// never changes the width or the number of lines of its input: only colours
// and attributes remain.
func inline(st lipgloss.Style) lipgloss.Style {
	return st.Inline(true).UnsetWidth().UnsetHeight().UnsetMaxWidth().UnsetMaxHeight().
		UnsetPadding().UnsetMargins().UnsetBorderStyle().UnsetAlign().
		UnsetTransform().UnsetString()
}
