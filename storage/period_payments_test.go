package storage

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"unionbook/model"
)

// A payment read as a PaymentRef has the fields of the whole record: the
// two stay in step if the payment's encoding changes. Both forms: the
// dense one (a one-month payment leaves its To out) and main's before it.
func TestPaymentRefReadsThePaymentsFields(t *testing.T) {
	p := model.DuesPayment{ID: 7, MemberID: 3, UnitID: 2, From: 202601, To: 202603, Amount: -1500, Expected: 1500,
		Date: 20260410, Method: model.PayCash, ReceiptNo: "2026-000123", BatchID: 4, LedgerID: 9, ReversalOf: 5,
		Reason: "wrong member", Operator: "x", Alloc: []model.Money{-500, -500, -500}, Owed: []model.Money{500, 500, 500}}
	one := model.DuesPayment{ID: 8, MemberID: 3, UnitID: 2, From: 202604, To: 202604, Amount: 500, Expected: 500,
		Date: 20260410, Method: model.PayCash, ReceiptNo: "2026-000124", LedgerID: 10, CreatedAt: time.Now(),
		Alloc: []model.Money{500}, Owed: []model.Money{500}}
	for _, p := range []model.DuesPayment{p, one} {
		dense, err := encode(&p)
		if err != nil {
			t.Fatal(err)
		}
		old, _ := encMode.Marshal(&p)
		for form, data := range map[string][]byte{"dense": dense, "main's": withChecksum(old)} {
			var ref PaymentRef
			if err := decode(data, &ref); err != nil {
				t.Fatal(err)
			}
			want := PaymentRef{ID: p.ID, MemberID: 3, From: p.From, To: p.To, Date: 20260410, BatchID: p.BatchID, LedgerID: p.LedgerID, ReversalOf: p.ReversalOf}
			if ref != want {
				t.Errorf("%s form: read %+v, want %+v", form, ref, want)
			}
		}
	}
}

// An audit entry read as an AuditRef has its ID and time.
func TestAuditRefReadsTheEntrysTime(t *testing.T) {
	at := time.Date(2026, 3, 31, 23, 59, 58, 7, time.FixedZone("CST", 8*3600))
	e := model.AuditEntry{ID: 12, At: at, Operator: "x", Action: model.ActionCreate, Entity: model.EntityMember, EntityID: 3, Label: "张三",
		Changes: []model.FieldChange{{Field: "name", New: "张三"}}}
	dense, err := encode(&e)
	if err != nil {
		t.Fatal(err)
	}
	old, _ := encMode.Marshal(&e)
	// the dense form as first written, its time after the changes: read
	// whole, not from its start
	timeLast, _ := encMode.Marshal(&struct {
		ID      uint64              `cbor:"1,keyasint"`
		Label   string              `cbor:"7,keyasint,omitempty"`
		Changes []model.FieldChange `cbor:"8,keyasint,omitempty"`
		Time    *storedTime         `cbor:"9,keyasint,omitempty"`
	}{ID: 12, Label: "张三", Changes: e.Changes, Time: toStoredTime(at)})
	late, err := compressRecord(timeLast)
	if err != nil {
		t.Fatal(err)
	}
	for form, data := range map[string][]byte{"dense": dense, "main's": withChecksum(old), "dense, time last": late} {
		var ref AuditRef
		if err := decode(data, &ref); err != nil {
			t.Fatal(err)
		}
		if ref.ID != 12 || !ref.At.Equal(at) || model.DateOf(ref.At.Local()) != model.DateOf(at.Local()) {
			t.Errorf("%s form: read %+v, want %d at %v", form, ref, e.ID, at)
		}
	}
	var ref AuditRef
	if !auditRefOf(dense[1+crcSize:], &ref) || auditRefOf(late[1+crcSize:], &ref) {
		t.Error("the dense form is read from its start, the time-last one whole")
	}
	// the start of an entry is read only behind a good checksum
	damaged := append([]byte(nil), dense...)
	damaged[len(damaged)-1] ^= 1
	if err := decode(damaged, &ref); !errors.Is(err, errRecordChecksum) {
		t.Errorf("a damaged entry read as %+v, %v", ref, err)
	}
}

// A member read as a MemberRef has its ID and join date.
func TestMemberRefReadsTheJoinDate(t *testing.T) {
	m := model.Member{ID: 4, No: "000004", Name: "李四", JoinDate: 20190301, Status: model.StatusActive,
		History: []model.StatusChange{{Date: 20240101, From: model.StatusActive, To: model.StatusRetained}}}
	data, err := encode(&m)
	if err != nil {
		t.Fatal(err)
	}
	var ref MemberRef
	if err := decode(data, &ref); err != nil {
		t.Fatal(err)
	}
	if ref != (MemberRef{ID: 4, JoinDate: 20190301}) {
		t.Errorf("read %+v", ref)
	}
}

// paymentRefOf reads what the general decoder reads, for payments of
// every shape (reversals, batches, months paid in shares, receipts, the
// dense form and main's before it), and declines the rest.
func TestPaymentRefScannerAgreesWithTheDecoder(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(18, 4))
	for i := range 2000 {
		from := model.Month(200001 + r.IntN(30)*100 + r.IntN(12))
		p := model.DuesPayment{ID: r.Uint64N(1 << uint(1+r.IntN(63))), MemberID: r.Uint64N(1 << 20), UnitID: r.Uint64N(500), From: from,
			To: from.Add(r.IntN(14)), Amount: model.Money(r.Int64N(1e7) - 5e6), Expected: model.Money(r.Int64N(1e6)),
			Date: model.Date(20000101 + r.IntN(300000)), Method: model.PayMethod(r.IntN(4)), LedgerID: r.Uint64N(1 << 30)}
		if i%3 == 0 {
			p.BatchID = r.Uint64N(1 << 16)
		}
		if i%5 == 0 {
			p.ReversalOf, p.Reason = r.Uint64N(1<<30), "金额录错"
		}
		if i%2 == 0 {
			p.ReceiptNo = fmt.Sprintf("%d-%06d", p.Date.Year(), r.IntN(999999)+1)
		}
		for mo := p.From; mo <= p.To; mo = mo.Add(1) {
			p.Alloc, p.Owed = append(p.Alloc, model.Money(r.Int64N(5000))), append(p.Owed, 5000)
		}
		if i%7 == 0 {
			p.CreatedAt = time.Unix(r.Int64N(2e9), 0)
		}
		dense, err := encode(&p)
		if err != nil {
			t.Fatal(err)
		}
		old, _ := encMode.Marshal(&p)
		for _, data := range [][]byte{dense, withChecksum(old)} {
			payload, err := verifyRecord(data)
			if err != nil {
				t.Fatal(err)
			}
			var fast PaymentRef
			if !paymentRefOf(payload, &fast) {
				if bytes.Equal(data, dense) {
					t.Fatalf("payment %d: the dense form was not read: % x", i, payload)
				}
				continue // main's form with a time: a tag, decoded whole
			}
			var d paymentRefRecord
			if err := decMode.Unmarshal(payload, &d); err != nil {
				t.Fatal(err)
			}
			var slow PaymentRef
			d.ref(&slow)
			if fast != slow {
				t.Fatalf("payment %d: read %+v, the decoder %+v", i, fast, slow)
			}
		}
	}
}

// FuzzPaymentRef: whatever bytes the scanner reads, the general decoder
// reads alike (it may decline what the decoder reads, never the reverse
// disagreement). Seeds in testdata/fuzz/FuzzPaymentRef.
func FuzzPaymentRef(f *testing.F) {
	for _, p := range []model.DuesPayment{
		{ID: 7, MemberID: 3, UnitID: 2, From: 202601, To: 202603, Amount: -1500, Date: 20260410, ReceiptNo: "2026-000123", BatchID: 4, LedgerID: 9, ReversalOf: 5, Alloc: []model.Money{-500, -500, -500}},
		{ID: 8, MemberID: 3, From: 202604, To: 202604, Amount: 500, Date: 20260410, LedgerID: 10},
	} {
		b, _ := encode(&p)
		payload, _ := verifyRecord(b)
		f.Add(payload)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var fast PaymentRef
		if !paymentRefOf(b, &fast) {
			return
		}
		var d paymentRefRecord
		if err := decMode.Unmarshal(b, &d); err != nil {
			t.Fatalf("scanner read %+v from bytes the decoder refuses: %v", fast, err)
		}
		var slow PaymentRef
		d.ref(&slow)
		if fast != slow {
			t.Fatalf("read %+v, the decoder %+v", fast, slow)
		}
	})
}

// BenchmarkPaymentRef reads one payment as a PaymentRef, as a period's
// export does for every payment.
func BenchmarkPaymentRef(b *testing.B) {
	p := model.DuesPayment{ID: 1234567, MemberID: 45678, UnitID: 12, From: 202603, To: 202603, Amount: 1540, Expected: 1540,
		Date: 20260410, Method: model.PayMobile, ReceiptNo: "2026-001234", BatchID: 321, LedgerID: 76543, Alloc: []model.Money{1540}, Owed: []model.Money{1540}}
	data, err := encode(&p)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var ref PaymentRef
		if err := decode(data, &ref); err != nil || ref.ID != p.ID {
			b.Fatal(err)
		}
	}
}
