package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
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
	s = StripEscapes(s)
	if foldable(s) {
		s = width.Fold.String(s)
	}
	return strings.TrimSpace(spaces(s))
}

// foldable says whether width.Fold would change s. Fold allocates for
// every string, and most of what is cleaned (names, numbers, dates) has
// nothing to fold: a roster of 100,000 members cleans a million strings.
func foldable(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && width.LookupRune(r).Folded() != 0 {
			return true
		}
	}
	return false
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
	}, StripEscapes(s))
	return strings.TrimSpace(spaces(s))
}

// spaces turns every kind of space into ' ' and removes zero-width,
// control and bidi-control characters (which would garble a terminal or
// reverse what a screen or a workbook shows).
func spaces(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff':
			return -1
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000':
			return ' '
		case unicode.IsControl(r), IsBidiControl(r):
			return -1
		}
		return r
	}, s)
}

// StripEscapes removes terminal escape sequences whole (CSI "ESC [2J",
// OSC "ESC ]0;title BEL", DCS, APC …), in their 7-bit form and in their
// 8-bit one (U+009B, U+009D …), which it first writes as ESC and a letter.
// Dropping only the control characters, as the cleaning below does, would
// leave "]0;title" and "[2J" in a name. Text without ESC or a C1 control
// comes back as it is.
func StripEscapes(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r == '\x1b' || (r >= 0x80 && r <= 0x9f) }) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0x80 && r <= 0x9f: // C1: ESC and its letter (U+009B is ESC [)
			b.WriteByte(0x1b)
			b.WriteByte(byte(r - 0x40))
		default: // bytes that are not UTF-8 stay, for the cleaning after
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return ansi.Strip(b.String())
}

// IsBidiControl reports the invisible characters that change the direction
// of the text around them: the embeddings and overrides U+202A–U+202E, the
// isolates U+2066–U+2069 and the marks U+200E, U+200F and U+061C. In a
// name or a note "abc\u202Efed" shows as "abcdef": a document can be made
// to say what it does not hold.
func IsBidiControl(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') ||
		r == '\u200e' || r == '\u200f' || r == '\u061c'
}

// IsUnsafe reports a character that must not reach a terminal, a screen or
// a workbook from outside: a control character (ESC, which starts the
// terminal's escape sequences, the C1 controls, NUL…) other than the line
// break and the tab, or a bidi control.
func IsUnsafe(r rune) bool {
	return (unicode.IsControl(r) && r != '\n' && r != '\t') || IsBidiControl(r)
}

// StripUnsafe removes the characters IsUnsafe reports, and bytes that are
// not UTF-8, and nothing else: for text that is kept as written, such as a
// multi-line summary, or shown from an untrusted file.
func StripUnsafe(s string) string {
	s = StripEscapes(s)
	var b strings.Builder
	clean := 0 // s[:clean] needs no change
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if IsUnsafe(r) || (r == utf8.RuneError && n == 1) {
			if b.Len() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[clean:i])
			clean = i + n
		}
		i += n
	}
	if clean == 0 {
		return s
	}
	b.WriteString(s[clean:])
	return b.String()
}

// CleanLines is CleanText for prose of several lines (an event's summary):
// it keeps the line breaks (Windows' \r\n becomes \n) and drops the
// control and bidi-control characters.
func CleanLines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimSpace(StripUnsafe(s))
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
