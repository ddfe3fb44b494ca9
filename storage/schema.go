package storage

import (
	"encoding/binary"
	"fmt"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
)

// Bucket names. Entity buckets map a big-endian uint64 ID to a record; index
// buckets map a lookup key to a big-endian ID (or, for pair indexes, a
// 16-byte key of two IDs to an empty value).
var (
	bucketMeta    = []byte("meta")
	bucketUnits   = []byte("units")
	bucketMembers = []byte("members")
	bucketAudit   = []byte("audit")

	// idxMemberIDNumber: ID/document number → member ID (unique).
	idxMemberIDNumber = []byte("idx_member_id_number")
	// idxMemberNo: member number (会员编号) → member ID (unique).
	idxMemberNo = []byte("idx_member_no")
	// idxMemberNoRetired: numbers of deleted or renumbered members → empty;
	// automatic numbering skips them so a number is never handed out twice.
	idxMemberNoRetired = []byte("idx_member_no_retired")
	// idxUnitMembers: unit ID + member ID → empty (the members of a unit).
	idxUnitMembers = []byte("idx_unit_members")
	// idxUnitName: normalized unit name → unit ID (unique).
	idxUnitName = []byte("idx_unit_name")
	// idxUnitCredit: unified social credit code → unit ID (unique).
	idxUnitCredit = []byte("idx_unit_credit")
)

// Dues and cash-book buckets (migration 2). Every amount is int64 fen,
// big-endian; a month key is yyyymm as a big-endian uint32.
var (
	// bucketPayments: payment ID → model.DuesPayment (payments and
	// reversals, which are payments with ReversalOf set).
	bucketPayments = []byte("payments")
	// bucketDuesMember: member ID → the member's paid-month bitmap and the
	// IDs of all their payments and reversals (see memberDues).
	bucketDuesMember = []byte("dues_member")
	// bucketDuesTotals: month + unit ID (12 bytes) → paid fen and paid
	// member-months (two int64): the running collection aggregate, changed
	// by every payment and reversal in its own transaction.
	bucketDuesTotals = []byte("dues_totals")
	// bucketDuesBatches: batch ID → DuesBatchRecord.
	bucketDuesBatches = []byte("dues_batches")
	// idxReceipt: receipt number → 'p' + payment ID, or 'b' + batch ID for
	// the one receipt of a batch (all that batch's payments carry it).
	idxReceipt = []byte("idx_receipt")
	// idxPaymentReversal: payment ID → the ID of the payment reversing it.
	idxPaymentReversal = []byte("idx_payment_reversal")

	// bucketLedger: entry ID → model.LedgerEntry.
	bucketLedger = []byte("ledger")
	// idxLedgerDate: date (uint32 yyyymmdd) + entry ID → empty.
	idxLedgerDate = []byte("idx_ledger_date")
	// idxVoucher: voucher number → entry ID (unique).
	idxVoucher = []byte("idx_voucher")
	// idxLedgerReversal: entry ID → the ID of the entry reversing it.
	idxLedgerReversal = []byte("idx_ledger_reversal")
	// bucketLedgerTotals: month + direction byte + account code → sum of
	// the entries' Amount (reversals negative) and their count (two int64).
	bucketLedgerTotals = []byte("ledger_totals")
)

// Keys in the meta bucket.
var (
	keySchemaVersion = []byte("schema_version") // big-endian uint32
	keyProfile       = []byte("profile")        // model.Profile record
	keyMemberNoSeq   = []byte("member_no_seq")  // big-endian uint64: last automatic member number
	// "receipt_seq/2026" and "voucher_seq/2026": big-endian uint64, the
	// last receipt and voucher number given in that year (see seqKey).
	keyReceiptSeqPrefix = "receipt_seq/"
	keyVoucherSeqPrefix = "voucher_seq/"
)

// migration is one numbered schema step, in the manner of lnd's channeldb:
// migrations[i] takes the database from version i to version i+1. Steps are
// only ever appended; a released step is never changed.
type migration struct {
	name string
	up   func(tx *bbolt.Tx) error
}

var migrations = []migration{
	{name: "create buckets", up: createBuckets},
	{name: "dues and cash book", up: createDuesBuckets},
	{name: "hardship files and aid", up: createHardshipBuckets},
	{name: "events", up: createEventBuckets},
	{name: "export history", up: createExportBuckets}, // storage/exports.go
	{name: "cases and risk checks", up: createCaseBuckets},
	{name: "dues handling", up: migrateDuesHandling}, // storage/dues_schema2.go
}

// SchemaVersion is the schema version this program writes.
func SchemaVersion() uint32 { return uint32(len(migrations)) }

func createBuckets(tx *bbolt.Tx) error {
	for _, name := range [][]byte{
		bucketMeta, bucketUnits, bucketMembers, bucketAudit,
		idxMemberIDNumber, idxMemberNo, idxMemberNoRetired, idxUnitMembers, idxUnitName, idxUnitCredit,
	} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

func createDuesBuckets(tx *bbolt.Tx) error {
	for _, name := range [][]byte{
		bucketPayments, bucketDuesMember, bucketDuesTotals, bucketDuesBatches, idxReceipt, idxPaymentReversal,
		bucketLedger, idxLedgerDate, idxVoucher, idxLedgerReversal, bucketLedgerTotals,
	} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// schemaVersion reads the stored version; 0 for a new file.
func schemaVersion(tx *bbolt.Tx) uint32 {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return 0
	}
	v := meta.Get(keySchemaVersion)
	if len(v) != 4 {
		return 0
	}
	return binary.BigEndian.Uint32(v)
}

func putSchemaVersion(tx *bbolt.Tx, v uint32) error {
	b := make([]byte, 4)
	binary.BigEndian.PutUint32(b, v)
	return tx.Bucket(bucketMeta).Put(keySchemaVersion, b)
}

// migrate brings the database to the program's schema in one transaction
// (all steps or none), and refuses a database written by a newer program.
func (s *Store) migrate(readOnly bool) error {
	want := SchemaVersion()
	if readOnly {
		return s.db.View(func(tx *bbolt.Tx) error {
			have := schemaVersion(tx)
			switch {
			case have > want:
				return i18n.E("err.db_newer", int(have), int(want))
			case have < want:
				return i18n.E("err.db_needs_upgrade", s.path)
			}
			return nil
		})
	}
	// Look first without the write transaction, so an up-to-date database
	// costs no write (and no fsync) on open.
	var have uint32
	if err := s.db.View(func(tx *bbolt.Tx) error { have = schemaVersion(tx); return nil }); err != nil {
		return err
	}
	if have > want {
		return i18n.E("err.db_newer", int(have), int(want))
	}
	if have == want {
		return nil
	}
	// A database with data gets a backup before any step changes it; if
	// that backup cannot be written, nothing is migrated.
	if have > 0 {
		if _, err := s.AutoBackup(BackupMigrate); err != nil {
			return err
		}
	}
	return s.db.Update(func(tx *bbolt.Tx) error {
		have := schemaVersion(tx)
		if have > want {
			return i18n.E("err.db_newer", int(have), int(want))
		}
		for v := have; v < want; v++ {
			m := migrations[v]
			if err := m.up(tx); err != nil {
				return fmt.Errorf("migration %d (%s): %w", v+1, m.name, err)
			}
			if err := putSchemaVersion(tx, v+1); err != nil {
				return err
			}
		}
		return nil
	})
}
