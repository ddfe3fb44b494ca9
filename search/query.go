package search

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Query is a compiled search query. The zero Query is empty and matches
// every key.
type Query struct {
	text    string // normalized query, matched as a substring of the name
	py      string // the query's letters when it is nothing but a–z (spaces and ' dropped), else ""
	num     string // the query's a–z and 0–9 when it holds a digit and nothing else (spaces and - dropped), else ""
	first   uint32 // bit of py's first letter
	letters uint32 // bits of py's letters
	ascii   bool   // text is all ASCII
	runes   uint16 // runeBits(text)
	runes32 uint32 // runeBits32(text)
	pairs   uint64 // pairBits(num)
}

// maxPinyinQuery bounds the letters a pinyin match looks at; longer
// letter queries can still match a Latin name as a substring.
const maxPinyinQuery = 63

// Compile prepares what the user typed: it trims, folds full-width forms
// ("ＺＳ" → "zs"), lower-cases, and drops middle dots and, next to Chinese
// characters, spaces.
func Compile(s string) Query {
	text := normalize(s)
	q := Query{text: text, runes: runeBits(text), runes32: runeBits32(text)}
	if text == "" {
		return q
	}
	py := make([]byte, 0, len(text))
	num := make([]byte, 0, len(text))
	pyOK, numOK, digit := true, true, false
	q.ascii = true
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= 0x80 {
			q.ascii = false
		}
		switch {
		case isLower(c):
			py = append(py, c)
			num = append(num, c)
		case c >= '0' && c <= '9':
			pyOK = false
			digit = true
			num = append(num, c)
		case c == ' ':
		case c == '\'':
			numOK = false
		case c == '-':
			pyOK = false
		default:
			pyOK, numOK = false, false
		}
	}
	if pyOK && len(py) > 0 && len(py) <= maxPinyinQuery {
		q.py = string(py)
		q.first = 1 << (py[0] - 'a')
		for _, c := range py {
			q.letters |= 1 << (c - 'a')
		}
	}
	if numOK && digit {
		q.num = string(num)
		q.pairs = pairBits(q.num)
	}
	return q
}

// Empty reports whether the query is empty (it then matches everything).
func (q Query) Empty() bool { return q.text == "" }

// String returns the normalized query text.
func (q Query) String() string { return q.text }

// Within reports whether every key matching q also matches prev, so a
// search can narrow the previous result instead of scanning every key. It
// holds when the user typed more at the end of the same kind of query.
func (q Query) Within(prev Query) bool {
	if prev.text == "" {
		return true
	}
	if !strings.HasPrefix(q.text, prev.text) {
		return false
	}
	// Each rule that can match q must be one prev was also tried with and
	// matches for every extension: a substring of a longer string, a prefix
	// of longer pinyin, a substring of a longer number.
	if q.py != "" && !strings.HasPrefix(q.py, prev.py) {
		return false
	}
	if q.py != "" && prev.py == "" {
		return false
	}
	if q.num != "" && (prev.num == "" || !strings.HasPrefix(q.num, prev.num)) {
		return false
	}
	return true
}

// normalize is the one folding applied both to names (in NewKey) and to
// queries (in Compile), so that a name always finds itself: full-width to
// narrow, lower case, no middle dots, no spaces in Chinese text and single
// spaces in Latin text, trimmed.
func normalize(s string) string {
	if normal(s) {
		return s
	}
	s = width.Narrow.String(s)
	s = strings.ToLower(s)
	han := hasHan(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case isDot(r) || r == '\ufeff' || r == '\u200b':
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && !han && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// normal reports whether normalize would leave s as it is, which is quick
// to tell for the usual lower-case ASCII and Chinese names.
func normal(s string) bool {
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r >= 0x3400 && r <= 0x9FFF: // CJK unified ideographs and extension A
		default:
			return false
		}
	}
	return true
}

// appendAlnum appends the ASCII letters (lower-cased) and digits of s,
// full-width forms folded, to dst.
func appendAlnum(dst []byte, s string) []byte {
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII
			r -= 0xFEE0
		}
		switch {
		case r >= '0' && r <= '9', r >= 'a' && r <= 'z':
			dst = append(dst, byte(r))
		case r >= 'A' && r <= 'Z':
			dst = append(dst, byte(r)+'a'-'A')
		}
	}
	return dst
}
