package model

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Clean folds full-width digits, letters and punctuation to their narrow
// forms (the way WPS and IMEs type them), turns non-breaking and ideographic
// spaces into plain ones and trims. It is applied to codes and numbers, not
// to Chinese prose.
func Clean(s string) string {
	s = width.Narrow.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '\ufeff' {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// CleanName trims a name and removes every kind of space inside it
// ("张 三" typed for alignment in Excel is 张三); Latin names keep single spaces.
func CleanName(s string) string {
	s = Clean(s)
	hasHan := false
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			hasHan = true
			break
		}
	}
	if hasHan {
		return strings.ReplaceAll(s, " ", "")
	}
	return strings.Join(strings.Fields(s), " ")
}
