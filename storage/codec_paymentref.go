package storage

import (
	"encoding/binary"
	"math"
	"unicode/utf8"

	"unionbook/model"
)

// paymentRefOf reads a PaymentRef straight from a payment's CBOR: the map
// of small integer keys that paymentRecord writes, its values unsigned
// numbers, strings, arrays of numbers and booleans. A period's export
// reads every payment of the federation this way, a million and more; the
// general decoder took most of its choice of records. ok is false for
// anything else (a tag, a nested map, a key met twice, bytes after the
// map): the caller then decodes the record whole.
func paymentRefOf(b []byte, r *PaymentRef) (ok bool) {
	major, n, b, ok := cborHead(b)
	if !ok || major != 5 {
		return false
	}
	var ref PaymentRef
	var seen uint32
	to, hasTo := model.Month(0), false
	for range n {
		var key uint64
		if major, key, b, ok = cborHead(b); !ok || major != 0 || key > math.MaxInt64 {
			return false
		}
		if key < 32 {
			if seen&(1<<key) != 0 {
				return false
			}
			seen |= 1 << key
		}
		switch key {
		case 1, 2, 11, 12, 13:
			var v uint64
			if major, v, b, ok = cborHead(b); !ok || major != 0 {
				return false
			}
			switch key {
			case 1:
				ref.ID = v
			case 2:
				ref.MemberID = v
			case 11:
				ref.BatchID = v
			case 12:
				ref.LedgerID = v
			case 13:
				ref.ReversalOf = v
			}
		case 4, 5, 8:
			if key == 5 && len(b) > 0 && b[0] == 0xf6 { // null: To is From
				b = b[1:]
				continue
			}
			var v int32
			if v, b, ok = cborInt32(b); !ok {
				return false
			}
			switch key {
			case 4:
				ref.From = model.Month(v)
			case 5:
				to, hasTo = model.Month(v), true
			case 8:
				ref.Date = model.Date(v)
			}
		default:
			if b, ok = cborSkip(b, 0); !ok {
				return false
			}
		}
	}
	if len(b) != 0 {
		return false
	}
	ref.To = ref.From
	if hasTo {
		ref.To = to
	}
	*r = ref
	return true
}

// cborHead reads a data item's head: its major type and argument (the
// value, or a length or count). Indefinite lengths and reserved forms are
// not read.
func cborHead(b []byte) (major byte, arg uint64, rest []byte, ok bool) {
	if len(b) == 0 {
		return 0, 0, nil, false
	}
	major, info := b[0]>>5, b[0]&0x1f
	b = b[1:]
	switch {
	case info < 24:
		return major, uint64(info), b, true
	case info == 24 && len(b) >= 1:
		return major, uint64(b[0]), b[1:], true
	case info == 25 && len(b) >= 2:
		return major, uint64(binary.BigEndian.Uint16(b)), b[2:], true
	case info == 26 && len(b) >= 4:
		return major, uint64(binary.BigEndian.Uint32(b)), b[4:], true
	case info == 27 && len(b) >= 8:
		return major, binary.BigEndian.Uint64(b), b[8:], true
	}
	return 0, 0, nil, false
}

// cborInt32 reads an integer that fits an int32 (a month, a date).
func cborInt32(b []byte) (int32, []byte, bool) {
	major, v, rest, ok := cborHead(b)
	switch {
	case !ok:
	case major == 0 && v <= math.MaxInt32:
		return int32(v), rest, true
	case major == 1 && v <= math.MaxInt32: // -1-v
		return int32(-1 - int64(v)), rest, true
	}
	return 0, nil, false
}

// cborSkip passes over one value of the kinds a payment holds: numbers,
// strings, booleans, null, and arrays of these (its shares of months).
func cborSkip(b []byte, depth int) ([]byte, bool) {
	if len(b) > 0 && (b[0] == 0xf4 || b[0] == 0xf5 || b[0] == 0xf6) { // false, true, null
		return b[1:], true
	}
	major, n, b, ok := cborHead(b)
	if !ok {
		return nil, false
	}
	switch major {
	case 0, 1: // the decoder reads an unknown key's number as an int64
		return b, n <= math.MaxInt64
	case 2, 3:
		if n > uint64(len(b)) || major == 3 && !utf8.Valid(b[:n]) {
			return nil, false
		}
		return b[n:], true
	case 4:
		if depth > 0 || n > uint64(len(b)) {
			return nil, false
		}
		for range n {
			if b, ok = cborSkip(b, depth+1); !ok {
				return nil, false
			}
		}
		return b, true
	}
	return nil, false
}
