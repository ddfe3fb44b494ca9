package storage

import (
	"fmt"

	"go.etcd.io/bbolt"

	"unionbook/i18n"
	"unionbook/model"
)

// Dues and cash-book writes inside a Bulk transaction (the demo; later an
// import of dues history). Each does exactly what the Store method of the
// same name does, in the batch's one transaction.

// SaveProfile is Store.SaveProfile inside the batch's transaction.
func (b *Batch) SaveProfile(p model.Profile) error {
	if b.w == nil {
		return errBatchDone
	}
	err := b.w.saveProfile(&p)
	if err == errNoChange {
		return nil
	}
	return err
}

// RecordPayment is Store.RecordPayment inside the batch's transaction.
func (b *Batch) RecordPayment(p *model.DuesPayment) error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.recordPayment(p)
}

// RecordBatch is Store.RecordBatch inside the batch's transaction.
func (b *Batch) RecordBatch(db DuesBatch) ([]model.DuesPayment, error) {
	if b.w == nil {
		return nil, errBatchDone
	}
	return b.w.recordBatch(db)
}

// ReversePayment is Store.ReversePayment inside the batch's transaction.
func (b *Batch) ReversePayment(id uint64, date model.Date, reason string) (model.DuesPayment, error) {
	if b.w == nil {
		return model.DuesPayment{}, errBatchDone
	}
	return b.w.reversePayment(id, date, reason)
}

// AddLedgerEntry is Store.AddLedgerEntry inside the batch's transaction.
func (b *Batch) AddLedgerEntry(e *model.LedgerEntry) error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.addLedgerEntry(e)
}

// ReverseLedgerEntry is Store.ReverseLedgerEntry inside the batch's transaction.
func (b *Batch) ReverseLedgerEntry(id uint64, date model.Date, reason string) (model.LedgerEntry, error) {
	if b.w == nil {
		return model.LedgerEntry{}, errBatchDone
	}
	return b.w.reverseLedgerEntry(id, date, reason)
}

// The meta key "loading" (keyLoading) marks a database while a load that
// spans several transactions runs (the demo: one transaction for 2.4
// million payments would hold the whole file in memory); its value names
// the load. Every transaction of the load is whole, so a database whose
// load was interrupted still passes the check of each record, but it holds
// only part of the data: the check says so, and ResetInterruptedLoad
// empties it for the load to start again.

// MarkLoading marks the database as being loaded by name, in the batch's
// transaction: the first of the load.
func (b *Batch) MarkLoading(name string) error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.meta.Put(keyLoading, []byte(name))
}

// DoneLoading removes the mark in the batch's transaction: the last of the
// load, which commits it whole.
func (b *Batch) DoneLoading() error {
	if b.w == nil {
		return errBatchDone
	}
	return b.w.meta.Delete(keyLoading)
}

// InterruptedLoad names the load the database is marked with: "" when
// none, else a load that began and did not finish (or is running now in
// this process).
func (s *Store) InterruptedLoad() (name string, err error) {
	err = s.db.View(func(tx *bbolt.Tx) error {
		name = string(tx.Bucket(bucketMeta).Get(keyLoading))
		return nil
	})
	return name, err
}

// ResetInterruptedLoad empties a database whose load of name was
// interrupted, in one transaction: every table is dropped and the schema
// created again, as in a new file. A database not marked with name is left
// as it is and an error returned.
func (s *Store) ResetInterruptedLoad(name string) error {
	return writeError(s.path, s.db.Update(func(tx *bbolt.Tx) error {
		if name == "" || string(tx.Bucket(bucketMeta).Get(keyLoading)) != name {
			return i18n.E("err.internal", "reset of a database that is not an interrupted load of "+name)
		}
		var names [][]byte
		if err := tx.ForEach(func(n []byte, _ *bbolt.Bucket) error {
			names = append(names, append([]byte(nil), n...))
			return nil
		}); err != nil {
			return err
		}
		for _, n := range names {
			if err := tx.DeleteBucket(n); err != nil {
				return err
			}
		}
		for v, m := range migrations {
			if err := m.up(tx); err != nil {
				return fmt.Errorf("migration %d (%s): %w", v+1, m.name, err)
			}
		}
		return putSchemaVersion(tx, SchemaVersion())
	}))
}
