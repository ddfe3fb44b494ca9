package storage

import (
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"unionbook/model"
)

// The list of district packages written (bucket exports, layout.go).
// Recording an export writes its audit entry in the same transaction.

// ExportRecord is one package written: when, for which period (its records
// only, or every record), where, and the SHA-256 of the file, so the
// district can be told which file is the right one.
type ExportRecord struct {
	ID        uint64    `cbor:"1,keyasint"`
	At        time.Time `cbor:"2,keyasint"`
	Period    string    `cbor:"3,keyasint"` // "2026", "2026-H1", ...
	File      string    `cbor:"4,keyasint"`
	SHA256    string    `cbor:"5,keyasint"`
	Size      int64     `cbor:"6,keyasint,omitempty"`
	Encrypted bool      `cbor:"7,keyasint,omitempty"`
	Language  string    `cbor:"8,keyasint,omitempty"`
	Operator  string    `cbor:"9,keyasint,omitempty"`
	// PeriodOnly: the package held the period's records only (export
	// --period, the default). False for a whole package of every record
	// (--whole), as every package recorded before period packages came was.
	PeriodOnly bool `cbor:"10,keyasint,omitempty"`
}

func createExportBuckets(tx *bbolt.Tx) error {
	if _, err := tx.CreateBucketIfNotExists(bucketExports); err != nil {
		return fmt.Errorf("create bucket %s: %w", bucketExports, err)
	}
	return nil
}

// RecordExport adds a written package to the list (its ID and time set here).
func (s *Store) RecordExport(op string, rec *ExportRecord) error {
	c := *rec
	err := s.update(op, func(w *writer) error {
		b := w.tx.Bucket(bucketExports)
		id, err := b.NextSequence()
		if err != nil {
			return err
		}
		c.ID, c.At, c.Operator = id, w.now, op
		if err := w.put(b, itob(id), &c); err != nil {
			return err
		}
		changes := []model.FieldChange{
			{Field: "period", New: c.Period},
			{Field: "file", New: c.File},
			{Field: "sha256", New: c.SHA256},
			{Field: "records", New: exportScopeCode(c.PeriodOnly)},
		}
		return w.writeAudit(model.ActionExport, model.EntityExport, id, c.Period, changes)
	})
	if err != nil {
		return err
	}
	*rec = c
	return nil
}

// exportScopeCode is the audit log's code of a package's records: the
// period's only, or every record (model.AuditValue translates it).
func exportScopeCode(periodOnly bool) string {
	if periodOnly {
		return "period"
	}
	return "whole"
}

// Exports lists the packages written, newest first, at most limit (0: all).
func (s *Store) Exports(limit int) ([]ExportRecord, error) {
	var out []ExportRecord
	err := s.db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketExports)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.Last(); k != nil && (limit <= 0 || len(out) < limit); k, v = c.Prev() {
			var r ExportRecord
			if err := decode(v, &r); err != nil {
				return fmt.Errorf("export %d: %w", btoi(k), err)
			}
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// RecordListExport writes the audit entry of a list of the TUI written to
// a workbook: which list (its name as the user saw it), the file, how many
// rows, and whether the ID numbers went out whole (full) or masked as on
// screen. Nothing else is stored: the audit log is the record.
func (s *Store) RecordListExport(op, list, file string, rows int, full bool) error {
	return s.update(op, func(w *writer) error {
		changes := []model.FieldChange{
			{Field: "list", New: list},
			{Field: "file", New: file},
			{Field: "rows", New: fmt.Sprint(rows)},
			{Field: "full_ids", New: yesNo(full)},
		}
		return w.writeAudit(model.ActionExport, model.EntityList, 0, list, changes)
	})
}
