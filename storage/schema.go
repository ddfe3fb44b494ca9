package storage

import (
	"encoding/binary"
	"fmt"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
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
	{name: "export history", up: createExportBuckets},  // storage/exports.go
	{name: migrationChecksums, up: addRecordChecksums}, // storage/codec.go, format 2
	{name: "cases and risk checks", up: createCaseBuckets},
	{name: "books", up: migrateBooks},                       // storage/books_migrate.go
	{name: "organisation register", up: migrateOrg},         // storage/org.go
	{name: "dues handling", up: migrateDuesHandling},        // storage/dues_schema2.go
	{name: "hardship household index", up: indexHouseholds}, // storage/hardship.go
	{name: migrationDense, up: markDense},                   // storage/migrate_dense.go
}

// migrationVersion is the schema version the named migration brings a
// database to.
func migrationVersion(name string) uint32 {
	for i, m := range migrations {
		if m.name == name {
			return uint32(i + 1)
		}
	}
	panic("storage: no migration " + name)
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
		return s.finishMigrations()
	}
	// A database with data gets a backup before any step changes it; if
	// that backup cannot be written, nothing is migrated.
	if have > 0 {
		if _, err := s.AutoBackup(BackupMigrate); err != nil {
			return err
		}
	}
	err := s.db.Update(func(tx *bbolt.Tx) error {
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
	if err != nil {
		return err
	}
	return s.finishMigrations()
}

// finishMigrations does the work migrations leave to be done in chunks of
// transactions (see migrate_checksums.go). It runs on every writable open,
// so work a crash cut short goes on.
func (s *Store) finishMigrations() error {
	var checksums, dense bool
	s.db.View(func(tx *bbolt.Tx) error {
		checksums, dense = checksumsPending(tx), densePending(tx)
		return nil
	})
	if checksums {
		if err := s.finishChecksums(); err != nil {
			return err
		}
	}
	if dense {
		return s.finishDense()
	}
	return nil
}
