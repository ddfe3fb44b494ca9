package storage

import (
	"sync"
	"time"

	"unionbook/model"
)

// The dense stored forms of the two records a database holds most of:
// payments (about 13 a member in two years) and audit entries (about 3 a
// member). encode and decode (codec.go) put them through these structs;
// everything outside this file sees the model structs. Each form keeps
// the model's integer keys for what it stores the same way and gives a
// new key to what it stores differently, so a record written before the
// migration "dense records" (storage/migrate_dense.go) reads through the
// same struct: the old key is still decoded, the new one takes its place
// when written.

// storedTime is an instant as the dense forms keep it: Unix seconds,
// nanoseconds and the zone offset in seconds, a CBOR array of three
// integers (10–14 bytes; the RFC 3339 text it replaces took 30–37).
// Reading it gives what reading its RFC 3339 text gave (time.Parse): UTC
// for offset 0, the local zone when it had that offset at that instant,
// else a fixed zone without a name.
type storedTime struct {
	_    struct{} `cbor:",toarray"`
	Sec  int64
	Nsec int64
	Off  int32
}

func toStoredTime(t time.Time) *storedTime {
	if t.IsZero() {
		return nil
	}
	_, off := t.Zone()
	return &storedTime{Sec: t.Unix(), Nsec: int64(t.Nanosecond()), Off: int32(off)}
}

func (s *storedTime) time() time.Time {
	if s == nil {
		return time.Time{}
	}
	t := time.Unix(s.Sec, s.Nsec) // in the local zone
	if s.Off == 0 {
		return t.UTC()
	}
	if _, off := t.Zone(); off == int(s.Off) {
		return t
	}
	return t.In(time.FixedZone("", int(s.Off)))
}

// timeOf is a record's time from its dense key or, in a record written
// before, its RFC 3339 key.
func timeOf(dense *storedTime, old *time.Time) time.Time {
	if dense != nil {
		return dense.time()
	}
	if old != nil {
		return *old
	}
	return time.Time{}
}

// paymentRecord is a stored payment (bucket payments). Against the
// model.DuesPayment keys:
//
//   - 16 (CreatedAt, RFC 3339 text) is written as 19, a storedTime;
//   - 5 (To) is left out when it equals From;
//   - 10 (ReceiptNo) is written as 20, its sequence number, when it is the
//     receipt number of that number in the year of the payment's date
//     ("2026-000123" is 123; receiptNo); any other text stays under 10;
//   - 17 and 18 (Alloc, Owed) are left out when the payment pays one
//     month whose share is its amount and whose due is what it expected:
//     21 (OneMonth) is then true. A payment without shares (written
//     before shares were kept) has neither, as before.
type paymentRecord struct {
	ID         uint64          `cbor:"1,keyasint"`
	MemberID   uint64          `cbor:"2,keyasint"`
	UnitID     uint64          `cbor:"3,keyasint"`
	From       model.Month     `cbor:"4,keyasint"`
	To         *model.Month    `cbor:"5,keyasint,omitempty"`
	Amount     model.Money     `cbor:"6,keyasint"`
	Expected   model.Money     `cbor:"7,keyasint"`
	Date       model.Date      `cbor:"8,keyasint"`
	Method     model.PayMethod `cbor:"9,keyasint"`
	ReceiptNo  string          `cbor:"10,keyasint,omitempty"`
	BatchID    uint64          `cbor:"11,keyasint,omitempty"`
	LedgerID   uint64          `cbor:"12,keyasint"`
	ReversalOf uint64          `cbor:"13,keyasint,omitempty"`
	Reason     string          `cbor:"14,keyasint,omitempty"`
	Operator   string          `cbor:"15,keyasint,omitempty"`
	CreatedAt  *time.Time      `cbor:"16,keyasint,omitempty"` // read only
	Alloc      []model.Money   `cbor:"17,keyasint,omitempty"`
	Owed       []model.Money   `cbor:"18,keyasint,omitempty"`
	Created    *storedTime     `cbor:"19,keyasint,omitempty"`
	ReceiptSeq uint64          `cbor:"20,keyasint,omitempty"`
	OneMonth   bool            `cbor:"21,keyasint,omitempty"`
}

// paymentRecords are decode's scratch records (a payment scan decodes a
// million).
var paymentRecords = sync.Pool{New: func() any { return new(paymentRecord) }}

func densePayment(p *model.DuesPayment) *paymentRecord {
	r := &paymentRecord{
		ID: p.ID, MemberID: p.MemberID, UnitID: p.UnitID, From: p.From, Amount: p.Amount,
		Expected: p.Expected, Date: p.Date, Method: p.Method, ReceiptNo: p.ReceiptNo,
		BatchID: p.BatchID, LedgerID: p.LedgerID, ReversalOf: p.ReversalOf, Reason: p.Reason,
		Operator: p.Operator, Alloc: p.Alloc, Owed: p.Owed, Created: toStoredTime(p.CreatedAt),
	}
	if p.To != p.From {
		r.To = &p.To
	}
	if n, ok := receiptSeq(p.ReceiptNo, p.Date.Year()); ok {
		r.ReceiptNo, r.ReceiptSeq = "", n
	}
	if len(p.Alloc) == 1 && len(p.Owed) == 1 && p.Alloc[0] == p.Amount && p.Owed[0] == p.Expected && p.From == p.To {
		r.Alloc, r.Owed, r.OneMonth = nil, nil, true
	}
	return r
}

func (r *paymentRecord) model(p *model.DuesPayment) {
	*p = model.DuesPayment{
		ID: r.ID, MemberID: r.MemberID, UnitID: r.UnitID, From: r.From, To: r.From, Amount: r.Amount,
		Expected: r.Expected, Date: r.Date, Method: r.Method, ReceiptNo: r.ReceiptNo,
		BatchID: r.BatchID, LedgerID: r.LedgerID, ReversalOf: r.ReversalOf, Reason: r.Reason,
		Operator: r.Operator, CreatedAt: timeOf(r.Created, r.CreatedAt), Alloc: r.Alloc, Owed: r.Owed,
	}
	if r.To != nil {
		p.To = *r.To
	}
	if r.ReceiptSeq != 0 {
		p.ReceiptNo = receiptNo(r.Date.Year(), r.ReceiptSeq)
	}
	if r.OneMonth {
		p.Alloc, p.Owed = []model.Money{r.Amount}, []model.Money{r.Expected}
	}
}

// receiptSeq is the sequence number of a receipt number as receiptNo
// writes it for year; false for any other text.
func receiptSeq(no string, year int) (uint64, bool) {
	if len(no) < 11 || len(no) > 20 || no[4] != '-' || year < 0 || year > 9999 {
		return 0, false
	}
	y, n := 0, uint64(0)
	for i := 0; i < len(no); i++ {
		c := no[i]
		switch {
		case i == 4:
		case c < '0' || c > '9':
			return 0, false
		case i < 4:
			y = 10*y + int(c-'0')
		default:
			n = 10*n + uint64(c-'0')
		}
	}
	// Six digits, or more without a leading zero: what receiptNo writes.
	if y != year || n == 0 || len(no) > 11 && no[5] == '0' {
		return 0, false
	}
	return n, true
}

// auditRecord is a stored audit entry (bucket audit). Against the
// model.AuditEntry keys, 2 (At, RFC 3339 text) is written as 9, a
// storedTime. The record is then compressed (record format 3, codec.go).
//
// The time is written right after the ID (the map's keys in the order of
// the fields): choosing a period's entries inflates only the start of
// each (auditTimeOf).
type auditRecord struct {
	ID       uint64              `cbor:"1,keyasint"`
	Time     *storedTime         `cbor:"9,keyasint,omitempty"`
	At       *time.Time          `cbor:"2,keyasint,omitempty"` // read only
	Operator string              `cbor:"3,keyasint,omitempty"`
	Action   model.AuditAction   `cbor:"4,keyasint"`
	Entity   model.Entity        `cbor:"5,keyasint"`
	EntityID uint64              `cbor:"6,keyasint"`
	Label    string              `cbor:"7,keyasint,omitempty"`
	Changes  []model.FieldChange `cbor:"8,keyasint,omitempty"`
}

func denseAudit(e *model.AuditEntry) *auditRecord {
	return &auditRecord{ID: e.ID, Operator: e.Operator, Action: e.Action, Entity: e.Entity,
		EntityID: e.EntityID, Label: e.Label, Changes: e.Changes, Time: toStoredTime(e.At)}
}

func (r *auditRecord) model(e *model.AuditEntry) {
	*e = model.AuditEntry{ID: r.ID, At: timeOf(r.Time, r.At), Operator: r.Operator, Action: r.Action,
		Entity: r.Entity, EntityID: r.EntityID, Label: r.Label, Changes: r.Changes}
}

// paymentRefRecord is a PaymentRef (period_payments.go) read from either
// form of a payment: the keys it needs, To as the dense form leaves it.
type paymentRefRecord struct {
	ID         uint64       `cbor:"1,keyasint"`
	MemberID   uint64       `cbor:"2,keyasint"`
	From       model.Month  `cbor:"4,keyasint"`
	To         *model.Month `cbor:"5,keyasint"`
	Date       model.Date   `cbor:"8,keyasint"`
	BatchID    uint64       `cbor:"11,keyasint"`
	LedgerID   uint64       `cbor:"12,keyasint"`
	ReversalOf uint64       `cbor:"13,keyasint"`
}

func (d *paymentRefRecord) ref(r *PaymentRef) {
	*r = PaymentRef{ID: d.ID, MemberID: d.MemberID, From: d.From, To: d.From, Date: d.Date,
		BatchID: d.BatchID, LedgerID: d.LedgerID, ReversalOf: d.ReversalOf}
	if d.To != nil {
		r.To = *d.To
	}
}

// auditRefRecord is an AuditRef read from either form of an audit entry.
type auditRefRecord struct {
	ID   uint64      `cbor:"1,keyasint"`
	At   *time.Time  `cbor:"2,keyasint"`
	Time *storedTime `cbor:"9,keyasint"`
}

// auditRefPrefix is how much of an audit entry's CBOR auditTimeOf inflates:
// the map's head, the ID and the time take at most 1+9+1+1+9+9+5 bytes.
const auditRefPrefix = 48

// auditRefOf reads an AuditRef from the start of a format-3 audit entry's
// compressed bytes, when the entry begins with its ID and time (every
// entry written since the time moved there); ok is false otherwise, and
// the caller decodes the whole entry.
func auditRefOf(packed []byte, r *AuditRef) (ok bool) {
	head, err := inflatePrefix(packed, auditRefPrefix)
	if err != nil {
		return false
	}
	return auditHeadRef(head, r)
}

// auditHeadRef reads an AuditRef from the start of an audit entry's CBOR
// (its map's keys 1, the ID, and 9, the time as [sec, nsec, offset]),
// as the general decoder would; anything else gives ok false. With the
// inflating, an entry's AuditRef takes a quarter of the time it took
// through UnmarshalFirst (BenchmarkAuditRef); FuzzAuditHeadRef holds the
// scanner to the decoder.
func auditHeadRef(head []byte, r *AuditRef) (ok bool) {
	// a map of 24 entries or more (its length after the head) is no audit
	// entry, and the decoder's path refused it
	if len(head) == 0 || head[0]&0x1f >= 24 {
		return false
	}
	s := cborScan{b: head}
	if n, ok := s.mapLen(); !ok || n < 2 {
		return false
	}
	if k, ok := s.uint(); !ok || k != 1 {
		return false
	}
	id, ok := s.uint()
	if !ok {
		return false
	}
	if k, ok := s.uint(); !ok || k != 9 {
		return false
	}
	if major, n, ok := s.head(); !ok || major != 4 || n != 3 {
		return false
	}
	sec, ok1 := s.int()
	nsec, ok2 := s.int()
	off, ok3 := s.int()
	if !ok1 || !ok2 || !ok3 || off != int64(int32(off)) {
		return false
	}
	st := storedTime{Sec: sec, Nsec: nsec, Off: int32(off)}
	*r = AuditRef{ID: id, At: st.time()}
	return true
}
