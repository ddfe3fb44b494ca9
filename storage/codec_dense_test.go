package storage

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// A time in its dense form reads back as its RFC 3339 text did: the same
// instant, and the same location (UTC, the local zone, or a fixed zone
// without a name), so a record reads the same before and after the
// migration, down to reflect.DeepEqual.
func TestStoredTimeReadsAsItsText(t *testing.T) {
	t.Parallel()
	zones := []*time.Location{time.UTC, time.Local, time.FixedZone("", 8*3600), time.FixedZone("CST", 8*3600),
		time.FixedZone("", -(3*3600 + 30*60)), time.FixedZone("", 5*3600+45*60)}
	if sh, err := time.LoadLocation("Asia/Shanghai"); err == nil {
		zones = append(zones, sh)
	}
	r := rand.New(rand.NewPCG(1, 2))
	type textTime struct {
		T time.Time `cbor:"1,keyasint"`
	}
	for _, loc := range zones {
		for i := range 200 {
			at := time.Unix(r.Int64N(4e9)-1e9, 0).In(loc)
			if i%2 == 0 {
				at = at.Add(time.Duration(r.IntN(1e9)))
			}
			b, err := encMode.Marshal(textTime{at})
			if err != nil {
				t.Fatal(err)
			}
			var want textTime
			if err := decMode.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			if got := toStoredTime(at).time(); !reflect.DeepEqual(got, want.T) {
				t.Fatalf("%s: dense form reads %v (%v), the text read %v (%v)", at, got, got.Location(), want.T, want.T.Location())
			}
		}
	}
	if got := toStoredTime(time.Time{}).time(); !got.IsZero() {
		t.Errorf("zero time reads %v", got)
	}
}

// Payments of every shape read back as written from their dense form, and
// as written in the form main wrote before (the model's CBOR).
func TestDensePaymentReadsAsWritten(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, 3, 4, 9, 30, 15, 123456789, time.FixedZone("", 8*3600))
	base := model.DuesPayment{ID: 1234567, MemberID: 99999, UnitID: 321, From: 202603, To: 202603, Amount: 2500,
		Expected: 2500, Date: 20260304, Method: model.PayMobile, ReceiptNo: "2026-000123", LedgerID: 777777,
		Operator: "黄建国", CreatedAt: at, Alloc: []model.Money{2500}, Owed: []model.Money{2500}}
	cases := map[string]func(p *model.DuesPayment){
		"one month in full": func(p *model.DuesPayment) {},
		"one month underpaid": func(p *model.DuesPayment) {
			p.Amount, p.Alloc = 1000, []model.Money{1000}
		},
		"a month paid in part before": func(p *model.DuesPayment) { p.Expected, p.Amount, p.Alloc = 1500, 1500, []model.Money{1500} },
		"three months": func(p *model.DuesPayment) {
			p.To, p.Amount, p.Expected = 202605, 7500, 7500
			p.Alloc, p.Owed = []model.Money{2500, 2500, 2500}, []model.Money{2500, 2500, 2500}
		},
		"a reversal": func(p *model.DuesPayment) {
			p.Amount, p.Expected, p.Alloc, p.ReversalOf, p.Reason = -2500, -2500, []model.Money{-2500}, 5, "录入错误"
		},
		"without shares (before they were kept)": func(p *model.DuesPayment) { p.Alloc, p.Owed = nil, nil },
		"a batch's shared receipt":               func(p *model.DuesPayment) { p.BatchID = 12 },
		"a receipt of another year":              func(p *model.DuesPayment) { p.ReceiptNo = "2025-000123" },
		"a seven-digit receipt":                  func(p *model.DuesPayment) { p.ReceiptNo = "2026-1234567" },
		"a receipt with a zero too many":         func(p *model.DuesPayment) { p.ReceiptNo = "2026-0000123" },
		"a receipt typed by hand":                func(p *model.DuesPayment) { p.ReceiptNo = "手工 第12号" },
		"no receipt":                             func(p *model.DuesPayment) { p.ReceiptNo = "" },
		"receipt zero":                           func(p *model.DuesPayment) { p.ReceiptNo = "2026-000000" },
		"no time":                                func(p *model.DuesPayment) { p.CreatedAt = time.Time{} },
		"To unset":                               func(p *model.DuesPayment) { p.To = 0 },
		"empty shares":                           func(p *model.DuesPayment) { p.Alloc, p.Owed = []model.Money{}, []model.Money{} },
	}
	for name, change := range cases {
		p := base
		p.Alloc, p.Owed = append([]model.Money(nil), base.Alloc...), append([]model.Money(nil), base.Owed...)
		change(&p)
		want := p
		if want.Alloc != nil && len(want.Alloc) == 0 {
			want.Alloc, want.Owed = nil, nil // omitempty, in either form
		}
		dense, err := encode(&p)
		if err != nil {
			t.Fatal(err)
		}
		old, _ := encMode.Marshal(&p)
		for form, b := range map[string][]byte{"dense": dense, "main's": withChecksum(old)} {
			var got model.DuesPayment
			if err := decode(b, &got); err != nil {
				t.Fatalf("%s, %s form: %v", name, form, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %s form, reads\n%+v\nwritten\n%+v", name, form, got, want)
			}
		}
		if len(dense) >= len(old)+1+crcSize && name != "no time" {
			t.Errorf("%s: dense form %d bytes, the model's %d", name, len(dense), len(old)+1+crcSize)
		}
	}
	b, _ := encode(&base)
	old, _ := encMode.Marshal(&base)
	if len(b) > 3*(1+crcSize+len(old))/4 {
		t.Errorf("a one-month payment takes %d bytes, %d in main's form", len(b), 1+crcSize+len(old))
	}
}

// The dictionary of record format 3 never changes: records compressed
// against it read only with it.
func TestAuditDictionary(t *testing.T) {
	t.Parallel()
	sum := sha256.Sum256([]byte(auditDictionary))
	if got := hex.EncodeToString(sum[:]); got != auditDictionarySHA256 {
		t.Errorf("auditDictionary changed (SHA-256 %s): every audit entry written against the old one would be unreadable. A new dictionary is a new record format.", got)
	}
}

const auditDictionarySHA256 = "5e6957d9165366cdeb8e6799733575b90ea719e1d055611c5679fbf6838b3f30"

// deflateFixed writes DEFLATE that compress/flate reads back byte for
// byte, for audit entries and for anything else (compressRecord would
// fall back to compress/flate, and this test is what says it never has
// to).
func TestDeflateFixedReadsBack(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(3, 4))
	var inputs [][]byte
	for i := range 300 {
		n := r.IntN(2000)
		if i%50 == 0 {
			n = 40000 + r.IntN(30000) // past the 32 KB window
		}
		b := make([]byte, n)
		switch i % 3 {
		case 0: // noise
			for j := range b {
				b[j] = byte(r.Uint32())
			}
		case 1: // pieces of the dictionary and repeats
			for j := 0; j < n; {
				k := r.IntN(len(auditDictionary))
				j += copy(b[j:], auditDictionary[k:min(len(auditDictionary), k+r.IntN(300))])
				if j > 10 && r.IntN(3) == 0 {
					j += copy(b[j:], b[r.IntN(j):j])
				}
			}
		default: // long runs
			for j := range b {
				b[j] = "ab"[j/(1+i%700)%2]
			}
		}
		inputs = append(inputs, b)
	}
	s := openTest(t)
	mustMember(t, s, "张三", residentID("350102", 19900101, 11), mustUnit(t, s, "甲公司工会").ID)
	s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketAudit).ForEach(func(k, v []byte) error {
			inputs = append(inputs, bytes.Clone(recordPayload(v)))
			return nil
		})
	})
	for i, b := range inputs {
		packed := lzAudit().deflateFixed(nil, b)
		fr := flate.NewReaderDict(bytes.NewReader(packed), []byte(auditDictionary))
		back, err := io.ReadAll(fr)
		if err != nil || !bytes.Equal(back, b) {
			t.Fatalf("input %d (%d bytes): read back %d bytes, %v", i, len(b), len(back), err)
		}
	}
}

// A damaged compressed record is an error, not another entry.
func TestDamagedCompressedRecord(t *testing.T) {
	t.Parallel()
	e := model.AuditEntry{ID: 7, At: time.Now(), Operator: "黄建国", Action: model.ActionCreate, Entity: model.EntityPayment,
		EntityID: 3, Label: "张三 (000001)", Changes: []model.FieldChange{{Field: "amount", New: "25.00"}}}
	b, err := encode(&e)
	if err != nil || b[0] != formatDeflate {
		t.Fatalf("%x %v", b, err)
	}
	var got model.AuditEntry
	if err := decode(b, &got); err != nil || got.Label != e.Label || !got.At.Equal(e.At) {
		t.Fatalf("%+v %v", got, err)
	}
	bad := bytes.Clone(b)
	bad[len(bad)-2] ^= 0x40
	if err := decode(bad, &got); !errors.Is(err, errRecordChecksum) {
		t.Errorf("changed byte: %v", err)
	}
	packed := []byte{0xff, 0xff, 0xff} // a reserved block type
	garbage := append([]byte{formatDeflate, 0, 0, 0, 0}, packed...)
	binary.BigEndian.PutUint32(garbage[1:], crc32.Checksum(packed, castagnoli))
	if err := decode(garbage, &got); !errors.Is(err, errRecordUnreadable) {
		t.Errorf("not DEFLATE: %v", err)
	}
}

// A member's paid months and payments read the same in either form, and the
// fast scans' paidBits finds the same bitmap.
func TestMemberDuesForms(t *testing.T) {
	t.Parallel()
	var d memberDues
	for _, mo := range []model.Month{202401, 202402, 202407, 202512, 202601} {
		d.set(mo, true)
	}
	d.ids = []uint64{5, 130, 131, 90000, 1 << 40}
	dense := d.encode()
	old := append(append(append(binary.BigEndian.AppendUint32(nil, uint32(d.first)), byte(len(d.bits)>>8), byte(len(d.bits))), d.bits...), make([]byte, 8*len(d.ids))...)
	for i, id := range d.ids {
		binary.BigEndian.PutUint64(old[6+len(d.bits)+8*i:], id)
	}
	if dense[0] != duesVarint || len(dense) >= len(old) {
		t.Fatalf("dense form %x (%d bytes, main's %d)", dense, len(dense), len(old))
	}
	for form, v := range map[string][]byte{"dense": dense, "main's": old} {
		got, ok := parseMemberDues(v)
		if !ok || !reflect.DeepEqual(got, d) {
			t.Errorf("%s form reads %+v %v, want %+v", form, got, ok, d)
		}
		if first, bits := paidBits(v); first != d.first || !bytes.Equal(bits, d.bits) {
			t.Errorf("%s form: paidBits %d %x", form, first, bits)
		}
	}
	// IDs out of order (never written so, but kept as they are) take the earlier form.
	d.ids = []uint64{9, 3}
	if v := d.encode(); v[0] == duesVarint || !reflect.DeepEqual(decodeMemberDues(v), d) {
		t.Errorf("out of order: %x", v)
	}
	// Cut short, either form is not whole.
	if _, ok := parseMemberDues(dense[:len(dense)-1]); ok {
		t.Error("a cut dense value reads whole")
	}
	if _, ok := parseMemberDues(old[:len(old)-3]); ok {
		t.Error("a cut value of main's form reads whole")
	}
}

// receiptNo writes what it always wrote, and receiptSeq reads back exactly
// the texts receiptNo writes.
func TestReceiptNumbers(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		year int
		n    uint64
	}{{2026, 1}, {2026, 123}, {2026, 999999}, {2026, 1000000}, {2026, 1234567890}, {0, 5}, {999, 42}, {2024, 0}} {
		want := fmt.Sprintf("%04d-%06d", c.year, c.n)
		if got := receiptNo(c.year, c.n); got != want {
			t.Errorf("receiptNo(%d, %d) = %q, want %q", c.year, c.n, got, want)
		}
		if n, ok := receiptSeq(want, c.year); ok != (c.n > 0) || ok && n != c.n {
			t.Errorf("receiptSeq(%q) = %d %v", want, n, ok)
		}
	}
	for _, no := range []string{"2026-00001", "2026-0000001", "2026+000001", "2026-00000a", "2025-000001", "2026-000001 ", "x026-000001", "2026-99999999999999999999"} {
		if n, ok := receiptSeq(no, 2026); ok {
			t.Errorf("receiptSeq(%q) = %d", no, n)
		}
	}
}

// The length and distance codes are RFC 1951's table (3.2.5).
func TestDeflateCodeTables(t *testing.T) {
	t.Parallel()
	wantLen := []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	wantDist := []int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	if !reflect.DeepEqual(lengthBase, wantLen) || lengthExtra[27] != 5 || lengthExtra[28] != 0 || lengthExtra[8] != 1 {
		t.Errorf("length codes %v %v", lengthBase, lengthExtra)
	}
	if !reflect.DeepEqual(distBase, wantDist) || distExtra[29] != 13 || distExtra[4] != 1 || distExtra[3] != 0 {
		t.Errorf("distance codes %v %v", distBase, distExtra)
	}
}

// FuzzDeflateFixed: whatever the bytes, deflateFixed writes DEFLATE that
// compress/flate reads back to them. The seeds (testdata/fuzz) are
// replayed by every go test run.
func FuzzDeflateFixed(f *testing.F) {
	f.Add([]byte(auditDictionary[100:400]))
	f.Add([]byte("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab"))
	f.Fuzz(func(t *testing.T, b []byte) {
		packed := lzAudit().deflateFixed(nil, b)
		back, err := io.ReadAll(flate.NewReaderDict(bytes.NewReader(packed), []byte(auditDictionary)))
		if err != nil || !bytes.Equal(back, b) {
			t.Fatalf("%d bytes read back as %d bytes, %v", len(b), len(back), err)
		}
	})
}

// BenchmarkCompressAuditEntry compresses a member's audit entry as a
// write does (record format 3, with its read-back check).
func BenchmarkCompressAuditEntry(b *testing.B) {
	e := model.AuditEntry{ID: 7, At: time.Now(), Operator: "黄建国", Action: model.ActionCreate, Entity: model.EntityMember,
		EntityID: 3, Label: "张三 (000001)", Changes: []model.FieldChange{{Field: "name", New: "张三"}, {Field: "unit", New: "甲公司工会"},
			{Field: "id_number", New: "350102199001011234"}, {Field: "phone", New: "13800000000"}, {Field: "joined", New: "2020-03-01"}}}
	for b.Loop() {
		if _, err := encode(&e); err != nil {
			b.Fatal(err)
		}
	}
}

// flatePrefix is the first n bytes compress/flate inflates packed to.
func flatePrefix(packed []byte, n int) ([]byte, error) {
	buf := make([]byte, n)
	k, err := io.ReadFull(flate.NewReaderDict(bytes.NewReader(packed), auditDict), buf)
	if err == io.ErrUnexpectedEOF {
		err = nil
	}
	return buf[:k], err
}

// The start of what deflateFixed writes reads back by the small fixed-code
// inflater as by compress/flate: whole records, prefixes and records
// shorter than the prefix asked for; a record longer than the limit
// inflateRecord sets is left to compress/flate.
func TestInflateFixedPrefix(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 6))
	for i := range 400 {
		b := make([]byte, r.IntN(3000))
		for j := 0; j < len(b); {
			if r.IntN(2) == 0 {
				k := r.IntN(len(auditDictionary))
				j += copy(b[j:], auditDictionary[k:min(len(auditDictionary), k+r.IntN(200))])
			} else if j > 4 && r.IntN(2) == 0 {
				j += copy(b[j:], b[r.IntN(j):j])
			} else {
				b[j] = byte(r.Uint32())
				j++
			}
		}
		packed := lzAudit().deflateFixed(nil, b)
		for _, n := range []int{0, 1, auditRefPrefix, len(b), len(b) + 7} {
			got, ok := inflateFixedPrefix(packed, auditDict, n)
			if !ok || !bytes.Equal(got, b[:min(n, len(b))]) {
				t.Fatalf("input %d, %d bytes: read %d bytes (ok %v)", i, n, len(got), ok)
			}
		}
		if got, ok := inflateFixed(packed, auditDict, len(b)); !ok || !bytes.Equal(got, b) {
			t.Fatalf("input %d: read whole %d bytes of %d (ok %v)", i, len(got), len(b), ok)
		}
		if _, ok := inflateFixed(packed, auditDict, len(b)-1); ok && len(b) > 0 {
			t.Fatalf("input %d: %d bytes read whole under a limit of one less", i, len(b))
		}
	}
	// compress/flate's own output (dynamic codes) is left to compress/flate
	packed, err := flateRecord([]byte(auditDictionary[:300]))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := inflateFixedPrefix(packed[1+crcSize:], auditDict, auditRefPrefix); ok {
		t.Error("a stream of dynamic codes was read as fixed ones")
	}
}

// FuzzInflateFixedPrefix: whatever the small inflater reads, compress/flate
// reads alike (its seeds are the two records below).
func FuzzInflateFixedPrefix(f *testing.F) {
	f.Add(lzAudit().deflateFixed(nil, []byte(auditDictionary[200:500])), 48)
	f.Add(lzAudit().deflateFixed(nil, []byte("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab")), 100)
	f.Fuzz(func(t *testing.T, packed []byte, n int) {
		n = min(max(n, 0), 4096)
		got, ok := inflateFixedPrefix(packed, auditDict, n)
		if !ok {
			return
		}
		want, err := flatePrefix(packed, n)
		if err == nil && !bytes.Equal(got, want) {
			t.Fatalf("read %x, compress/flate %x", got, want)
		}
		// a stream read to its end reads whole alike: inflateRecord
		if whole, ok := inflateFixed(packed, auditDict, 4096); ok {
			r := flate.NewReaderDict(bytes.NewReader(packed), auditDict)
			want, err := io.ReadAll(r)
			if err != nil || !bytes.Equal(whole, want) {
				t.Fatalf("read whole %x, compress/flate %x (%v)", whole, want, err)
			}
		}
	})
}

// BenchmarkDecodeAuditEntry reads a member's audit entry whole, as the
// check, the Audit screen and a package's audit sheet do.
func BenchmarkDecodeAuditEntry(b *testing.B) {
	e := model.AuditEntry{ID: 7, At: time.Now(), Operator: "黄建国", Action: model.ActionCreate, Entity: model.EntityMember,
		EntityID: 3, Label: "张三 (000001)", Changes: []model.FieldChange{{Field: "name", New: "张三"}, {Field: "unit", New: "甲公司工会"},
			{Field: "id_number", New: "350102199001011234"}, {Field: "phone", New: "13800000000"}, {Field: "joined", New: "2020-03-01"}}}
	data, err := encode(&e)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var x model.AuditEntry
		if err := decode(data, &x); err != nil || x.ID != 7 {
			b.Fatal(err)
		}
	}
}
