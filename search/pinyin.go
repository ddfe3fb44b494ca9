package search

import (
	"strings"
	"unicode"

	pinyin "github.com/mozillazg/go-pinyin"
)

// syllables returns the readings of a Han character as they appear in the
// go-pinyin dictionary ("dān,chán,shàn"), or "" if it has none.
func syllables(r rune) string {
	if r < 0x3000 {
		return ""
	}
	return pinyin.PinyinDict[int(r)]
}

// plain appends the toneless ASCII form of one toned reading ("lǚ" → "lv")
// to dst and returns it with the tone (1–4, 5 for the neutral tone).
func plain(dst []byte, toned string) ([]byte, byte) {
	tone := byte(5)
	for _, r := range toned {
		if r >= 'a' && r <= 'z' {
			dst = append(dst, byte(r))
			continue
		}
		c, t := untone(r)
		if c != 0 {
			dst = append(dst, c)
		}
		if t != 0 {
			tone = t
		}
	}
	return dst, tone
}

// untone maps a toned letter of the dictionary to its ASCII base and tone.
// Combining tone marks give no letter; unknown runes give neither.
func untone(r rune) (byte, byte) {
	switch r {
	case 'ā':
		return 'a', 1
	case 'á':
		return 'a', 2
	case 'ǎ':
		return 'a', 3
	case 'à':
		return 'a', 4
	case 'ē':
		return 'e', 1
	case 'é', 'ế':
		return 'e', 2
	case 'ě':
		return 'e', 3
	case 'è', 'ề':
		return 'e', 4
	case 'ê':
		return 'e', 0
	case 'ī':
		return 'i', 1
	case 'í':
		return 'i', 2
	case 'ǐ':
		return 'i', 3
	case 'ì':
		return 'i', 4
	case 'ō':
		return 'o', 1
	case 'ó':
		return 'o', 2
	case 'ǒ':
		return 'o', 3
	case 'ò':
		return 'o', 4
	case 'ū':
		return 'u', 1
	case 'ú':
		return 'u', 2
	case 'ǔ':
		return 'u', 3
	case 'ù':
		return 'u', 4
	case 'ü':
		return 'v', 0
	case 'ǖ':
		return 'v', 1
	case 'ǘ':
		return 'v', 2
	case 'ǚ':
		return 'v', 3
	case 'ǜ':
		return 'v', 4
	case 'ń':
		return 'n', 2
	case 'ň':
		return 'n', 3
	case 'ǹ':
		return 'n', 4
	case 'ḿ':
		return 'm', 2
	case '\u0304':
		return 0, 1
	case '\u0301':
		return 0, 2
	case '\u030c':
		return 0, 3
	case '\u0300':
		return 0, 4
	}
	return 0, 0
}

// firstLetter is the ASCII first letter of a toned reading.
func firstLetter(toned string) byte {
	for _, r := range toned {
		if r >= 'a' && r <= 'z' {
			return byte(r)
		}
		if c, _ := untone(r); c != 0 {
			return c
		}
	}
	return 0
}

// isDot reports the separators of transliterated minority and foreign
// names (阿依古丽·买买提), which search and sorting ignore.
func isDot(r rune) bool {
	switch r {
	case '·', '•', '‧', '・', '･', '.', '∙', '⋅', 'ꞏ', '。', '﹒':
		return true
	}
	return false
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

// Initials returns the pinyin initials of s for display and debugging: the
// first letter of the first reading of each Han character and the first
// letter of each run of Latin letters, lower-cased ("张三" → "zs",
// "阿依古丽·买买提" → "ayglmmt", "John Smith" → "js"). Everything else is
// dropped.
func Initials(s string) string {
	s = normalize(s)
	var b strings.Builder
	inWord := false
	for _, r := range s {
		if r < 0x80 && isLower(byte(r)) {
			if !inWord {
				b.WriteByte(byte(r))
			}
			inWord = true
			continue
		}
		inWord = false
		if py := syllables(r); py != "" {
			if c := firstLetter(py); c != 0 {
				b.WriteByte(c)
			}
		}
	}
	return b.String()
}

// hasHan reports whether s holds a Han character.
func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
