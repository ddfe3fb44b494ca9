package storage

import (
	"testing"
	"time"

	"unionbook/model"
)

// auditHeadRefByDecoder is auditHeadRef as it was, through the general
// decoder: the reference FuzzAuditHeadRef holds the scanner to.
func auditHeadRefByDecoder(head []byte, r *AuditRef) bool {
	if len(head) == 0 || head[0]&0xe0 != 0xa0 || head[0] == 0xbf || head[0]&0x1f >= 24 {
		return false
	}
	rest := head[1:]
	var id uint64
	var st storedTime
	for _, want := range []uint64{1, 9} {
		var k uint64
		var err error
		if rest, err = decMode.UnmarshalFirst(rest, &k); err != nil || k != want {
			return false
		}
		if want == 1 {
			rest, err = decMode.UnmarshalFirst(rest, &id)
		} else {
			rest, err = decMode.UnmarshalFirst(rest, &st)
		}
		if err != nil {
			return false
		}
	}
	*r = AuditRef{ID: id, At: st.time()}
	return true
}

// auditEntryHead is the start of an entry's CBOR as auditRefOf inflates it.
func auditEntryHead(t testing.TB, e *model.AuditEntry) []byte {
	data, err := encode(e)
	if err != nil {
		t.Fatal(err)
	}
	head, err := inflatePrefix(data[1+crcSize:], auditRefPrefix)
	if err != nil {
		t.Fatal(err)
	}
	return head
}

func sameRef(a, b AuditRef) bool {
	_, oa := a.At.Zone()
	_, ob := b.At.Zone()
	return a.ID == b.ID && a.At.Equal(b.At) && oa == ob
}

// The entries the program writes are read from their start by the
// scanner, in every zone, as the decoder reads them.
func TestAuditHeadRefReadsWhatTheProgramWrites(t *testing.T) {
	for i, at := range []time.Time{
		time.Date(2026, 3, 31, 23, 59, 58, 7, time.FixedZone("CST", 8*3600)),
		time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
		time.Date(1969, 12, 31, 23, 0, 0, 999999999, time.FixedZone("", -5*3600)),
	} {
		e := model.AuditEntry{ID: uint64(1) << (8 * i), At: at, Operator: "李秘书", Action: model.ActionUpdate,
			Entity: model.EntityMember, EntityID: 3, Label: "张三", Changes: []model.FieldChange{{Field: "name", Old: "张", New: "张三"}}}
		head := auditEntryHead(t, &e)
		var fast, slow AuditRef
		if !auditHeadRef(head, &fast) || !auditHeadRefByDecoder(head, &slow) {
			t.Fatalf("entry %d at %v: not read from its start", e.ID, at)
		}
		if !sameRef(fast, slow) || fast.ID != e.ID || !fast.At.Equal(at) {
			t.Errorf("entry %d at %v: read %+v, the decoder %+v", e.ID, at, fast, slow)
		}
	}
}

// FuzzAuditHeadRef: whatever start of an entry the scanner reads, the
// decoder reads alike (the scanner may decline more: the entry is then
// decoded whole). Seeds here and in testdata/fuzz/FuzzAuditHeadRef.
func FuzzAuditHeadRef(f *testing.F) {
	at := time.Date(2026, 11, 30, 17, 4, 5, 6, time.FixedZone("CST", 8*3600))
	f.Add(auditEntryHead(f, &model.AuditEntry{ID: 272001, At: at, Operator: "x", Action: model.ActionCreate, Entity: model.EntityPayment, EntityID: 9}))
	f.Add([]byte{0xa2, 0x01, 0x1b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x09, 0x83, 0x3b, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x1a, 0x80, 0, 0, 0})
	f.Fuzz(func(t *testing.T, head []byte) {
		var fast AuditRef
		if !auditHeadRef(head, &fast) {
			return
		}
		var slow AuditRef
		if !auditHeadRefByDecoder(head, &slow) {
			t.Fatalf("scanner read %+v from a start the decoder refuses", fast)
		}
		if !sameRef(fast, slow) {
			t.Fatalf("read %+v, the decoder %+v", fast, slow)
		}
	})
}

// BenchmarkAuditRef reads an entry's ID and time from its compressed
// bytes, as a period's export and the Audit screen's date filter do for
// every entry: the scanner against the decoder it replaced.
func BenchmarkAuditRef(b *testing.B) {
	e := model.AuditEntry{ID: 272001, At: time.Date(2026, 11, 30, 17, 4, 5, 6, time.Local), Operator: "李秘书", Action: model.ActionCreate,
		Entity: model.EntityPayment, EntityID: 2400123, Label: "张三 2026-11", Changes: []model.FieldChange{{Field: "amount", New: "15.40"}}}
	data, err := encode(&e)
	if err != nil {
		b.Fatal(err)
	}
	packed := data[1+crcSize:]
	for _, c := range []struct {
		name string
		read func([]byte, *AuditRef) bool
	}{{"scanner", auditHeadRef}, {"decoder", auditHeadRefByDecoder}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				head, err := inflatePrefix(packed, auditRefPrefix)
				var r AuditRef
				if err != nil || !c.read(head, &r) || r.ID != e.ID {
					b.Fatal("not read", err)
				}
			}
		})
	}
}
