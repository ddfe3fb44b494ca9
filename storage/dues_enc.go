package storage

import (
	"encoding/binary"
	"fmt"
	"math"

	"unionbook/i18n"
	"unionbook/model"
)

// Encodings of the dues and cash-book aggregates. All big-endian, so keys
// sort by month, then unit or account.

// monthKey is a month as a 4-byte key (yyyymm).
func monthKey(m model.Month) []byte {
	b := make([]byte, 4)
	binary.BigEndian.PutUint32(b, uint32(m))
	return b
}

// dateKey is a date as a 4-byte key (yyyymmdd).
func dateKey(d model.Date) []byte {
	b := make([]byte, 4)
	binary.BigEndian.PutUint32(b, uint32(d))
	return b
}

// ledgerDateKey is the idx_ledger_date key of an entry.
func ledgerDateKey(d model.Date, id uint64) []byte {
	k := make([]byte, 12)
	binary.BigEndian.PutUint32(k, uint32(d))
	binary.BigEndian.PutUint64(k[4:], id)
	return k
}

// duesTotalKey is month + unit ID.
func duesTotalKey(m model.Month, unit uint64) []byte {
	k := make([]byte, 12)
	binary.BigEndian.PutUint32(k, uint32(m))
	binary.BigEndian.PutUint64(k[4:], unit)
	return k
}

// ledgerTotalKey is month + direction + account code.
func ledgerTotalKey(m model.Month, d model.Direction, account string) []byte {
	k := make([]byte, 5+len(account))
	binary.BigEndian.PutUint32(k, uint32(m))
	k[4] = byte(d)
	copy(k[5:], account)
	return k
}

// pair is the value of an aggregate: an amount and a count.
func pair(v []byte) (amount model.Money, count int64) {
	if len(v) != 16 {
		return 0, 0
	}
	return model.Money(int64(binary.BigEndian.Uint64(v))), int64(binary.BigEndian.Uint64(v[8:]))
}

func pairBytes(amount model.Money, count int64) []byte {
	b := make([]byte, 16)
	binary.BigEndian.PutUint64(b, uint64(amount))
	binary.BigEndian.PutUint64(b[8:], uint64(count))
	return b
}

// seqKey is the meta key of a per-year counter ("receipt_seq/2026").
func seqKey(prefix string, year int) []byte { return []byte(fmt.Sprintf("%s%04d", prefix, year)) }

// Receipt and voucher numbers: the year of the payment's or entry's date,
// a dash and a sequence that starts at 1 each year and only grows:
// receipts "2026-000001" (six digits: a county federation of 100,000
// members issues up to 1.2 million a year, and then the number simply
// grows a digit), vouchers "2026-0001".
func receiptNo(year int, n uint64) string {
	if year < 0 || year > 9999 {
		return fmt.Sprintf("%04d-%06d", year, n)
	}
	// What Sprintf("%04d-%06d") writes, without fmt: every stored payment
	// is read through it (codec_dense.go).
	b := make([]byte, 0, 16)
	b = appendZeroPadded(b, uint64(year), 4)
	b = append(b, '-')
	return string(appendZeroPadded(b, n, 6))
}

// appendZeroPadded appends n in decimal, with leading zeros to width.
func appendZeroPadded(b []byte, n uint64, width int) []byte {
	var d [20]byte
	i := len(d)
	for n > 0 || i == len(d) {
		i--
		d[i] = byte('0' + n%10)
		n /= 10
	}
	for w := len(d) - i; w < width; w++ {
		b = append(b, '0')
	}
	return append(b, d[i:]...)
}
func voucherNo(year int, n uint64) string { return fmt.Sprintf("%04d-%04d", year, n) }

// monthIndex counts months from year 0, so consecutive months differ by one.
func monthIndex(m model.Month) int { return m.Year()*12 + m.MonthOfYear() - 1 }
func indexMonth(i int) model.Month { return model.Month((i/12)*100 + i%12 + 1) }

// memberDues is the dues_member value of one member: the set of paid
// months as a bitmap, and the IDs of every payment and reversal of the
// member in ID order. Encoded, since the migration "dense records", as
//
//	[1] 1, the form's mark
//	[4] first month index of the bitmap (a multiple of 8)
//	[2] bitmap length n in bytes
//	[n] bitmap: bit i of byte j is month first+8j+i
//	the payment IDs: the first, then each one's distance from the one
//	before it, as unsigned varints (encoding/binary), 2–3 bytes each
//
// and before it (still read; written when the IDs are not in order) as
//
//	[4] first month index, [2] n, [n] bitmap, [8 × k] payment IDs.
//
// A month index is far below 2^24, so the earlier form starts with a zero
// byte. Arrears and the paid months read only this value, never the
// payments.
type memberDues struct {
	first int // month index of bit 0
	bits  []byte
	ids   []uint64
}

// duesVarint marks the dues_member form with varint payment IDs.
const duesVarint = 1

func decodeMemberDues(v []byte) memberDues {
	d, _ := parseMemberDues(v)
	return d
}

// parseMemberDues is decodeMemberDues, and false for a value that is not
// whole (what could be read of it is returned; the check reports it).
func parseMemberDues(v []byte) (memberDues, bool) {
	var d memberDues
	first, bits, rest := splitMemberDues(v)
	if bits == nil && rest == nil {
		return d, len(v) == 0
	}
	d.first, d.bits = first, append([]byte(nil), bits...)
	if v[0] != duesVarint {
		for ; len(rest) >= 8; rest = rest[8:] {
			d.ids = append(d.ids, binary.BigEndian.Uint64(rest))
		}
		return d, len(rest) == 0
	}
	var id uint64
	for len(rest) > 0 {
		delta, n := binary.Uvarint(rest)
		if n <= 0 || id+delta < id {
			return d, false
		}
		id += delta
		d.ids = append(d.ids, id)
		rest = rest[n:]
	}
	return d, true
}

// splitMemberDues finds the parts of an encoded value in either form,
// without copying; nil, nil for one too short.
func splitMemberDues(v []byte) (first int, bits, ids []byte) {
	if len(v) > 0 && v[0] == duesVarint {
		v = v[1:]
	}
	if len(v) < 6 {
		return 0, nil, nil
	}
	n := int(binary.BigEndian.Uint16(v[4:]))
	if 6+n > len(v) {
		return 0, nil, nil
	}
	return int(binary.BigEndian.Uint32(v)), v[6 : 6+n], v[6+n:]
}

func (d *memberDues) encode() []byte {
	ascending := true
	for i := 1; i < len(d.ids); i++ {
		ascending = ascending && d.ids[i] > d.ids[i-1]
	}
	if !ascending { // the earlier form keeps any order
		out := make([]byte, 6+len(d.bits)+8*len(d.ids))
		binary.BigEndian.PutUint32(out, uint32(d.first))
		binary.BigEndian.PutUint16(out[4:], uint16(len(d.bits)))
		copy(out[6:], d.bits)
		p := out[6+len(d.bits):]
		for i, id := range d.ids {
			binary.BigEndian.PutUint64(p[8*i:], id)
		}
		return out
	}
	out := make([]byte, 7+len(d.bits), 7+len(d.bits)+3*len(d.ids))
	out[0] = duesVarint
	binary.BigEndian.PutUint32(out[1:], uint32(d.first))
	binary.BigEndian.PutUint16(out[5:], uint16(len(d.bits)))
	copy(out[7:], d.bits)
	prev := uint64(0)
	for _, id := range d.ids {
		out = binary.AppendUvarint(out, id-prev)
		prev = id
	}
	return out
}

// paidBits reads only the bitmap of an encoded value, without copying: for
// scans over every member.
func paidBits(v []byte) (first int, bits []byte) {
	first, bits, _ = splitMemberDues(v)
	return first, bits
}

// bitsHas reports whether month index i is set in a bitmap starting at first.
func bitsHas(first int, bits []byte, i int) bool {
	j := i - first
	if j < 0 || j >= 8*len(bits) {
		return false
	}
	return bits[j/8]&(1<<(j%8)) != 0
}

func (d *memberDues) has(m model.Month) bool { return bitsHas(d.first, d.bits, monthIndex(m)) }

// set marks (or clears) a month, growing the bitmap as needed.
func (d *memberDues) set(m model.Month, on bool) {
	i := monthIndex(m)
	if len(d.bits) == 0 {
		if !on {
			return
		}
		d.first = i - i%8
	}
	if i < d.first {
		if !on {
			return
		}
		grow := (d.first - (i - i%8)) / 8
		d.bits = append(make([]byte, grow), d.bits...)
		d.first -= 8 * grow
	}
	j := i - d.first
	if j >= 8*len(d.bits) {
		if !on {
			return
		}
		d.bits = append(d.bits, make([]byte, j/8+1-len(d.bits))...)
	}
	if on {
		d.bits[j/8] |= 1 << (j % 8)
	} else {
		d.bits[j/8] &^= 1 << (j % 8)
	}
}

func errNotFound() error { return i18n.E("err.not_found") }

// paid lists the months whose bit is set, oldest first.
func (d memberDues) paid() []model.Month {
	var out []model.Month
	for j, b := range d.bits {
		for i := 0; i < 8; i++ {
			if b&(1<<i) != 0 {
				idx := d.first + 8*j + i
				out = append(out, model.Month((idx/12)*100+idx%12+1))
			}
		}
	}
	return out
}

// keyHead is the first four bytes of an index key, a month or a date as
// monthKey and dateKey write them. A key damage cut shorter reads as the
// largest value, so a scan in key order ends there instead of panicking;
// check reports the key.
func keyHead(k []byte) uint32 {
	if len(k) < 4 {
		return math.MaxUint32
	}
	return binary.BigEndian.Uint32(k)
}

// keyHeadBytes is keyHead as bytes, for comparing with dateKey.
func keyHeadBytes(k []byte) []byte {
	if len(k) < 4 {
		return []byte{0xff, 0xff, 0xff, 0xff}
	}
	return k[:4]
}
