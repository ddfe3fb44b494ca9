package storage

import (
	"encoding/binary"
	"fmt"

	"github.com/fxamacker/cbor/v2"

	"unionbook/i18n"
)

// recordFormat is the first byte of every stored record. Version 1 is CBOR
// of the model structs with integer keys (the `cbor:"N,keyasint"` tags). A
// later format gets a new byte and a migration; adding fields needs neither,
// because decoding ignores fields it does not know.
const recordFormat byte = 1

var (
	encMode cbor.EncMode
	decMode cbor.DecMode
)

func init() {
	var err error
	// RFC 3339 with nanoseconds keeps the audit and status-change times
	// exactly, offset included, and stays readable in a hex dump.
	encMode, err = cbor.EncOptions{Time: cbor.TimeRFC3339Nano}.EncMode()
	if err != nil {
		panic(err)
	}
	// The defaults ignore unknown map keys, so a record written by a newer
	// program with more fields still reads.
	decMode, err = cbor.DecOptions{
		MaxArrayElements: 1 << 20,
		MaxMapPairs:      1 << 20,
	}.DecMode()
	if err != nil {
		panic(err)
	}
}

// encode returns the record bytes of v: format byte then CBOR.
func encode(v any) ([]byte, error) {
	b, err := encMode.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode %T: %w", v, err)
	}
	out := make([]byte, 1+len(b))
	out[0] = recordFormat
	copy(out[1:], b)
	return out, nil
}

// decode reads record bytes into v. It does not retain data: strings and
// slices are copied, so data from inside a transaction may be decoded.
func decode(data []byte, v any) error {
	if len(data) == 0 {
		return fmt.Errorf("decode %T: empty record", v)
	}
	if data[0] != recordFormat {
		return fmt.Errorf("decode %T: %w", v, i18n.E("err.record_format", int(data[0])))
	}
	if err := decMode.Unmarshal(data[1:], v); err != nil {
		return fmt.Errorf("decode %T: %w", v, err)
	}
	return nil
}

// recordPayload is the CBOR of record bytes, without the header.
func recordPayload(data []byte) []byte {
	if len(data) == 0 {
		return nil
	}
	return data[1:]
}

// itob is an ID as a big-endian key, so keys sort like the numbers.
func itob(id uint64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, id)
	return b
}

func btoi(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

// pairKey is the key of a two-level index entry (unit ID, member ID).
func pairKey(a, b uint64) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, a)
	binary.BigEndian.PutUint64(k[8:], b)
	return k
}
