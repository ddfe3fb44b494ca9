package search

import (
	"strings"
	"unicode"
)

// Key is the precomputed, compact search key of one member. It is one
// string (a single allocation) laid out as
//
//	bits  4 bytes per name element: the set of letters (bit c-'a') its
//	      readings start with, little-endian
//	py    per element a length byte and its readings, each ended by 0
//	name  the normalized name
//	nums  member number, phone and ID number, letters and digits only,
//	      lower-cased, separated by 0
//
// A name element is a Han character or a run of Latin letters; middle
// dots, spaces and other characters separate elements.
type Key struct {
	s        string
	pairs    uint64 // Bloom filter of adjacent characters in nums (pairBits)
	nameEnd  uint32 // end of name, start of nums
	initials uint32 // bits 0–25: union of the elements' letter sets; bits 26–31: element count
	letters  uint32 // bits 0–25: every letter of every reading (v also as u); bit 31: the name has ASCII
	pyEnd    uint16 // end of py, start of name: at most 4·32 + 32·256
	runes    uint16 // Bloom filter of the name's characters (runeBits)
}

// n is the number of elements.
func (k *Key) n() int { return int(k.initials >> 26) }

// maxElements bounds the elements of a name that take part in pinyin
// matching; the whole name always takes part in substring matching.
const maxElements = 32

// NewKey builds a key from a member's name, member number, phone and ID
// number. It is safe for concurrent use.
func NewKey(name, memberNo, phone, idNumber string) Key {
	name = normalize(name)
	var bits [4 * maxElements]byte
	var pyArr [256]byte
	py := pyArr[:0]
	n := 0
	word := -1 // start in name of the current Latin word
	endWord := func(end int) {
		if word < 0 {
			return
		}
		w := name[word:end]
		word = -1
		if n == maxElements {
			return
		}
		if len(w) > 254 {
			w = w[:254]
		}
		setBit(bits[4*n:], w[0])
		py = append(py, byte(len(w)+1))
		py = append(py, w...)
		py = append(py, 0)
		n++
	}
	for i, r := range name {
		if r < 0x80 && isLower(byte(r)) {
			if word < 0 {
				word = i
			}
			continue
		}
		endWord(i)
		if n == maxElements {
			break
		}
		if syllables(r) == "" {
			if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
				// A Han character without a reading: an element no
				// pinyin matches, so pinyin does not jump over it.
				py = append(py, 0)
				n++
			}
			continue
		}
		at := len(py)
		py = append(py, 0)
		readings(r, func(one string) {
			start := len(py)
			py, _ = plain(py, one)
			if len(py) == start {
				return
			}
			// Keep each toneless reading once (长: zhǎng, cháng → zhang, chang).
			if dupReading(py[at+1:start], py[start:]) || len(py)+1-(at+1) > 255 {
				py = py[:start]
				return
			}
			setBit(bits[4*n:], py[start])
			py = append(py, 0)
		})
		py[at] = byte(len(py) - at - 1)
		n++
	}
	if n < maxElements {
		endWord(len(name))
	}

	size := 4*n + len(py) + len(name) + len(memberNo) + len(phone) + len(idNumber) + 2
	var bufArr [256]byte
	buf := bufArr[:0]
	if size > len(bufArr) {
		buf = make([]byte, 0, size)
	}
	buf = append(buf, bits[:4*n]...)
	buf = append(buf, py...)
	pyEnd := len(buf)
	buf = append(buf, name...)
	nameEnd := len(buf)
	buf = appendAlnum(buf, memberNo)
	buf = append(buf, 0)
	buf = appendAlnum(buf, phone)
	buf = append(buf, 0)
	buf = appendAlnum(buf, idNumber)
	k := Key{s: string(buf), runes: runeBits(name), pyEnd: uint16(pyEnd), nameEnd: uint32(nameEnd)}
	k.pairs = pairBits(k.s[nameEnd:])
	k.initials = uint32(n) << 26
	for e := range n {
		k.initials |= k.bits(e)
	}
	for p := py; len(p) > 0; p = p[1+int(p[0]):] {
		for _, c := range p[1 : 1+int(p[0])] {
			if isLower(c) {
				k.letters |= 1 << (c - 'a')
			}
		}
	}
	if k.letters&(1<<('v'-'a')) != 0 {
		k.letters |= 1 << ('u' - 'a') // u may stand for ü
	}
	for i := 0; i < len(name); i++ {
		if name[i] < 0x80 {
			k.letters |= 1 << 31
			break
		}
	}
	return k
}

// runeBits is a 16-bit Bloom filter of the characters of s: a string
// holds every character of its substrings, so a key whose filter lacks a
// bit of the query's cannot contain the query.
func runeBits(s string) uint16 {
	var b uint16
	for _, r := range s {
		b |= 1 << (uint32(r) * 0x9E3779B1 >> 28)
	}
	return b
}

// runeBits32 is a second, wider Bloom filter of the characters of s, with
// another hash: the sieve's, where it has the room. With both, a
// one-character query passes about one name in fifty that lacks it, not
// one in six.
func runeBits32(s string) uint32 {
	var b uint32
	for _, r := range s {
		b |= 1 << ((uint32(r) * 0x85EBCA6B) >> 27)
	}
	return b
}

// pairBits is a 64-bit Bloom filter of the adjacent character pairs of s
// (0 separates fields and pairs with it are left out): a number query of
// three or more digits is in few keys' filters.
func pairBits(s string) uint64 {
	var b uint64
	for i := 1; i < len(s); i++ {
		if s[i-1] != 0 && s[i] != 0 {
			b |= 1 << ((uint32(s[i-1])<<8 | uint32(s[i])) * 0x9E3779B1 >> 26)
		}
	}
	return b
}

func setBit(b []byte, c byte) {
	if !isLower(c) {
		return
	}
	c -= 'a'
	b[c/8] |= 1 << (c % 8)
}

// dupReading reports whether r is one of the 0-terminated readings in list.
func dupReading(list, r []byte) bool {
	for len(list) > 0 {
		z := 0
		for list[z] != 0 {
			z++
		}
		if string(list[:z]) == string(r) {
			return true
		}
		list = list[z+1:]
	}
	return false
}

// Name returns the normalized name the key matches substrings against.
func (k *Key) Name() string { return k.s[k.pyEnd:k.nameEnd] }

// Size is the number of bytes the key's data takes, for memory estimates.
func (k *Key) Size() int { return len(k.s) }

// Match reports whether the member matches q. It does not allocate.
func (k *Key) Match(q Query) bool {
	if q.text == "" {
		return true
	}
	// A query holding a character the name lacks cannot be a substring of
	// it; nor can an ASCII query (pinyin) be one of a name without ASCII
	// (a Chinese name). Most keys are ruled out here without a scan.
	if k.runes&q.runes == q.runes && (k.letters>>31 != 0 || !q.ascii) &&
		strings.Contains(k.s[k.pyEnd:k.nameEnd], q.text) {
		return true
	}
	// Both pinyin rules need an element starting with the query's first
	// letter and readings holding every letter of the query; initials need
	// elements starting with every letter of the query. Most keys are
	// ruled out here without reading their data.
	if q.py != "" && k.initials&q.first != 0 && k.letters&q.letters == q.letters {
		// One letter: an element starts with it, which the initials'
		// union already says; the key's data is not read.
		if len(q.py) == 1 {
			return true
		}
		if k.initials&q.letters == q.letters && k.matchInitials(q.py) {
			return true
		}
		if len(q.py) >= 2 && k.matchPinyin(q.py) {
			return true
		}
	}
	return q.num != "" && k.pairs&q.pairs == q.pairs && strings.Contains(k.s[k.nameEnd:], q.num)
}

// Sieve is the part of a Key that decides most queries without reading
// the key's data: its Bloom filters and letter sets (and a wider filter of
// the name's characters than the key keeps), 24 bytes against the
// key's 40 and its data. A list searched at every keystroke keeps its keys'
// sieves in a slice of their own, so a first letter typed over 300,000
// members reads 7 MB of memory in order instead of every key.
type Sieve struct {
	pairs    uint64
	initials uint32
	letters  uint32
	runes32  uint32 // runeBits32 of the name
	runes    uint16
}

// Sieve returns the key's sieve.
func (k *Key) Sieve() Sieve {
	return Sieve{pairs: k.pairs, initials: k.initials, letters: k.letters, runes: k.runes, runes32: runeBits32(k.Name())}
}

// Decide is what the sieve alone says of q: when sure, match is what
// Key.Match answers; when not, the key must be asked. It rules out what
// Match rules out before reading the key's data, and decides a one-letter
// pinyin query outright.
func (s *Sieve) Decide(q *Query) (match, sure bool) {
	if q.text == "" {
		return true, true
	}
	if s.runes&q.runes == q.runes && s.runes32&q.runes32 == q.runes32 && (s.letters>>31 != 0 || !q.ascii) {
		return false, false // the name may hold the text
	}
	if q.py != "" && s.initials&q.first != 0 && s.letters&q.letters == q.letters {
		if len(q.py) == 1 {
			return true, true
		}
		return false, false
	}
	if q.num != "" && s.pairs&q.pairs == q.pairs {
		return false, false
	}
	return false, true
}

// bits returns the initial-letter set of element i.
func (k *Key) bits(i int) uint32 {
	b := k.s[4*i : 4*i+4]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

// matchInitials reports whether q (a–z) are initials of consecutive
// elements: a substring search over the elements' letter sets.
func (k *Key) matchInitials(q string) bool {
	n, m := k.n(), len(q)
	for i := 0; i+m <= n; i++ {
		j := 0
		for j < m && k.bits(i+j)&(1<<(q[j]-'a')) != 0 {
			j++
		}
		if j == m {
			return true
		}
	}
	return false
}

// matchPinyin reports whether q (a–z, 2 to maxPinyinQuery letters) is
// spelled by consecutive elements from some element on, each element by a
// non-empty prefix of one of its readings ("zhangsan", "zhangs", "zsan").
func (k *Key) matchPinyin(q string) bool {
	p := k.s[4*k.n() : k.pyEnd]
	bit := uint32(1) << (q[0] - 'a')
	for e := 0; len(p) > 0; e++ {
		if k.bits(e)&bit != 0 {
			// A real name settles in a few steps; a name built to make
			// the search try every split runs out of budget and is then
			// searched again with memory of the dead ends.
			budget := 256
			m, ok := spell(p, e, q, 0, &budget, nil)
			if !ok {
				var failed [maxElements]uint64
				m, _ = spell(p, e, q, 0, nil, &failed)
			}
			if m {
				return true
			}
		}
		p = p[1+int(p[0]):]
	}
	return false
}

// spell reports whether q[o:] is spelled from element e on; p holds the
// readings of element e and the elements after it. With a budget it gives
// up (ok false) after that many steps; with failed (bit o of failed[e]:
// q[o:] cannot be spelled from element e on) it stays polynomial.
func spell(p string, e int, q string, o int, budget *int, failed *[maxElements]uint64) (match, ok bool) {
	if budget != nil {
		if *budget == 0 {
			return false, false
		}
		*budget--
	} else if failed[e]&(1<<o) != 0 {
		return false, true
	}
	l := int(p[0])
	el, rest := p[1:1+l], p[1+l:]
	rq := q[o:]
	for len(el) > 0 {
		z := 0
		for el[z] != 0 {
			z++
		}
		r := el[:z]
		el = el[z+1:]
		c := 0
		for c < len(r) && c < len(rq) && (r[c] == rq[c] || c > 0 && r[c] == 'v' && rq[c] == 'u') {
			c++
		}
		if c == len(rq) {
			return true, true
		}
		if len(rest) == 0 {
			continue
		}
		for t := c; t >= 1; t-- {
			m, ok := spell(rest, e+1, q, o+t, budget, failed)
			if m || !ok {
				return m, ok
			}
		}
	}
	if failed != nil {
		failed[e] |= 1 << o
	}
	return false, true
}
