package storage

import (
	"time"

	"unionbook/model"
)

// PaymentRef is what choosing a period's records needs of a dues payment:
// its dates and what it points to. Decoding only these fields (the CBOR
// keys of model.DuesPayment; the others are skipped) reads the millions of
// payments of a large federation about twice as fast as whole records.
type PaymentRef struct {
	ID         uint64      `cbor:"1,keyasint"`
	MemberID   uint64      `cbor:"2,keyasint"`
	From       model.Month `cbor:"4,keyasint"`
	To         model.Month `cbor:"5,keyasint"`
	Date       model.Date  `cbor:"8,keyasint"`
	BatchID    uint64      `cbor:"11,keyasint,omitempty"`
	LedgerID   uint64      `cbor:"12,keyasint"`
	ReversalOf uint64      `cbor:"13,keyasint,omitempty"`
}

// MapPaymentRefs is MapRecords over the dues payments, each read as a
// PaymentRef.
func MapPaymentRefs(r *Records, f func(x *PaymentRef, buf []byte) ([]byte, error), emit func([]byte) error) error {
	return mapRecords(r, string(bucketPayments), nil, f, emit)
}

// AuditRef is what choosing a period's audit entries needs of one: its ID
// and time (the CBOR keys of model.AuditEntry).
type AuditRef struct {
	ID uint64    `cbor:"1,keyasint"`
	At time.Time `cbor:"2,keyasint"`
}

// MapAuditRefs is MapRecords over the audit log, each entry read as an
// AuditRef.
func MapAuditRefs(r *Records, f func(x *AuditRef, buf []byte) ([]byte, error), emit func([]byte) error) error {
	return mapRecords(r, string(bucketAudit), nil, f, emit)
}

// MemberRef is what choosing a period's members needs of one: its ID and
// join date (the CBOR keys of model.Member).
type MemberRef struct {
	ID       uint64     `cbor:"1,keyasint"`
	JoinDate model.Date `cbor:"15,keyasint"`
}

// MapMemberRefs is MapRecords over the members, each read as a MemberRef.
func MapMemberRefs(r *Records, f func(x *MemberRef, buf []byte) ([]byte, error), emit func([]byte) error) error {
	return mapRecords(r, string(bucketMembers), nil, f, emit)
}
