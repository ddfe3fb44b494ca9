package model

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Clean folds full-width digits, letters and ASCII punctuation to their
// narrow forms (the way WPS and IMEs type them), turns tabs, line breaks,
// non-breaking and ideographic spaces into plain spaces, drops zero-width
// and control characters, and trims. It is applied to codes, numbers and
// names, not to Chinese prose (see CleanText).
//
// It folds with width.Fold, not width.Narrow: Narrow would also turn the
// Chinese punctuation 。「」、 and the katakana middle dot into their rarely
// used half-width forms (｡｢｣､･).
func Clean(s string) string {
	return strings.TrimSpace(spaces(width.Fold.String(s)))
}

// CleanText is Clean for prose (notes, addresses, jobs, reasons): it trims,
// unifies spaces and drops invisible characters like Clean, and folds
// full-width digits and Latin letters, but keeps Chinese full-width
// punctuation (，：（）) as the user typed it.
func CleanText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
			return r - 0xFEE0
		}
		return r
	}, s)
	return strings.TrimSpace(spaces(s))
}

// spaces turns every kind of space into ' ' and removes zero-width and
// control characters (which would garble a terminal).
func spaces(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff':
			return -1
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
}

// CleanName trims a name and removes every kind of space inside it
// ("张 三" typed for alignment in Excel is 张三); Latin names keep single
// spaces. The dots typed between the parts of a transliterated name
// (买买提・艾力, 买买提•艾力) become the standard middle dot "·".
func CleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u30fb', '\uff65', '\u2022', '\u2027', '\u2219', '\u22c5':
			return '·'
		}
		return r
	}, Clean(s))
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

// shown is user input as quoted back in an error message: cleaned, and cut
// to 24 characters so that a paragraph pasted into an amount field does not
// flood the screen.
func shown(s string) string {
	s = Clean(s)
	if r := []rune(s); len(r) > 24 {
		return string(r[:24]) + "…"
	}
	return s
}
