package storage

import (
	"encoding/binary"
	"unicode/utf8"
)

// cborScan walks the top-level map of a record's CBOR without reflection,
// for the few whole-roster reads that need a handful of fields of every
// member (the roster list: members.go). It understands what the encoder
// writes for the model structs: definite lengths, integer keys, unsigned
// and negative integers, strings, arrays, maps, tags and simple values.
// Anything else makes it give up (ok false), and the caller decodes the
// record the general way, which also reports a damaged record properly.
type cborScan struct {
	b []byte
	i int
}

// maxScanDepth bounds nested items a skip walks into.
const maxScanDepth = 32

// head reads an item's major type and argument. Indefinite lengths and
// reserved values are refused.
func (s *cborScan) head() (major byte, arg uint64, ok bool) {
	if s.i >= len(s.b) {
		return 0, 0, false
	}
	c := s.b[s.i]
	s.i++
	major, info := c>>5, c&0x1f
	switch {
	case info < 24:
		return major, uint64(info), true
	case info == 24:
		if s.i+1 > len(s.b) || major == 7 && s.b[s.i] < 32 { // a simple value under 32 takes one byte
			return 0, 0, false
		}
		s.i++
		return major, uint64(s.b[s.i-1]), true
	case info == 25:
		if s.i+2 > len(s.b) {
			return 0, 0, false
		}
		s.i += 2
		return major, uint64(binary.BigEndian.Uint16(s.b[s.i-2:])), true
	case info == 26:
		if s.i+4 > len(s.b) {
			return 0, 0, false
		}
		s.i += 4
		return major, uint64(binary.BigEndian.Uint32(s.b[s.i-4:])), true
	case info == 27:
		if s.i+8 > len(s.b) {
			return 0, 0, false
		}
		s.i += 8
		return major, binary.BigEndian.Uint64(s.b[s.i-8:]), true
	}
	return 0, 0, false
}

// bytes reads the content of a string item whose head said n bytes.
func (s *cborScan) bytes(n uint64) ([]byte, bool) {
	if n > uint64(len(s.b)-s.i) {
		return nil, false
	}
	out := s.b[s.i : s.i+int(n)]
	s.i += int(n)
	return out, true
}

// skip steps over one whole item.
func (s *cborScan) skip(depth int) bool {
	if depth > maxScanDepth {
		return false
	}
	major, arg, ok := s.head()
	if !ok {
		return false
	}
	switch major {
	case 0, 1, 7: // integers, simple values and floats: the head is all
		return true
	case 2:
		_, ok := s.bytes(arg)
		return ok
	case 3:
		t, ok := s.bytes(arg)
		return ok && utf8.Valid(t)
	case 4, 5:
		n := arg
		if major == 5 {
			if n > uint64(len(s.b)) {
				return false
			}
			n *= 2
		}
		if n > uint64(len(s.b)-s.i) { // every item takes at least a byte
			return false
		}
		for range n {
			if !s.skip(depth + 1) {
				return false
			}
		}
		return true
	case 6: // the content of the standard tags the decoder checks
		at := s.i
		if !s.skip(depth + 1) {
			return false
		}
		content := s.b[at] >> 5
		switch arg {
		case 0:
			return content == 3
		case 1:
			return content == 0 || content == 1 || content == 7
		case 2, 3:
			return content == 2
		}
		return true
	}
	return false
}

// uint reads an unsigned integer item.
func (s *cborScan) uint() (uint64, bool) {
	major, arg, ok := s.head()
	return arg, ok && major == 0
}

// int reads an integer item that fits an int64.
func (s *cborScan) int() (int64, bool) {
	major, arg, ok := s.head()
	switch {
	case !ok || arg > 1<<63-1:
		return 0, false
	case major == 0:
		return int64(arg), true
	case major == 1:
		return -1 - int64(arg), true
	}
	return 0, false
}

// text reads a text string item (its bytes, still in the record).
func (s *cborScan) text() ([]byte, bool) {
	major, arg, ok := s.head()
	if !ok || major != 3 {
		return nil, false
	}
	return s.bytes(arg)
}

// mapLen reads the head of a map.
func (s *cborScan) mapLen() (int, bool) {
	major, arg, ok := s.head()
	if !ok || major != 5 || arg > uint64(len(s.b)) {
		return 0, false
	}
	return int(arg), true
}
