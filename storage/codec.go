package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"

	"github.com/fxamacker/cbor/v2"

	"unionbook/i18n"
	"unionbook/model"
)

// The first byte of every stored record says its format:
//
//	1  CBOR of the model structs with integer keys (the `cbor:"N,keyasint"`
//	   tags). Written up to schema 5; still read, for older databases and
//	   backups before their migration.
//	2  the CRC-32C (Castagnoli) of the CBOR, 4 bytes big-endian, then the
//	   CBOR as in format 1. bbolt keeps no checksum of its pages, so a
//	   changed byte in a value would otherwise read as a different payment
//	   or name; with it, a damaged record is an error when read and a
//	   problem in the check. Written since the migration "record checksums".
//	3  the CRC-32C of the bytes after it, 4 bytes big-endian, then the CBOR
//	   as raw DEFLATE (RFC 1951) against the preset dictionary
//	   auditDictionary (codec_dict.go), which is never changed: another
//	   dictionary would be another format byte. Written (codec_lz.go) for
//	   audit entries since the migration "dense records", read with
//	   compress/flate: an entry is a third of its CBOR (a member's
//	   creation lists every field by name). The checksum covers the
//	   compressed bytes, so the check verifies a record without inflating
//	   it.
//
// Payments and audit entries are also stored in a denser form than their
// model structs' CBOR (codec_dense.go): times as integers, a receipt
// number as its sequence, a payment's shares left out when they are its
// amount. encode and decode convert (the model structs, PaymentRef and
// AuditRef); a record in the earlier form reads the same. A reader of
// their raw CBOR must know both forms.
//
// A later format gets a new byte and a migration; adding fields needs
// neither, because decoding ignores fields it does not know.
const (
	formatCBOR    byte = 1
	formatCBORCRC byte = 2
	formatDeflate byte = 3

	recordFormat = formatCBORCRC // what encode writes (audit entries: formatDeflate)
	crcSize      = 4
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

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

// encode returns the record bytes of v: format byte, checksum, CBOR (an
// audit entry's compressed).
func encode(v any) ([]byte, error) {
	var stored any = v
	deflate := false
	switch r := v.(type) {
	case *model.DuesPayment:
		stored = densePayment(r)
	case model.DuesPayment:
		stored = densePayment(&r)
	case *model.AuditEntry:
		stored, deflate = denseAudit(r), true
	case model.AuditEntry:
		stored, deflate = denseAudit(&r), true
	}
	b, err := encMode.Marshal(stored)
	if err != nil {
		return nil, fmt.Errorf("encode %T: %w", v, err)
	}
	if deflate {
		return compressRecord(b)
	}
	return withChecksum(b), nil
}

// withChecksum is the format-2 record of CBOR bytes b.
func withChecksum(b []byte) []byte {
	out := make([]byte, 1+crcSize+len(b))
	out[0] = formatCBORCRC
	binary.BigEndian.PutUint32(out[1:], crc32.Checksum(b, castagnoli))
	copy(out[1+crcSize:], b)
	return out
}

// decode reads record bytes into v, after checking the checksum. It does
// not retain data: strings and slices are copied, so data from inside a
// transaction may be decoded. Its errors are for the user: a checksum that
// does not match errors.Is errRecordChecksum, CBOR that does not parse
// errRecordUnreadable.
func decode(data []byte, v any) error {
	if r, ok := v.(*AuditRef); ok && len(data) > 1+crcSize && data[0] == formatDeflate {
		// a period's choice reads hundreds of thousands of these: the
		// start of each is enough, once its checksum is good
		packed, err := checkedPacked(data)
		if err != nil {
			return fmt.Errorf("decode %T: %w", v, err)
		}
		if auditRefOf(packed, r) {
			return nil
		}
	}
	payload, err := verifyRecord(data)
	if err != nil {
		return fmt.Errorf("decode %T: %w", v, err)
	}
	switch r := v.(type) {
	case *model.DuesPayment:
		d := paymentRecords.Get().(*paymentRecord)
		*d = paymentRecord{}
		err = decMode.Unmarshal(payload, d)
		d.model(r)
		paymentRecords.Put(d)
	case *model.AuditEntry:
		var d auditRecord
		err = decMode.Unmarshal(payload, &d)
		d.model(r)
	case *PaymentRef:
		if paymentRefOf(payload, r) {
			return nil
		}
		var d paymentRefRecord
		err = decMode.Unmarshal(payload, &d)
		d.ref(r)
	case *AuditRef:
		var d auditRefRecord
		err = decMode.Unmarshal(payload, &d)
		*r = AuditRef{ID: d.ID, At: timeOf(d.Time, d.At)}
	default:
		err = decMode.Unmarshal(payload, v)
	}
	if err != nil {
		return &recordError{errRecordUnreadable, fmt.Errorf("decode %T: %w", v, err)}
	}
	return nil
}

// verifyRecord checks record bytes and returns their CBOR (inflated, for
// format 3, into a new slice).
func verifyRecord(data []byte) ([]byte, error) {
	if len(data) == 0 {
		return nil, errRecordUnreadable
	}
	switch data[0] {
	case formatCBOR:
		return data[1:], nil
	case formatCBORCRC:
		if len(data) < 1+crcSize {
			return nil, errRecordUnreadable
		}
		payload := data[1+crcSize:]
		if binary.BigEndian.Uint32(data[1:]) != crc32.Checksum(payload, castagnoli) {
			return nil, errRecordChecksum
		}
		return payload, nil
	case formatDeflate:
		packed, err := checkedPacked(data)
		if err != nil {
			return nil, err
		}
		return inflateRecord(packed)
	}
	return nil, i18n.E("err.record_format", int(data[0]))
}

// checkedPacked is a format-3 record's compressed bytes, once its checksum
// is found good.
func checkedPacked(data []byte) ([]byte, error) {
	if len(data) < 1+crcSize {
		return nil, errRecordUnreadable
	}
	packed := data[1+crcSize:]
	if binary.BigEndian.Uint32(data[1:]) != crc32.Checksum(packed, castagnoli) {
		return nil, errRecordChecksum
	}
	return packed, nil
}

var (
	errRecordChecksum   = i18n.E("err.record_checksum")
	errRecordUnreadable = i18n.E("err.record_unreadable")
	errRecordMissing    = i18n.E("err.record_missing")
)

// dangling says a record that an index entry or another record points at,
// and that is not there, as the damage it is (the Store's View and Update
// then name the good backup and the restore command); a read that follows
// an index or a reference wraps its error with it. Other errors pass.
func dangling(err error) error {
	if err != nil && errors.Is(err, errNotFound()) {
		return &recordError{errRecordMissing, err}
	}
	return err
}

// recordError is a record that cannot be read: the user's message, and
// the decoder's words underneath for errors.Unwrap.
type recordError struct {
	msg   *i18n.Error
	cause error
}

func (e *recordError) Error() string               { return e.msg.Error() + " (" + e.cause.Error() + ")" }
func (e *recordError) Localize(l i18n.Lang) string { return e.msg.Localize(l) }
func (e *recordError) Unwrap() []error             { return []error{e.msg, e.cause} }

// recordPayload is the CBOR of record bytes, without the header (nil for
// a compressed record that does not inflate).
func recordPayload(data []byte) []byte {
	switch {
	case len(data) == 0:
		return nil
	case data[0] == formatCBORCRC && len(data) >= 1+crcSize:
		return data[1+crcSize:]
	case data[0] == formatDeflate && len(data) >= 1+crcSize:
		b, _ := inflateRecord(data[1+crcSize:])
		return b
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
